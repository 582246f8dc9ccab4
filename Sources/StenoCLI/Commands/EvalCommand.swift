import ArgumentParser
import Foundation
import Steno
import StenoCore
import StenoEval

/// `steno eval`: transcribe a test set and score it in one step.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Transcribe a test set and report its word error rate and real-time factor.",
        discussion: """
            MANIFEST lists audio with reference transcripts (path<TAB>text, JSONL, Kaldi data folder). \
            The report is `steno wer`'s (WER, substitutions/deletions/insertions, analysis) plus the \
            audio length, the decoding time (wall clock, reading included) and their ratio. Audio \
            that cannot be read is reported on stderr, scored as an empty hypothesis, and makes the \
            exit status 1.
            """)

    @Argument(help: ArgumentHelp("The test set's manifest.", valueName: "manifest"))
    var manifest: String
    @Option(name: .customLong("hyp-out"), help: ArgumentHelp("Also write the hypotheses here (path<TAB>text).", valueName: "file"))
    var hypothesisOutput: String?
    @OptionGroup var output: OutputFormatOption
    @OptionGroup var decoder: DecoderOptions
    @OptionGroup var audio: AudioInputOptions
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        logging.bootstrap()
        let (inputs, failures) = TranscriptionInputs.expand([manifest])
        for (path, reason) in failures { StandardError.writeLine("steno: \(path): \(reason)") }
        guard failures.isEmpty || !inputs.isEmpty else { throw ExitCode(1) }
        let recognizer = try decoder.loadRecognizer(logging: logging)
        let transcriber = Transcriber(recognizer: recognizer, readOptions: audio.readOptions())
        let started = Date()
        let outcomes = ParallelRunner.map(inputs, jobs: decoder.jobCount, progress: inputs.count > 1 && !logging.quiet,
                                           label: { $0.path }) {
            transcriber.run($0)
        }
        let decodeSeconds = Date().timeIntervalSince(started)
        var pairs = [UtterancePair]()
        var audioSeconds = 0.0
        var hypothesisLines = [String]()
        for o in outcomes {
            if let error = o.error { StandardError.writeLine("steno: \(o.input.path): \(error)") }
            audioSeconds += o.hypothesis?.durationSeconds ?? 0
            let text = o.hypothesis?.text ?? ""
            pairs.append(UtterancePair(id: UtteranceID(o.input.id), reference: o.input.reference ?? "", hypothesis: text,
                                       hypothesisMissing: o.hypothesis == nil))
            hypothesisLines.append("\(o.input.written ?? o.input.path)\t\(text)")
        }
        if let hypothesisOutput {
            try (hypothesisLines.map { $0 + "\n" }.joined()).write(toFile: hypothesisOutput, atomically: true, encoding: .utf8)
        }
        var report = try WERScorer().score(pairs)
        report.audioSeconds = audioSeconds
        report.decodeSeconds = decodeSeconds
        report.realTimeFactor = audioSeconds > 0 ? decodeSeconds / audioSeconds : nil
        switch output.format {
        case .json:
            try JSONOutput.print(report)
        case .text:
            print(report.textReport)
            print(String(format: "audio %.2f s, decoding %.2f s, real-time factor %.4f (%d jobs)", audioSeconds,
                         decodeSeconds, report.realTimeFactor ?? 0, decoder.jobCount))
        }
        if !failures.isEmpty || outcomes.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }
}
