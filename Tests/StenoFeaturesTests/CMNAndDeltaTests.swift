import Foundation
import StenoCore
@testable import StenoFeatures
import StenoTestSupport
import Testing

/// Batch CMN and `1s_c_d_dd` against values of the Python oracle (Fixtures/features/
/// make_sphinx_golden.py), on a signal with digital silence so that batch CMN skips frames.
/// Comparisons are bit-exact: the notes show Sphinx's single-precision steps reproduce exactly.
@Suite("CMN and 1s_c_d_dd")
struct CMNAndDeltaTests {
    struct Golden: Decodable {
        struct Case: Decodable {
            let frames: Int
            let skippedFrames: [Int]
            let meanBits: [String]
            let sampleFrames: [String: [String]]
            let featuresFNV1a64: String
            let cepstraFNV1a64: String
        }
        let noise: Case
        let nonoise: Case
    }

    static func golden() throws -> Golden {
        let data = try Data(contentsOf: Fixtures.url("features/sphinx_cmn_deltas.json"))
        return try JSONDecoder().decode(Golden.self, from: data)
    }

    /// The golden signal: goforward samples 8000..<16000, 4000 zeros, 16000..<24000.
    static func signal() throws -> AudioBuffer {
        let all = try TestAudio.wav16(Fixtures.url("audio/goforward.wav")).samples
        let samples = Array(all[8000..<16000]) + Array(repeating: 0, count: 4000) + Array(all[16000..<24000])
        return AudioBuffer(samples: samples, sampleRate: .speech16k)
    }

    static func options(noiseRemoval: Bool) -> MFCCOptions {
        var options = MFCCOptions()
        options.noiseRemoval = noiseRemoval
        options.cmn = .batch
        options.featureType = .cepstraDeltasDoubleDeltas
        return options
    }

    static func fnv1a64(_ values: [Float]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in values {
            let bits = value.bitPattern.littleEndian
            for shift in stride(from: 0, to: 32, by: 8) {
                hash = (hash ^ UInt64((bits >> UInt32(shift)) & 0xFF)) &* 0x0000_0100_0000_01B3
            }
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    static func hex(_ value: Float) -> String { String(value.bitPattern, radix: 16).leftPadded(to: 8) }

    @Test("batch CMN means, skipped frames and 39-dim features equal the oracle", arguments: [true, false])
    func matchesOracle(noiseRemoval: Bool) throws {
        let golden = try Self.golden()
        let expected = noiseRemoval ? golden.noise : golden.nonoise
        let audio = try Self.signal()

        var cepstra = try MFCCExtractor(options: Self.options(noiseRemoval: noiseRemoval)).cepstra(from: audio)
        #expect(Self.fnv1a64(cepstra.values) == expected.cepstraFNV1a64)
        let skipped = (0..<cepstra.frameCount).filter { cepstra[frame: $0].first! < 0 }
        #expect(skipped == expected.skippedFrames)
        #expect(!skipped.isEmpty, "the signal must exercise the c0 < 0 rule")

        let means = CepstralMeanNormalizer.normalizeBatch(&cepstra)
        #expect(means.map(Self.hex) == expected.meanBits)

        let features = try FeaturePipeline(options: Self.options(noiseRemoval: noiseRemoval)).features(from: audio)
        #expect(features.dimension == 39)
        #expect(features.frameCount == expected.frames)
        for (frame, bits) in expected.sampleFrames {
            let index = try #require(Int(frame))
            #expect(features[frame: index].map(Self.hex) == bits, "frame \(index)")
        }
        #expect(Self.fnv1a64(features.values) == expected.featuresFNV1a64)

        // The same from the cepstra alone (the path for features read from .mfc files).
        let fromCepstra = try FeaturePipeline(options: Self.options(noiseRemoval: noiseRemoval))
            .features(fromCepstra: MFCCExtractor(options: Self.options(noiseRemoval: noiseRemoval)).cepstra(from: audio))
        #expect(fromCepstra == features)
    }

    @Test("deltas replicate the first and last frames three times")
    func edgeReplication() {
        // Cepstra c[t] = t² in one dimension make every delta distinguishable.
        let frames = 6
        let cepstra = FeatureMatrix(values: (0..<frames).map { Float($0 * $0) }, dimension: 1)
        let features = DeltaFeatures.compute(cepstra)
        #expect(features.frameCount == frames)
        func c(_ t: Int) -> Float { Float(min(max(t, 0), frames - 1) * min(max(t, 0), frames - 1)) }
        for t in 0..<frames {
            #expect(features[frame: t].elementsEqual([c(t), c(t + 2) - c(t - 2),
                                                      (c(t + 3) - c(t - 1)) - (c(t + 1) - c(t - 3))]))
        }
        // Frame 0: padded with c0 = 0 → delta c2 − c0 = 4; double delta (c3 − c0) − (c1 − c0) = 8.
        #expect(features[frame: 0].elementsEqual([0, 4, 8]))
    }

    @Test("a one-frame utterance gives one 39-dim frame of zeros deltas")
    func singleFrame() {
        let cepstra = FeatureMatrix(values: [Float](repeating: 2.5, count: 13), dimension: 13)
        let features = DeltaFeatures.compute(cepstra)
        #expect(features.frameCount == 1)
        #expect(Array(features[frame: 0][13...]).allSatisfy { $0 == 0 })
    }

    @Test("batch CMN with no frame of c0 ≥ 0 leaves the cepstra alone instead of producing NaN")
    func batchDegenerate() {
        var cepstra = FeatureMatrix(values: [-1, 2, -3, 4], dimension: 2)
        let means = CepstralMeanNormalizer.normalizeBatch(&cepstra)
        #expect(means == [0, 0])
        #expect(cepstra.values == [-1, 2, -3, 4])
    }

    @Test("live CMN: frames use the current mean; c0 < 0 frames are untouched; the window decays past 800 frames")
    func liveRules() {
        // Dimension 2, initial means (40, 3): sums (20000, 1500), 500 frames.
        var cmn = CepstralMeanNormalizer(initialMeans: [40, 3], dimension: 2)
        // Block 1: 300 frames of (100, 3) → all normalised with (40, 3); 800 frames, no update.
        var block = FeatureMatrix(values: Array([Float]([100, 3]).repeated(300)), dimension: 2)
        cmn.normalizeBlock(&block, frames: 0..<300)
        #expect(block.values.allSatisfy { $0 == 60 || $0 == 0 })
        #expect(cmn.means == [40, 3])
        // Block 2: a c0 < 0 frame (left as is, not counted) and one frame (100, 3): 801 frames → update:
        // mean = (20000 + 301·100) / 801 = 50100/801, sums decay to 500 frames.
        var second = FeatureMatrix(values: [-5, 7, 100, 3], dimension: 2)
        cmn.normalizeBlock(&second, frames: 0..<2)
        #expect(second.values == [-5, 7, 60, 0])
        #expect(cmn.means[0] == Float(50100) / Float(801))
        #expect(cmn.means[1] == Float(1500 + 301 * 3) / Float(801))
        // End of utterance with 500 frames: mean = decayed sum / 500.
        let decayedSum = Float(50100) * (Float(500) * (Float(1) / Float(801)))
        cmn.finishUtterance()
        #expect(cmn.means[0] == decayedSum / Float(500))
    }

    @Test("Sphinx streaming with live CMN (2048-byte chunks): goforward never reaches 800 frames, so every frame uses cmninit")
    func liveGoforwardUsesInitialMeans() throws {
        let audio = try TestAudio.wav16(Fixtures.url("audio/goforward.wav"))
        var options = MFCCOptions()
        options.noiseRemoval = true
        options.cmn = .live(initialMeans: MFCCOptions.CMNMode.sphinxDefaultInitialMeans)
        let session = try FeaturePipeline(options: options).makeSession()
        var streamed = FeatureMatrix(dimension: 13)
        for start in stride(from: 0, to: audio.samples.count, by: 1024) {
            let chunk = Array(audio.samples[start..<min(start + 1024, audio.samples.count)])
            streamed.values += try session.process(AudioBuffer(samples: chunk, sampleRate: .speech16k)).values
        }
        streamed.values += try session.finishUtterance().values
        let cepstra = try MFCCExtractor(options: options).cepstra(from: audio)
        let initial: [Float] = [40, 3, -1] + Array(repeating: 0, count: 10)
        #expect(streamed.frameCount == cepstra.frameCount)
        for t in 0..<cepstra.frameCount {
            let raw = Array(cepstra[frame: t])
            let expected = raw[0] < 0 ? raw : zip(raw, initial).map { $0 - $1 }
            #expect(Array(streamed[frame: t]) == expected, "frame \(t)")
        }
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}

extension Array {
    func repeated(_ times: Int) -> [Element] { (0..<times).flatMap { _ in self } }
}
