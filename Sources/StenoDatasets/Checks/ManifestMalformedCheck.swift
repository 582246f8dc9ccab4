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
                // Without an id the item's id is already "file:line".
                if let id = issue.utteranceID {
                    items.append(context.item(id.rawValue, datasetIndex: index, "\(issue.location): \(reason)"))
                } else {
                    items.append(context.item(issue.location.description, datasetIndex: index, reason))
                }
            }
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "line"))]
    }
}
