import StenoCore

/// Level measurements of a buffer: what `steno info` prints and what the normaliser targets.
///
/// Levels in dBFS are relative to full scale 1.0: a full-scale square wave has an RMS of 0 dBFS,
/// a full-scale sine -3.01 dBFS. Levels of silence are nil (minus infinity has no JSON form).
public struct AudioLevels: Sendable, Equatable, Codable {
    /// A sample at or above this magnitude counts as clipped: just below 1 so that the largest
    /// positive 16-bit value (32767/32768 ≈ 0.99997) counts.
    public static let clippingMagnitude: Float = 0.9999

    /// The largest sample magnitude in dBFS; nil when every sample is zero.
    public var peakDBFS: Double?
    /// The root mean square in dBFS (DC included); nil when every sample is zero.
    public var rmsDBFS: Double?
    /// Integrated loudness in LUFS (see ``LoudnessMeter``); nil when undefined.
    public var loudnessLUFS: Double?
    /// The fraction (0–1) of samples at or above ``clippingMagnitude``.
    public var clippedSampleRatio: Double
    /// The mean of the samples (full scale 1.0).
    public var dcOffset: Double

    /// Levels as measured, in dBFS and LUFS; nil where a level is undefined (see each property).
    public init(peakDBFS: Double?, rmsDBFS: Double?, loudnessLUFS: Double?, clippedSampleRatio: Double,
                dcOffset: Double) {
        self.peakDBFS = peakDBFS
        self.rmsDBFS = rmsDBFS
        self.loudnessLUFS = loudnessLUFS
        self.clippedSampleRatio = clippedSampleRatio
        self.dcOffset = dcOffset
    }

    /// Measures `buffer`. Throws ``PreprocessError`` only when libebur128 itself fails.
    public init(measuring buffer: AudioBuffer) throws {
        let stats = SampleStatistics(buffer.samples)
        self.init(peakDBFS: Decibels.fromAmplitude(stats.peak),
                  rmsDBFS: Decibels.fromAmplitude(stats.rms),
                  loudnessLUFS: try LoudnessMeter.integratedLoudness(of: buffer),
                  clippedSampleRatio: stats.count > 0 ? Double(stats.clippedCount) / Double(stats.count) : 0,
                  dcOffset: stats.mean)
    }
}
