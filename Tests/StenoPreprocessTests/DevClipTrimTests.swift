import Foundation
import StenoAudio
import StenoCore
import StenoPreprocess
import StenoTestSupport
import Testing

/// Real speech from the shared dev set (speech_commands and an4 clips).
@Suite("Trimming real clips")
struct DevClipTrimTests {
    static func devClips() throws -> [URL] {
        let root = SharedData.data("dev")
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension.lowercased() == "wav" }
            .sorted { $0.path < $1.path }
    }

    @Test("trimming twice equals trimming once on every dev clip", .requiresSharedData)
    func idempotentOnDevClips() throws {
        let files = try Self.devClips()
        try #require(files.count > 100, "expected the dev set's clips under \(SharedData.data("dev").path)")
        let trimmer = try SilenceTrimmer()
        let reader = AudioReader()
        var withSpeech = 0
        for file in files {
            let once = trimmer.trim(try reader.read(file.path))
            let twice = trimmer.trim(once.trimmed)
            let unchanged = twice.trimmed == once.trimmed
            #expect(unchanged, "\(file.lastPathComponent): second trim kept \(twice.keptSampleRange) of \(once.trimmed.frameCount)")
            if once.containsSpeech {
                withSpeech += 1
                // The cut never reaches into the speech the first pass found (repeated passes may move
                // the edges inward, but by less than the padding).
                #expect(once.removedLeadingSeconds <= once.leadingSilenceSeconds + 1e-9, "\(file.lastPathComponent)")
                #expect(once.removedTrailingSeconds <= once.trailingSilenceSeconds + 1e-9, "\(file.lastPathComponent)")
            }
        }
        // Every dev clip is a spoken word or sentence: speech must be found in (nearly) all of them.
        #expect(withSpeech >= files.count * 95 / 100, "speech found in only \(withSpeech) of \(files.count) clips")
    }
}
