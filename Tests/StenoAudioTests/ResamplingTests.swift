import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport
import Testing

/// libsoxr resampling keeps a tone's frequency, amplitude and the signal's duration.
@Suite("Resampling")
struct ResamplingTests {
    /// Amplitude of `frequency` in `samples`: a one-bin DFT under a Hann window, whose side lobes
    /// fall fast enough that a tone a few bins away barely leaks in. The measured spans hold a whole
    /// number of periods of each test tone, so the on-bin estimate has no scalloping loss.
    static func toneAmplitude(_ samples: ArraySlice<Float>, frequencyHertz: Double, rate: SampleRate) -> Double {
        var sine = 0.0
        var cosine = 0.0
        var windowSum = 0.0
        let count = Double(samples.count)
        for (offset, sample) in samples.enumerated() {
            let window = 0.5 - 0.5 * cos(2 * Double.pi * Double(offset) / count)
            let phase = 2 * Double.pi * frequencyHertz * Double(offset) / Double(rate.hertz)
            sine += window * Double(sample) * sin(phase)
            cosine += window * Double(sample) * cos(phase)
            windowSum += window
        }
        return 2 * (sine * sine + cosine * cosine).squareRoot() / windowSum
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var fromHertz: Int
        var toHertz: Int
        var toneHertz: Double
        var testDescription: String { "\(fromHertz) → \(toHertz) Hz, \(toneHertz) Hz tone" }
    }

    static let cases = [
        Case(fromHertz: 44_100, toHertz: 16_000, toneHertz: 1_000),
        Case(fromHertz: 48_000, toHertz: 16_000, toneHertz: 3_000),
        Case(fromHertz: 8_000, toHertz: 16_000, toneHertz: 1_000),
        Case(fromHertz: 22_050, toHertz: 16_000, toneHertz: 440),
        // The extremes of the supported range.
        Case(fromHertz: 384_000, toHertz: 8_000, toneHertz: 1_000),
        Case(fromHertz: 1_000, toHertz: 48_000, toneHertz: 100),
    ]

    @Test(arguments: cases)
    func toneKeepsFrequencyAmplitudeAndDuration(_ testCase: Case) throws {
        let from = SampleRate(uncheckedHertz: testCase.fromHertz)
        let to = SampleRate(uncheckedHertz: testCase.toHertz)
        let seconds = 2
        let input = SignalGenerator.sine(count: seconds * from.hertz, frequencyHertz: testCase.toneHertz,
                                         amplitude: 0.5, sampleRate: from)
        let output = try Resampler.resample(AudioBuffer(samples: input, sampleRate: from), to: to)
        // Duration: exactly round(n × to / from) samples.
        #expect(output.samples.count == seconds * to.hertz)
        #expect(output.sampleRate == to)
        // Skip 0.1 s at each end (filter ramp-up), then measure over whole periods of the tone.
        let margin = to.hertz / 10
        let body = output.samples[margin..<(output.samples.count - margin)]
        let amplitude = Self.toneAmplitude(body, frequencyHertz: testCase.toneHertz, rate: to)
        // libsoxr HQ passband ripple is far below 0.01 dB; 0.05 dB leaves room for the DFT's leakage.
        #expect(abs(20 * log10(amplitude / 0.5)) < 0.05, "amplitude \(amplitude)")
        // The same tone a few percent off in frequency must have (almost) vanished: the frequency is kept.
        let detuned = Self.toneAmplitude(body, frequencyHertz: testCase.toneHertz * 1.03, rate: to)
        #expect(detuned < 0.01, "energy at 1.03 × f: \(detuned)")
    }

    @Test func blockSizeDoesNotChangeTheResult() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let rate = SampleRate(uncheckedHertz: 44_100)
        let signal = TestAudioFiles.stereoSignal(frames: 44_100, sampleRate: rate)
        let path = directory.appendingPathComponent("stereo.flac").path
        try AudioWriter(format: .flac24).write(interleaved: signal.interleaved, channelCount: 2, sampleRate: rate, to: path)
        let small = try AudioReader(options: .init(targetSampleRate: .speech16k, blockFrameCount: 777)).read(path)
        let large = try AudioReader(options: .init(targetSampleRate: .speech16k, blockFrameCount: 1 << 20)).read(path)
        #expect(small.samples.count == 16_000)
        // Streaming through libsoxr in different block sizes must give identical samples.
        #expect(small == large)
        let whole = try Resampler.resample(try AudioReader().read(path), to: .speech16k)
        #expect(whole == small)
    }

    @Test func sameRateIsAPassThrough() throws {
        let input = AudioBuffer(samples: [0.1, -0.2, 0.3], sampleRate: .speech16k)
        #expect(try Resampler.resample(input, to: .speech16k) == input)
    }
}
