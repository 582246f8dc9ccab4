import ArgumentParser
import Foundation
import StenoDatasets

/// Formats `steno check` results: the text summary grouped by check, or JSON.
enum CheckOutput {
    struct DatasetFailure: Codable, Hashable {
        let path: String
        let error: String
    }

    /// The JSON document: `{"findings": [...], "summary": {...}}`.
    private struct Document: Encodable {
        let findings: [Finding]
        let summary: SummaryDocument
    }

    private struct SummaryDocument: Encodable {
        let base: CheckReport.Summary
        let failOn: String
        let failed: Bool
        let unreadableDatasets: [DatasetFailure]

        enum Keys: String, CodingKey { case failOn, failed, unreadableDatasets }

        func encode(to encoder: any Encoder) throws {
            try base.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(failOn, forKey: .failOn)
            try container.encode(failed, forKey: .failed)
            try container.encode(unreadableDatasets, forKey: .unreadableDatasets)
        }
    }

    static func print(_ report: CheckReport, failures: [DatasetFailure], format: OutputFormat,
                      examples: Int, failOn: String) throws {
        let threshold = FindingSeverity(rawValue: failOn)
        let failed = !failures.isEmpty || threshold.map { report.hasFinding(atLeast: $0) } == true
        switch format {
        case .json:
            try JSONOutput.print(Document(findings: report.findings, summary: SummaryDocument(
                base: report.summary, failOn: failOn, failed: failed, unreadableDatasets: failures)))
        case .text:
            standardOutput(text(report, examples: examples, failOn: failOn, failed: failed))
        }
    }

    static func text(_ report: CheckReport, examples: Int, failOn: String, failed: Bool) -> String {
        var lines: [String] = []
        let summary = report.summary
        let datasets = summary.datasets.map { "\($0.path) (\($0.format.rawValue), \($0.utterances) utterances)" }
        lines.append("Checked \(datasets.joined(separator: ", ")): \(summary.utterances) utterances, \(summary.audioMeasured) clips measured.")
        if report.findings.isEmpty {
            lines.append("No findings.")
        }
        for category in CheckDescriptor.Category.allCases {
            let inCategory = report.findings.filter { report.categories[$0.check] == category }
            guard !inCategory.isEmpty else { continue }
            lines.append("")
            lines.append("\(category.rawValue.capitalized):")
            for finding in inCategory {
                lines.append("  \(finding.severity.rawValue.uppercased().padding(toLength: 7, withPad: " ", startingAt: 0)) \(finding.check) (\(finding.items.count)): \(finding.message)")
                for item in finding.items.prefix(examples) {
                    lines.append("          \(item.id): \(item.detail)")
                }
                if finding.items.count > examples {
                    lines.append("          … and \(finding.items.count - examples) more (--format json lists all)")
                }
            }
        }
        if let silence = summary.silence {
            lines.append("")
            lines.append("Silence over \(silence.clipCount) clips: leading median \(format(silence.leadingMedianSeconds)) s, p95 \(format(silence.leadingP95Seconds)) s; trailing median \(format(silence.trailingMedianSeconds)) s, p95 \(format(silence.trailingP95Seconds)) s.")
        }
        if !summary.checksSkipped.isEmpty {
            let reasons = Dictionary(grouping: summary.checksSkipped, by: \.value)
            let skipped = reasons.keys.sorted().map { reason in
                "\(reasons[reason, default: []].map(\.key).sorted().joined(separator: ", ")) (\(reason))"
            }
            lines.append("")
            lines.append("Skipped: \(skipped.joined(separator: "; ")).")
        }
        lines.append("")
        lines.append("\(summary.errors) errors, \(summary.warnings) warnings, \(summary.infos) infos; \(summary.checksRun.count) checks run; fail-on \(failOn): \(failed ? "FAILED" : "passed").")
        return lines.joined(separator: "\n") + "\n"
    }

    static func printCatalog(format: OutputFormat) throws {
        let descriptors = CheckCatalog.descriptors
        switch format {
        case .json:
            struct Entry: Encodable {
                let id, category, severity, requires, title, rationale: String
            }
            let entries = descriptors.map {
                Entry(id: $0.id, category: $0.category.rawValue, severity: $0.severity.rawValue,
                      requires: $0.requirement.rawValue, title: $0.title, rationale: $0.rationale)
            }
            try JSONOutput.print(["checks": entries])
        case .text:
            var lines: [String] = []
            for descriptor in descriptors {
                let needs = descriptor.requirement == .manifests ? "" : " [needs \(descriptor.requirement.rawValue)]"
                lines.append("\(descriptor.id.padding(toLength: 28, withPad: " ", startingAt: 0)) \(descriptor.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(descriptor.category.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(descriptor.title)\(needs)")
                lines.append(String(repeating: " ", count: 48) + descriptor.rationale)
            }
            standardOutput(lines.joined(separator: "\n") + "\n")
        }
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    static func standardOutput(_ text: String) {
        Swift.print(text, terminator: "")
    }
}
