import ArgumentParser
import StenoPreprocess

/// Flags that adjust `SilenceTrimmer`; unset flags keep the library's defaults (shown in --help).
struct SilenceTrimOptions: ParsableArguments {
    private static let defaults = SilenceTrimmer.Options()

    @Option(name: .customLong("threshold-above-floor"), parsing: .unconditional,
            help: ArgumentHelp("dB above the estimated noise floor for a 10 ms frame to be speech (default: \(defaults.thresholdAboveFloorDecibels)).",
                               valueName: "dB"))
    var thresholdAboveFloorDecibels: Double?

    @Option(name: .customLong("minimum-threshold"), parsing: .unconditional,
            help: ArgumentHelp("The speech threshold never goes below this, in dBFS (default: \(defaults.minimumThresholdDBFS)).",
                               valueName: "dBFS"))
    var minimumThresholdDBFS: Double?

    @Option(name: .customLong("minimum-speech"),
            help: ArgumentHelp("Shorter bursts are clicks, not speech, in seconds (default: \(defaults.minimumSpeechSeconds)).",
                               valueName: "seconds"))
    var minimumSpeechSeconds: Double?

    @Option(name: .customLong("hangover"),
            help: ArgumentHelp("Pauses up to this long stay inside speech, in seconds (default: \(defaults.hangoverSeconds)).",
                               valueName: "seconds"))
    var hangoverSeconds: Double?

    @Option(name: .customLong("padding"),
            help: ArgumentHelp("Silence kept before and after the speech, in seconds (default: \(defaults.paddingSeconds)).",
                               valueName: "seconds"))
    var paddingSeconds: Double?

    /// The trimmer options: defaults with the given flags applied.
    var options: SilenceTrimmer.Options {
        var options = Self.defaults
        if let thresholdAboveFloorDecibels { options.thresholdAboveFloorDecibels = thresholdAboveFloorDecibels }
        if let minimumThresholdDBFS { options.minimumThresholdDBFS = minimumThresholdDBFS }
        if let minimumSpeechSeconds { options.minimumSpeechSeconds = minimumSpeechSeconds }
        if let hangoverSeconds { options.hangoverSeconds = hangoverSeconds }
        if let paddingSeconds { options.paddingSeconds = paddingSeconds }
        return options
    }

    func validate() throws {
        try PreprocessError.reportingAsUsage { try options.validate() }
    }
}
