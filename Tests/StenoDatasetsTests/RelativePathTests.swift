import Foundation
import StenoDatasets
import Testing

@Suite("URL.path(relativeTo:)")
struct RelativePathTests {
    @Test("paths below, beside and above the folder", arguments: [
        ("/data/set/a.wav", "/data/set", "a.wav"),
        ("/data/set/wav/a.wav", "/data/set", "wav/a.wav"),
        ("/data/wav/a.wav", "/data/set/lists", "../../wav/a.wav"),
        ("/data/set/../wav/./a.wav", "/data/set", "../wav/a.wav"),
        ("/data/set", "/data/set", "."),
    ])
    func relative(file: String, folder: String, expected: String) {
        #expect(URL(fileURLWithPath: file).path(relativeTo: URL(fileURLWithPath: folder, isDirectory: true)) == expected)
    }

    @Test("nil when only the root is shared")
    func onlyTheRoot() {
        #expect(URL(fileURLWithPath: "/mnt/a.wav").path(relativeTo: URL(fileURLWithPath: "/home/me")) == nil)
    }
}
