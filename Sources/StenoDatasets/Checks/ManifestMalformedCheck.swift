/// `manifest-malformed`: lines a reader could not parse (bad JSON, missing column, unterminated quote).
public struct ManifestMalformedCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "manifest-malformed", category: .structure, severity: .error, title: "Malformed manifest lines",
        rationale: "Unparsed lines silently drop utterances from training and scoring.")

    public func run(in context: CheckContext) -> [Finding] {
        var items: [FindingItem] = []
        for (index, dataset) in context.datasets.enumerated() {
            for issue in dataset.issues {
                guard case .malformedLine(let reason) = issue.kind else { continue }
                items.append(context.item(issue.utteranceID?.rawValue ?? issue.location.description,
                                          datasetIndex: index, "\(issue.location): \(reason)"))
            }
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: "\(items.count) lines")]
    }
}
