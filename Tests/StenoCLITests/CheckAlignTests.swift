import Foundation
import StenoTestSupport
import Testing

/// Done-when 5 of issue 6: `steno check --align` on the AN4 dev set with three pairs of
/// transcripts swapped flags exactly the six swapped utterances.
@Suite("steno check --align")
struct CheckAlignTests {
    @Test("swapped transcripts are flagged, nothing else", .requiresSharedData)
    func swapped() throws {
        let an4 = SharedData.data("dev/an4")
        var rows = try String(contentsOf: an4.appendingPathComponent("manifest.tsv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: "\t", maxSplits: 1).map(String.init) }
        var swapped: Set<String> = []
        for (a, b) in [(7, 10), (13, 19), (22, 25)] {
            #expect(rows[a][1] != rows[b][1])
            (rows[a][1], rows[b][1]) = (rows[b][1], rows[a][1])
            swapped.formUnion([an4.appendingPathComponent(rows[a][0]).path, an4.appendingPathComponent(rows[b][0]).path])
        }
        let folder = try Fixtures.makeTemporaryDirectory(prefix: "steno-check-align")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("manifest.tsv")
        try Data(rows.map { "\(an4.appendingPathComponent($0[0]).path)\t\($0[1])" }.joined(separator: "\n").utf8).write(to: manifest)

        let result = try StenoProcess.run(["check", "--align", "--no-audio", "--format", "json", manifest.path])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let fit = try #require(findings.first { $0["check"] as? String == "alignment-fit" })
        let ids = Set((fit["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        #expect(ids == swapped)
    }
}
