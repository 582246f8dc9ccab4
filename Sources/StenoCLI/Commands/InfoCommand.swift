import ArgumentParser
import Foundation
import StenoAudio
import StenoCore
import StenoPreprocess

/// `steno info`: what each audio file is (container, encoding, rate, channels, length) and how it
/// sounds in numbers (peak, RMS, loudness, clipping, DC offset, silence around the speech).
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe audio files: format, length, levels, loudness, clipping and silence.",
        discussion: """
            Reads every file fully (headerless files need --raw-rate, and --raw-encoding unless they are s16le). Levels are \
            measured on the mono signal (channels averaged, or --channel); peak, clipping and DC offset \
            over all channels at the file's own rate. Exit status 1 if any file could not be read.
            """)

    @Argument(help: ArgumentHelp("Audio files to describe.", valueName: "file"))
    var files: [String]

    @OptionGroup var audio: AudioInputOptions
    @OptionGroup var output: OutputFormatOption
    @OptionGroup var logging: LoggingOptions

    @Option(name: .customLong("rate"),
            help: ArgumentHelp("Resample to this rate in Hz before measuring levels and silence (default: the file's own rate).",
                               valueName: "hertz"))
    var rateHertz: Int?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file") }
        if let rateHertz, SampleRate(hertz: rateHertz) == nil {
            throw ValidationError("--rate \(rateHertz) is outside \(SampleRate.minimumHertz)–\(SampleRate.maximumHertz) Hz")
        }
    }

    func run() throws {
        logging.bootstrap()
        let logger = StenoLogging.logger("info")
        let reader = AudioReader(options: audio.readOptions(targetSampleRate: rateHertz.flatMap(SampleRate.init(hertz:))))
        let trimmer = try SilenceTrimmer()
        let outcomes = BatchRunner.run(files) { path in
            logger.debug("reading \(path)")
            return try AudioReport(decoded: try reader.decode(path), trimmer: trimmer)
        }
        try BatchRunner.report(outcomes, format: output.format,
                               json: { path, report in InfoJSONEntry(path: path, report: report) },
                               text: { path, report in report.text(path: path) })
    }
}
