/// Transcripts that follow a different writing convention from the rest of the set:
/// `mixed-case`, `mixed-punctuation`, `mixed-number-style`, `mixed-filler-marking`.
///
/// Each transcript's convention is worked out on its own (lower/upper/mixed case; punctuation kept or
/// not; digits or number words; how fillers and noise are marked); when the set uses more than one,
/// the transcripts not following the majority are listed.
public struct MixedConventionCheck: DatasetCheck {
    /// Which convention.
    public enum Convention: Sendable, CaseIterable { case letterCase, punctuation, numbers, fillers }

    /// Which transcript convention this instance compares.
    public let convention: Convention
    public let descriptor: CheckDescriptor

    /// The `mixed-…` check for one convention.
    public init(_ convention: Convention) {
        self.convention = convention
        descriptor = switch convention {
        case .letterCase:
            CheckDescriptor(id: "mixed-case", category: .labels, severity: .warning, title: "Mixed letter case",
                            rationale: "\"Yes\" and \"yes\" become different words for the model and the WER unless normalised.")
        case .punctuation:
            CheckDescriptor(id: "mixed-punctuation", category: .labels, severity: .warning,
                            title: "Punctuation kept in some transcripts only",
                            rationale: "The model cannot learn punctuation it sees only sometimes, and \"yes.\" never matches \"yes\".")
        case .numbers:
            CheckDescriptor(id: "mixed-number-style", category: .labels, severity: .warning,
                            title: "Digits in some transcripts, number words in others",
                            rationale: "\"5\" and \"five\" are spoken alike; mixing them makes the same audio two different labels.")
        case .fillers:
            CheckDescriptor(id: "mixed-filler-marking", category: .labels, severity: .warning,
                            title: "Fillers and noise marked in different ways",
                            rationale: "If hesitations and noises are marked only sometimes, the model learns to drop or invent them.")
        }
    }

    public func run(in context: CheckContext) -> [Finding] {
        switch convention {
        case .letterCase:
            var tally = ConventionTally<TranscriptProfile.LetterCase>()
            for entry in context.entries { if let style = entry.profile?.letterCase { tally.add(entry, [style]) } }
            return report(tally, context: context, describe: \.rawValue)
        case .punctuation:
            var tally = ConventionTally<String>()
            for entry in context.entries {
                guard let profile = entry.profile, !profile.words.isEmpty else { continue }
                tally.add(entry, [profile.hasPunctuation ? "with punctuation" : "without punctuation"])
            }
            return report(tally, context: context, describe: { $0 })
        case .numbers:
            var tally = ConventionTally<TranscriptProfile.NumberStyle>()
            for entry in context.entries { if let style = entry.profile?.numberStyle { tally.add(entry, [style]) } }
            return report(tally, context: context, describe: \.rawValue)
        case .fillers:
            var tally = ConventionTally<TranscriptProfile.FillerMarking>()
            for entry in context.entries { if let profile = entry.profile { tally.add(entry, profile.fillerMarkings) } }
            return report(tally, context: context, describe: \.rawValue)
        }
    }

    private func report<Style>(_ tally: ConventionTally<Style>, context: CheckContext,
                               describe: (Style) -> String) -> [Finding] {
        guard let result = tally.minority(), !result.items.isEmpty else { return [] }
        let majority = describe(result.majority)
        let items = result.items.map { entry, styles in
            let used = styles.sorted().map(describe).joined(separator: ", ")
            return context.item(entry, "\(used): \"\(context.clipped(entry.utterance.transcript ?? "", limit: 60))\"")
        }
        return [descriptor.finding(items,
            summary: "\(items.count) of \(result.total) transcripts differ from the majority convention, \(majority) (\(counted(result.majorityCount, "transcript")))")]
    }
}
