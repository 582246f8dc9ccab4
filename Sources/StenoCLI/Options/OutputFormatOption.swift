import ArgumentParser

/// The `--format` option, for commands to include with `@OptionGroup`.
struct OutputFormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
}
