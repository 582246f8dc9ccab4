/// The identifier of one utterance in a dataset or test set (a Kaldi utterance id, a manifest path, ...).
///
/// Utterances are always paired by id, never by position, so the id is its own type.
public struct UtteranceID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The id as written in the manifest or transcript, compared as a Swift string (no case folding or trimming).
    public let rawValue: String
    /// Wraps an id exactly as written.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: UtteranceID, rhs: UtteranceID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
