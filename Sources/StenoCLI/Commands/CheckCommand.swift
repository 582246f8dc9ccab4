import ArgumentParser
import Foundation
import StenoCore
import Steno
import StenoAudio
import StenoDatasets

/// `steno check`: label and audio consistency of one or more datasets.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check datasets: structure, audio, label conventions, and overlap between splits.",
        discussion: """
            Reads Kaldi data directories, NeMo JSONL, Common Voice CSV/TSV, Sphinx fileids+transcription and \
            Steno manifest.tsv (detected; override with --dataset-format). Every finding names its check id, \
            severity, count, the utterances involved, and why it matters. Give several datasets \
            (steno check train/ dev/ test/) to also check speakers and texts shared between them. \
            Exit status: 0 when no finding reaches --fail-on, 1 otherwise or when a dataset cannot be read, \
            64 on usage errors.
            """)

    enum FailLevel: String, ExpressibleByArgument, CaseIterable { case error, warning, info, never }

    @Argument(help: "Datasets: a folder or a manifest file each.")
    var datasets: [String] = []

    @OptionGroup var output: OutputFormatOption
    @OptionGroup var logging: LoggingOptions

    @Option(help: "Read the datasets as this format instead of detecting it (\(DatasetFormat.allCases.map(\.rawValue).joined(separator: ", "))).")
    var datasetFormat: DatasetFormat?

    @Option(help: "Sample rate every clip must have, in Hz (default: the set's majority rate).")
    var rate: Int?

    @Option(help: "Exit with status 1 when a finding reaches this severity (error, warning, info, never).")
    var failOn: FailLevel = .error

    @Option(help: "CMU-format pronunciation dictionary; report transcript words missing from it.")
    var lexicon: String?

    @Option(help: "Write a cleaned manifest here (.jsonl: NeMo JSONL; otherwise path<TAB>text); the input is never modified.")
    var fixOut: String?

    @Option(help: "Regular expression whose first group extracts the speaker from the audio path, for formats without speakers.")
    var speakerPattern: String?

    @Option(help: "Parallel audio workers (default: all cores).")
    var jobs: Int?

    @Option(help: "Examples listed per finding in text output.")
    var examples: Int = 5

    @Flag(help: "Skip audio analysis (manifest and label checks only).")
    var noAudio = false

    @Flag(help: "List every check with its id, severity and why it matters, then exit.")
    var listChecks = false

    @Flag(help: "Also force-align every transcript to its audio with the acoustic model and flag those that fit far worse than the rest (alignment-fit).")
    var align = false

    @Option(help: ArgumentHelp("Model directory for --align (default: $STENO_MODEL_DIR, else the bundled Models/en-us).", valueName: "dir"))
    var model: String?

    func validate() throws {
        if listChecks { return }
        if datasets.isEmpty { throw ValidationError("give at least one dataset (a folder or manifest file)") }
        if let rate, SampleRate(hertz: rate) == nil {
            throw ValidationError("--rate \(rate) is outside \(SampleRate.minimumHertz)...\(SampleRate.maximumHertz) Hz")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if examples < 0 { throw ValidationError("--examples must be 0 or more") }
        if fixOut != nil && datasets.count != 1 { throw ValidationError("--fix-out needs exactly one dataset") }
        if let speakerPattern, (try? NSRegularExpression(pattern: speakerPattern)) == nil {
            throw ValidationError("--speaker-pattern is not a valid regular expression")
        }
    }

    func run() throws {
        logging.bootstrap()
        let format = output.format
        if listChecks {
            try CheckOutput.printCatalog(format: format)
            return
        }
        var options = CheckOptions()
        options.expectedSampleRate = rate.flatMap(SampleRate.init(hertz:))
        let pattern = try speakerPattern.map { try NSRegularExpression(pattern: $0) }

        var loaded: [Dataset] = []
        var failures: [CheckOutput.DatasetFailure] = []
        for path in datasets {
            do {
                var dataset = try DatasetLoader().load(path, format: datasetFormat)
                if let pattern { dataset = dataset.assigningSpeakers(pattern: pattern) }
                loaded.append(dataset)
            } catch {
                failures.append(.init(path: path, error: error.reason))
                StandardError.writeLine("steno: \(error.description)")
            }
        }

        var lexiconWords: Set<String>?
        if let lexicon {
            do {
                lexiconWords = try DatasetChecker.lexiconWords(contentsOf: URL(fileURLWithPath: lexicon))
            } catch {
                StandardError.writeLine("steno: \(error)")
                throw ExitCode.failure
            }
        }

        var checker = DatasetChecker(options: options, measurer: noAudio ? nil : try AudioFileMeasurer(),
                                     workerCount: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        if align { checker.checks.append(try alignmentCheck()) }
        let progress = ProgressLine(label: "measuring audio")
        let report = checker.check(loaded, lexiconWords: lexiconWords, progress: { progress.update($0, $1) })
        progress.finish()

        if let fixOut, let dataset = loaded.first {
            try writeFix(report: report, dataset: dataset, checker: checker, path: fixOut)
        }

        try CheckOutput.print(report, failures: failures, format: format, examples: examples, failOn: failOn.rawValue)
        let threshold: FindingSeverity? = switch failOn {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
        if !failures.isEmpty || threshold.map({ report.hasFinding(atLeast: $0) }) == true {
            throw ExitCode.failure
        }
    }

    /// The alignment-fit check over the model's forced aligner (StenoDatasets gets only the closure).
    private func alignmentCheck() throws -> AlignmentFitCheck {
        let aligner = try AlignerLoader.load(model: model)
        let reader = AudioReader(options: AudioReadOptions(targetSampleRate: aligner.sampleRate))
        return AlignmentFitCheck(workerCount: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { entry in
            guard let source = entry.utterance.audio, let url = source.url, let transcript = entry.utterance.transcript else {
                return .failed("no audio or transcript")
            }
            do {
                var audio = try reader.read(url.path)
                if case .segment(_, _, let start, let end) = source {
                    audio = audio.slice(fromSeconds: start, toSeconds: end)
                }
                return .scorePerFrame(try aligner.align(audio, transcript: transcript).scorePerFrame)
            } catch {
                return .failed(BatchRunner.reason(for: error, path: url.path))
            }
        }
    }

    private func writeFix(report: CheckReport, dataset: Dataset, checker: DatasetChecker, path: String) throws {
        let fixer = ManifestFixer()
        let format = ManifestFixer.OutputFormat(outputPath: path)
        let result = fixer.fix(dataset, report: report, format: format)
        do {
            try fixer.write(result, of: dataset, to: path, format: format)
        } catch {
            StandardError.writeLine("steno: \(error.description)")
            throw ExitCode.failure
        }
        var lines = ["fix: wrote \(result.utterances.count) of \(dataset.utterances.count) utterances to \(path)"]
        for rule in FixRule.allCases {
            let changes = result.changes.filter { $0.rule == rule }
            guard !changes.isEmpty else { continue }
            let dropped = changes.filter(\.dropped).count
            lines.append("fix: \(rule.rawValue): \(dropped) dropped, \(changes.count - dropped) changed")
            for change in changes {
                lines.append("fix:   \(change.id): \(change.dropped ? "dropped" : "changed"): \(change.detail)")
            }
        }
        lines.forEach(StandardError.writeLine)
    }
}
