import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoDatasets

/// The alignment-fit rule on fits given per utterance (the aligner itself is tested in
/// StenoDecoderTests and end to end in StenoCLITests/CheckAlignTests).
@Suite struct AlignmentFitCheckTests {
    /// A manifest of `count` utterances u0…, written to a temporary folder.
    func dataset(_ count: Int) throws -> Dataset {
        let folder = try Fixtures.makeTemporaryDirectory(prefix: "steno-fit")
        let manifest = folder.appendingPathComponent("manifest.tsv")
        let lines = (0..<count).map { "u\($0).wav\tword \($0)" }.joined(separator: "\n") + "\n"
        try Data(lines.utf8).write(to: manifest)
        return try DatasetLoader().load(manifest.path)
    }

    func flagged(_ scores: [Double?], deviations: Double = 4) throws -> [String: String] {
        let data = try dataset(scores.count)
        let check = AlignmentFitCheck(deviations: deviations, workerCount: 3) { entry in
            let index = Int(entry.utterance.audio!.written.dropFirst().dropLast(4))!
            return scores[index].map { .scorePerFrame($0) } ?? .failed("too few frames")
        }
        let report = DatasetChecker(checks: [check], measurer: nil).check([data])
        let items = report.findings.first { $0.check == "alignment-fit" }?.items ?? []
        return Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.detail) })
    }

    @Test func farWorseScoresAndFailuresAreFlagged() throws {
        // Twelve ordinary fits spread around −16, one far worse, one that cannot be aligned.
        var scores: [Double?] = (0..<12).map { -16 + Double($0 % 5) - 2 }
        scores.append(-55)
        scores.append(nil)
        let found = try flagged(scores)
        #expect(Set(found.keys) == ["u12.wav", "u13.wav"])
        #expect(found["u13.wav"]?.contains("too few frames") == true)
        #expect(found["u12.wav"]?.contains("-55") == true)
    }

    @Test func aUniformSetHasNoFinding() throws {
        #expect(try flagged((0..<10).map { -15 - Double($0) * 0.1 }).isEmpty)
    }

    @Test func tooFewUtterancesAreNotCompared() throws {
        #expect(try flagged([-15, -16, -60]).isEmpty)
    }

    @Test func itIsNotInTheCatalogButDescribesItself() {
        #expect(CheckCatalog.check(id: "alignment-fit") == nil)
        #expect(AlignmentFitCheck.checkDescriptor.category == .labels)
    }
}
