import ArgumentParser
import StenoCore

/// Runs a command's work over many inputs, so that every good input is processed and reported
/// and every bad one gives exactly one `steno: PATH: reason` line on stderr.
///
/// ```swift
/// let outcomes = BatchRunner.run(files) { path in try reader.decode(path) }
/// try BatchRunner.report(outcomes, format: format, json: { Entry($0) }, text: { describe($0) })
/// ```
enum BatchRunner {
    /// Calls `body` for each input in order, collecting results and failures; failures are
    /// printed to stderr as they happen.
    static func run<Result: Sendable>(_ inputs: [String], _ body: (String) throws -> Result) -> [InputOutcome<Result>] {
        inputs.map { path in
            do {
                return .success(path: path, result: try body(path))
            } catch {
                let reason = reason(for: error, path: path)
                StandardError.writeLine("steno: \(path): \(reason)")
                return .failure(path: path, reason: reason)
            }
        }
    }

    /// The reason text of an error, without repeating the path it is about.
    static func reason(for error: any Error, path: String) -> String {
        if let error = error as? any StenoError {
            if let errorPath = error.path, errorPath != path { return "\(errorPath): \(error.reason)" }
            return error.reason
        }
        return String(describing: error)
    }

    /// Prints results on stdout (text blocks, or one JSON array with `{"path", "error"}` for
    /// failures), then throws `ExitCode(1)` if any input failed.
    static func report<Result: Sendable, Entry: Encodable & Sendable>(
        _ outcomes: [InputOutcome<Result>], format: OutputFormat,
        json: (String, Result) -> Entry, text: (String, Result) -> String
    ) throws {
        switch format {
        case .text:
            for case .success(let path, let result) in outcomes { print(text(path, result)) }
        case .json:
            let entries = outcomes.map { outcome -> BatchJSONEntry<Entry> in
                switch outcome {
                case .success(let path, let result): .result(json(path, result))
                case .failure(let path, let reason): .error(path: path, error: reason)
                }
            }
            try JSONOutput.print(entries)
        }
        try exitIfAnyFailed(outcomes)
    }

    /// Throws `ExitCode(1)` when any outcome is a failure.
    static func exitIfAnyFailed<Result: Sendable>(_ outcomes: [InputOutcome<Result>]) throws {
        let failed = outcomes.contains { if case .failure = $0 { true } else { false } }
        if failed { throw ExitCode(1) }
    }
}
