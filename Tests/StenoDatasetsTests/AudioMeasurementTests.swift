import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoDatasets

/// The per-utterance measurement on signals with known answers.
@Suite struct AudioMeasurementTests {
    let rate = SampleRate.speech16k

    @Test func sineLevelsPeakAndDC() {
        // A 1 kHz sine of peak 0.5 over whole periods: RMS 0.5/√2 → 20·log10(0.3536) = −9.03 dBFS, mean 0.
        let samples = SignalGenerator.sine(count: 16_000, frequencyHertz: 1_000, amplitude: 0.5, sampleRate: rate)
        let measurement = AudioMeasurement(audio: AudioBuffer(samples: samples, sampleRate: rate),
                                           speechRange: 0..<16_000, channelCount: 1, encoding: "WAV PCM_16")
        // Float32 samples: 1e-3 dB and 1e-6 absolute cover the rounding of 16,000 Float sums.
        #expect(abs(measurement.rmsDecibels - (-9.0309)) < 1e-3)
        #expect(abs(measurement.speechRMSDecibels - measurement.rmsDecibels) < 1e-9)
        #expect(abs(Double(measurement.peak) - 0.5) < 1e-6)
        #expect(abs(measurement.dcOffset) < 1e-6)
        #expect(measurement.clippedSampleCount == 0 && measurement.longestClippedRun == 0)
        #expect(measurement.durationSeconds == 1.0)
        #expect(measurement.leadingSilenceSeconds == 0 && measurement.trailingSilenceSeconds == 0)
        #expect(!measurement.isAllZero)
    }

    @Test func clippingRunsAndOffset() {
        // 100 samples at +1.0 in one run, 50 at −1.0 in another, a 0.1 offset elsewhere.
        var samples = [Float](repeating: 0.1, count: 1_000)
        for index in 100..<200 { samples[index] = 1.0 }
        for index in 500..<550 { samples[index] = -1.0 }
        let measurement = AudioMeasurement(audio: AudioBuffer(samples: samples, sampleRate: rate),
                                           speechRange: 100..<600, channelCount: 1, encoding: "WAV FLOAT")
        #expect(measurement.clippedSampleCount == 150)
        #expect(measurement.longestClippedRun == 100)
        // Mean: (850 × 0.1 + 100 − 50) / 1000 = 0.135.
        #expect(abs(measurement.dcOffset - 0.135) < 1e-6)
        #expect(abs(measurement.leadingSilenceSeconds - 100.0 / 16_000) < 1e-12)
        #expect(abs(measurement.trailingSilenceSeconds - 400.0 / 16_000) < 1e-12)
        #expect(abs(measurement.speechSeconds - 500.0 / 16_000) < 1e-12)
    }

    @Test func silenceAndHashes() {
        let zeros = AudioMeasurement(audio: AudioBuffer(samples: [Float](repeating: 0, count: 800), sampleRate: rate),
                                     speechRange: 0..<0, channelCount: 1, encoding: "WAV PCM_16")
        #expect(zeros.isAllZero)
        #expect(zeros.rmsDecibels == -.infinity)
        #expect(zeros.leadingSilenceSeconds == 0.05 && zeros.speechSeconds == 0)
        // Negative zero is the same sound as zero.
        let negativeZeros = AudioMeasurement(audio: AudioBuffer(samples: [Float](repeating: -0.0, count: 800), sampleRate: rate),
                                             speechRange: 0..<0, channelCount: 1, encoding: "WAV FLOAT")
        #expect(zeros.contentHash == negativeZeros.contentHash)
        // Hashes differ when one sample differs, and agree for equal content.
        var generator = SignalGenerator(seed: 3)
        let noise = generator.noise(count: 4_000, rmsDBFS: -30)
        var changed = noise
        changed[2_000] += 1e-4
        func hash(_ samples: [Float]) -> UInt64 {
            AudioMeasurement(audio: AudioBuffer(samples: samples, sampleRate: rate), speechRange: 0..<samples.count,
                             channelCount: 1, encoding: "").contentHash
        }
        #expect(hash(noise) == hash(noise))
        #expect(hash(noise) != hash(changed))
        #expect(hash(noise) != hash(Array(noise.reversed())))
    }

    @Test func speechLevelIsMeasuredOverTheSpeechOnly() {
        // 0.5 s of −60 dBFS noise, 0.5 s of a −20 dBFS (RMS) noise burst, 0.5 s of −60 dBFS noise.
        var generator = SignalGenerator(seed: 11)
        let samples = generator.noise(count: 8_000, rmsDBFS: -60) + generator.noise(count: 8_000, rmsDBFS: -20)
            + generator.noise(count: 8_000, rmsDBFS: -60)
        let measurement = AudioMeasurement(audio: AudioBuffer(samples: samples, sampleRate: rate),
                                           speechRange: 8_000..<16_000, channelCount: 1, encoding: "")
        // 8,000 Gaussian samples: the RMS estimate's spread is about 1/√(2·8000) ≈ 0.8 %, 0.07 dB; allow 0.3 dB.
        #expect(abs(measurement.speechRMSDecibels - (-20)) < 0.3)
        // The whole clip: one third of the energy of the burst → −20 − 4.77 dB.
        #expect(abs(measurement.rmsDecibels - (-24.77)) < 0.3)
        #expect(measurement.leadingSilenceSeconds == 0.5 && measurement.trailingSilenceSeconds == 0.5)
    }
}
