import ArgumentParser
import Foundation
import StenoAudio

/// Where and how commands that write audio write it: `-o FILE` for one input or `--output-dir DIR`
/// for many, `--force`, and the file format.
struct AudioOutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")],
            help: ArgumentHelp("Output file (one input only). Format from its extension (.wav, .flac, ...).",
                               valueName: "file"))
    var outputPath: String?

    @Option(name: .customLong("output-dir"),
            help: ArgumentHelp("Write each output as DIR/<input name>.<container> (created if missing).",
                               valueName: "dir"))
    var outputDirectory: String?

    @Flag(name: .long, help: "Replace existing outputs. Inputs are never overwritten, even with --force.")
    var force = false

    @Option(name: .long,
            help: ArgumentHelp("Output container: \(AudioFileFormat.Container.allCases.map(\.rawValue).joined(separator: ", ")) (default: from -o's extension, else wav).",
                               valueName: "container"))
    var container: String?

    @Option(name: .long,
            help: ArgumentHelp("Output sample encoding: \(AudioFileFormat.Encoding.allCases.map(\.rawValue).joined(separator: ", ")) (default: pcm16 for WAV and FLAC).",
                               valueName: "encoding"))
    var encoding: String?

    func validate() throws {
        switch (outputPath, outputDirectory) {
        case (nil, nil): throw ValidationError("give -o FILE (one input) or --output-dir DIR")
        case (.some, .some): throw ValidationError("-o and --output-dir cannot be used together")
        default: break
        }
        if let container, AudioFileFormat.Container(rawValue: container) == nil {
            throw ValidationError("unknown --container \(container)")
        }
        if let encoding, AudioFileFormat.Encoding(rawValue: encoding) == nil {
            throw ValidationError("unknown --encoding \(encoding)")
        }
        _ = try format()
    }

    /// Checks the input count against `-o`, which takes exactly one.
    func validate(inputCount: Int) throws {
        if outputPath != nil && inputCount > 1 {
            throw ValidationError("-o takes one input; use --output-dir DIR for \(inputCount) inputs")
        }
    }

    /// The format to write: container from `--container`, else from `-o`'s extension, else WAV;
    /// encoding from `--encoding`, else that container's default.
    func format() throws -> AudioFileFormat {
        var format = AudioFileFormat.wav16
        if let outputPath, container == nil {
            guard let inferred = AudioFileFormat.inferred(fromPath: outputPath) else {
                throw ValidationError("cannot tell the format of \(outputPath) from its extension; use --container")
            }
            format = inferred
        }
        if let container, let chosen = AudioFileFormat.Container(rawValue: container) {
            format = AudioFileFormat.inferred(fromPath: "x.\(chosen.rawValue)")
                ?? AudioFileFormat(container: chosen, encoding: .pcm16)
        }
        if let encoding, let chosen = AudioFileFormat.Encoding(rawValue: encoding) {
            format.encoding = chosen
        }
        return format
    }

    /// The writer these options ask for.
    func writer() throws -> AudioWriter {
        AudioWriter(format: try format(), replaceExisting: force)
    }

    /// The output plan for `inputs`, creating the output folder when needed.
    func plan(inputs: [String]) throws -> OutputPlan {
        if let outputPath {
            return OutputPlan(destination: .file(outputPath), replaceExisting: force, inputs: inputs)
        }
        let directory = outputDirectory ?? "."
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("cannot create --output-dir \(directory): \(error.localizedDescription)")
        }
        return OutputPlan(destination: .directory(directory, fileExtension: try format().container.rawValue),
                          replaceExisting: force, inputs: inputs)
    }
}
