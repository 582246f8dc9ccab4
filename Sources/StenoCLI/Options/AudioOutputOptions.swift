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
            help: ArgumentHelp("Output container (default: from -o's extension, else wav).", valueName: "container"))
    var container: AudioFileFormat.Container?

    @Option(name: .long,
            help: ArgumentHelp("Output sample encoding (default: pcm16 for WAV, FLAC, AIFF; vorbis for Ogg).",
                               valueName: "encoding"))
    var encoding: AudioFileFormat.Encoding?

    func validate() throws {
        switch (outputPath, outputDirectory) {
        case (nil, nil): throw ValidationError("give -o FILE (one input) or --output-dir DIR")
        case (.some, .some): throw ValidationError("-o and --output-dir cannot be used together")
        default: break
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
        if let container {
            format = AudioFileFormat.inferred(fromPath: "x.\(container.rawValue)")
                ?? AudioFileFormat(container: container, encoding: .pcm16)
        }
        if let encoding { format.encoding = encoding }
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
