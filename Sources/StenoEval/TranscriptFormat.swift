import Foundation

/// The transcript file formats `TranscriptReader` understands.
public enum TranscriptFormat: String, Sendable, CaseIterable, Codable {
    /// Kaldi `text`: `uttid word word ...`, one utterance a line.
    case kaldi
    /// CMU Sphinx transcription: `word word ... (uttid)`; `<s>`, `</s>` and `<sil>` are markup and dropped.
    case sphinx
    /// Tab-separated manifest: `path<TAB>text`; the id is the path. A first line `path<TAB>text`
    /// (or `audio_filepath`, `id`, `file` + `text`/`transcript`) is taken as a header.
    case tsv
    /// JSON Lines: one object a line with `id` (or `audio_filepath`) and `text`; other string,
    /// number or boolean fields are kept as utterance fields (for breakdowns).
    case jsonl

    /// Guesses the format from the file extension, then from the first non-blank line.
    public static func detect(path: String?, firstLine: Substring?) -> TranscriptFormat {
        if let path {
            switch URL(fileURLWithPath: path).pathExtension.lowercased() {
            case "jsonl", "json", "ndjson": return .jsonl
            case "tsv": return .tsv
            case "transcription", "lsn": return .sphinx
            default: break
            }
        }
        guard let line = firstLine?.trimmingCharacters(in: .whitespaces), !line.isEmpty else { return .kaldi }
        if line.hasPrefix("{") { return .jsonl }
        if line.contains("\t") { return .tsv }
        if line.hasSuffix(")"), let open = line.lastIndex(of: "("),
            open == line.startIndex || line[line.index(before: open)].isWhitespace
        {
            return .sphinx
        }
        return .kaldi
    }
}
