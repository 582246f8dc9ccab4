import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport
import Testing

@Suite("Channel averaging and selection")
struct ChannelSelectionTests {
    @Test func averageIsTheMeanOfChannelsAndSingleSelectsOne() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let rate = SampleRate.speech16k
        let signal = TestAudioFiles.stereoSignal(frames: 1_600, sampleRate: rate)
        let path = directory.appendingPathComponent("stereo.wav").path
        try AudioWriter(format: .wavFloat).write(interleaved: signal.interleaved, channelCount: 2, sampleRate: rate, to: path)

        let average = try AudioReader().read(path)
        // Float storage is exact and (l + r) / 2 is computed as (l + r) × 0.5, also exact up to one rounding.
        let expected = zip(signal.left, signal.right).map { ($0 + $1) * 0.5 }
        let worst = zip(average.samples, expected).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-7)
        #expect(try AudioReader(options: .init(channels: .single(0))).read(path).samples == signal.left)
        #expect(try AudioReader(options: .init(channels: .single(1))).read(path).samples == signal.right)
    }

    @Test func missingChannelIsAnError() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let path = directory.appendingPathComponent("mono.wav").path
        try AudioWriter().write(AudioBuffer(samples: [0.25, 0.5], sampleRate: .speech16k), to: path)
        let error = try #require(throws: AudioError.self) {
            try AudioReader(options: .init(channels: .single(1))).read(path)
        }
        #expect(error.kind == .channelOutOfRange)
        #expect(error.path == path)
    }

    @Test func sixChannelsAverage() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        // Channel c holds the constant c / 10, so the mean is 0.25.
        let interleaved = (0..<100).flatMap { _ in (0..<6).map { Float($0) / 10 } }
        let path = directory.appendingPathComponent("six.wav").path
        try AudioWriter(format: .wavFloat).write(interleaved: interleaved, channelCount: 6, sampleRate: .speech16k, to: path)
        let mono = try AudioReader().read(path)
        #expect(mono.samples.count == 100)
        #expect(mono.samples.allSatisfy { abs($0 - 0.25) < 1e-6 })
    }
}
