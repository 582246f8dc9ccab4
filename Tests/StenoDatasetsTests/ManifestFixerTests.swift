import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoDatasets

/// `--fix-out`: the cleaned manifest passes the checks with no error-level finding, every change is
/// reported, and the input is byte-identical afterwards.
@Suite struct ManifestFixerTests {
    @Test(arguments: [ManifestFixer.OutputFormat.manifest, .jsonl])
    func fixedLabelManifestHasNoErrors(format: ManifestFixer.OutputFormat) throws {
        let input = Fixtures.url("datasets/labels/manifest.tsv")
        let before = try Data(contentsOf: input)
        let dataset = try DatasetLoader().load(input.path)
        let checker = DatasetChecker(measurer: nil)
        let report = checker.check([dataset])
        #expect(report.hasFinding(atLeast: .error))

        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent(format == .jsonl ? "fixed.jsonl" : "fixed.tsv")
        let fixer = ManifestFixer()
        let result = fixer.fix(dataset, report: report, format: format)
        try fixer.write(result, of: dataset, to: output.path, format: format)

        #expect(try Data(contentsOf: input) == before)
        let fixed = try DatasetLoader().load(output.path)
        #expect(fixed.format == (format == .jsonl ? .jsonl : .manifest))
        let recheck = checker.check([fixed])
        #expect(!recheck.hasFinding(atLeast: .error), "\(recheck.findings.filter { $0.severity == .error })")
        // The same audio files, reached through paths relative to the new manifest's folder.
        #expect(Set(fixed.utterances.compactMap(\.audio?.url?.path))
            .isSubset(of: Set(dataset.utterances.compactMap(\.audio?.url?.path))))

        let dropped = Set(result.changes.filter(\.dropped).map(\.id))
        #expect(dropped == ["planted/empty.wav", "planted/spaces.wav", "planted/latin1.wav"])
        let changed = Dictionary(grouping: result.changes.filter { !$0.dropped }, by: \.rule).mapValues { $0.map(\.id) }
        #expect(changed[.normaliseWhitespace] == ["planted/control.wav"])
        #expect(changed[.normaliseCase] == ["planted/case.wav"])
        #expect(changed[.removePunctuation] == ["planted/punctuation.wav", "planted/dotted.wav"])
        #expect(fixed.utterances.first { $0.id.rawValue.hasSuffix("case.wav") }?.transcript == "yes please")
        #expect(fixed.utterances.first { $0.id.rawValue.hasSuffix("control.wav") }?.transcript == "bed room")
        #expect(fixed.utterances.first { $0.id.rawValue.hasSuffix("punctuation.wav") }?.transcript == "no thank you")
        // The kept count: every utterance read, minus the dropped ones.
        #expect(fixed.utterances.count == dataset.utterances.count - dropped.count)
    }

    @Test func refusesToOverwriteItsInput() throws {
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("manifest.tsv")
        try Data("a.wav\thello\n".utf8).write(to: input)
        let dataset = try DatasetLoader().load(input.path)
        let report = DatasetChecker(measurer: nil).check([dataset])
        let fixer = ManifestFixer()
        let result = fixer.fix(dataset, report: report, format: .manifest)
        // Also through a different spelling of the same path.
        for path in [input.path, folder.path + "/./manifest.tsv"] {
            #expect(throws: DatasetError.self) { try fixer.write(result, of: dataset, to: path, format: .manifest) }
        }
        #expect(try String(contentsOf: input, encoding: .utf8) == "a.wav\thello\n")
    }

    @Test func segmentsNeedJSONLOutput() throws {
        let dataset = try DatasetLoader().load(Fixtures.url("datasets/formats/kaldi").path)
        let report = DatasetChecker(measurer: nil).check([dataset])
        let manifest = ManifestFixer().fix(dataset, report: report, format: .manifest)
        #expect(manifest.changes.filter { $0.rule == .dropUnrepresentable }.map(\.id) == ["utt1", "utt2", "utt3"])
        let jsonl = ManifestFixer().fix(dataset, report: report, format: .jsonl)
        #expect(jsonl.utterances.map(\.id.rawValue) == ["utt1", "utt2", "utt3"])

        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("fixed.jsonl")
        try ManifestFixer().write(jsonl, of: dataset, to: output.path, format: .jsonl)
        let reread = try DatasetLoader().load(output.path)
        let first = try #require(reread.utterances.first)
        guard case .segment(let url, _, let start, let end)? = first.audio else {
            Issue.record("segment lost in JSONL: \(String(describing: first.audio))")
            return
        }
        #expect(url.path == dataset.utterances[0].audio?.url?.path)
        #expect(start == 0 && end == 0.5)
        #expect(first.speaker == "spk1")
    }

    @Test func relativePaths() {
        #expect(URL(fileURLWithPath: "/a/b/c.wav").path(relativeTo: URL(fileURLWithPath: "/a/b")) == "c.wav")
        #expect(URL(fileURLWithPath: "/a/x/c.wav").path(relativeTo: URL(fileURLWithPath: "/a/b")) == "../x/c.wav")
        // Sharing only the root: the fixer writes the absolute path, as its documentation says.
        #expect(URL(fileURLWithPath: "/data/c.wav").path(relativeTo: URL(fileURLWithPath: "/tmp/out")) == nil)
    }
}
