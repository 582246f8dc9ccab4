import ArgumentParser
import Foundation
import Steno

/// Options of the commands that decode speech: which model, dictionary, language model or grammar,
/// and how many files to decode at once.
struct DecoderOptions: ParsableArguments {
    @Option(name: .customLong("model"),
            help: ArgumentHelp("Model directory (default: $STENO_MODEL_DIR, else the bundled Models/en-us).",
                               valueName: "dir"))
    var modelDirectory: String?
    @Option(name: .customLong("dict"), help: ArgumentHelp("Pronunciation dictionary (default: the model's).", valueName: "file"))
    var dictionary: String?
    @Option(name: .customLong("lm"), help: ArgumentHelp("N-gram language model, Sphinx lm.bin or ARPA (default: the model's).",
                                                        valueName: "file"))
    var languageModel: String?
    @Option(name: .customLong("grammar"),
            help: ArgumentHelp("Decode with this grammar (JSGF .gram or Sphinx .fsg) instead of the language model.",
                               valueName: "file"))
    var grammar: String?
    @Option(name: .customLong("jobs"),
            help: ArgumentHelp("Files decoded at once (default: all cores). Output is the same for any value.",
                               valueName: "count"))
    var jobs: Int?
    @Option(name: .customLong("alternatives"), help: ArgumentHelp("N-best alternatives per file (JSON only).", valueName: "count"))
    var alternatives: Int = 0

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if alternatives < 0 { throw ValidationError("--alternatives cannot be negative") }
        if grammar != nil && languageModel != nil { throw ValidationError("--grammar and --lm cannot be used together") }
    }

    /// Worker threads to use.
    var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The recognizer these options describe.
    func makeRecognizer() throws -> Recognizer {
        var configuration = RecognizerConfiguration(
            modelDirectory: modelDirectory.map { URL(fileURLWithPath: $0) },
            dictionary: dictionary.map { URL(fileURLWithPath: $0) },
            languageModel: languageModel.map { URL(fileURLWithPath: $0) },
            grammar: grammar.map { URL(fileURLWithPath: $0) })
        configuration.alternativeCount = alternatives
        return try Recognizer(configuration: configuration)
    }

    /// Loads the recognizer for a batch command, or prints why it could not and exits with 1.
    ///
    /// Findings about the user's own dictionary or LM (unknown words, skipped lines) are worth
    /// showing; the bundled pair's single known gap ("ngo's") only with `--verbose`.
    func loadRecognizer(logging: LoggingOptions) throws -> Recognizer {
        let recognizer: Recognizer
        do {
            recognizer = try makeRecognizer()
        } catch {
            StandardError.writeLine("steno: \(error)")
            throw ExitCode(1)
        }
        let ownFiles = dictionary != nil || languageModel != nil
        if logging.verbose || (ownFiles && !logging.quiet) {
            for warning in recognizer.warnings { StandardError.writeLine("steno: warning: \(warning)") }
        }
        return recognizer
    }
}
