import ArgumentParser
import StenoAudio
import StenoPreprocess

/// `steno normalize`: bring audio files to a target loudness, RMS or peak level.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Bring audio files to a target loudness (LUFS), RMS or peak level (dBFS).",
        discussion: """
            One constant gain per file, lowered when needed so that no sample passes --peak-ceiling \
            (output never clips) and capped at --max-gain (near-silence is not blown up). Audio whose \
            level cannot be measured (silence; for --lufs, also under 0.4 s or below 8 kHz) is written \
            unchanged (only brought under --peak-ceiling if it was over it) and reported with limit \
            "unmeasurable". Outputs are mono at the input's rate.
            """)

    @Argument(help: ArgumentHelp("Audio files to normalise.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Target integrated loudness (ITU-R BS.1770), e.g. -23.", valueName: "LUFS"))
    var lufs: Double?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Target sample peak, e.g. -1.", valueName: "dBFS"))
    var peak: Double?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Target RMS level, e.g. -20.", valueName: "dBFS"))
    var rms: Double?

    @OptionGroup var output: AudioOutputOptions
    @OptionGroup(title: "Limits") var limits: GainLimitOptions
    @OptionGroup(title: "Reading") var audio: AudioInputOptions
    @OptionGroup var format: OutputFormatOption
    @OptionGroup var logging: LoggingOptions

    /// The one target given.
    var target: NormalizationTarget? {
        if let lufs { return .loudness(lufs: lufs) }
        if let peak { return .peak(dBFS: peak) }
        if let rms { return .rms(dBFS: rms) }
        return nil
    }

    func validate() throws {
        try output.validate(inputCount: inputs.count)
        let given = [lufs, peak, rms].compactMap { $0 }.count
        guard given == 1, let target else { throw ValidationError("give exactly one of --lufs, --peak, --rms") }
        try PreprocessError.reportingAsUsage { try limits.options(target: target).validate() }
    }

    func run() throws {
        logging.bootstrap()
        guard let target else { throw ValidationError("give exactly one of --lufs, --peak, --rms") }
        try PreprocessJob(reader: AudioReader(options: audio.readOptions()),
                          chain: PreprocessingChain(stages: [.normalizeVolume(limits.options(target: target))]),
                          writer: output.writer(), plan: output.plan(inputs: inputs))
            .run(inputs, format: format.format)
    }
}
