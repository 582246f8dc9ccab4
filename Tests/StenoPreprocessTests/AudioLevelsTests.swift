import Foundation
import StenoCore
import StenoPreprocess
import StenoTestSupport
import Testing

@Suite("AudioLevels")
struct AudioLevelsTests {
    @Test("a full-scale square wave: 0 dBFS peak and RMS, all samples clipped")
    func squareWave() throws {
        let samples = (0..<16_000).map { ($0 / 20) % 2 == 0 ? Float(1) : Float(-1) }
        let levels = try AudioLevels(measuring: AudioBuffer(samples: samples, sampleRate: .speech16k))
        #expect(levels.peakDBFS == 0)
        #expect(abs(try #require(levels.rmsDBFS)) < 1e-9)
        #expect(levels.clippedSampleRatio == 1)
        #expect(abs(levels.dcOffset) < 1e-9)
    }

    @Test("a sine with DC: RMS includes the DC, the offset is the mean, peak the crest")
    func sineWithOffset() throws {
        let rate = SampleRate.speech16k
        let sine = SignalGenerator.sine(count: 16_000, frequencyHertz: 100, amplitude: 0.5, sampleRate: rate)
        let levels = try AudioLevels(measuring: AudioBuffer(samples: sine.map { $0 + 0.1 }, sampleRate: rate))
        // Whole periods of 100 Hz in 1 s: the sine's mean is 0 to float rounding.
        #expect(abs(levels.dcOffset - 0.1) < 1e-6)
        #expect(abs(try #require(levels.peakDBFS) - 20 * log10(0.6)) < 1e-4)
        #expect(abs(try #require(levels.rmsDBFS) - 10 * log10(0.125 + 0.01)) < 1e-4)
        #expect(levels.clippedSampleRatio == 0)
        // K-weighting's high-pass (38 Hz) removes the DC: the loudness is the plain sine's. 0.05 LU allows
        // for the high-pass settling on the step at the start.
        let plain = try #require(try LoudnessMeter.integratedLoudness(of: AudioBuffer(samples: sine, sampleRate: rate)))
        #expect(abs(try #require(levels.loudnessLUFS) - plain) < 0.05)
    }

    @Test("clipped-sample ratio counts samples at full scale, including 16-bit's 32767/32768")
    func clippedRatio() throws {
        var samples = [Float](repeating: 0.2, count: 1_000)
        for index in 0..<10 { samples[index] = 32_767.0 / 32_768.0 }
        for index in 10..<25 { samples[index] = -1 }
        samples[30] = 0.999
        let levels = try AudioLevels(measuring: AudioBuffer(samples: samples, sampleRate: .speech16k))
        #expect(levels.clippedSampleRatio == 0.025)
    }

    @Test("silence and empty input: levels are nil, nothing crashes")
    func silence() throws {
        for count in [0, 1, 16_000] {
            let levels = try AudioLevels(measuring: AudioBuffer(samples: [Float](repeating: 0, count: count),
                                                                sampleRate: .speech16k))
            #expect(levels.peakDBFS == nil && levels.rmsDBFS == nil && levels.loudnessLUFS == nil)
            #expect(levels.clippedSampleRatio == 0 && levels.dcOffset == 0)
        }
    }
}
