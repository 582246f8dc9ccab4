import Foundation

/// `control-characters`: transcripts containing control or invisible format characters (tab, NUL,
/// escape, zero-width space, byte-order mark).
public struct ControlCharactersCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "control-characters", category: .structure, severity: .error, title: "Control characters in transcripts",
        rationale: "Invisible characters split or glue words differently in each tool and never match a dictionary.")

    public func run(in context: CheckContext) -> [Finding] {
        let items = context.entries.compactMap { entry -> FindingItem? in
            guard let text = entry.utterance.transcript else { return nil }
            let found = Self.controlScalars(in: text)
            guard !found.isEmpty else { return nil }
            let names = found.prefix(5).map { String(format: "U+%04X", $0.value) }
            return context.item(entry, "contains \(names.joined(separator: ", "))")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "transcript"))]
    }

    /// The distinct control (Cc) and format (Cf) scalars in `text`, in order of first appearance.
    static func controlScalars(in text: String) -> [Unicode.Scalar] {
        var seen = Set<Unicode.Scalar>()
        var result: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            if (category == .control || category == .format) && seen.insert(scalar).inserted { result.append(scalar) }
        }
        return result
    }
}
