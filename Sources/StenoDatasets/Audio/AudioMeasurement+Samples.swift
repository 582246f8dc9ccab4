import Foundation
import StenoCore

extension AudioMeasurement {
    /// Measures mono `audio` whose speech lies in `speechRange` (sample indices; the rest is leading and
    /// trailing silence, as a silence trimmer found it).
    /// - Parameters:
    ///   - audio: the mono samples at the file's own rate.
    ///   - speechRange: sample indices of the speech; empty when there is none (the whole clip then
    ///     counts as leading silence).
    ///   - channelCount: the file's channel count before mixing down.
    ///   - encoding: the file's encoding, e.g. "WAV PCM 16-bit".
    ///   - clippingThreshold: |sample| at or above this counts as clipped (linear).
    public init(audio: AudioBuffer, speechRange: Range<Int>, channelCount: Int, encoding: String,
                clippingThreshold: Float = CheckOptions().clippingThreshold) {
        let samples = audio.samples
        precondition(speechRange.lowerBound >= 0 && speechRange.upperBound <= samples.count,
                     "speech range must lie inside the audio")
        var peak: Float = 0
        var sum = 0.0
        var sumOfSquares = 0.0
        var clipped = 0
        var run = 0
        var longestRun = 0
        var hasher = ContentHasher()
        for sample in samples {
            let magnitude = abs(sample)
            peak = max(peak, magnitude)
            sum += Double(sample)
            sumOfSquares += Double(sample) * Double(sample)
            if magnitude >= clippingThreshold {
                clipped += 1
                run += 1
                longestRun = max(longestRun, run)
            } else {
                run = 0
            }
            hasher.add(sample)
        }
        var speechSquares = 0.0
        for index in speechRange { speechSquares += Double(samples[index]) * Double(samples[index]) }
        let count = max(1, samples.count)
        let rate = Double(audio.sampleRate.hertz)
        self.init(sampleRateHertz: audio.sampleRate.hertz, channelCount: channelCount, encoding: encoding,
                  durationSeconds: audio.durationSeconds, peak: peak,
                  rmsDecibels: Self.decibels(meanSquare: sumOfSquares / Double(count)),
                  speechRMSDecibels: Self.decibels(meanSquare: speechRange.isEmpty ? sumOfSquares / Double(count)
                                                    : speechSquares / Double(speechRange.count)),
                  dcOffset: sum / Double(count), clippedSampleCount: clipped, longestClippedRun: longestRun,
                  sampleCount: samples.count,
                  leadingSilenceSeconds: Double(speechRange.isEmpty ? samples.count : speechRange.lowerBound) / rate,
                  trailingSilenceSeconds: Double(speechRange.isEmpty ? 0 : samples.count - speechRange.upperBound) / rate,
                  contentHash: hasher.value)
    }

    /// 10·log10 of a mean square = 20·log10(RMS), dBFS: a full-scale square wave is 0 dBFS, a
    /// full-scale sine −3.01 dBFS.
    static func decibels(meanSquare: Double) -> Double {
        meanSquare > 0 ? 10 * log10(meanSquare) : -Double.infinity
    }
}
