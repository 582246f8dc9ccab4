import Foundation
import StenoCore
import StenoPreprocess
import StenoTestSupport
import Testing

@Suite("VolumeNormalizer")
struct VolumeNormalizerTests {
    /// Levels of float32 signals after a float32 gain: rounding moves them by far less than 0.001 dB.
    static let levelTolerance = 0.001

    static func tone(amplitude: Double, seconds: Double = 2, rate: SampleRate = .speech16k) -> AudioBuffer {
        AudioBuffer(samples: SignalGenerator.sine(count: Int(seconds * Double(rate.hertz)), frequencyHertz: 440,
                                                  amplitude: amplitude, sampleRate: rate), sampleRate: rate)
    }

    static func normalize(_ buffer: AudioBuffer, _ target: NormalizationTarget, ceiling: Double = -1,
                          maximumGain: Double = 30) throws -> NormalizationResult {
        try VolumeNormalizer(options: .init(target: target, peakCeilingDBFS: ceiling, maximumGainDecibels: maximumGain))
            .normalize(buffer)
    }

    @Test("peak target: a sine of known peak reaches it", arguments: [-3.0, -6.0, -20.0])
    func peakTarget(target: Double) throws {
        let result = try Self.normalize(Self.tone(amplitude: 0.05), .peak(dBFS: target))
        // Measured: 20·log10(0.05) = -26.02 dBFS (the sampled sine at 440 Hz/16 kHz reaches its crest within 0.01 dB).
        #expect(abs(try #require(result.measuredLevel) - -26.02) < 0.01)
        let levels = try AudioLevels(measuring: result.normalized)
        #expect(abs(try #require(levels.peakDBFS) - target) < Self.levelTolerance)
        #expect(result.limit == .none)
    }

    @Test("RMS target: a sine of known RMS reaches it", arguments: [-12.0, -20.0, -30.0])
    func rmsTarget(target: Double) throws {
        let input = Self.tone(amplitude: 0.02)
        let result = try Self.normalize(input, .rms(dBFS: target))
        // A sine's RMS is its amplitude over √2: 20·log10(0.02/√2) = -36.99 dBFS.
        #expect(abs(try #require(result.measuredLevel) - (20 * log10(0.02 / 2.0.squareRoot()))) < 0.01)
        #expect(abs(try #require(try AudioLevels(measuring: result.normalized).rmsDBFS) - target) < Self.levelTolerance)
        #expect(abs(result.gainDecibels - (target - result.measuredLevel!)) < 1e-9)
    }

    @Test("loudness target: speech-like audio reaches -23 LUFS within 0.01 LU")
    func loudnessTarget() throws {
        let clip = SpeechLikeClip.make(seed: 21, leadingSeconds: 0.3, burstSeconds: [0.6, 0.5], gapSeconds: [0.2],
                                       trailingSeconds: 0.3, burstRMSDBFS: -35)
        let result = try Self.normalize(clip.buffer, .loudness(lufs: -23))
        #expect(result.limit == .none)
        let after = try #require(try LoudnessMeter.integratedLoudness(of: result.normalized))
        // Gating is level-independent, so a pure gain moves loudness by exactly the gain, up to float rounding.
        #expect(abs(after - -23) < 0.01)
    }

    @Test("never clips: the ceiling lowers the gain", arguments: [-1.0, -0.1, 0.0])
    func neverClips(ceiling: Double) throws {
        // A spiky signal: quiet noise with full-scale spikes, so the loudness target would need a gain that clips.
        var generator = SignalGenerator(seed: 8)
        var samples = generator.noise(count: 32_000, rmsDBFS: -40)
        for index in stride(from: 100, to: 32_000, by: 4_000) { samples[index] = 0.5 }
        let result = try Self.normalize(AudioBuffer(samples: samples, sampleRate: .speech16k), .loudness(lufs: -10),
                                        ceiling: ceiling)
        #expect(result.limit == .peakCeiling)
        let peak = result.normalized.samples.map { abs($0) }.max() ?? 0
        #expect(peak <= Float(pow(10, ceiling / 20)))
        #expect(peak <= 1)
        #expect(abs(try #require(result.outputPeakDBFS) - ceiling) < Self.levelTolerance)
    }

    @Test("input already past full scale is brought under the ceiling")
    func attenuatesClippedInput() throws {
        let loud = Self.tone(amplitude: 1.8)
        let result = try Self.normalize(loud, .rms(dBFS: -3))
        #expect(result.limit == .peakCeiling)
        #expect(result.gainDecibels < 0)
        #expect((result.normalized.samples.map { abs($0) }.max() ?? 2) <= Float(pow(10, -1.0 / 20)))
    }

    @Test("the gain cap keeps near-silence from being blown up")
    func gainCap() throws {
        var generator = SignalGenerator(seed: 12)
        let hiss = AudioBuffer(samples: generator.noise(count: 32_000, rmsDBFS: -80), sampleRate: .speech16k)
        let result = try Self.normalize(hiss, .rms(dBFS: -20), maximumGain: 24)
        #expect(result.limit == .maximumGain)
        #expect(result.gainDecibels == 24)
        #expect(abs(try #require(try AudioLevels(measuring: result.normalized).rmsDBFS) - (-80 + 24)) < 0.1)
    }

    @Test("all-silent input is returned unchanged", arguments: [
        NormalizationTarget.peak(dBFS: -1), .rms(dBFS: -20), .loudness(lufs: -23),
    ])
    func silence(target: NormalizationTarget) throws {
        let silence = AudioBuffer(samples: [Float](repeating: 0, count: 16_000), sampleRate: .speech16k)
        let result = try Self.normalize(silence, target)
        #expect(result.limit == .unmeasurable)
        #expect(result.gainDecibels == 0)
        #expect(result.measuredLevel == nil)
        #expect(result.normalized == silence)
        let empty = AudioBuffer(samples: [], sampleRate: .speech16k)
        #expect(try Self.normalize(empty, target).normalized == empty)
    }

    @Test("loudness of audio too short to measure leaves it unchanged")
    func tooShortForLoudness() throws {
        let short = Self.tone(amplitude: 0.3, seconds: 0.2)
        let result = try Self.normalize(short, .loudness(lufs: -23))
        #expect(result.limit == .unmeasurable)
        #expect(result.normalized == short)
    }

    @Test("property: never past the ceiling, never above the gain cap, on seeded random signals and targets",
          arguments: 0..<40)
    func neverClipsProperty(seed: UInt64) throws {
        var generator = SignalGenerator(seed: seed)
        let clip = SpeechLikeClip.random(seed: seed)
        // Some inputs past full scale too (float files can hold them).
        let inputGain = Float(pow(10, (generator.nextUnit() * 50 - 30) / 20))
        let buffer = AudioBuffer(samples: clip.buffer.samples.map { $0 * inputGain }, sampleRate: clip.buffer.sampleRate)
        let ceiling = -6 * generator.nextUnit()
        let maximumGain = 40 * generator.nextUnit()
        let targets: [NormalizationTarget] = [.peak(dBFS: -20 * generator.nextUnit()),
                                              .rms(dBFS: -40 * generator.nextUnit()),
                                              .loudness(lufs: -40 * generator.nextUnit())]
        for target in targets {
            let result = try Self.normalize(buffer, target, ceiling: ceiling, maximumGain: maximumGain)
            let peak = result.normalized.samples.map { abs($0) }.max() ?? 0
            #expect(peak <= Float(pow(10, ceiling / 20)), "\(target): peak \(peak) over ceiling \(ceiling) dBFS")
            #expect(result.gainDecibels <= maximumGain)
            if result.limit == .none, let measured = result.measuredLevel {
                #expect(abs(measured + result.gainDecibels - target.level) < 1e-9)
            }
        }
    }

    @Test("unmeasurable loudness but over the ceiling: only attenuated to the ceiling")
    func unmeasurableOverCeiling() throws {
        let short = Self.tone(amplitude: 1.5, seconds: 0.2)
        let result = try Self.normalize(short, .loudness(lufs: -23), ceiling: -1)
        #expect(result.limit == .unmeasurable)
        #expect(result.measuredLevel == nil)
        // 20·log10(1.5) = +3.52 dBFS down to -1 dBFS: -4.52 dB.
        #expect(abs(result.gainDecibels - (-1 - 20 * log10(1.5))) < 1e-4)
        #expect((result.normalized.samples.map { abs($0) }.max() ?? 2) <= Float(pow(10, -1.0 / 20)))
    }

    @Test("rejects options out of range")
    func rejectsBadOptions() {
        let bad: [VolumeNormalizer.Options] = [
            .init(target: .peak(dBFS: 1)), .init(target: .rms(dBFS: .nan)), .init(target: .loudness(lufs: 5)),
            .init(peakCeilingDBFS: 0.5), .init(maximumGainDecibels: -3), .init(maximumGainDecibels: .infinity),
        ]
        for options in bad {
            #expect(throws: PreprocessError.self) { try VolumeNormalizer(options: options) }
        }
    }
}
