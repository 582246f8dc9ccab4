import Foundation
import StenoCore

/// A synthetic clip with known speech boundaries: steady noise throughout, and bursts of a voiced,
/// syllable-modulated signal between known start and end times.
///
/// Each burst is a harmonic tone (a fundamental between 100 and 220 Hz with decaying harmonics)
/// plus noise, under a 3–6 Hz syllabic envelope that dips to 20 % of its peak but never to zero,
/// switched on and off abruptly so its boundaries are exact.
public struct SpeechLikeClip: Sendable {
    /// The audio.
    public var buffer: AudioBuffer
    /// Where the first burst starts, in seconds.
    public var speechStartSeconds: Double
    /// Where the last burst ends, in seconds.
    public var speechEndSeconds: Double
    /// Each burst's start and end, in seconds.
    public var bursts: [(startSeconds: Double, endSeconds: Double)]

    /// Builds a clip: `leadingSeconds` of noise, bursts of the given lengths separated by the given
    /// gaps (`gapSeconds.count == burstSeconds.count - 1`), then `trailingSeconds` of noise.
    /// Boundaries fall on whole samples. `noiseDBFS` nil means digital silence between bursts.
    public static func make(
        seed: UInt64, sampleRate: SampleRate = .speech16k, leadingSeconds: Double, burstSeconds: [Double],
        gapSeconds: [Double], trailingSeconds: Double, noiseDBFS: Double? = -60, burstRMSDBFS: Double = -20
    ) -> SpeechLikeClip {
        precondition(gapSeconds.count == max(0, burstSeconds.count - 1), "one gap between each pair of bursts")
        var generator = SignalGenerator(seed: seed)
        let rate = Double(sampleRate.hertz)
        func samples(_ seconds: Double) -> Int { Int((seconds * rate).rounded()) }

        var bursts: [(Int, Int)] = []
        var position = samples(leadingSeconds)
        for (index, seconds) in burstSeconds.enumerated() {
            bursts.append((position, position + samples(seconds)))
            position += samples(seconds) + (index < gapSeconds.count ? samples(gapSeconds[index]) : 0)
        }
        let total = position + samples(trailingSeconds)

        var signal = noiseDBFS.map { generator.noise(count: total, rmsDBFS: $0) } ?? [Float](repeating: 0, count: total)
        for (start, end) in bursts {
            let burst = voicedBurst(count: end - start, rate: rate, rmsDBFS: burstRMSDBFS, generator: &generator)
            for offset in 0..<burst.count { signal[start + offset] += burst[offset] }
        }
        let spans = bursts.map { (startSeconds: Double($0.0) / rate, endSeconds: Double($0.1) / rate) }
        return SpeechLikeClip(buffer: AudioBuffer(samples: signal, sampleRate: sampleRate),
                              speechStartSeconds: spans.first?.startSeconds ?? 0,
                              speechEndSeconds: spans.last?.endSeconds ?? 0, bursts: spans)
    }

    /// A random clip for property tests: 1 to 4 bursts, random lengths, levels and noise.
    public static func random(seed: UInt64, sampleRate: SampleRate = .speech16k) -> SpeechLikeClip {
        var generator = SignalGenerator(seed: seed ^ 0x5EED)
        func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + generator.nextUnit() * (range.upperBound - range.lowerBound)
        }
        let burstCount = 1 + Int(generator.nextUnit() * 4)
        let bursts = (0..<burstCount).map { _ in uniform(0.08...0.6) }
        let gaps = (0..<(burstCount - 1)).map { _ in uniform(0.02...0.5) }
        let noise: Double? = generator.nextUnit() < 0.1 ? nil : uniform(-85 ... -40)
        return make(seed: seed, sampleRate: sampleRate, leadingSeconds: uniform(0...0.8), burstSeconds: bursts,
                    gapSeconds: gaps, trailingSeconds: uniform(0...0.8), noiseDBFS: noise,
                    burstRMSDBFS: uniform(-35 ... -6))
    }

    private static func voicedBurst(count: Int, rate: Double, rmsDBFS: Double,
                                    generator: inout SignalGenerator) -> [Float] {
        let fundamental = 100 + 120 * generator.nextUnit()
        let syllableRate = 3 + 3 * generator.nextUnit()
        let phase = 2 * Double.pi * generator.nextUnit()
        var raw = [Double](repeating: 0, count: count)
        for n in 0..<count {
            let t = Double(n) / rate
            var voiced = 0.0
            var harmonic = 1
            while Double(harmonic) * fundamental < min(4000, rate / 2) {
                voiced += sin(2 * .pi * fundamental * Double(harmonic) * t) / Double(harmonic)
                harmonic += 1
            }
            let envelope = 0.6 + 0.4 * sin(2 * .pi * syllableRate * t + phase)
            raw[n] = envelope * (voiced + 0.3 * generator.nextGaussian())
        }
        let meanSquare = raw.reduce(0) { $0 + $1 * $1 } / Double(max(count, 1))
        let scale = meanSquare > 0 ? pow(10, rmsDBFS / 20) / meanSquare.squareRoot() : 0
        return raw.map { Float($0 * scale) }
    }
}
