import Foundation

/// Where an utterance's audio comes from.
public enum AudioSource: Sendable, Hashable {
    /// A whole audio file. `written` is the path exactly as the manifest has it; `url` is resolved
    /// against the manifest's folder.
    case file(url: URL, written: String)
    /// Part of an audio file (Kaldi `segments`, NeMo `offset`), in seconds from its start; a nil end
    /// means "to the end of the file".
    case segment(url: URL, written: String, startSeconds: Double, endSeconds: Double?)
    /// A source Steno does not read: a Kaldi piped command (`sox ... |`) or an archive offset
    /// (`foo.ark:123`). Kept verbatim so the finding can quote it.
    case unsupported(written: String, reason: String)

    /// The file to read, when there is one.
    public var url: URL? {
        switch self {
        case .file(let url, _), .segment(let url, _, _, _): url
        case .unsupported: nil
        }
    }

    /// The path or command as the manifest wrote it.
    public var written: String {
        switch self {
        case .file(_, let written), .segment(_, let written, _, _), .unsupported(let written, _): written
        }
    }
}
