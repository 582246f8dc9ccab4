import ArgumentParser

/// How a result command prints its results on stdout.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Human-readable text, one block or line per input.
    case text
    /// A JSON array with one object per input (sorted keys, full-word camelCase names).
    case json
}

/// The `--format` option, for commands to include with `@OptionGroup`.
struct OutputFormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
}
