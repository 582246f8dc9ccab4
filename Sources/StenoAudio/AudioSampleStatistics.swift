/// Sample-level facts gathered while decoding, over every channel at the file's own rate.
///
/// They are taken before channels are mixed and before resampling: averaging channels or
/// low-pass filtering would hide clipped samples and change the peak.
public struct AudioSampleStatistics: Sendable, Hashable {
    /// A sample whose magnitude reaches this is counted as clipped: the largest positive
    /// 16-bit code, 32767/32768, so full-scale samples of any integer width count.
    public static let clippingThreshold: Float = 32_767 / 32_768

    /// Largest absolute sample value (1.0 is full scale).
    public var peakAmplitude: Float
    /// Samples (over all channels) at or beyond ``clippingThreshold``.
    public var clippedSampleCount: Int
    /// Samples counted (frames × channels).
    public var sampleCount: Int
    /// Sum of all samples, for the mean.
    public var sampleSum: Double

    /// Statistics, all zero by default (the value before any sample is seen).
    public init(peakAmplitude: Float = 0, clippedSampleCount: Int = 0, sampleCount: Int = 0, sampleSum: Double = 0) {
        self.peakAmplitude = peakAmplitude
        self.clippedSampleCount = clippedSampleCount
        self.sampleCount = sampleCount
        self.sampleSum = sampleSum
    }

    /// Fraction of samples that are clipped, in [0, 1]; 0 for no samples.
    public var clippedRatio: Double {
        sampleCount == 0 ? 0 : Double(clippedSampleCount) / Double(sampleCount)
    }

    /// Mean sample value (the DC offset), in full-scale units; 0 for no samples.
    public var dcOffset: Double { sampleCount == 0 ? 0 : sampleSum / Double(sampleCount) }

    /// Adds a block of interleaved samples; returns the index (within the block) of the first
    /// NaN or infinite sample, which stops the accumulation, or nil when all are finite.
    mutating func accumulate(_ samples: UnsafeBufferPointer<Float>) -> Int? {
        var peak = peakAmplitude
        var clipped = 0
        var sum = 0.0
        for (index, sample) in samples.enumerated() {
            guard sample.isFinite else { return index }
            let magnitude = abs(sample)
            if magnitude > peak { peak = magnitude }
            if magnitude >= Self.clippingThreshold { clipped += 1 }
            sum += Double(sample)
        }
        peakAmplitude = peak
        clippedSampleCount += clipped
        sampleCount += samples.count
        sampleSum += sum
        return nil
    }
}
