import StenoCore

/// Integrated loudness (ITU-R BS.1770-4, gated) of mono audio, measured with libebur128.
public enum LoudnessMeter {
    /// The lowest sample rate at which loudness is measured, in hertz. The K-weighting filter's
    /// high shelf sits at about 1.7 kHz; below roughly 3.4 kHz it lies above the Nyquist frequency
    /// and libebur128's filter design breaks down, and the standard's weighting is not meaningful
    /// for band-limited audio much below telephone rate, so 8 kHz is the floor.
    public static let minimumSampleRateHertz = 8_000

    /// The shortest audio that has a loudness, in seconds: one 400 ms gating block.
    public static let minimumDurationSeconds = 0.4

    /// The integrated loudness of `buffer` in LUFS, or nil when it is undefined: audio shorter than
    /// ``minimumDurationSeconds``, a sample rate below ``minimumSampleRateHertz``, or audio so quiet
    /// that no block passes the -70 LUFS absolute gate (silence).
    public static func integratedLoudness(of buffer: AudioBuffer) throws -> Double? {
        guard buffer.sampleRate.hertz >= minimumSampleRateHertz,
              buffer.durationSeconds >= minimumDurationSeconds else { return nil }
        let meter = try EBUR128Meter(sampleRate: buffer.sampleRate)
        try meter.add(buffer.samples)
        return try meter.integratedLoudness()
    }
}
