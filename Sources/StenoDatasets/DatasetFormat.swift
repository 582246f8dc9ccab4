/// The manifest formats `steno check` reads.
public enum DatasetFormat: String, Sendable, CaseIterable, Codable {
    /// A Kaldi data directory: `wav.scp`, `text`, `utt2spk`, optional `segments`.
    case kaldi
    /// A NeMo JSON-lines manifest: one object a line with `audio_filepath`, `text`, optional `duration`,
    /// `offset`, `speaker`, and any other fields.
    case jsonl
    /// A comma-separated file with a header naming `path` and `sentence` (Common Voice layout;
    /// `client_id` gives the speaker). Quoted fields (RFC 4180) are supported.
    case csv
    /// A tab-separated file with the Common Voice header (`client_id`, `path`, `sentence`, ...), unquoted.
    case tsv
    /// CMU Sphinx training lists: a `fileids` file and a `transcription` file (`<s> words </s> (uttid)`).
    case sphinx
    /// Steno's own `manifest.tsv`: `path<TAB>transcript`, no header; the id is the path as written.
    case manifest

    /// A one-line description for help texts.
    public var summary: String {
        switch self {
        case .kaldi: "Kaldi data directory (wav.scp, text, utt2spk, segments)"
        case .jsonl: "NeMo JSONL manifest (audio_filepath, text, duration)"
        case .csv: "Common Voice style CSV with header (path, sentence, client_id)"
        case .tsv: "Common Voice style TSV with header (path, sentence, client_id)"
        case .sphinx: "Sphinx fileids + transcription"
        case .manifest: "Steno manifest.tsv (path<TAB>text)"
        }
    }
}
