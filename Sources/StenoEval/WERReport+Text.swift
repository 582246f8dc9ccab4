import Foundation

extension WERReport {
    /// Kaldi compute-wer's line: `%WER 12.50 [ 5 / 40, 1 ins, 2 del, 2 sub ]`, plus ` [PARTIAL]`
    /// when some references were not scored. `n/a` when there are no reference words.
    public var kaldiSummaryLine: String {
        let rate = wer.map { Self.percent($0) } ?? "n/a"
        return "%WER \(rate) [ \(errors) / \(referenceWords), \(insertions) ins, \(deletions) del, \(substitutions) sub ]"
            + (partial ? " [PARTIAL]" : "")
    }

    /// The full text report: Kaldi's three lines, then CER, normalisation and the error analysis.
    public var textReport: String {
        var lines = [kaldiSummaryLine]
        lines.append("%SER \(ser.map { Self.percent($0) } ?? "n/a") [ \(sentenceErrors) / \(utterances) ]")
        lines.append("Scored \(utterances) sentences, \(missingIDs.count) not present in hyp.")
        lines.append("%CER \(cer.map { Self.percent($0) } ?? "n/a") [ \(characters.errors) / \(characters.referenceLength), "
            + "\(characters.insertions) ins, \(characters.deletions) del, \(characters.substitutions) sub ]")
        lines.append("normalization: \(normalization.summary)")
        if let meanUtteranceWER {
            lines.append("mean per-utterance WER: \(Self.percent(meanUtteranceWER))% "
                + "(average of utterance rates, not the corpus WER)")
        }
        if let interval = confidenceInterval {
            lines.append("\(String(format: "%.0f", interval.level * 100))% bootstrap interval of WER: "
                + "[\(Self.percent(interval.lower))%, \(Self.percent(interval.upper))%] "
                + "(\(interval.resamples) resamples of utterances, seed \(interval.seed))")
        }
        if emptyReferences > 0 {
            lines.append("empty references: \(emptyReferences) (their words count as insertions; "
                + "their own WER is undefined)")
        }
        if !missingIDs.isEmpty {
            lines.append("missing hypotheses (\(missingIDs.count), \(missingPolicy == .empty ? "scored as empty" : "not scored")): "
                + Self.list(missingIDs.map(\.rawValue)))
        }
        if !extraIDs.isEmpty {
            lines.append("hypotheses without a reference (\(extraIDs.count), not scored): " + Self.list(extraIDs.map(\.rawValue)))
        }
        if !topConfusions.isEmpty {
            lines.append("top confusions (reference -> hypothesis):")
            for c in topConfusions { lines.append("  \(c.count)\t\(c.reference) -> \(c.hypothesis)") }
        }
        if !topDeletions.isEmpty {
            lines.append("most deleted: " + topDeletions.map { "\($0.word) (\($0.count))" }.joined(separator: ", "))
        }
        if !topInsertions.isEmpty {
            lines.append("most inserted: " + topInsertions.map { "\($0.word) (\($0.count))" }.joined(separator: ", "))
        }
        if !worstUtterances.isEmpty {
            lines.append("worst utterances:")
            for u in worstUtterances {
                lines.append("  \(u.id)\t%WER \(u.wer.map { Self.percent($0) } ?? "n/a") [ \(u.errors) / \(u.referenceWords), "
                    + "\(u.insertions) ins, \(u.deletions) del, \(u.substitutions) sub ]")
            }
        }
        if let breakdown {
            lines.append("by \(breakdown.field):")
            for g in breakdown.groups {
                let errors = g.substitutions + g.deletions + g.insertions
                lines.append("  \(g.value)\t%WER \(g.wer.map { Self.percent($0) } ?? "n/a") [ \(errors) / \(g.referenceWords), "
                    + "\(g.insertions) ins, \(g.deletions) del, \(g.substitutions) sub ]\t\(g.utterances) utterances")
            }
        }
        if let alignments {
            lines.append("alignments:")
            for a in alignments { lines.append(contentsOf: a.scliteLines); lines.append("") }
        }
        return lines.joined(separator: "\n")
    }

    /// A fraction as a percentage with two decimals, like Kaldi ("12.50").
    static func percent(_ fraction: Double, digits: Int = 2) -> String {
        String(format: "%.\(digits)f", fraction * 100)
    }

    static func list(_ ids: [String], limit: Int = 50) -> String {
        ids.prefix(limit).joined(separator: ", ") + (ids.count > limit ? ", ... (\(ids.count - limit) more)" : "")
    }
}
