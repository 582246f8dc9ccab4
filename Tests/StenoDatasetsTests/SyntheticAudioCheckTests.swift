import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoDatasets

/// The audio checks end to end on generated clips with known speech boundaries (no shared data needed):
/// files written with StenoAudio, read back and trimmed by AudioFileMeasurer.
@Suite struct SyntheticAudioCheckTests {
    /// 0.3 s of −60 dBFS noise, a 0.6 s speech-like burst at −20 dBFS, 0.3 s of noise.
    private func clip(seed: UInt64, leading: Double = 0.3, trailing: Double = 0.3) -> SpeechLikeClip {
        SpeechLikeClip.make(seed: seed, leadingSeconds: leading, burstSeconds: [0.6], gapSeconds: [],
                            trailingSeconds: trailing)
    }

    @Test func measuredSilenceMatchesTheKnownBoundaries() throws {
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = clip(seed: 1, leading: 0.45, trailing: 0.25)
        let url = folder.appendingPathComponent("clip.wav")
        try AudioWriter().write(made.buffer, to: url.path)
        let measurement = try AudioFileMeasurer().measure(.file(url: url, written: "clip.wav"))
        // The trimmer works in 10 ms frames: boundaries within one frame plus 16-bit rounding.
        #expect(abs(measurement.leadingSilenceSeconds - made.speechStartSeconds) <= 0.011)
        #expect(abs(measurement.trailingSilenceSeconds - (made.buffer.durationSeconds - made.speechEndSeconds)) <= 0.011)
        #expect(abs(measurement.speechRMSDecibels - (-20)) < 0.5)  // burst RMS −20 dBFS plus −60 dBFS noise
        #expect(measurement.sampleRateHertz == 16_000 && measurement.channelCount == 1)
        #expect(measurement.encoding == "WAV PCM_16")
    }

    @Test func plantedAudioProblemsOnGeneratedClips() throws {
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines: [String] = []
        func add(_ name: String, _ buffer: AudioBuffer, _ text: String = "hello") throws {
            try AudioWriter().write(buffer, to: folder.appendingPathComponent(name).path)
            lines.append("\(name)\t\(text)")
        }
        for seed in 1...8 { try add("clean\(seed).wav", clip(seed: UInt64(seed)).buffer) }
        try add("lead.wav", clip(seed: 20, leading: 3.0).buffer)
        try add("trail.wav", clip(seed: 21, trailing: 3.0).buffer)
        let loud = clip(seed: 22).buffer
        try add("clipped.wav", AudioBuffer(samples: loud.samples.map { max(-1, min(1, $0 * 40)) }, sampleRate: loud.sampleRate))
        let offset = clip(seed: 23).buffer
        try add("offset.wav", AudioBuffer(samples: offset.samples.map { $0 + 0.05 }, sampleRate: offset.sampleRate))
        let quiet = clip(seed: 24).buffer
        try add("quiet.wav", AudioBuffer(samples: quiet.samples.map { $0 * 0.005 }, sampleRate: quiet.sampleRate))
        try add("wordy.wav", clip(seed: 25).buffer, Array(repeating: "hello", count: 12).joined(separator: " "))
        let url = folder.appendingPathComponent("manifest.tsv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)

        let report = DatasetChecker(measurer: try AudioFileMeasurer()).check([try DatasetLoader().load(url.path)])
        func ids(_ check: String) -> Set<String> {
            Set(report.findings.filter { $0.check == check }.flatMap(\.items).map(\.id))
        }
        #expect(ids("long-leading-silence") == ["lead.wav"])
        #expect(ids("long-trailing-silence") == ["trail.wav"])
        #expect(ids("clipping") == ["clipped.wav"])
        #expect(ids("dc-offset") == ["offset.wav"])
        #expect(ids("low-level") == ["quiet.wav"])
        #expect(ids("speaking-rate-outlier").contains("wordy.wav"))
        for finding in report.findings {
            let clean = finding.items.filter { $0.id.hasPrefix("clean") }
            #expect(clean.isEmpty, "\(finding.check): \(clean)")
        }
        let silence = try #require(report.summary.silence)
        #expect(abs(silence.leadingMedianSeconds - 0.3) <= 0.011)
    }
}
