import Foundation
import StenoAcoustic
import StenoCore
import StenoTestSupport
import Testing

@Suite("Scoring session behaviour")
struct ScoringSessionTests {
    static let model = Result { try AcousticModel(directory: Fixtures.bundledModel.appendingPathComponent("acoustic")) }

    func features() throws -> FeatureMatrix {
        SphinxDumps.features(fromCepstra: try SphinxDumps.cepstra(SharedData.data("sphinx-reference/gf_noise/000000000.mfc")))
    }

    func pass(_ session: any SenoneScoringSession, _ features: FeatureMatrix, frames: Range<Int>) -> [[Int32]] {
        var scores = [Int32](repeating: 0, count: 5126)
        return frames.map { frame in
            session.score(frame: frame, of: features, senones: .all, into: &scores)
            return scores
        }
    }

    @Test("best scored senone is 0, the others negative; unrequested senones untouched", .requiresSharedData)
    func normalisation() throws {
        let scorer = try TiedMixtureScorer(model: try Self.model.get())
        let f = try features()
        let session = scorer.makeScoringSession()
        var scores = [Int32](repeating: 7, count: 5126)
        let active: [Int32] = [10, 11, 400, 401, 2000]
        session.score(frame: 0, of: f, senones: .active(active), into: &scores)
        let scored = active + [266, 656, 911, 1166, 1421, 1676, 1931]  // bridging: a senone every 255 ids across gaps > 255
        #expect(scored.map { scores[Int($0)] }.max() == 0)
        #expect(scored.allSatisfy { scores[Int($0)] <= 0 })
        let untouched = (0..<5126).filter { !scored.contains(Int32($0)) }
        #expect(untouched.allSatisfy { scores[$0] == 7 })
    }

    @Test("a second pass after rewind() recomputes from the carried-over history; a new session starts clean", .requiresSharedData)
    func passes() throws {
        let scorer = try TiedMixtureScorer(model: try Self.model.get())
        let f = try features()
        let frames = 0..<f.frameCount
        let first = scorer.makeScoringSession()
        let firstPass = pass(first, f, frames: frames)
        first.rewind()
        let secondPass = pass(first, f, frames: frames)
        // A fresh session reproduces the first pass exactly (determinism).
        #expect(pass(scorer.makeScoringSession(), f, frames: frames) == firstPass)
        // With every codebook active the full scan finds the same best Gaussians whatever the
        // history, so the second pass equals the first.
        #expect(secondPass == firstPass)
        // Without rewind(), frames whose ring slot was reused are recomputed just the same.
        let implicit = scorer.makeScoringSession()
        _ = pass(implicit, f, frames: frames)
        #expect(pass(implicit, f, frames: frames) == secondPass)
        // Re-asking a recent frame reuses its Gaussians: same scores.
        var again = [Int32](repeating: 0, count: 5126)
        first.score(frame: f.frameCount - 3, of: f, senones: .all, into: &again)
        #expect(again == secondPass[f.frameCount - 3])
    }

    @Test("8-bit mixture weights (sendump, float mixture_weights) are proper distributions", .requiresSharedData)
    func mixtureWeights() throws {
        // (tidigits' 4-bit clustered weights are too coarse for this: 16 levels, sums 0.28-1.57.)
        let folders = [Fixtures.bundledModel.appendingPathComponent("acoustic"), SharedData.data("pocketsphinx/an4_ci_cont")]
        for folder in folders {
            let w = try AcousticModel(directory: folder).mixtureWeights
            // Σ_g 1.0001^(−1024·v) over one senone's mixture is ≈ 1 (quantisation loses a little).
            for senone in stride(from: 0, to: w.senoneCount, by: 7) {
                for stream in 0..<w.streamCount {
                    var sum = 0.0
                    for density in 0..<w.densityCount {
                        sum += pow(1.0001, -1024 * Double(w.penalty(stream: stream, density: density, senone: senone)))
                    }
                    #expect(sum > 0.6 && sum < 1.1, "\(folder.lastPathComponent) senone \(senone) stream \(stream): \(sum)")
                }
            }
        }
    }
}
