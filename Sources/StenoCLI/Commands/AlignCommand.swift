import ArgumentParser
import Foundation
import Steno
import StenoAudio
import StenoCore
import StenoDatasets
import StenoDecoder

/// `steno align`: forced alignment of known transcripts to their audio.
struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align transcripts to audio: word and phone start, end and acoustic score.",
        discussion: """
            Give one AUDIO file and its TEXT (a transcript file, or the words themselves), or \
            --manifest with any manifest steno reads (path<TAB>text, JSONL, CSV/TSV, Kaldi or Sphinx \
            folders). Optional silences are allowed between words and every dictionary \
            pronunciation is tried (alternates appear as e.g. "and(2)"). Words the dictionary lacks \
            are an error naming them. Times are in seconds; scores are the acoustic model's integer \
            log values (base 1.0001, >> 10). Exit status 1 if any utterance failed.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json, ctm, textgrid
    }

    @Argument(help: ArgumentHelp("Audio file to align (with TEXT).", valueName: "audio"))
    var audioPath: String?
    @Argument(help: ArgumentHelp("Its transcript: a text file, or the words themselves.", valueName: "text"))
    var text: String?
    @Option(name: .long, help: ArgumentHelp("Align every utterance of this manifest instead.", valueName: "file"))
    var manifest: String?
    @Option(name: .long, help: "Output format: text, json, ctm or textgrid (Praat).")
    var format: Format = .text
    @Option(name: .customLong("output-dir"),
            help: ArgumentHelp("Write one file per utterance here (<id>.txt/.json/.ctm/.TextGrid) instead of stdout.",
                               valueName: "dir"))
    var outputDirectory: String?
    @Option(name: .customLong("model"),
            help: ArgumentHelp("Model directory (default: $STENO_MODEL_DIR, else the bundled Models/en-us).", valueName: "dir"))
    var modelDirectory: String?
    @Option(name: .customLong("dict"), help: ArgumentHelp("Pronunciation dictionary (default: the model's).", valueName: "file"))
    var dictionary: String?
    @Flag(name: .long, help: "Also allow the model's noise fillers ([NOISE], [SPEECH]) between words.")
    var fillers = false
    @Flag(name: .customLong("no-silence"), help: "Do not insert optional silences between words.")
    var noSilence = false
    @Option(name: .customLong("jobs"), help: ArgumentHelp("Utterances aligned at once (default: all cores).", valueName: "count"))
    var jobs: Int?
    @OptionGroup var audio: AudioInputOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        switch (manifest, audioPath, text) {
        case (nil, nil, _), (nil, _, nil):
            throw ValidationError("give AUDIO and TEXT, or --manifest FILE")
        case (.some, .some, _):
            throw ValidationError("give either AUDIO TEXT or --manifest, not both")
        default: break
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// One utterance to align.
    struct Job: Sendable {
        let id: String
        let path: String
        let transcript: String
        let startSeconds: Double?
        let endSeconds: Double?
    }

    func run() throws {
        logging.bootstrap()
        let logger = StenoLogging.logger("align")
        let started = Date()
        var options = ForcedAlignmentOptions()
        options.optionalSilence = !noSilence
        let aligner = try AlignerLoader.load(model: modelDirectory, dictionary: dictionary, options: options,
                                             includeFillers: fillers)
        logger.info("loaded model and dictionary in \(String(format: "%.3f", Date().timeIntervalSince(started))) s")
        let (jobs, failures) = try makeJobs()
        for (path, reason) in failures { StandardError.writeLine("steno: \(path): \(reason)") }
        let reader = AudioReader(options: audio.readOptions(targetSampleRate: aligner.sampleRate))
        let outcomes = ParallelRunner.map(jobs, jobs: self.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                          progress: jobs.count > 1 && !logging.quiet, label: { $0.path }) { job -> Result<ForcedAlignment, AlignFailure> in
            do {
                var buffer = try reader.read(job.path)
                if let start = job.startSeconds {
                    buffer = buffer.slice(fromSeconds: start, toSeconds: job.endSeconds)
                }
                return .success(try aligner.align(buffer, transcript: job.transcript))
            } catch {
                return .failure(AlignFailure(reason: BatchRunner.reason(for: error, path: job.path)))
            }
        }
        logger.info("aligned \(jobs.count) utterance(s) in \(String(format: "%.3f", Date().timeIntervalSince(started))) s")
        var failed = !failures.isEmpty
        var entries: [BatchJSONEntry<AlignmentJSON>] = failures.map { .error(path: $0.0, error: $0.1) }
        var texts: [String] = []
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .failure(let failure):
                failed = true
                StandardError.writeLine("steno: \(job.path): \(failure.reason)")
                entries.append(.error(path: job.path, error: failure.reason))
            case .success(let alignment):
                let rendered = try render(alignment, id: job.id)
                if let outputDirectory {
                    try write(rendered, id: job.id, to: outputDirectory, inputs: jobs.map(\.path))
                } else {
                    texts.append(jobs.count > 1 && (format == .text || format == .textgrid) ? "# \(job.id)\n\(rendered)" : rendered)
                }
                entries.append(.result(AlignmentJSON(id: job.id, alignment: alignment)))
            }
        }
        if outputDirectory == nil {
            if format == .json { try JSONOutput.print(entries) } else { for text in texts where !text.isEmpty { print(text) } }
        }
        if failed { throw ExitCode(1) }
    }

    struct AlignFailure: Error, Sendable { let reason: String }

    private func render(_ alignment: ForcedAlignment, id: String) throws -> String {
        switch format {
        case .text: alignment.text()
        case .ctm: alignment.ctm(utteranceID: id)
        case .textgrid: alignment.textGrid()
        case .json: try JSONOutput.string(AlignmentJSON(id: id, alignment: alignment))
        }
    }

    private func write(_ text: String, id: String, to directory: String, inputs: [String]) throws {
        let suffix = ["text": "txt", "json": "json", "ctm": "ctm", "textgrid": "TextGrid"][format.rawValue] ?? "txt"
        let folder = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let safeID = id.replacingOccurrences(of: "/", with: "_")
        let url = folder.appendingPathComponent("\(safeID).\(suffix)")
        guard !inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL == url.standardizedFileURL }) else {
            throw ValidationError("refusing to overwrite input \(url.path)")
        }
        try Data((text + "\n").utf8).write(to: url, options: .atomic)
    }

    /// The utterances to align, and the manifest entries that cannot be (path, reason).
    private func makeJobs() throws -> ([Job], [(String, String)]) {
        if let manifest {
            let dataset: Dataset
            do { dataset = try DatasetLoader().load(manifest) } catch {
                StandardError.writeLine("steno: \(error)")
                throw ExitCode(1)
            }
            var jobs: [Job] = []
            var failures: [(String, String)] = []
            for utterance in dataset.utterances {
                guard let source = utterance.audio, let url = source.url else {
                    failures.append((utterance.audio?.written ?? utterance.id.rawValue, "no readable audio for \(utterance.id)"))
                    continue
                }
                guard let transcript = utterance.transcript else {
                    failures.append((url.path, "no transcript for \(utterance.id)"))
                    continue
                }
                var start: Double?, end: Double?
                if case .segment(_, _, let s, let e) = source { start = s; end = e }
                jobs.append(Job(id: utterance.id.rawValue, path: url.path, transcript: transcript, startSeconds: start, endSeconds: end))
            }
            return (jobs, failures)
        }
        guard let audioPath, let text else { return ([], []) }
        var transcript = text
        if FileManager.default.fileExists(atPath: text) {
            do { transcript = try String(contentsOfFile: text, encoding: .utf8) } catch {
                StandardError.writeLine("steno: \(text): cannot read transcript (\(error.localizedDescription))")
                throw ExitCode(1)
            }
        }
        let id = URL(fileURLWithPath: audioPath).deletingPathExtension().lastPathComponent
        return ([Job(id: id, path: audioPath, transcript: transcript, startSeconds: nil, endSeconds: nil)], [])
    }
}
