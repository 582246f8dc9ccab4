import ArgumentParser
import StenoAudio
import StenoCore
import StenoPreprocess

/// `steno preprocess`: the recogniser's preprocessing, written to files.
struct PreprocessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preprocess",
        abstract: "Prepare audio for recognition: mono, resampled, optionally trimmed and loudness-normalised.",
        discussion: """
            The chain the recogniser uses: channels averaged (or --channel), resampled to --rate with \
            libsoxr, then silence trimmed (--trim), then loudness normalised (--lufs).
            """)

    @Argument(help: ArgumentHelp("Audio files to preprocess.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("Output sample rate.", valueName: "hertz"))
    var rate: Int = SampleRate.speech16k.hertz

    @Flag(name: .long, help: "Trim the silence before and after the speech.")
    var trim = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Normalise to this integrated loudness (e.g. -23).", valueName: "LUFS"))
    var lufs: Double?

    @OptionGroup var output: AudioOutputOptions
    @OptionGroup(title: "Trimming (with --trim)") var trimming: SilenceTrimOptions
    @OptionGroup(title: "Limits (with --lufs)") var limits: GainLimitOptions
    @OptionGroup(title: "Reading") var audio: AudioInputOptions
    @OptionGroup var format: OutputFormatOption
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try output.validate(inputCount: inputs.count)
        guard SampleRate(hertz: rate) != nil else {
            throw ValidationError("--rate \(rate) is outside \(SampleRate.minimumHertz)–\(SampleRate.maximumHertz) Hz")
        }
        if let lufs {
            try PreprocessError.reportingAsUsage { try limits.options(target: .loudness(lufs: lufs)).validate() }
        }
    }

    /// The stages these flags select, in the recogniser's order.
    var stages: [PreprocessingStage] {
        var stages: [PreprocessingStage] = []
        if trim { stages.append(.trimSilence(trimming.options)) }
        if let lufs { stages.append(.normalizeVolume(limits.options(target: .loudness(lufs: lufs)))) }
        return stages
    }

    func run() throws {
        logging.bootstrap()
        guard let rate = SampleRate(hertz: rate) else { throw ValidationError("--rate \(self.rate) is out of range") }
        try PreprocessJob(reader: AudioReader(options: audio.readOptions(targetSampleRate: rate)),
                          chain: PreprocessingChain(stages: stages),
                          writer: output.writer(), plan: output.plan(inputs: inputs))
            .run(inputs, format: format.format)
    }
}
