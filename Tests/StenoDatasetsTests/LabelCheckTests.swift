import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoDatasets

/// The label and structure checks on Fixtures/datasets/labels (planted cases listed in its README):
/// every planted problem is found, and no clean item appears in any finding.
@Suite struct LabelCheckTests {
    let path = Fixtures.url("datasets/labels/manifest.tsv").path

    private func report() throws -> CheckReport {
        let dataset = try DatasetLoader().load(path)
        return DatasetChecker(measurer: nil).check([dataset])
    }

    private func ids(_ report: CheckReport, _ check: String) -> [String] {
        report.findings.first { $0.check == check }?.items.map(\.id) ?? []
    }

    @Test func everyPlantedLabelProblemIsFound() throws {
        let report = try report()
        let expected: [String: [String]] = [
            "mixed-case": ["planted/case.wav"],
            "mixed-punctuation": ["planted/punctuation.wav"],
            "mixed-number-style": ["planted/digits.wav"],
            "mixed-spelled-letters": ["planted/dotted.wav", "planted/whole-word.wav"],
            "mixed-filler-marking": ["planted/square-tag.wav"],
            "near-duplicate-spelling": ["planted/typo.wav"],
            "control-characters": ["planted/control.wav"],
            "empty-transcript": ["planted/empty.wav", "planted/spaces.wav"],
            "duplicate-id": ["clean/01.wav"],
            "manifest-malformed": ["\(path):27"],
            "invalid-utf8": ["planted/latin1.wav"],
        ]
        for (check, items) in expected {
            #expect(ids(report, check) == items, "\(check)")
        }
        #expect(Set(report.findings.map(\.check)) == Set(expected.keys))
    }

    @Test func cleanItemsHaveNoFinding() throws {
        let report = try report()
        for finding in report.findings where finding.check != "duplicate-id" {
            // duplicate-id names clean/01.wav because a planted line reuses its id.
            let clean = finding.items.filter { $0.id.hasPrefix("clean/") }
            #expect(clean.isEmpty, "\(finding.check): \(clean)")
        }
    }

    @Test func findingsExplainThemselves() throws {
        let report = try report()
        for finding in report.findings {
            let descriptor = try #require(CheckCatalog.check(id: finding.check)?.descriptor)
            #expect(finding.severity == descriptor.severity)
            #expect(finding.message.contains(descriptor.rationale))
            #expect(!finding.items.isEmpty)
        }
        let typo = try #require(report.findings.first { $0.check == "near-duplicate-spelling" })
        #expect(typo.items.first?.detail == "'marvyn' (1×) vs 'marvin' (5×)")
        let spelled = try #require(report.findings.first { $0.check == "mixed-spelled-letters" })
        #expect(spelled.items.last?.detail == "'pittsburgh' written whole here, spelled out in 2 transcripts")
    }

    @Test func lexiconCoverageCountsMissingWords() throws {
        let dataset = try DatasetLoader().load(path)
        let vocabulary = Set(dataset.utterances.compactMap(\.transcript).flatMap { TranscriptProfile($0).words })
        let lexicon = vocabulary.subtracting(["marvin", "marvyn", "sheila"])
        let report = DatasetChecker(measurer: nil).check([dataset], lexiconWords: lexicon)
        let finding = try #require(report.findings.first { $0.check == "oov-words" })
        #expect(finding.message.contains("3 distinct words, 7 occurrences in 6 transcripts (marvin ×5, marvyn ×1, sheila ×1)"))
        #expect(finding.items.map(\.id) == ["clean/01.wav", "clean/02.wav", "clean/03.wav", "clean/04.wav", "clean/05.wav", "planted/typo.wav"])
        #expect(finding.items[4].detail == "not in the dictionary: marvin, sheila")
        #expect(report.summary.checksSkipped["oov-words"] == nil)
        #expect(DatasetChecker(measurer: nil).check([dataset]).summary.checksSkipped["oov-words"] == "needs --lexicon")
    }

    @Test func splitOverlapAcrossKaldiDirectories() throws {
        let train = try DatasetLoader().load(Fixtures.url("datasets/splits/train").path)
        let test = try DatasetLoader().load(Fixtures.url("datasets/splits/test").path)
        let report = DatasetChecker(measurer: nil).check([train, test])
        let speakers = try #require(report.findings.first { $0.check == "split-speaker-overlap" })
        #expect(speakers.items.map(\.id) == ["spka-9"])
        #expect(speakers.items[0].detail.contains("speaker spka also in \(train.name)"))
        let texts = try #require(report.findings.first { $0.check == "split-text-overlap" })
        #expect(texts.items.map(\.id) == ["spkc-1"])
        // One dataset alone: no split checks.
        let single = DatasetChecker(measurer: nil).check([train])
        #expect(single.summary.checksSkipped["split-text-overlap"] == "needs two or more datasets")
    }

    @Test func reportIsIndependentOfDatasetOrderWithinAFile() throws {
        // Same manifest read twice gives identical findings (no hash-order dependence).
        let first = try report()
        let second = try report()
        #expect(first.findings == second.findings)
    }

    @Test func knownAndRuleBasedVariantSpellings() throws {
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = ["the color red", "a color", "color me", "colour blind", "ok go", "ok then", "ok", "okay",
                     "three trees", "there", "three", "three more", "three again"]
        let manifest = lines.enumerated().map { "\($0.offset).wav\t\($0.element)" }.joined(separator: "\n") + "\n"
        let url = folder.appendingPathComponent("manifest.tsv")
        try Data(manifest.utf8).write(to: url)
        let report = DatasetChecker(measurer: nil).check([try DatasetLoader().load(url.path)])
        let finding = try #require(report.findings.first { $0.check == "near-duplicate-spelling" })
        #expect(finding.items == [
            FindingItem(id: "3.wav", detail: "'colour' (1×) vs 'color' (3×)"),
            FindingItem(id: "7.wav", detail: "'okay' (1×) vs 'ok' (3×)"),
        ])  // "there" is not taken for a typo of the frequent "three": five letters is too short to tell.
    }
}
