import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoDatasets

/// Bad lines, missing columns and wrong encodings become findings naming file and line, never crashes.
@Suite struct MalformedManifestTests {
    let folder = Fixtures.url("datasets/malformed")

    private func findings(_ relative: String, format: DatasetFormat? = nil) throws -> (Dataset, CheckReport) {
        let dataset = try DatasetLoader().load(folder.appendingPathComponent(relative).path, format: format)
        return (dataset, DatasetChecker(measurer: nil).check([dataset]))
    }

    private func details(_ report: CheckReport, _ check: String) -> [String] {
        report.findings.first { $0.check == check }?.items.map(\.detail) ?? []
    }

    /// Items as "id | detail": a line without an id is named by its "file:line" id.
    private func located(_ report: CheckReport, _ check: String) -> [String] {
        report.findings.first { $0.check == check }?.items.map { "\($0.id) | \($0.detail)" } ?? []
    }

    @Test func badJSONLinesAreReportedWithTheirLine() throws {
        let (dataset, report) = try findings("broken.jsonl")
        #expect(dataset.utterances.map(\.id.rawValue) == ["a.wav", "d.wav"])
        let path = folder.appendingPathComponent("broken.jsonl").path
        #expect(located(report, "manifest-malformed") == [
            "\(path):2 | invalid JSON", "\(path):3 | missing field audio_filepath", "\(path):4 | not a JSON object",
            "c.wav | \(path):5: text is not a string",
        ])
        #expect(report.findings.first { $0.check == "manifest-malformed" }?.severity == .error)
    }

    @Test func manifestWithoutTabAndLatin1Bytes() throws {
        let (dataset, report) = try findings("manifest.tsv")
        let path = folder.appendingPathComponent("manifest.tsv").path
        #expect(located(report, "manifest-malformed") == ["\(path):2 | no tab: expected path<TAB>transcript"])
        let invalid = try #require(report.findings.first { $0.check == "invalid-utf8" })
        #expect(invalid.items == [FindingItem(id: "b.wav", detail: "\(path):3: bytes are not UTF-8 (read with U+FFFD)")])
        // The line is still read, with a replacement character where the byte was.
        #expect(dataset.utterances.first { $0.id == "b.wav" }?.transcript == "caf\u{FFFD} in latin-1")
    }

    @Test func commonVoiceRowsWithWrongColumnCounts() throws {
        let (dataset, report) = try findings("missing-column.tsv")
        let path = folder.appendingPathComponent("missing-column.tsv").path
        #expect(located(report, "manifest-malformed") == ["\(path):3 | 2 columns, header has 3", "\(path):4 | 4 columns, header has 3"])
        #expect(dataset.utterances.map(\.id.rawValue) == ["a.mp3", "d.mp3"])
    }

    @Test func unterminatedCSVQuote() throws {
        let (dataset, report) = try findings("unterminated.csv")
        let path = folder.appendingPathComponent("unterminated.csv").path
        #expect(dataset.utterances.map(\.id.rawValue) == ["a.mp3"])
        #expect(located(report, "manifest-malformed") == ["\(path):3 | unterminated quoted field"])
    }

    @Test func tableWithoutSentenceColumnIsAnErrorNamingTheFile() throws {
        let path = folder.appendingPathComponent("no-sentence-column.tsv").path
        #expect {
            try DatasetLoader().load(path, format: .tsv)
        } throws: { error in
            guard let error = error as? DatasetError else { return false }
            return error.path == path && error.reason.contains("line 1") && error.reason.contains("sentence")
        }
    }

    @Test func kaldiDuplicatesMissingValuesAndBadSegments() throws {
        let (dataset, report) = try findings("kaldi")
        let wav = folder.appendingPathComponent("kaldi").path + "/wav.scp"
        let text = folder.appendingPathComponent("kaldi").path + "/text"
        let segments = folder.appendingPathComponent("kaldi").path + "/segments"
        #expect(details(report, "manifest-malformed") == [
            "\(wav):2: 'r2' has no value",
            "\(segments):1: expected <utterance> <recording> <start> <end> with 0 ≤ start < end",
        ])
        #expect(details(report, "duplicate-id").sorted() == [
            "defined again at \(text):2; the first definition is used",
            "defined again at \(wav):3; the first definition is used",
        ])
        // With a segments file, utterances come from it; r1 and r3 have text but no segment.
        #expect(Set(report.findings.first { $0.check == "label-without-audio" }?.items.map(\.id) ?? []) == ["r1", "r3"])
        #expect(dataset.utterances.count == 2)
    }
}
