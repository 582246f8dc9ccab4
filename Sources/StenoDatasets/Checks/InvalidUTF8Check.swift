/// `invalid-utf8`: manifest lines whose bytes are not UTF-8.
public struct InvalidUTF8Check: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "invalid-utf8", category: .structure, severity: .error, title: "Invalid UTF-8",
        rationale: "Tools decode such lines differently (or not at all), so the words differ between them.")

    public func run(in context: CheckContext) -> [Finding] {
        var items: [FindingItem] = []
        for (index, dataset) in context.datasets.enumerated() {
            for issue in dataset.issues where issue.kind == .invalidUTF8 {
                items.append(context.item(issue.utteranceID?.rawValue ?? issue.location.description, datasetIndex: index,
                                          "\(issue.location): bytes are not UTF-8 (read with U+FFFD)"))
            }
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "line"))]
    }
}
