/// The result of `steno check`: every finding, in catalog order, and a summary.
public struct CheckReport: Sendable, Encodable {
    /// One dataset's line in the summary.
    public struct DatasetSummary: Sendable, Codable, Hashable {
        /// The path the dataset was given as.
        public let path: String
        /// The format it was read as.
        public let format: DatasetFormat
        public let utterances: Int
    }

    /// Counts and distributions over the whole run.
    public struct Summary: Sendable, Codable {
        /// One line per dataset, in the order given.
        public let datasets: [DatasetSummary]
        public let utterances: Int
        /// Clips whose audio was read and measured.
        public let audioMeasured: Int
        /// Ids of the checks that ran.
        public let checksRun: [String]
        /// Ids of the checks skipped, with why ("needs --lexicon").
        public let checksSkipped: [String: String]
        /// Error-level findings; `warnings` and `infos` count the other two severities.
        public let errors: Int
        public let warnings: Int
        public let infos: Int
        /// Leading/trailing silence distribution over the measured clips.
        public let silence: SilenceDistribution?
    }

    /// Every finding, in catalog order.
    public let findings: [Finding]
    /// Counts and distributions over the run.
    public let summary: Summary
    /// The category of every check that ran (or was skipped), by id, so a report can be grouped
    /// even for checks that are not in ``CheckCatalog`` (such as ones a caller adds).
    public let categories: [String: CheckDescriptor.Category]

    /// Categories only group the text report; they are not part of the JSON.
    private enum CodingKeys: String, CodingKey { case findings, summary }

    /// A report; `categories` maps every check id that ran or was skipped to its category.
    public init(findings: [Finding], summary: Summary, categories: [String: CheckDescriptor.Category]) {
        self.findings = findings
        self.summary = summary
        self.categories = categories
    }

    /// The most severe finding's severity, nil when there are none.
    public var worstSeverity: FindingSeverity? { findings.map(\.severity).max() }

    /// Whether any finding is at or above `severity` (what `--fail-on` tests).
    public func hasFinding(atLeast severity: FindingSeverity) -> Bool {
        findings.contains { $0.severity >= severity }
    }
}
