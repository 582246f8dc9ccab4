/// `duplicate-id`: the same utterance id defined twice in one manifest file.
public struct DuplicateIDCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "duplicate-id", category: .structure, severity: .error, title: "Duplicate utterance ids",
        rationale: "Results are paired by id; a repeated id makes one of the entries unreachable or ambiguous.")

    public func run(in context: CheckContext) -> [Finding] {
        var items: [FindingItem] = []
        for (index, dataset) in context.datasets.enumerated() {
            for issue in dataset.issues where issue.kind == .duplicateID {
                items.append(context.item(issue.utteranceID?.rawValue ?? issue.location.description, datasetIndex: index,
                                          "defined again at \(issue.location); the first definition is used"))
            }
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "repeated definition"))]
    }
}
