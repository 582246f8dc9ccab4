import Foundation
import StenoCore
import StenoPreprocess
import StenoTestSupport
import Testing

/// Frame quantisation: speech boundaries are reported on 10 ms frame edges, so a boundary anywhere
/// inside a frame is found less than one frame (10 ms) away. This is the required accuracy.
private let boundaryToleranceSeconds = 0.010

@Suite("SilenceTrimmer")
struct SilenceTrimmerTests {
    let trimmer: SilenceTrimmer
    init() throws { trimmer = try SilenceTrimmer() }

    @Test("finds leading and trailing silence within 10 ms on clips with a -60 dBFS noise floor",
          arguments: 0..<24)
    func findsBoundaries(seed: UInt64) {
        var generator = SignalGenerator(seed: seed)
        let leading = 0.15 + 0.6 * generator.nextUnit()
        let trailing = 0.15 + 0.6 * generator.nextUnit()
        let clip = SpeechLikeClip.make(
            seed: seed, leadingSeconds: leading, burstSeconds: [0.25 + 0.3 * generator.nextUnit(), 0.2],
            gapSeconds: [0.05 + 0.1 * generator.nextUnit()], trailingSeconds: trailing, noiseDBFS: -60,
            burstRMSDBFS: -26 + 12 * generator.nextUnit())
        let result = trimmer.trim(clip.buffer)

        #expect(abs(result.leadingSilenceSeconds - clip.speechStartSeconds) < boundaryToleranceSeconds)
        let trueTrailing = clip.buffer.durationSeconds - clip.speechEndSeconds
        #expect(abs(result.trailingSilenceSeconds - trueTrailing) < boundaryToleranceSeconds)
        // The gap is shorter than the hangover, so the two bursts are one segment.
        #expect(result.speechSegments.count == 1)
        // The noise floor estimate is the -60 dBFS noise (10 ms energies of white noise vary by about 1 dB).
        #expect(abs(result.noiseFloorDBFS - -60) < 2)
    }

    @Test("keeps the padding around the speech and cuts the rest")
    func keepsPadding() throws {
        let clip = SpeechLikeClip.make(seed: 7, leadingSeconds: 0.5, burstSeconds: [0.4], gapSeconds: [],
                                       trailingSeconds: 0.6)
        let result = trimmer.trim(clip.buffer)
        let padding = trimmer.options.paddingSeconds
        // The cut lies on a frame edge: the padding is kept to within one frame.
        #expect(abs(result.removedLeadingSeconds - (clip.speechStartSeconds - padding)) < boundaryToleranceSeconds)
        let trueTrailing = clip.buffer.durationSeconds - clip.speechEndSeconds
        #expect(abs(result.removedTrailingSeconds - (trueTrailing - padding)) < boundaryToleranceSeconds)
        #expect(result.trimmed.frameCount == result.keptSampleRange.count)
        #expect(result.trimmed.samples == Array(clip.buffer.samples[result.keptSampleRange]))
    }

    @Test("separates bursts farther apart than the hangover into segments")
    func separatesSegments() throws {
        let clip = SpeechLikeClip.make(seed: 3, leadingSeconds: 0.3, burstSeconds: [0.3, 0.2, 0.25],
                                       gapSeconds: [0.5, 0.4], trailingSeconds: 0.3)
        let result = trimmer.trim(clip.buffer)
        try #require(result.speechSegments.count == clip.bursts.count)
        for (segment, burst) in zip(result.speechSegments, clip.bursts) {
            #expect(abs(segment.startSeconds - burst.startSeconds) < boundaryToleranceSeconds)
            #expect(abs(segment.endSeconds - burst.endSeconds) < boundaryToleranceSeconds)
        }
    }

    @Test("a large DC offset changes nothing: energy is measured around each frame's mean")
    func ignoresDCOffset() {
        let clip = SpeechLikeClip.make(seed: 11, leadingSeconds: 0.4, burstSeconds: [0.3], gapSeconds: [],
                                       trailingSeconds: 0.5)
        let shifted = AudioBuffer(samples: clip.buffer.samples.map { $0 + 0.4 }, sampleRate: clip.buffer.sampleRate)
        let plain = trimmer.trim(clip.buffer)
        let offset = trimmer.trim(shifted)
        #expect(abs(offset.leadingSilenceSeconds - clip.speechStartSeconds) < boundaryToleranceSeconds)
        #expect(offset.keptSampleRange == plain.keptSampleRange)
    }

    @Test("very low noise and digital silence between bursts", arguments: [nil, -100.0, -85.0] as [Double?])
    func lowNoise(noiseDBFS: Double?) {
        let clip = SpeechLikeClip.make(seed: 5, leadingSeconds: 0.35, burstSeconds: [0.3], gapSeconds: [],
                                       trailingSeconds: 0.45, noiseDBFS: noiseDBFS, burstRMSDBFS: -30)
        let result = trimmer.trim(clip.buffer)
        #expect(abs(result.leadingSilenceSeconds - clip.speechStartSeconds) < boundaryToleranceSeconds)
        #expect(abs(result.trailingSilenceSeconds - (clip.buffer.durationSeconds - clip.speechEndSeconds))
                < boundaryToleranceSeconds)
        // The absolute minimum threshold holds when the floor is far below it.
        #expect(result.thresholdDBFS >= trimmer.options.minimumThresholdDBFS)
    }

    @Test("isolated clicks shorter than the minimum speech are not speech")
    func ignoresClicks() {
        var clip = SpeechLikeClip.make(seed: 9, leadingSeconds: 0.8, burstSeconds: [0.3], gapSeconds: [],
                                       trailingSeconds: 0.8)
        // 2 ms full-scale clicks well outside the hangover of the burst.
        for clickStart in [0.1, 0.35, 1.5, 1.75] {
            let first = Int(clickStart * 16_000)
            for n in first..<(first + 32) { clip.buffer.samples[n] = n % 2 == 0 ? 0.95 : -0.95 }
        }
        let result = trimmer.trim(clip.buffer)
        #expect(result.speechSegments.count == 1)
        #expect(abs(result.leadingSilenceSeconds - clip.speechStartSeconds) < boundaryToleranceSeconds)
    }

    @Test("silence with only a click: no speech, input kept, never a crash")
    func clickInSilence() {
        var generator = SignalGenerator(seed: 1)
        var samples = generator.noise(count: 16_000, rmsDBFS: -60)
        samples[8_000] = 1
        let buffer = AudioBuffer(samples: samples, sampleRate: .speech16k)
        let result = trimmer.trim(buffer)
        #expect(result.speechSegments.isEmpty)
        #expect(result.trimmed == buffer)
    }

    @Test("all-silent input: no speech, both silences span the whole clip",
          arguments: [nil, -90.0, -60.0, -30.0] as [Double?])
    func allSilent(noiseDBFS: Double?) {
        var generator = SignalGenerator(seed: 2)
        let samples = noiseDBFS.map { generator.noise(count: 24_000, rmsDBFS: $0) } ?? [Float](repeating: 0, count: 24_000)
        let buffer = AudioBuffer(samples: samples, sampleRate: .speech16k)
        let result = trimmer.trim(buffer)
        #expect(!result.containsSpeech)
        #expect(result.leadingSilenceSeconds == buffer.durationSeconds)
        #expect(result.trailingSilenceSeconds == buffer.durationSeconds)
        #expect(result.trimmed == buffer)

        let removing = try? SilenceTrimmer(options: .init(noSpeechPolicy: .removeAll))
        #expect(removing?.trim(buffer).trimmed.frameCount == 0)
    }

    @Test("empty and shorter-than-a-frame input", arguments: [0, 1, 7, 159])
    func tinyInput(count: Int) {
        let buffer = AudioBuffer(samples: (0..<count).map { Float($0 % 3) * 0.5 }, sampleRate: .speech16k)
        let result = trimmer.trim(buffer)
        #expect(result.speechSegments.isEmpty)
        #expect(result.trimmed == buffer)
    }

    @Test("works at 1 kHz and at 384 kHz", arguments: [1_000, 8_000, 44_100, 384_000])
    func extremeRates(hertz: Int) throws {
        let rate = try #require(SampleRate(hertz: hertz))
        let clip = SpeechLikeClip.make(seed: 4, sampleRate: rate, leadingSeconds: 0.3, burstSeconds: [0.3],
                                       gapSeconds: [], trailingSeconds: 0.3)
        let result = trimmer.trim(clip.buffer)
        #expect(abs(result.leadingSilenceSeconds - clip.speechStartSeconds) < boundaryToleranceSeconds)
    }

    @Test("rejects options out of range")
    func rejectsBadOptions() {
        for options in [SilenceTrimmer.Options(frameSeconds: 0), .init(noiseFloorPercentile: 101),
                        .init(minimumThresholdDBFS: 3), .init(paddingSeconds: -1), .init(hangoverSeconds: .nan)] {
            #expect(throws: PreprocessError.self) { try SilenceTrimmer(options: options) }
        }
    }
}
