import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoDatasets

/// Done-when 1: a dataset built from the shared dev clips with every kind of problem planted yields a
/// finding for each planted problem and none for the clean items.
@Suite(.requiresSharedData) struct PlantedProblemTests {
    @Test func everyPlantedProblemIsFoundAndCleanItemsAreNot() throws {
        let folder = try Fixtures.makeTemporaryDirectory(prefix: "steno-planted")
        // STENO_KEEP_PLANTED=1 keeps the dataset to look at with `steno check`.
        let keep = ProcessInfo.processInfo.environment["STENO_KEEP_PLANTED"] == "1"
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        if keep { print("planted dataset kept at \(folder.path)") }
        let planted = try PlantedDataset.build(in: folder)
        let train = try DatasetLoader().load(planted.train.path)
        let test = try DatasetLoader().load(planted.test.path)
        let report = DatasetChecker(measurer: try AudioFileMeasurer())
            .check([train, test], lexiconWords: planted.lexiconWords)

        // Every planted problem: its check reports that utterance.
        for (check, ids) in planted.expected.sorted(by: { $0.key < $1.key }) {
            let found = Set(report.findings.filter { $0.check == check }.flatMap(\.items).map(\.id))
            #expect(ids.isSubset(of: found), "\(check): missing \(ids.subtracting(found).sorted()); found \(found.sorted())")
        }
        // Every check in the catalog has a planted case here.
        let plantedChecks = Set(planted.expected.keys)
        #expect(plantedChecks == Set(CheckCatalog.descriptors.map(\.id)),
                "not planted: \(Set(CheckCatalog.descriptors.map(\.id)).subtracting(plantedChecks).sorted())")

        // No clean item in any finding (duplicate-id names a clean id because a planted line reuses it).
        for finding in report.findings {
            let cleanItems = finding.items.filter { planted.clean.contains($0.id) }
            if finding.check == "duplicate-id" {
                #expect(cleanItems.map(\.id) == ["sc-bed-a8cb"])
                continue
            }
            #expect(cleanItems.isEmpty, "\(finding.check) flags clean items: \(cleanItems)")
            if !PlantedDataset.supportingAllowedChecks.contains(finding.check) {
                let supporting = finding.items.filter { planted.supporting.contains($0.id) }
                #expect(supporting.isEmpty, "\(finding.check) flags supporting clips: \(supporting)")
            }
            let setters = finding.items.filter { planted.conventionSetters.contains($0.id) }
            #expect(setters.isEmpty, "\(finding.check) flags convention setters: \(setters)")
        }
    }

    @Test func reportIsIdenticalWithOneOrTwoWorkers() throws {
        let folder = try Fixtures.makeTemporaryDirectory(prefix: "steno-planted")
        defer { try? FileManager.default.removeItem(at: folder) }
        let planted = try PlantedDataset.build(in: folder)
        let datasets = try [planted.train, planted.test].map { try DatasetLoader().load($0.path) }
        let measurer = try AudioFileMeasurer()
        let one = DatasetChecker(measurer: measurer, workerCount: 1).check(datasets)
        let two = DatasetChecker(measurer: measurer, workerCount: 2).check(datasets)
        let four = DatasetChecker(measurer: measurer, workerCount: 4).check(datasets)
        #expect(one.findings == two.findings)
        #expect(one.findings == four.findings)
        #expect(one.summary.silence == two.summary.silence)
    }

    /// Done-when 3 with audio: the cleaned copy of the planted train set (JSONL, which keeps the Kaldi
    /// segments) has no error-level finding, and no file of the input changed.
    @Test func fixOutOfThePlantedSetHasNoErrorsAndLeavesItAlone() throws {
        let folder = try Fixtures.makeTemporaryDirectory(prefix: "steno-planted")
        defer { try? FileManager.default.removeItem(at: folder) }
        let planted = try PlantedDataset.build(in: folder)
        let snapshot = try Self.contents(of: planted.train)
        let train = try DatasetLoader().load(planted.train.path)
        let checker = DatasetChecker(measurer: try AudioFileMeasurer())
        let report = checker.check([train])
        #expect(report.hasFinding(atLeast: .error))

        let output = folder.appendingPathComponent("fixed.jsonl")
        let fixer = ManifestFixer()
        let result = fixer.fix(train, report: report, format: .jsonl)
        try fixer.write(result, of: train, to: output.path, format: .jsonl)
        let recheck = checker.check([try DatasetLoader().load(output.path)])
        #expect(!recheck.hasFinding(atLeast: .error), "\(recheck.findings.filter { $0.severity == .error })")
        #expect(try Self.contents(of: planted.train) == snapshot)

        let dropped = Set(result.changes.filter(\.dropped).map(\.id))
        for id in ["p-no-label", "p-no-audio", "p-missing-file", "p-piped", "p-unreadable", "p-empty", "p-latin1",
                   "p-malformed", "p-rate", "p-zero", "p-conflict-a", "p-conflict-b"] {
            #expect(dropped.contains(id), "\(id) not dropped")
        }
        // Clean utterances all survive unchanged.
        let kept = Dictionary(uniqueKeysWithValues: result.utterances.map { ($0.id.rawValue, $0.transcript ?? "") })
        for clip in PlantedDataset.cleanClips + PlantedDataset.supportingClips {
            #expect(kept[clip.id] == clip.text, "\(clip.id)")
        }
    }

    /// Every file under `folder` with its bytes.
    static func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        for name in names {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                result[name] = try Data(contentsOf: url)
            }
        }
        return result
    }
}
