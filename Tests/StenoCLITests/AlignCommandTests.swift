import Foundation
import StenoTestSupport
import Testing

/// `steno align` run as a subprocess.
@Suite("steno align")
struct AlignCommandTests {
    static let librivox = SharedData.data("pocketsphinx/librivox")
    static func clip(_ n: String, _ suffix: String) -> String {
        librivox.appendingPathComponent("sense_and_sensibility_01_austen_64kb-\(n).\(suffix)").path
    }

    @Test("JSON has the documented keys; times in seconds tile the clip", .requiresSharedData)
    func json() throws {
        let result = try StenoProcess.run(["align", Self.clip("0880", "wav"), Self.clip("0880", "txt"), "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let objects = try StenoProcess.jsonObjects(result)
        let object = try #require(objects.first)
        #expect(Set(object.keys) == ["id", "words"])
        #expect(object["id"] as? String == "sense_and_sensibility_01_austen_64kb-0880")
        let words = try #require(object["words"] as? [[String: Any]])
        #expect(words.allSatisfy { Set($0.keys) == ["word", "pronunciation", "start", "end", "score", "phones"] })
        let real = words.filter { !(($0["word"] as? String) ?? "<").hasPrefix("<") }
        // `word` is the transcript's word, `pronunciation` the entry chosen (README: "was(2)", "an(2)").
        #expect(real.compactMap { $0["word"] as? String } == ["he", "was", "not", "an", "ill", "disposed", "young", "man"])
        #expect(real.compactMap { $0["pronunciation"] as? String }
                == ["he", "was(2)", "not", "an(2)", "ill", "disposed", "young", "man"])
        var previousEnd = 0.0
        for word in words {
            let start = try #require(word["start"] as? Double), end = try #require(word["end"] as? Double)
            #expect(abs(start - previousEnd) < 1e-9 && end > start)
            let phones = try #require(word["phones"] as? [[String: Any]])
            #expect(phones.allSatisfy { Set($0.keys) == ["phone", "start", "end"] })
            previousEnd = end
        }
        #expect(abs(previousEnd - 2.98) < 1e-9, "298 frames")
    }

    @Test("manifest: every utterance aligned; CTM, TextGrid files in --output-dir", .requiresSharedData)
    func manifest() throws {
        let folder = try Fixtures.makeTemporaryDirectory(prefix: "steno-align")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ctm = try StenoProcess.run(["align", "--manifest", Self.librivox.appendingPathComponent("manifest.tsv").path,
                                        "--format", "ctm", "--jobs", "2", "-q"])
        #expect(ctm.status == 0, "\(ctm.standardError)")
        let lines = ctm.standardOutput.split(separator: "\n")
        #expect(lines.count == 71)
        #expect(lines.allSatisfy { $0.split(separator: " ").count == 6 })
        // CTM carries words as scoring tools expect them, never the dictionary's "(2)" markers.
        #expect(lines.allSatisfy { !$0.split(separator: " ")[4].contains("(") })
        #expect(lines.contains { $0.split(separator: " ")[4] == "and" })
        let grids = try StenoProcess.run(["align", "--manifest", Self.librivox.appendingPathComponent("manifest.tsv").path,
                                          "--format", "textgrid", "--output-dir", folder.path, "-q"])
        #expect(grids.status == 0, "\(grids.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count == 5 && files.allSatisfy { $0.hasSuffix(".TextGrid") })
    }

    @Test("unknown words: exit 1 and one line naming them; usage errors exit 64", .requiresSharedData)
    func errors() throws {
        let result = try StenoProcess.run(["align", Self.clip("0930", "wav"), "he mightt even haev"])
        #expect(result.status == 1)
        #expect(result.standardErrorLines.count == 1)
        #expect(result.standardError.contains("mightt haev"))
        #expect(result.standardOutput.isEmpty)
        let usage = try StenoProcess.run(["align", Self.clip("0930", "wav")])
        #expect(usage.status == 64)
    }
}
