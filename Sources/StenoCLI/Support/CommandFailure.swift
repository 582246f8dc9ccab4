import StenoCore

/// A per-input failure that is the command's own (writing the output), printed like the library errors.
struct CommandFailure: StenoError {
    let reason: String
    var path: String? { nil }
    init(_ reason: String) { self.reason = reason }
}
