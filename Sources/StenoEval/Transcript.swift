import StenoCore

/// The utterances of one transcript file, in file order, unique by id.
public struct Transcript: Sendable {
    /// Where it was read from (nil when built in memory).
    public var path: String?
    /// The format it was read as.
    public var format: TranscriptFormat
    /// The utterances in file order.
    public private(set) var entries: [TranscriptEntry]
    private var indexByID: [UtteranceID: Int]

    /// Builds a transcript, rejecting duplicate ids (the error names both lines).
    public init(entries: [TranscriptEntry], path: String? = nil, format: TranscriptFormat = .kaldi) throws {
        self.path = path
        self.format = format
        self.entries = entries
        var index: [UtteranceID: Int] = [:]
        index.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() {
            if let earlier = index.updateValue(position, forKey: entry.id) {
                throw EvalError(.duplicateID, path: path, line: entry.line > 0 ? entry.line : nil,
                                "duplicate utterance id '\(entry.id)' (first seen on line \(entries[earlier].line))")
            }
        }
        indexByID = index
    }

    /// The utterance with this id, if present.
    public subscript(id: UtteranceID) -> TranscriptEntry? {
        indexByID[id].map { entries[$0] }
    }

    /// Number of utterances.
    public var count: Int { entries.count }

    /// Sets `field` on every utterance listed in `values` (for example `speaker` from a Kaldi utt2spk).
    public mutating func addField(_ field: String, values: [UtteranceID: String]) {
        for (id, value) in values {
            if let position = indexByID[id] { entries[position].fields[field] = value }
        }
    }
}
