import Foundation
import StenoCore
import StenoPreprocess
import StenoTestSupport
import Testing

/// Trimming twice must equal trimming once: the second trim keeps every sample (bit for bit).
@Suite("Trimming is idempotent")
struct TrimIdempotenceTests {
    static func expectFixedPoint(_ trimmer: SilenceTrimmer, _ buffer: AudioBuffer,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        let once = trimmer.trim(buffer)
        let twice = trimmer.trim(once.trimmed)
        // Compared as a Bool: a failing buffer comparison would print every sample.
        let unchanged = twice.trimmed == once.trimmed
        #expect(unchanged, "second trim changed \(once.trimmed.frameCount) samples to \(twice.trimmed.frameCount)",
                sourceLocation: sourceLocation)
        #expect(twice.keptSampleRange == 0..<once.trimmed.frameCount, sourceLocation: sourceLocation)
    }

    @Test("on seeded random speech-like clips with default options", arguments: 0..<60)
    func randomClips(seed: UInt64) throws {
        Self.expectFixedPoint(try SilenceTrimmer(), SpeechLikeClip.random(seed: seed).buffer)
    }

    @Test("on seeded random clips with random options, DC offset and clicks", arguments: 0..<40)
    func randomOptions(seed: UInt64) throws {
        var generator = SignalGenerator(seed: seed &* 7919)
        let options = SilenceTrimmer.Options(
            noiseFloorPercentile: 30 * generator.nextUnit(),
            thresholdAboveFloorDecibels: 3 + 20 * generator.nextUnit(),
            minimumThresholdDBFS: -90 + 40 * generator.nextUnit(),
            minimumSpeechSeconds: 0.2 * generator.nextUnit(),
            hangoverSeconds: 0.4 * generator.nextUnit(),
            paddingSeconds: 0.3 * generator.nextUnit())
        var clip = SpeechLikeClip.random(seed: seed, sampleRate: seed % 3 == 0 ? SampleRate(uncheckedHertz: 22_050) : .speech16k)
        let dc = Float(generator.nextUnit() * 0.2)
        for index in clip.buffer.samples.indices { clip.buffer.samples[index] += dc }
        let click = Int(generator.nextUnit() * Double(clip.buffer.frameCount - 8))
        for index in click..<(click + 8) { clip.buffer.samples[index] = 0.9 }
        Self.expectFixedPoint(try SilenceTrimmer(options: options), clip.buffer)
    }
}
