import ArgumentParser

/// The `steno` command: subcommands for each stage of a speech project.
@main
struct StenoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steno",
        abstract: "Speech-recognition pipeline toolkit: check data, preprocess, transcribe, evaluate.",
        version: "0.1.0",
        subcommands: [
            // Each command lives in Commands/<Name>Command.swift; keep this list alphabetical.
            AlignCommand.self,
            CheckCommand.self,
            EvalCommand.self,
            FeaturesCommand.self,
            InfoCommand.self,
            NormalizeCommand.self,
            PreprocessCommand.self,
            TranscribeCommand.self,
            TrimCommand.self,
            WERCommand.self,
        ]
    )
}
