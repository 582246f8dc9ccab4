import Foundation

/// Writes to stderr (logs, progress, per-input error lines); results go to stdout with `print`.
enum StandardError {
    /// Writes one line to stderr.
    static func writeLine(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
