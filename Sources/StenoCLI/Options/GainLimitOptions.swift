import ArgumentParser
import StenoPreprocess

/// Flags for `VolumeNormalizer`'s limits; unset flags keep the library's defaults (shown in --help).
struct GainLimitOptions: ParsableArguments {
    private static let defaults = VolumeNormalizer.Options()

    @Option(name: .customLong("peak-ceiling"), parsing: .unconditional,
            help: ArgumentHelp("No sample exceeds this after the gain, in dBFS, so output never clips (default: \(defaults.peakCeilingDBFS)).",
                               valueName: "dBFS"))
    var peakCeilingDBFS: Double?

    @Option(name: .customLong("max-gain"), parsing: .unconditional,
            help: ArgumentHelp("Never amplify by more than this, in dB, so near-silence is not blown up (default: \(defaults.maximumGainDecibels)).",
                               valueName: "dB"))
    var maximumGainDecibels: Double?

    /// Normaliser options for `target`, with these limits.
    func options(target: NormalizationTarget) -> VolumeNormalizer.Options {
        var options = Self.defaults
        options.target = target
        if let peakCeilingDBFS { options.peakCeilingDBFS = peakCeilingDBFS }
        if let maximumGainDecibels { options.maximumGainDecibels = maximumGainDecibels }
        return options
    }

    func validate() throws {
        try PreprocessError.reportingAsUsage { try options(target: Self.defaults.target).validate() }
    }
}
