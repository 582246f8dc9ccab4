import StenoCore

/// Utterances paired by id, with the ids that did not pair.
public struct PairedUtterances: Sendable {
    /// Pairs to score, in reference file order.
    public var pairs: [UtterancePair]
    /// Reference ids with no hypothesis (scored as empty, skipped, or fatal, by `MissingPolicy`).
    public var missingIDs: [UtteranceID]
    /// Hypothesis ids with no reference (never scored, like Kaldi; reported by name).
    public var extraIDs: [UtteranceID]
    /// The policy that was applied.
    public var policy: MissingPolicy

    /// Pairs the two transcripts by utterance id, never by line position.
    ///
    /// - Throws: `EvalError.missingHypotheses` under `.strict` when any reference id has no hypothesis.
    public init(reference: Transcript, hypothesis: Transcript, policy: MissingPolicy) throws {
        var pairs: [UtterancePair] = []
        var missing: [UtteranceID] = []
        pairs.reserveCapacity(reference.count)
        for entry in reference.entries {
            if let found = hypothesis[entry.id] {
                pairs.append(UtterancePair(id: entry.id, reference: entry.text, hypothesis: found.text,
                                           fields: entry.fields))
            } else {
                missing.append(entry.id)
                if policy == .empty {
                    pairs.append(UtterancePair(id: entry.id, reference: entry.text, hypothesis: "",
                                               fields: entry.fields, hypothesisMissing: true))
                }
            }
        }
        if policy == .strict && !missing.isEmpty {
            let shown = missing.prefix(20).map(\.rawValue).joined(separator: ", ")
            let more = missing.count > 20 ? ", ..." : ""
            throw EvalError(.missingHypotheses, path: hypothesis.path,
                            "no hypothesis for \(missing.count) reference utterance(s): \(shown)\(more)"
                                + " (use --missing present or --missing empty)")
        }
        self.pairs = pairs
        self.missingIDs = missing
        self.extraIDs = hypothesis.entries.map(\.id).filter { reference[$0] == nil }
        self.policy = policy
    }

    /// Pairs given directly (for `steno eval`, which builds hypotheses itself).
    public init(pairs: [UtterancePair], missingIDs: [UtteranceID] = [], extraIDs: [UtteranceID] = [],
                policy: MissingPolicy = .strict) {
        self.pairs = pairs
        self.missingIDs = missingIDs
        self.extraIDs = extraIDs
        self.policy = policy
    }
}
