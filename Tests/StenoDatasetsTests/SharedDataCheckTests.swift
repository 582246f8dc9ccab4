import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoDatasets

/// The shared dev manifests, read and measured in full.
@Suite(.requiresSharedData) struct SharedDataCheckTests {
    @Test func devManifestsReadAndMeasureCompletely() throws {
        let an4 = try DatasetLoader().load(SharedData.data("dev/an4/manifest.tsv").path)
        let commands = try DatasetLoader().load(SharedData.data("dev/speech_commands/manifest.tsv").path)
        #expect(an4.utterances.count == 38 && commands.utterances.count == 150)
        #expect(an4.issues.isEmpty && commands.issues.isEmpty)
        let report = DatasetChecker(measurer: try AudioFileMeasurer()).check([an4, commands])
        #expect(report.summary.audioMeasured == 188)
        // Real, clean manifests: no structural error, no wrong rate, one convention throughout.
        #expect(!report.hasFinding(atLeast: .error), "\(report.findings.filter { $0.severity == .error })")
        for check in ["mixed-case", "mixed-punctuation", "mixed-number-style", "sample-rate-mismatch",
                      "channel-mismatch", "encoding-mismatch", "audio-hash-conflict", "duplicate-audio"] {
            #expect(!report.findings.contains { $0.check == check }, "\(check)")
        }
        // Words shared by the two sets ("yes", "no", "go", "stop") are reported as text overlap.
        let overlap = try #require(report.findings.first { $0.check == "split-text-overlap" })
        #expect(Set(overlap.items.map(\.detail).map { $0.components(separatedBy: "\"")[1] }) == ["go", "no", "stop", "yes"])
        // Silence around these clips: a few tenths of a second, as listening to them suggests.
        let silence = try #require(report.summary.silence)
        #expect(silence.clipCount == 188)
        #expect((0.05...1.0).contains(silence.leadingMedianSeconds))
        #expect((0.05...1.0).contains(silence.trailingMedianSeconds))
        #expect(silence.leadingP95Seconds >= silence.leadingMedianSeconds)
    }

    @Test func theDevClipsAreInTheBundledDictionary() throws {
        let dictionary = try DatasetChecker.lexiconWords(contentsOf: Fixtures.bundledModel.appendingPathComponent("cmudict-en-us.dict"))
        let datasets = try ["dev/an4/manifest.tsv", "dev/speech_commands/manifest.tsv"].map {
            try DatasetLoader().load(SharedData.data($0).path)
        }
        let report = DatasetChecker(measurer: nil).check(datasets, lexiconWords: dictionary)
        #expect(!report.findings.contains { $0.check == "oov-words" })
        #expect(report.summary.checksRun.contains("oov-words"))
    }

    /// The shared hostile WAVs as a dataset's audio: each is reported as unreadable (or measured, if
    /// libsndfile can decode it), never a crash, and the clean clip beside them is measured.
    @Test func hostileAudioFilesBecomeFindings() throws {
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["awful.wav", "bad.wav", "evil.wav", "null.wav"]
        var lines = names.map { "\(SharedData.data("hostile/" + $0).path)\tword" }
        lines.append("\(SharedData.data("dev/an4/wav/test_fcaw_an409-fcaw-b.wav").path)\tgo")
        let url = folder.appendingPathComponent("manifest.tsv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        let report = DatasetChecker(measurer: try AudioFileMeasurer()).check([try DatasetLoader().load(url.path)])
        let unreadable = Set(report.findings.first { $0.check == "unreadable-audio" }?.items.map(\.id) ?? [])
        #expect(unreadable.count + report.summary.audioMeasured == 5)
        #expect(unreadable.contains(SharedData.data("hostile/bad.wav").path))
        #expect(unreadable.contains(SharedData.data("hostile/null.wav").path))
        #expect(!unreadable.contains(SharedData.data("dev/an4/wav/test_fcaw_an409-fcaw-b.wav").path))
        for item in report.findings.first { $0.check == "unreadable-audio" }?.items ?? [] {
            #expect(!item.detail.isEmpty && !item.detail.contains("\n"))
        }
    }
}
