/// What the audio checks need to know about one utterance's audio, measured once per utterance.
///
/// Levels are in dBFS (0 dB = a full-scale sine's peak of 1.0); times in seconds. The measurement is
/// made on the mono mix at the file's own rate, over the utterance's segment when it has one.
public struct AudioMeasurement: Sendable, Hashable {
    /// The file's sample rate in hertz.
    public var sampleRateHertz: Int
    /// The file's channel count before mixing down.
    public var channelCount: Int
    /// The file's container and sample encoding, e.g. "WAV PCM 16-bit".
    public var encoding: String
    /// Length of the (segment of) audio.
    public var durationSeconds: Double
    /// Largest absolute sample value (linear, 1.0 = full scale).
    public var peak: Float
    /// RMS level of the whole clip, dBFS (−infinity for digital silence).
    public var rmsDecibels: Double
    /// RMS level of the speech region (between the leading and trailing silence), dBFS.
    public var speechRMSDecibels: Double
    /// Mean sample value (linear): a DC offset shifts it away from zero.
    public var dcOffset: Double
    /// Samples at or beyond the clipping threshold.
    public var clippedSampleCount: Int
    /// The longest run of consecutive clipped samples.
    public var longestClippedRun: Int
    /// Total samples measured.
    public var sampleCount: Int
    /// Silence before the speech starts.
    public var leadingSilenceSeconds: Double
    /// Silence after the speech ends.
    public var trailingSilenceSeconds: Double
    /// A hash of the decoded samples, equal for equal audio content whatever the file name or container.
    public var contentHash: UInt64

    /// A measurement with every field given; units as documented on each property.
    public init(sampleRateHertz: Int, channelCount: Int, encoding: String, durationSeconds: Double, peak: Float,
                rmsDecibels: Double, speechRMSDecibels: Double, dcOffset: Double, clippedSampleCount: Int,
                longestClippedRun: Int, sampleCount: Int, leadingSilenceSeconds: Double,
                trailingSilenceSeconds: Double, contentHash: UInt64) {
        self.sampleRateHertz = sampleRateHertz
        self.channelCount = channelCount
        self.encoding = encoding
        self.durationSeconds = durationSeconds
        self.peak = peak
        self.rmsDecibels = rmsDecibels
        self.speechRMSDecibels = speechRMSDecibels
        self.dcOffset = dcOffset
        self.clippedSampleCount = clippedSampleCount
        self.longestClippedRun = longestClippedRun
        self.sampleCount = sampleCount
        self.leadingSilenceSeconds = leadingSilenceSeconds
        self.trailingSilenceSeconds = trailingSilenceSeconds
        self.contentHash = contentHash
    }

    /// Whether every sample is exactly zero.
    public var isAllZero: Bool { peak == 0 }

    /// Seconds between the leading and trailing silence (0 when the clip is all silence).
    public var speechSeconds: Double { max(0, durationSeconds - leadingSilenceSeconds - trailingSilenceSeconds) }
}
