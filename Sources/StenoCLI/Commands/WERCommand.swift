import ArgumentParser
import Foundation
import StenoCore
import StenoEval

/// `steno wer`: word error rate of one or more hypothesis files against a reference, paired by id.
struct WERCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wer",
        abstract: "Word, character and sentence error rates with error analysis, paired by utterance id.",
        discussion: """
            Inputs may be Kaldi text (uttid words...), Sphinx transcriptions (words... (uttid)), TSV \
            manifests (path<TAB>text) or JSON Lines ({"id"|"audio_filepath", "text", ...}); the format is \
            detected unless --input-format is given. Both sides get the same normalisation, printed in \
            the report. Give --hyp twice to compare two systems with a paired bootstrap interval.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case auto, kaldi, sphinx, tsv, jsonl }
    enum NormalizationPreset: String, ExpressibleByArgument, CaseIterable { case `default`, none }
    enum Missing: String, ExpressibleByArgument, CaseIterable { case strict, present, empty }

    @Option(name: .long, help: "Reference transcript file.")
    var ref: String

    @Option(name: .long, help: "Hypothesis transcript file; repeat to compare systems (each against the first).")
    var hyp: [String]

    @Option(name: .long, help: "Format of both input files.")
    var inputFormat: InputFormat = .auto

    @Option(name: .long, help: "Reference ids without a hypothesis: strict fails, present skips them, empty scores them as empty (Kaldi's strict/present/all).")
    var missing: Missing = .strict

    @Option(name: .long, help: "Normalisation preset: default (case folding, hyphens, punctuation, fillers) or none (words as written, split on white space).")
    var normalize: NormalizationPreset = .default

    @Flag(name: .long, help: "Also spell English numerals as words (42 -> forty two).")
    var numbers = false

    @Option(name: .long, help: "Comma-separated filler words to remove from both sides, replacing the preset's list (\"\" for none).")
    var fillers: String?

    @Option(name: .long, help: "GLM-style mapping file of 'from => to' rules applied to both sides.")
    var mapping: String?

    @Option(name: .long, help: "Kaldi utt2spk file: adds a 'speaker' field and breaks results down by it.")
    var utt2spk: String?

    @Option(name: .customLong("by"), help: "Break results down by this field (a JSONL key, or 'speaker' with --utt2spk).")
    var breakdownField: String?

    @Option(name: .long, help: "Bootstrap resamples for confidence intervals (0 turns them off).")
    var bootstrap: Int = ScoringOptions().bootstrapResamples

    @Option(name: .long, help: "Seed of the bootstrap resampling.")
    var seed: UInt64 = ScoringOptions().bootstrapSeed

    @Option(name: .long, help: "How many confusion pairs, deleted and inserted words to list.")
    var top: Int = ScoringOptions().topCount

    @Option(name: .long, help: "How many worst utterances to list.")
    var worst: Int = ScoringOptions().worstCount

    @Flag(name: .long, help: "Print REF/HYP/EVAL alignment lines for every utterance (sclite style).")
    var alignments = false

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    func validate() throws {
        guard !hyp.isEmpty else { throw ValidationError("give at least one --hyp FILE") }
        guard bootstrap >= 0 else { throw ValidationError("--bootstrap must be 0 or more") }
        guard top >= 0, worst >= 0 else { throw ValidationError("--top and --worst must be 0 or more") }
    }

    func run() async throws {
        var failures: [(path: String, reason: String)] = []
        func fail(_ error: any Error, path: String) {
            let reason = (error as? any StenoError)?.reason ?? String(describing: error)
            let shownPath = (error as? any StenoError)?.path ?? path
            failures.append((shownPath, reason))
            FileHandle.standardError.write(Data("steno: \(shownPath): \(reason)\n".utf8))
        }

        let reader = TranscriptReader(format: readerFormat)
        var scorer: WERScorer
        var reference: Transcript
        do {
            scorer = WERScorer(normalizer: TextNormalizer(options: try normalizationOptions()), options: scoringOptions)
            reference = try reader.read(contentsOf: URL(fileURLWithPath: ref))
            if let utt2spk {
                reference.addField("speaker", values: try TranscriptReader.readKeyValueFile(
                    contentsOf: URL(fileURLWithPath: utt2spk)))
            }
        } catch {
            fail(error, path: ref)
            try emit(systems: [], comparisons: [], failures: failures)
            throw ExitCode(1)
        }

        if let field = scorer.options.breakdownField, !reference.entries.contains(where: { $0.fields[field] != nil }) {
            StandardError.writeLine("steno: \(ref): no utterance has the field '\(field)'; all are grouped under (none)")
        }
        var systems: [(path: String, report: WERReport)] = []
        for path in hyp {
            do {
                let hypothesis = try reader.read(contentsOf: URL(fileURLWithPath: path))
                let paired = try PairedUtterances(reference: reference, hypothesis: hypothesis, policy: missingPolicy)
                if !paired.extraIDs.isEmpty {
                    FileHandle.standardError.write(Data(
                        "steno: \(path): \(paired.extraIDs.count) hypothesis id(s) not in the reference, not scored\n".utf8))
                }
                systems.append((path, try scorer.score(paired)))
            } catch {
                fail(error, path: path)
            }
        }
        var comparisons: [SystemComparison] = []
        if let baseline = systems.first {
            for candidate in systems.dropFirst() {
                comparisons.append(SystemComparison(
                    baseline: baseline.path, baselineReport: baseline.report,
                    candidate: candidate.path, candidateReport: candidate.report, options: scorer.options))
            }
        }
        try emit(systems: systems, comparisons: comparisons, failures: failures)
        if !failures.isEmpty { throw ExitCode(1) }
    }

    private var readerFormat: TranscriptFormat? {
        switch inputFormat {
        case .auto: return nil
        case .kaldi: return .kaldi
        case .sphinx: return .sphinx
        case .tsv: return .tsv
        case .jsonl: return .jsonl
        }
    }

    private var missingPolicy: MissingPolicy {
        switch missing {
        case .strict: return .strict
        case .present: return .present
        case .empty: return .empty
        }
    }

    private func normalizationOptions() throws -> NormalizationOptions {
        var options: NormalizationOptions = normalize == .none ? .none : .standard
        if numbers {
            options.numbersToWords = true
            options.name = "custom"
        }
        if let fillers {
            options.fillers = fillers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            options.name = "custom"
        }
        if let mapping {
            options.mapping = try WordMapping.read(contentsOf: URL(fileURLWithPath: mapping))
            options.name = "custom"
        }
        return options
    }

    private var scoringOptions: ScoringOptions {
        ScoringOptions(bootstrapResamples: bootstrap, bootstrapSeed: seed, topCount: top, worstCount: worst,
                       breakdownField: breakdownField ?? (utt2spk != nil ? "speaker" : nil),
                       keepAlignments: alignments)
    }

    // MARK: - Output

    private struct FailureJSON: Encodable {
        var path: String
        var error: String
    }

    private struct SystemJSON: Encodable {
        var hypothesis: String
        var report: WERReport
    }

    private struct MultiSystemJSON: Encodable {
        var reference: String
        var systems: [SystemJSON]
        var comparisons: [SystemComparison]
        var errors: [FailureJSON]
    }

    private func emit(systems: [(path: String, report: WERReport)], comparisons: [SystemComparison],
                      failures: [(path: String, reason: String)]) throws {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data: Data
            if hyp.count == 1, let only = systems.first {
                data = try encoder.encode(only.report)
            } else {
                data = try encoder.encode(MultiSystemJSON(
                    reference: ref, systems: systems.map { SystemJSON(hypothesis: $0.path, report: $0.report) },
                    comparisons: comparisons, errors: failures.map { FailureJSON(path: $0.path, error: $0.reason) }))
            }
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        case .text:
            var blocks: [String] = []
            for system in systems {
                blocks.append(systems.count > 1 || hyp.count > 1
                    ? "== \(system.path)\n\(system.report.textReport)" : system.report.textReport)
            }
            if !comparisons.isEmpty { blocks.append(comparisons.map(\.textSummary).joined(separator: "\n")) }
            if !blocks.isEmpty { print(blocks.joined(separator: "\n\n")) }
        }
    }
}
