import Foundation
import StenoAcoustic
import StenoCore
import StenoTestSupport
import Testing

/// Done-when 1 of issue 6: every senone score equals pocketsphinx 5.1.1's own dump.
@Suite("Senone scores vs pocketsphinx dumps")
struct SenoneScoreDumpTests {
    static let model = Result { try AcousticModel(directory: Fixtures.bundledModel.appendingPathComponent("acoustic")) }

    /// Replays a dump in pocketsphinx's call order (phone loop frame t, then the search's frame
    /// t − 5 once t ≥ 5) and counts exact matches. The replay asks for exactly the senones each
    /// record holds; the session itself decides when a frame's top-N is computed or reused.
    func replay(_ folder: String) throws -> (exact: Int, total: Int, firstMismatch: String?) {
        let model = try Self.model.get()
        let scorer = try TiedMixtureScorer(model: model)
        let dir = SharedData.data("sphinx-reference/\(folder)")
        let features = SphinxDumps.features(fromCepstra: try SphinxDumps.cepstra(dir.appendingPathComponent("000000000.mfc")))
        let records = try SphinxDumps.senoneRecords(dir.appendingPathComponent("000000000.sen"), senoneCount: model.senoneCount)
        var order: [Int] = []
        for t in 0..<features.frameCount {
            order.append(t)
            if t >= 5 { order.append(t - 5) }
        }
        let session = scorer.makeScoringSession()
        var scores = [Int32](repeating: 0, count: model.senoneCount)
        var exact = 0, total = 0
        var firstMismatch: String?
        for (index, record) in records.enumerated() {
            let frame = order[index]
            let ids = record.senones ?? (0..<Int32(model.senoneCount)).map { $0 }
            session.score(frame: frame, of: features, senones: record.senones.map { .active($0) } ?? .all, into: &scores)
            for (k, senone) in ids.enumerated() {
                total += 1
                if -scores[Int(senone)] == Int32(record.scores[k]) {
                    exact += 1
                } else if firstMismatch == nil {
                    firstMismatch = "record \(index) frame \(frame) senone \(senone): ours \(-scores[Int(senone)]), pocketsphinx \(record.scores[k])"
                }
            }
        }
        return (exact, total, firstMismatch)
    }

    @Test("goforward, active senones only (gf_noise)", .requiresSharedData)
    func activeSenones() throws {
        let result = try replay("gf_noise")
        #expect(result.total == 2_824_426)
        #expect(result.exact == result.total, "\(result.firstMismatch ?? "")")
    }

    @Test("librivox 0870, all senones (lv0870_all)", .requiresSharedData)
    func allSenones() throws {
        let result = try replay("lv0870_all")
        #expect(result.total == 7_243_038)
        #expect(result.exact == result.total, "\(result.firstMismatch ?? "")")
    }
}
