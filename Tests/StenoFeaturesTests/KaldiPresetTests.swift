import Foundation
import StenoCore
import StenoFeatures
import StenoTestSupport
import Testing

/// The `kaldi` preset against kaldi-native-fbank (dither off), golden files made by
/// Fixtures/features/make_kaldi_golden.py.
///
/// Tolerance: kaldi-native-fbank computes in single precision (its own float FFT, float mel
/// weights and DCT), we in double precision with single-precision DCT sums, so values differ by
/// float rounding only: we allow |ours − theirs| ≤ 5e-4 + 1e-5·|theirs| per value. Cepstra are
/// sums of 23 log energies of magnitude up to ~25, each carrying float32 rounding (~1e-6
/// relative), so differences of ~1e-4 are expected; the largest seen over all dev clips was
/// 1.5e-4, and the test prints it.
@Suite("Kaldi preset equals kaldi-native-fbank")
struct KaldiPresetTests {
    static let absoluteTolerance: Float = 5e-4
    static let relativeTolerance: Float = 1e-5

    static func within(_ ours: some Sequence<Float>, _ theirs: [Float]) -> (ok: Bool, worst: Float) {
        var worst: Float = 0, ok = true
        for (a, b) in zip(ours, theirs) {
            let difference = abs(a - b)
            worst = max(worst, difference)
            if difference > absoluteTolerance + relativeTolerance * abs(b) { ok = false }
        }
        return (ok, worst)
    }

    struct Sampled: Decodable {
        let frames: Int
        let every: Int
        let values: [String: [Float]]
    }

    struct Clip: Decodable {
        let frames: Int
        let first: [Float]
        let last: [Float]
        let mean: [Double]
    }

    @Test("goforward.wav: frame count and every 10th frame")
    func goforward() throws {
        let golden = try JSONDecoder().decode(Sampled.self,
                                              from: Data(contentsOf: Fixtures.url("features/kaldi_goforward.json")))
        let audio = try TestAudio.wav16(Fixtures.url("audio/goforward.wav"))
        let ours = try FeaturePipeline(options: .kaldi).features(from: audio)
        #expect(ours.frameCount == golden.frames)
        #expect(golden.values.count >= 20)
        var worst: Float = 0
        for (frame, values) in golden.values {
            let index = try #require(Int(frame))
            let result = Self.within(ours[frame: index], values)
            worst = max(worst, result.worst)
            #expect(result.ok, "frame \(index): worst |diff| \(result.worst)")
        }
        print("kaldi goforward: largest |diff| \(worst)")
    }

    @Test("every dev clip: frame count, first and last frames, per-dimension means", .requiresSharedData)
    func devClips() throws {
        let golden = try JSONDecoder().decode([String: Clip].self,
                                              from: Data(contentsOf: Fixtures.url("features/kaldi_dev.json")))
        #expect(golden.count == 188)
        let pipeline = try FeaturePipeline(options: .kaldi)
        var worst: Float = 0, worstMean = 0.0
        for (name, clip) in golden.sorted(by: { $0.key < $1.key }) {
            let audio = try TestAudio.wav16(SharedData.data("dev/\(name)"))
            let ours = try pipeline.features(from: audio)
            #expect(ours.frameCount == clip.frames, "\(name)")
            guard ours.frameCount == clip.frames else { continue }
            let first = Self.within(ours[frame: 0], clip.first)
            let last = Self.within(ours[frame: ours.frameCount - 1], clip.last)
            #expect(first.ok && last.ok, "\(name): worst |diff| \(max(first.worst, last.worst))")
            worst = max(worst, first.worst, last.worst)
            for d in 0..<ours.dimension {
                var sum = 0.0
                for t in 0..<ours.frameCount { sum += Double(ours.values[t * ours.dimension + d]) }
                let difference = abs(sum / Double(ours.frameCount) - clip.mean[d])
                worstMean = max(worstMean, difference)
                #expect(difference <= Double(Self.absoluteTolerance) + 1e-5 * abs(clip.mean[d]), "\(name) mean[\(d)]")
            }
        }
        print("kaldi dev clips: largest |diff| \(worst) (frames), \(worstMean) (means)")
    }
}
