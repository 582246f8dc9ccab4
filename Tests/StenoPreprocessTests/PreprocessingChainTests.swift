import Foundation
import StenoCore
import StenoPreprocess
import StenoTestSupport
import Testing

@Suite("PreprocessingChain")
struct PreprocessingChainTests {
    @Test("trim then normalise: the output is the trimmed audio at the target loudness")
    func trimThenNormalize() throws {
        let clip = SpeechLikeClip.make(seed: 31, leadingSeconds: 0.7, burstSeconds: [0.5, 0.4], gapSeconds: [0.15],
                                       trailingSeconds: 0.9, burstRMSDBFS: -32)
        let chain = try PreprocessingChain.recognizer(trim: true, loudnessLUFS: -23)
        let result = try chain.run(clip.buffer)
        let trim = try #require(result.trim)
        let normalization = try #require(result.normalization)
        #expect(abs(trim.leadingSilenceSeconds - clip.speechStartSeconds) < 0.010)
        #expect(result.output.frameCount == trim.trimmed.frameCount)
        // Normalised after trimming: loudness is measured on the trimmed audio (within float rounding).
        #expect(abs(try #require(try LoudnessMeter.integratedLoudness(of: result.output)) - -23) < 0.01)
        #expect(normalization.measuredLevel == (try LoudnessMeter.integratedLoudness(of: trim.trimmed)))
    }

    @Test("stages run in the given order")
    func order() throws {
        let clip = SpeechLikeClip.make(seed: 32, leadingSeconds: 0.5, burstSeconds: [0.5], gapSeconds: [],
                                       trailingSeconds: 0.5)
        let normalizeFirst = try PreprocessingChain(stages: [
            .normalizeVolume(.init(target: .peak(dBFS: -3))), .trimSilence(.init()),
        ])
        let result = try normalizeFirst.run(clip.buffer)
        let expected = try SilenceTrimmer().trim(
            try VolumeNormalizer(options: .init(target: .peak(dBFS: -3))).normalize(clip.buffer).normalized)
        #expect(result.output == expected.trimmed)
    }

    @Test("an empty chain passes audio through; bad stage options are rejected")
    func emptyAndInvalid() throws {
        let buffer = AudioBuffer(samples: [0.1, -0.2, 0.3], sampleRate: .speech16k)
        #expect(try PreprocessingChain(stages: []).run(buffer).output == buffer)
        #expect(throws: PreprocessError.self) {
            try PreprocessingChain(stages: [.normalizeVolume(.init(peakCeilingDBFS: 2))])
        }
    }
}
