/// Every check `steno check` runs, in report order (structure, audio, labels, splits).
public enum CheckCatalog {
    /// All checks.
    public static let all: [any DatasetCheck] = [
        ManifestMalformedCheck(), DuplicateIDCheck(), AudioWithoutLabelCheck(), LabelWithoutAudioCheck(),
        UnsupportedAudioSourceCheck(), UnreadableAudioCheck(), EmptyTranscriptCheck(), InvalidUTF8Check(),
        ControlCharactersCheck(), MissingSpeakerCheck(),
        SampleRateMismatchCheck(), ChannelMismatchCheck(), EncodingMismatchCheck(), AllZeroAudioCheck(),
        ClippingCheck(), DCOffsetCheck(), LowLevelCheck(), LevelInconsistentCheck(), DurationImplausibleCheck(),
        DeclaredDurationMismatchCheck(), LongSilenceCheck(.leading), LongSilenceCheck(.trailing),
        EdgeSilenceInconsistentCheck(),
        MixedConventionCheck(.letterCase), MixedConventionCheck(.punctuation), MixedConventionCheck(.numbers),
        SpelledLettersCheck(), MixedConventionCheck(.fillers), NearDuplicateSpellingCheck(), LexiconCoverageCheck(),
        SpeakingRateOutlierCheck(), AudioHashConflictCheck(.conflictingTranscripts), AudioHashConflictCheck(.duplicates),
        SplitOverlapCheck(.speaker), SplitOverlapCheck(.text),
    ]

    /// The descriptors of all checks, in report order.
    public static var descriptors: [CheckDescriptor] { all.map(\.descriptor) }

    /// The check with this id.
    public static func check(id: String) -> (any DatasetCheck)? { all.first { $0.descriptor.id == id } }
}
