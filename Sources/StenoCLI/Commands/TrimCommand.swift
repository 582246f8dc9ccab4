import ArgumentParser
import StenoAudio
import StenoPreprocess

/// `steno trim`: cut the silence before and after the speech.
struct TrimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trim",
        abstract: "Cut the silence before and after the speech in audio files.",
        discussion: """
            Speech is found by 10 ms frame energy against the file's estimated noise floor; some silence \
            (--padding) is kept around it. Outputs are mono at the input's rate. Trimming a trimmed file \
            changes nothing.
            """)

    @Argument(help: ArgumentHelp("Audio files to trim.", valueName: "input"))
    var inputs: [String]

    @OptionGroup var output: AudioOutputOptions
    @OptionGroup(title: "Trimming") var trim: SilenceTrimOptions
    @OptionGroup(title: "Reading") var audio: AudioInputOptions
    @OptionGroup var format: OutputFormatOption
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try output.validate(inputCount: inputs.count)
    }

    func run() throws {
        logging.bootstrap()
        try PreprocessJob(reader: AudioReader(options: audio.readOptions()),
                          chain: PreprocessingChain(stages: [.trimSilence(trim.options)]),
                          writer: output.writer(), plan: output.plan(inputs: inputs))
            .run(inputs, format: format.format)
    }
}
