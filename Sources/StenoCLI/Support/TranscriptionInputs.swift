import Foundation
import StenoAudio
import StenoDatasets

/// Expands `steno transcribe`'s arguments into audio inputs: files as given, folders into their audio
/// files (sorted, recursive), manifests into their utterances' audio, and `-` into standard input.
enum TranscriptionInputs {
    /// One input: what to call it in the output, and where its audio is.
    struct Input: Sendable {
        var path: String
        var url: URL?
        /// Reference transcript (from a manifest).
        var reference: String?
        var id: String
        /// Part of the file to use, in seconds (manifest segments).
        var startSeconds: Double? = nil
        var endSeconds: Double? = nil
        /// The audio path as the manifest writes it (the path itself for other inputs).
        var written: String? = nil
    }

    static let audioExtensions: Set<String> = ["wav", "flac", "ogg", "oga", "opus", "mp3", "aif", "aiff", "au", "caf",
                                               "w64", "raw", "pcm", "sph", "nist"]
    static let manifestExtensions: Set<String> = ["tsv", "csv", "jsonl", "json", "fileids", "txt", "scp"]

    /// The inputs, or the arguments that could not be expanded (with the reason).
    static func expand(_ arguments: [String]) -> (inputs: [Input], failures: [(String, String)]) {
        var inputs = [Input](), failures = [(String, String)]()
        let fm = FileManager.default
        for argument in arguments {
            if argument == "-" {
                inputs.append(Input(path: "-", url: nil, reference: nil, id: "stdin"))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                failures.append((argument, "no such file or directory"))
                continue
            }
            let url = URL(fileURLWithPath: argument)
            if isDirectory.boolValue && !fm.fileExists(atPath: url.appendingPathComponent("wav.scp").path) {
                let files = (fm.enumerator(at: url, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
                    .filter { audioExtensions.contains($0.pathExtension.lowercased()) }
                    .map(\.path).sorted()
                inputs += files.map {
                    let file = URL(fileURLWithPath: $0)
                    return Input(path: displayPath(file, argument: argument), url: file, reference: nil, id: id(of: $0))
                }
            } else if isDirectory.boolValue || manifestExtensions.contains(url.pathExtension.lowercased()) {
                do {
                    let dataset = try DatasetLoader().load(argument)
                    for utterance in dataset.utterances {
                        guard let audio = utterance.audio?.url else {
                            failures.append(("\(argument): \(utterance.id.rawValue)", "no audio file"))
                            continue
                        }
                        var input = Input(path: displayPath(audio, argument: argument), url: audio, reference: utterance.transcript,
                                          id: utterance.id.rawValue)
                        input.written = utterance.audio?.written
                        if case .segment(_, _, let start, let end) = utterance.audio {
                            input.startSeconds = start
                            input.endSeconds = end
                        }
                        inputs.append(input)
                    }
                } catch {
                    failures.append((argument, BatchRunner.reason(for: error, path: argument)))
                }
            } else {
                inputs.append(Input(path: argument, url: url, reference: nil, id: id(of: argument)))
            }
        }
        return (inputs, failures)
    }

    /// How a file found through `argument` (a folder or manifest) is named in the output: relative to
    /// the working directory when the argument was relative, the way the user would type it
    /// (`../data/a.wav`), and absolute when the argument was absolute.
    static func displayPath(_ file: URL, argument: String) -> String {
        guard !argument.hasPrefix("/"), let relative = file.path(relativeTo: workingDirectory) else {
            return file.standardizedFileURL.path
        }
        return relative
    }

    /// The working directory, read once (a batch names thousands of files).
    private static let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    static func id(of path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
}
