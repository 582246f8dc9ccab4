/// `sample-rate-mismatch`: clips whose sample rate differs from `--rate` or from the set's majority.
public struct SampleRateMismatchCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "sample-rate-mismatch", category: .audio, severity: .error, requirement: .audio,
        title: "Sample rate differs",
        rationale: "Features computed at the wrong rate are shifted in frequency; the model hears different speech.")

    public func run(in context: CheckContext) -> [Finding] {
        let measured = context.measured
        let expected: Int
        let source: String
        if let rate = context.options.expectedSampleRate {
            expected = rate.hertz
            source = "--rate"
        } else if let common = majority(measured.map(\.measurement.sampleRateHertz)) {
            expected = common.value
            source = "\(common.count) of \(measured.count) clips"
        } else {
            return []
        }
        let items = measured.filter { $0.measurement.sampleRateHertz != expected }.map {
            context.item($0.entry, "\($0.measurement.sampleRateHertz) Hz, expected \(expected) Hz (\(source))")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: "\(counted(items.count, "clip")) not at \(expected) Hz")]
    }
}
