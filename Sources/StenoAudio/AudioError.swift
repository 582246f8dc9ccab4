import Foundation
import StenoCore

/// Why StenoAudio could not read, describe or write an audio file.
///
/// Every error names the file and gives a one-line reason; where libsndfile or libsoxr gave a
/// message, it is kept in ``libraryMessage`` and appended to ``reason``.
public struct AudioError: StenoError, Equatable {
    /// The broad class of failure, for callers that react differently to each.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The path does not exist or is not a regular file.
        case notFound
        /// The file exists but has no audio frames (zero bytes, or a header with no data).
        case empty
        /// The file ends before the data its header promises.
        case truncated
        /// The header or data is damaged or inconsistent, or libsndfile does not recognise it.
        case malformed
        /// A recognised container or encoding that Steno or libsndfile cannot handle here.
        case unsupported
        /// The sample rate is outside 1 kHz...384 kHz.
        case sampleRateOutOfRange
        /// The raw (headerless) description does not fit the file.
        case rawDescriptionMismatch
        /// The requested channel does not exist.
        case channelOutOfRange
        /// Resampling failed.
        case resampling
        /// Writing failed, or the output exists and replacing it was not allowed.
        case writeFailed
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The file concerned.
    public let path: String?
    /// The explanation in Steno's words, without the path.
    public let detail: String
    /// libsndfile's or libsoxr's own message, when it gave one.
    public let libraryMessage: String?

    /// An error of `kind` about `path`; `libraryMessage` is the C library's own text, when it gave one.
    public init(_ kind: Kind, path: String?, detail: String, libraryMessage: String? = nil) {
        self.kind = kind
        self.path = path
        self.detail = detail
        let trimmed = libraryMessage?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.libraryMessage = trimmed.isEmpty ? nil : trimmed
    }

    /// One line: Steno's explanation, then the library's message when there is one.
    public var reason: String {
        var text = detail
        if let libraryMessage, !detail.contains(libraryMessage) { text += ": \(libraryMessage)" }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The same error about `path` (for errors raised where the file name is not known, such as
    /// in the resampler).
    public func withPath(_ path: String) -> AudioError {
        AudioError(kind, path: path, detail: detail, libraryMessage: libraryMessage)
    }
}
