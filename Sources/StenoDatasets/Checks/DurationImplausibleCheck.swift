/// `duration-implausible`: audio too short to hold its transcript, or far too long for it.
public struct DurationImplausibleCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "duration-implausible", category: .audio, severity: .warning, requirement: .audio,
        title: "Duration implausible for the transcript",
        rationale: "Usually a transcript attached to the wrong clip, or a truncated or padded recording.")

    public func run(in context: CheckContext) -> [Finding] {
        let options = context.options
        let items = context.measured.compactMap { entry, measurement -> FindingItem? in
            guard let profile = entry.profile, !profile.words.isEmpty, !measurement.isAllZero else { return nil }
            let charactersPerSecond = Double(profile.characterCount) / max(measurement.durationSeconds, 1e-3)
            if charactersPerSecond > options.maximumCharactersPerSecond {
                return context.item(entry, "\(profile.characterCount) characters in \(formatted(measurement.durationSeconds)) s (\(formatted(charactersPerSecond, digits: 1))/s, limit \(formatted(options.maximumCharactersPerSecond))/s): too short for its text")
            }
            let limit = options.durationSlackSeconds + options.maximumSecondsPerWord * Double(profile.words.count)
            if measurement.speechSeconds > limit {
                return context.item(entry, "\(formatted(measurement.speechSeconds)) s of speech for \(profile.words.count) words (limit \(formatted(limit)) s): too long for its text")
            }
            return nil
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "clip"))]
    }
}
