import Foundation
import StenoCore
import StenoFeatures
import StenoTestSupport
import Testing

/// Streaming equals whole-utterance output, over seeded random chunkings (a property test).
@Suite("Streaming equals whole utterance")
struct StreamingTests {
    static func presets() throws -> [(String, MFCCOptions)] {
        var sphinx = try MFCCOptions.sphinx(modelDirectory: Fixtures.bundledModel.appendingPathComponent("acoustic"))
        sphinx.cmn = .batch
        var sphinxNoCMN = sphinx
        sphinxNoCMN.cmn = .none
        var kaldi = MFCCOptions.kaldi
        kaldi.featureType = .cepstraDeltasDoubleDeltas
        return [("sphinx batch 1s_c_d_dd", sphinx), ("sphinx no CMN 1s_c_d_dd", sphinxNoCMN),
                ("kaldi + deltas", kaldi), ("htk", .htk)]
    }

    @Test("random chunk sizes (1 to 5000 samples, 20 seeds per preset) give identical frames")
    func randomChunkings() throws {
        let audio = try TestAudio.wav16(Fixtures.url("audio/goforward.wav"))
        for (name, options) in try Self.presets() {
            let pipeline = try FeaturePipeline(options: options)
            let whole = try pipeline.features(from: audio)
            #expect(whole.frameCount > 0)
            for seed in 0..<20 {
                var generator = SignalGenerator(seed: UInt64(seed))
                let session = pipeline.makeSession()
                var streamed = FeatureMatrix(dimension: whole.dimension)
                var start = 0
                while start < audio.samples.count {
                    // Mostly small chunks, sometimes single samples, sometimes large ones.
                    let size = seed % 5 == 0 ? 1 + Int(generator.nextUnit() * 3) : 1 + Int(generator.nextUnit() * 5000)
                    let end = min(start + size, audio.samples.count)
                    let chunk = AudioBuffer(samples: Array(audio.samples[start..<end]), sampleRate: .speech16k)
                    streamed.values += try session.process(chunk).values
                    start = end
                }
                streamed.values += try session.finishUtterance().values
                #expect(streamed.values == whole.values, "\(name), seed \(seed)")
            }
        }
    }

    @Test("the extractor is reusable: a second utterance after finishing equals a fresh one without noise removal")
    func reuse() throws {
        let audio = try TestAudio.wav16(Fixtures.url("audio/goforward.wav"))
        let extractor = try MFCCExtractor(options: MFCCOptions())
        let first = try extractor.cepstra(from: audio)
        let second = try extractor.cepstra(from: audio)
        #expect(first == second)
    }

    @Test("pipelines run concurrently on shared FFT plans and agree with a serial run")
    func concurrent() async throws {
        let audio = try TestAudio.wav16(Fixtures.url("audio/goforward.wav"))
        let pipeline = try FeaturePipeline(options: .kaldi)
        let serial = try pipeline.features(from: audio)
        let results = try await withThrowingTaskGroup(of: FeatureMatrix.self) { group in
            for _ in 0..<8 { group.addTask { try pipeline.features(from: audio) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == serial })
    }
}
