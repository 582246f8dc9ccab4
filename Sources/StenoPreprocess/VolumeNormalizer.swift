import StenoCore

/// Scales audio by one constant gain to a target peak, RMS or loudness, without ever clipping.
///
/// The gain is `target - measured`, then lowered to keep the peak at or under
/// ``Options/peakCeilingDBFS`` and capped at ``Options/maximumGainDecibels``. Audio whose level
/// cannot be measured (all zeros; for loudness also shorter than 0.4 s, below 8 kHz, or under the
/// -70 LUFS gate) is returned unchanged with ``NormalizationResult/Limit/unmeasurable`` — unless its
/// peak is over the ceiling, in which case it is attenuated to the ceiling.
///
/// ```swift
/// let normalizer = try VolumeNormalizer(options: .init(target: .loudness(lufs: -23)))
/// let result = try normalizer.normalize(buffer)
/// print(result.measuredLevel, result.gainDecibels)
/// ```
public struct VolumeNormalizer: Sendable {
    /// The target and limits.
    public let options: Options

    /// Throws ``PreprocessError`` when an option is out of range.
    public init(options: Options = Options()) throws {
        try options.validate()
        self.options = options
    }

    /// Normalises `buffer`. Throws ``PreprocessError`` only when libebur128 fails.
    public func normalize(_ buffer: AudioBuffer) throws -> NormalizationResult {
        let stats = SampleStatistics(buffer.samples)
        let measured: Double? = switch options.target {
        case .peak: Decibels.fromAmplitude(stats.peak)
        case .rms: Decibels.fromAmplitude(stats.rms)
        case .loudness: try LoudnessMeter.integratedLoudness(of: buffer)
        }
        guard let peakDBFS = Decibels.fromAmplitude(stats.peak) else {
            // All zeros: nothing to scale.
            return NormalizationResult(target: options.target, measuredLevel: nil, gainDecibels: 0,
                                       limit: .unmeasurable, outputPeakDBFS: nil, normalized: buffer)
        }
        let ceilingGain = options.peakCeilingDBFS - peakDBFS

        var gain: Double
        var limit = NormalizationResult.Limit.none
        if let measured {
            gain = options.target.level - measured
            if gain > ceilingGain {
                gain = ceilingGain
                limit = .peakCeiling
            }
            if gain > options.maximumGainDecibels {
                gain = options.maximumGainDecibels
                limit = .maximumGain
            }
        } else {
            // No level to aim for: leave the audio as it is, except that "never clips" still holds,
            // so audio over the ceiling is brought down to it.
            gain = min(0, ceilingGain)
            limit = .unmeasurable
        }
        guard gain != 0 else {
            return NormalizationResult(target: options.target, measuredLevel: measured, gainDecibels: 0, limit: limit,
                                       outputPeakDBFS: peakDBFS, normalized: buffer)
        }

        let factor = Float(Decibels.amplitude(ofDecibels: gain))
        // The clamp only catches float rounding at the ceiling (the gain already respects it), so that
        // a ceiling of 0 dBFS can never produce a sample past full scale.
        let ceiling = Float(Decibels.amplitude(ofDecibels: options.peakCeilingDBFS))
        let samples = buffer.samples.map { min(ceiling, max(-ceiling, $0 * factor)) }
        let output = AudioBuffer(samples: samples, sampleRate: buffer.sampleRate)
        return NormalizationResult(target: options.target, measuredLevel: measured, gainDecibels: gain, limit: limit,
                                   outputPeakDBFS: Decibels.fromAmplitude(SampleStatistics(samples).peak),
                                   normalized: output)
    }
}
