import Foundation
import StenoCore

/// Builds a cleaned copy of a dataset from its check report, and writes it as a new manifest.
///
/// The dataset's own files are never written: ``write(_:of:to:format:)`` refuses an output path that is one of
/// the dataset's manifest files.
public struct ManifestFixer: Sendable {
    /// The rules to apply, in order. Default: all of ``FixRule``.
    public var rules: [FixRule]

    /// A fixer applying `rules` in order (default: all of them).
    public init(rules: [FixRule] = FixRule.allCases) {
        self.rules = rules
    }

    /// The output layout, chosen from the output file's extension.
    public enum OutputFormat: Sendable, Equatable {
        /// `.jsonl`: NeMo JSON lines (`audio_filepath`, `text`, `duration`, `offset`, `speaker`).
        case jsonl
        /// Anything else: Steno `manifest.tsv` (`path<TAB>text`).
        case manifest

        /// The layout a path implies: `.jsonl` for a `.jsonl` extension (any case), else `.manifest`.
        public init(outputPath: String) {
            self = outputPath.lowercased().hasSuffix(".jsonl") ? .jsonl : .manifest
        }
    }

    /// The cleaned utterances and every change made.
    public struct Result: Sendable {
        /// The utterances kept, in manifest order, with their fixed transcripts.
        public let utterances: [Utterance]
        /// Every change made, in the order made.
        public let changes: [FixChange]
    }

    /// Applies the rules to `dataset` given its `report` (from ``DatasetChecker`` over this dataset alone).
    public func fix(_ dataset: Dataset, report: CheckReport, format: OutputFormat) -> Result {
        var dropReasons: [String: String] = [:]
        for finding in report.findings
        where finding.severity == .error && FixRule.droppingChecks.contains(finding.check) {
            for item in finding.items where dropReasons[item.id] == nil {
                dropReasons[item.id] = "\(finding.check): \(item.detail)"
            }
        }
        let majorityCase = majorityLetterCase(dataset)
        let stripPunctuation = rules.contains(.removePunctuation) && mostLackPunctuation(dataset)
        var kept: [Utterance] = []
        var changes: [FixChange] = []
        for utterance in dataset.utterances {
            let id = utterance.id.rawValue
            if rules.contains(.dropUnusable), let reason = dropReasons[id] {
                changes.append(FixChange(rule: .dropUnusable, id: id, detail: reason, dropped: true))
                continue
            }
            if rules.contains(.dropUnusable), utterance.transcript == nil || utterance.audio?.url == nil {
                changes.append(FixChange(rule: .dropUnusable, id: id, detail: "no transcript or no audio file", dropped: true))
                continue
            }
            if rules.contains(.dropUnrepresentable), format == .manifest, case .segment? = utterance.audio {
                changes.append(FixChange(rule: .dropUnrepresentable, id: id,
                                         detail: "a segment of a file cannot be written to manifest.tsv; use a .jsonl output",
                                         dropped: true))
                continue
            }
            var fixed = utterance
            var text = utterance.transcript ?? ""
            let steps: [(FixRule, (String) -> String)] = [
                (.normaliseWhitespace, Self.normaliseWhitespace),
                (.normaliseCase, { majorityCase == .upper ? $0.uppercased() : majorityCase == .lower ? $0.lowercased() : $0 }),
                (.removePunctuation, { stripPunctuation ? Self.removePunctuation($0) : $0 }),
            ]
            for (rule, transform) in steps where rules.contains(rule) {
                let changed = transform(text)
                if changed != text {
                    changes.append(FixChange(rule: rule, id: id, detail: "\"\(text.prefix(80))\" → \"\(changed.prefix(80))\"",
                                             dropped: false))
                    text = changed
                }
            }
            if text.isEmpty, rules.contains(.dropUnusable) {
                changes.append(FixChange(rule: .dropUnusable, id: id, detail: "transcript empty after normalising", dropped: true))
                continue
            }
            fixed.transcript = text
            kept.append(fixed)
        }
        return Result(utterances: kept, changes: changes)
    }

    /// Writes `utterances` to `path` as `format`, with audio paths relative to the output's folder.
    /// - Throws: ``DatasetError`` when `path` is one of `dataset`'s manifest files or cannot be written.
    public func write(_ result: Result, of dataset: Dataset, to path: String, format: OutputFormat) throws(DatasetError) {
        let output = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for manifest in dataset.manifestFiles {
            let input = URL(fileURLWithPath: manifest).standardizedFileURL.resolvingSymlinksInPath()
            if input.path == output.path {
                throw DatasetError(.writeFailed, path: path, reason: "is an input manifest; --fix-out never overwrites its input")
            }
        }
        if result.utterances.contains(where: { $0.audio?.url?.standardizedFileURL.resolvingSymlinksInPath().path == output.path }) {
            throw DatasetError(.writeFailed, path: path, reason: "is an audio file of the dataset")
        }
        let folder = output.deletingLastPathComponent()
        var lines: [String] = []
        for utterance in result.utterances {
            guard let audio = utterance.audio, let url = audio.url else { continue }
            let written = url.path(relativeTo: folder) ?? url.path
            let text = utterance.transcript ?? ""
            switch format {
            case .manifest:
                lines.append("\(written)\t\(text)")
            case .jsonl:
                var object: [String: Any] = ["audio_filepath": written, "text": text]
                if case .segment(_, _, let start, let end) = audio {
                    object["offset"] = start
                    if let end { object["duration"] = end - start }
                } else if let duration = utterance.declaredDurationSeconds {
                    object["duration"] = duration
                }
                if let speaker = utterance.speaker { object["speaker"] = speaker }
                guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
                      let line = String(data: data, encoding: .utf8) else {
                    throw DatasetError(.writeFailed, path: path, reason: "cannot encode \(utterance.id) as JSON")
                }
                lines.append(line)
            }
        }
        let contents = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        do {
            try Data(contents.utf8).write(to: output, options: .atomic)
        } catch {
            throw DatasetError(.writeFailed, path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    // MARK: - Rules

    static func normaliseWhitespace(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            scalars.append(category == .control || category == .format ? " " : scalar)
        }
        return String(scalars).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func removePunctuation(_ text: String) -> String {
        text.split(separator: " ").compactMap { token -> String? in
            if ["[", "<", "{", "+"].contains(token.first) { return String(token) }  // a tag: keep as is
            let word = TranscriptProfile.normalisedWordKeepingCase(token)
            return word.isEmpty ? nil : word
        }.joined(separator: " ")
    }

    private func majorityLetterCase(_ dataset: Dataset) -> TranscriptProfile.LetterCase? {
        guard rules.contains(.normaliseCase) else { return nil }
        let cases = dataset.utterances.compactMap { $0.transcript.map(TranscriptProfile.init)?.letterCase }
        guard Set(cases).count > 1, let top = majority(cases) else { return nil }
        return top.value == .mixed ? nil : top.value
    }

    private func mostLackPunctuation(_ dataset: Dataset) -> Bool {
        let profiles = dataset.utterances.compactMap { $0.transcript.map(TranscriptProfile.init) }.filter { !$0.words.isEmpty }
        let with = profiles.filter(\.hasPunctuation).count
        return with > 0 && with * 2 < profiles.count
    }
}
