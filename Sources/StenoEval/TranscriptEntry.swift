import StenoCore

/// One utterance's transcript as read from a file.
public struct TranscriptEntry: Sendable, Hashable {
    /// The utterance id (a Kaldi/Sphinx id, a manifest path, or a JSONL `id`).
    public var id: UtteranceID
    /// The transcript text as written (not yet normalised).
    public var text: String
    /// The 1-based line it came from (0 when built in memory).
    public var line: Int
    /// Extra fields from the manifest (JSONL keys other than id/text, or added from utt2spk).
    public var fields: [String: String]

    /// An entry; `line` is 0 for entries built in memory.
    public init(id: UtteranceID, text: String, line: Int = 0, fields: [String: String] = [:]) {
        self.id = id
        self.text = text
        self.line = line
        self.fields = fields
    }
}
