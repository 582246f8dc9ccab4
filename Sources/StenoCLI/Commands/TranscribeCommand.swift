import ArgumentParser
import Foundation
import Steno

/// `steno transcribe`: speech to text with the bundled model, a language model or a grammar.
struct TranscribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcribe",
        abstract: "Transcribe audio files, folders of audio, manifests, or standard input.",
        discussion: """
            Inputs: audio files, folders (their audio files, recursively, sorted), manifests \
            (path<TAB>text, JSONL, Kaldi data folders), or '-' for audio on standard input. \
            Audio is resampled to the model's rate; long recordings are split on silence. \
            Results come in input order whatever --jobs is; a file that fails is reported on \
            stderr (exit status 1) and the others still go on.
            """)

    @Argument(help: ArgumentHelp("Audio files, folders, manifests, or - for standard input.", valueName: "input"))
    var inputs: [String]
    @Option(name: .long, help: "Output format: text, json, srt, vtt, ctm or tsv.")
    var format: TranscriptionOutputFormat = .text
    @OptionGroup var decoder: DecoderOptions
    @OptionGroup var audio: AudioInputOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input (a file, folder, manifest, or -)") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        logging.bootstrap()
        let (expanded, failures) = TranscriptionInputs.expand(inputs)
        for (path, reason) in failures { StandardError.writeLine("steno: \(path): \(reason)") }
        let recognizer = try decoder.loadRecognizer(logging: logging)
        let transcriber = Transcriber(recognizer: recognizer, readOptions: audio.readOptions())
        let outcomes = ParallelRunner.map(expanded, jobs: decoder.jobCount, progress: expanded.count > 1 && !logging.quiet,
                                           label: { $0.path }) {
            transcriber.run($0)
        }
        for o in outcomes {
            for w in o.warnings where !logging.quiet { StandardError.writeLine("steno: \(o.input.path): warning: \(w)") }
            if let error = o.error { StandardError.writeLine("steno: \(o.input.path): \(error)") }
        }
        try emit(outcomes, failures: failures)
        if !failures.isEmpty || outcomes.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }

    private func emit(_ outcomes: [Transcriber.Outcome], failures: [(String, String)]) throws {
        let several = outcomes.count > 1
        let good = outcomes.compactMap { o in o.hypothesis.map { (o.input, $0) } }
        switch format {
        case .json:
            try JSONOutput.print(jsonEntries(outcomes, failures: failures))
        case .text:
            for (input, h) in good { print(several ? "\(input.path): \(h.text)" : h.text) }
        case .tsv:
            for (input, h) in good { print("\(input.path)\t\(h.text)") }
        case .ctm:
            for (input, h) in good where !h.words.isEmpty { print(TranscriptFormatter.ctm(h, id: input.id)) }
        case .srt:
            for (input, h) in good {
                if several { print("# \(input.path)") }
                print(TranscriptFormatter.srt(h))
            }
        case .vtt:
            print("WEBVTT\n")
            for (input, h) in good {
                if several { print("NOTE \(input.path)\n") }
                print(TranscriptFormatter.vtt(h))
            }
        }
    }

    /// JSON entries in input order (failed expansions first, then every input as given).
    private func jsonEntries(_ outcomes: [Transcriber.Outcome], failures: [(String, String)])
        -> [BatchJSONEntry<TranscriptFormatter.Entry>] {
        var ordered = failures.map { BatchJSONEntry<TranscriptFormatter.Entry>.error(path: $0.0, error: $0.1) }
        for o in outcomes {
            if let h = o.hypothesis {
                ordered.append(.result(TranscriptFormatter.Entry(path: o.input.path, hypothesis: h)))
            } else {
                ordered.append(.error(path: o.input.path, error: o.error ?? "failed"))
            }
        }
        return ordered
    }
}
