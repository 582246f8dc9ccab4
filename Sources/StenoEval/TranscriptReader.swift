import Foundation
import StenoCore

/// Reads transcript files (Kaldi text, Sphinx transcription, TSV manifest, JSON Lines).
///
/// Lines must be valid UTF-8 (a byte-order mark and CRLF endings are accepted); blank lines are
/// skipped; any malformed line or duplicate id is an `EvalError` naming the file and line.
/// There is no line-length limit.
public struct TranscriptReader: Sendable {
    /// The format to read; nil (the default) detects it with `TranscriptFormat.detect`.
    public var format: TranscriptFormat?

    /// A reader for `format`, or nil to detect the format from the file name and first line.
    public init(format: TranscriptFormat? = nil) {
        self.format = format
    }

    /// Reads a transcript file.
    public func read(contentsOf url: URL) throws -> Transcript {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EvalError(.unreadableFile, path: url.path, "cannot read: \(Self.describe(error))")
        }
        return try read(data: data, path: url.path)
    }

    /// Reads transcript text already in memory; `path` is used for format detection and messages.
    public func read(data: Data, path: String?) throws -> Transcript {
        let lines = try Self.lines(of: data, path: path)
        let resolved = format ?? TranscriptFormat.detect(path: path, firstLine: lines.first?.text[...])
        var entries: [TranscriptEntry] = []
        entries.reserveCapacity(lines.count)
        for (position, line) in lines.enumerated() {
            let entry: TranscriptEntry?
            switch resolved {
            case .kaldi: entry = try Self.parseKaldi(line.text, line: line.number, path: path)
            case .sphinx: entry = try Self.parseSphinx(line.text, line: line.number, path: path)
            case .tsv: entry = try Self.parseTSV(line.text, line: line.number, path: path, mayBeHeader: position == 0)
            case .jsonl: entry = try Self.parseJSONL(line.text, line: line.number, path: path)
            }
            if let entry { entries.append(entry) }
        }
        return try Transcript(entries: entries, path: path, format: resolved)
    }

    /// Reads a two-column Kaldi map such as `utt2spk` (`uttid value`), e.g. for breakdowns by speaker.
    public static func readKeyValueFile(contentsOf url: URL) throws -> [UtteranceID: String] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EvalError(.unreadableFile, path: url.path, "cannot read: \(describe(error))")
        }
        var map: [UtteranceID: String] = [:]
        for line in try lines(of: data, path: url.path) {
            let tokens = line.text.split(whereSeparator: \.isWhitespace)
            guard tokens.count == 2 else {
                throw EvalError(.malformedLine, path: url.path, line: line.number,
                                "expected 'uttid value', found \(tokens.count) fields")
            }
            let id = UtteranceID(String(tokens[0]))
            if map.updateValue(String(tokens[1]), forKey: id) != nil {
                throw EvalError(.duplicateID, path: url.path, line: line.number, "duplicate utterance id '\(id)'")
            }
        }
        return map
    }

    // MARK: - Lines

    struct Line {
        var number: Int
        var text: String
    }

    /// Splits into lines, checks UTF-8 line by line, drops a BOM, `\r` endings and blank lines.
    static func lines(of data: Data, path: String?) throws -> [Line] {
        var result: [Line] = []
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
            var number = 0
            while start < bytes.count {
                number += 1
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                var lineEnd = end
                if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw EvalError(.invalidUTF8, path: path, line: number, "invalid UTF-8")
                }
                if !text.allSatisfy(\.isWhitespace) { result.append(Line(number: number, text: text)) }
                start = end + 1
            }
        }
        return result
    }

    // MARK: - Formats

    static func parseKaldi(_ text: String, line: Int, path: String?) throws -> TranscriptEntry? {
        if let fast = parseASCIIKaldi(text, line: line) { return fast }
        let trimmed = text.drop(while: \.isWhitespace)
        guard let idEnd = trimmed.firstIndex(where: \.isWhitespace) else {
            // An id alone is an utterance with an empty transcript (valid in Kaldi).
            return TranscriptEntry(id: UtteranceID(String(trimmed)), text: "", line: line)
        }
        let id = String(trimmed[..<idEnd])
        let words = trimmed[idEnd...].drop(while: \.isWhitespace)
        return TranscriptEntry(id: UtteranceID(id), text: String(words), line: line)
    }

    /// The common case, a line of ASCII with a space or tab after the id, split on bytes.
    private static func parseASCIIKaldi(_ text: String, line: Int) -> TranscriptEntry? {
        let utf8 = text.utf8
        guard let first = utf8.first, first != 0x20, first != 0x09,
            let gap = utf8.firstIndex(where: { $0 == 0x20 || $0 == 0x09 }),
            utf8.allSatisfy({ $0 < 0x80 })
        else { return nil }
        var wordsStart = gap
        while wordsStart != utf8.endIndex && (utf8[wordsStart] == 0x20 || utf8[wordsStart] == 0x09) {
            wordsStart = utf8.index(after: wordsStart)
        }
        return TranscriptEntry(id: UtteranceID(String(text[..<gap])), text: String(text[wordsStart...]), line: line)
    }

    static func parseSphinx(_ text: String, line: Int, path: String?) throws -> TranscriptEntry? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else {
            throw EvalError(.malformedLine, path: path, line: line,
                            "expected 'words (uttid)': no '(uttid)' at the end of the line")
        }
        let id = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        guard !id.isEmpty, !id.contains(where: \.isWhitespace) else {
            throw EvalError(.malformedLine, path: path, line: line, "empty or spaced utterance id in '(...)'")
        }
        let markup: Set<Substring> = ["<s>", "</s>", "<sil>"]
        let words = trimmed[..<open].split(whereSeparator: \.isWhitespace).filter { !markup.contains($0) }
        return TranscriptEntry(id: UtteranceID(String(id)), text: words.joined(separator: " "), line: line)
    }

    static let tsvIDHeaders: Set<String> = ["path", "audio_filepath", "id", "file", "wav", "audio"]
    static let tsvTextHeaders: Set<String> = ["text", "transcript", "sentence", "transcription"]

    static func parseTSV(_ text: String, line: Int, path: String?, mayBeHeader: Bool) throws -> TranscriptEntry? {
        let fields = text.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 2 else {
            throw EvalError(.malformedLine, path: path, line: line,
                            fields.count < 2 ? "expected 'path<TAB>text': no tab" : "expected 2 tab-separated fields, found \(fields.count)")
        }
        let id = fields[0].trimmingCharacters(in: .whitespaces)
        if mayBeHeader && tsvIDHeaders.contains(id.lowercased())
            && tsvTextHeaders.contains(fields[1].trimmingCharacters(in: .whitespaces).lowercased())
        {
            return nil
        }
        guard !id.isEmpty else { throw EvalError(.malformedLine, path: path, line: line, "empty path") }
        return TranscriptEntry(id: UtteranceID(id), text: String(fields[1]), line: line)
    }

    static func parseJSONL(_ text: String, line: Int, path: String?) throws -> TranscriptEntry? {
        let object: [String: JSONScalar]
        do {
            object = try JSONDecoder().decode([String: JSONScalar].self, from: Data(text.utf8))
        } catch {
            throw EvalError(.malformedLine, path: path, line: line, "invalid JSON or not a JSON object")
        }
        guard let id = (object["id"] ?? object["audio_filepath"])?.text, !id.isEmpty else {
            throw EvalError(.malformedLine, path: path, line: line, "no 'id' or 'audio_filepath' string")
        }
        guard case .string(let transcript) = object["text"] else {
            throw EvalError(.malformedLine, path: path, line: line, "no 'text' string")
        }
        var fields: [String: String] = [:]
        for (key, value) in object where key != "text" {
            if let string = value.text { fields[key] = string }
        }
        return TranscriptEntry(id: UtteranceID(id), text: transcript, line: line, fields: fields)
    }

    static func describe(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
