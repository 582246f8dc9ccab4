import Foundation
import StenoCore

/// Reads Common Voice style tables: a header row naming the columns, then one utterance a row.
///
/// Required columns: `path` (the audio, also the id) and `sentence` (`text` or `transcript` are
/// accepted too). `client_id` gives the speaker, `duration` a declared duration in seconds. Audio is
/// looked up beside the table, then in its `clips/` folder (Common Voice's layout). CSV fields may be
/// quoted with `"` (doubled to escape, newlines allowed inside); TSV is read unquoted, as Common
/// Voice writes it.
struct DelimitedManifestReader {
    let separator: Character

    func read(file url: URL, name: String, displayPath: String) throws(DatasetError) -> Dataset {
        let file = try ManifestLines(url: url, path: displayPath)
        let records = separator == "," ? csvRecords(file) : tsvRecords(file)
        guard let header = records.first else {
            throw DatasetError(.invalidStructure, path: displayPath, reason: "empty file: expected a header row")
        }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let pathColumn = columns.firstIndex(of: "path") else {
            throw DatasetError(.invalidStructure, path: displayPath,
                               reason: "line 1: header has no 'path' column (columns: \(columns.joined(separator: ", ")))")
        }
        guard let textColumn = columns.firstIndex(where: { ["sentence", "text", "transcript"].contains($0) }) else {
            throw DatasetError(.invalidStructure, path: displayPath,
                               reason: "line 1: header has no 'sentence' column (columns: \(columns.joined(separator: ", ")))")
        }
        let speakerColumn = columns.firstIndex(of: "client_id")
        let durationColumn = columns.firstIndex(of: "duration")
        let folder = url.deletingLastPathComponent()
        var collector = UtteranceCollector()
        if !header.isValidUTF8 {
            collector.record(ManifestIssue(.invalidUTF8, at: SourceLocation(file: displayPath, line: header.line)))
        }
        for record in records.dropFirst() {
            let location = SourceLocation(file: displayPath, line: record.line)
            if record.fields.count == 1 && record.fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if let problem = record.problem {
                collector.record(ManifestIssue(.malformedLine(problem), at: location))
                continue
            }
            guard record.fields.count == columns.count else {
                if !record.isValidUTF8 { collector.record(ManifestIssue(.invalidUTF8, at: location)) }
                collector.record(ManifestIssue(
                    .malformedLine("\(record.fields.count) columns, header has \(columns.count)"), at: location))
                continue
            }
            let written = record.fields[pathColumn]
            let id = UtteranceID(written)
            if !record.isValidUTF8 { collector.record(ManifestIssue(.invalidUTF8, at: location, utteranceID: id)) }
            guard !written.isEmpty else {
                collector.record(ManifestIssue(.malformedLine("empty path"), at: location))
                continue
            }
            let speaker = speakerColumn.map { record.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            let duration = durationColumn.flatMap { Double(record.fields[$0]) }
            collector.add(Utterance(id: id, audio: .file(url: locateClip(written, folder: folder), written: written),
                                    transcript: record.fields[textColumn], speaker: speaker,
                                    declaredDurationSeconds: duration, location: location))
        }
        return collector.dataset(name: name, format: separator == "," ? .csv : .tsv, files: [displayPath])
    }

    private func locateClip(_ written: String, folder: URL) -> URL {
        let direct = resolveAudioPath(written, relativeTo: folder)
        if FileManager.default.fileExists(atPath: direct.path) || written.hasPrefix("/") { return direct }
        let clips = resolveAudioPath(written, relativeTo: folder.appendingPathComponent("clips"))
        return FileManager.default.fileExists(atPath: clips.path) ? clips : direct
    }

    struct Record {
        var fields: [String]
        /// Line where the record starts.
        var line: Int
        var isValidUTF8: Bool
        /// Set when the record cannot be trusted (unterminated quote).
        var problem: String?
    }

    private func tsvRecords(_ file: ManifestLines) -> [Record] {
        file.lines.map { line in
            Record(fields: line.text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init),
                   line: line.number, isValidUTF8: line.isValidUTF8)
        }
    }

    /// RFC 4180 records; a quoted field may run over several lines.
    private func csvRecords(_ file: ManifestLines) -> [Record] {
        var records: [Record] = []
        var current: Record?
        var field = ""
        var inQuotes = false
        for line in file.lines {
            if current == nil {
                current = Record(fields: [], line: line.number, isValidUTF8: true)
            } else {
                field.append("\n")  // inside a quoted field that spans lines
            }
            if !line.isValidUTF8 { current?.isValidUTF8 = false }
            var characters = line.text.makeIterator()
            var pending = characters.next()
            var fieldStarted = !field.isEmpty || inQuotes
            while let character = pending {
                pending = characters.next()
                if inQuotes {
                    if character == "\"" {
                        if pending == "\"" { field.append("\""); pending = characters.next() } else { inQuotes = false }
                    } else {
                        field.append(character)
                    }
                } else if character == "\"" && !fieldStarted {
                    inQuotes = true
                    fieldStarted = true
                } else if character == "," {
                    current?.fields.append(field)
                    field = ""
                    fieldStarted = false
                } else {
                    field.append(character)
                    fieldStarted = true
                }
            }
            if !inQuotes, var record = current {
                record.fields.append(field)
                records.append(record)
                current = nil
                field = ""
            }
        }
        if var record = current {
            record.fields.append(field)
            record.problem = "unterminated quoted field"
            records.append(record)
        }
        return records
    }
}
