/// The shape every module's public error shares, so the CLI can print any of them the same way:
/// one line naming the file (or utterance) and the reason.
public protocol StenoError: Error, CustomStringConvertible, Sendable {
    /// The file the error is about, when there is one.
    var path: String? { get }
    /// What went wrong, without the path (for example "truncated data chunk").
    var reason: String { get }
}

extension StenoError {
    /// "path: reason", or the reason alone.
    public var description: String {
        if let path { return "\(path): \(reason)" }
        return reason
    }
}
