import ArgumentParser

/// How a result command prints its results on stdout.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Human-readable text, one block or line per input.
    case text
    /// A JSON array with one object per input (sorted keys, full-word camelCase names).
    case json
}
