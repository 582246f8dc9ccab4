/// What a check is: its stable id, what it looks at, its severity and why it matters.
public struct CheckDescriptor: Sendable, Hashable {
    /// The group a check belongs to, which orders the report.
    public enum Category: String, Sendable, CaseIterable, Codable {
        case structure, audio, labels, splits
    }

    /// What a check needs to run; checks whose needs are not met are skipped and listed as such.
    public enum Requirement: String, Sendable, Codable {
        /// Only the manifests.
        case manifests
        /// Audio analysis (not disabled with `--no-audio`).
        case audio
        /// A pronunciation dictionary (`--lexicon`).
        case lexicon
        /// Two or more datasets (splits).
        case severalDatasets
    }

    /// Stable id, kebab-case (`duplicate-id`); used in reports, `--fail-on` documentation and scripts.
    public let id: String
    /// Which group of the report it belongs to.
    public let category: Category
    /// The severity of its findings.
    public let severity: FindingSeverity
    /// What it needs to run; without it the check is skipped and listed as such.
    public let requirement: Requirement
    /// A short title ("Duplicate utterance ids").
    public let title: String
    /// One line on why it matters.
    public let rationale: String

    /// A descriptor; `id` must be unique and stable, since scripts and `--fail-on` use it.
    public init(id: String, category: Category, severity: FindingSeverity, requirement: Requirement = .manifests,
                title: String, rationale: String) {
        self.id = id
        self.category = category
        self.severity = severity
        self.requirement = requirement
        self.title = title
        self.rationale = rationale
    }

    /// A finding of this check, with the message built from the count and the rationale.
    public func finding(_ items: [FindingItem], summary: String? = nil) -> Finding {
        let what = summary ?? counted(items.count, "item")
        return Finding(check: id, severity: severity, message: "\(title): \(what). \(rationale)", items: items)
    }
}

/// "1 clip", "3 clips".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
