import Foundation
import StenoAudio

/// Where each input's output goes, and the checks that keep a batch from destroying data:
/// an input is never overwritten (not even with `--force`, and not through another path to the
/// same file), an existing output is refused unless `--force`, and two inputs never share an output.
final class OutputPlan {
    enum Destination {
        /// `-o FILE`: one input.
        case file(String)
        /// `--output-dir DIR`: `DIR/<input name>.<extension>`.
        case directory(String, fileExtension: String)
    }

    private let destination: Destination
    private let replaceExisting: Bool
    /// The files given as inputs, by identity; filled before anything is written.
    private let inputIdentities: [FileIdentity: String]
    /// Outputs already assigned in this run, so a second input cannot claim the same one.
    private var claimed: [String: String] = [:]

    init(destination: Destination, replaceExisting: Bool, inputs: [String]) {
        self.destination = destination
        self.replaceExisting = replaceExisting
        var identities: [FileIdentity: String] = [:]
        for input in inputs {
            if let identity = FileIdentity(path: input), identities[identity] == nil { identities[identity] = input }
        }
        inputIdentities = identities
    }

    /// The output path for `input`, or an `AudioError` (`.writeFailed`) saying why it cannot be written.
    func outputPath(for input: String) throws -> String {
        let output: String
        switch destination {
        case .file(let path):
            output = path
        case .directory(let directory, let fileExtension):
            // Built as a string so the report shows the folder as the user wrote it (relative stays relative).
            let stem = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
            output = (directory.hasSuffix("/") ? directory : directory + "/") + "\(stem).\(fileExtension)"
        }
        let key = URL(fileURLWithPath: output).standardizedFileURL.path
        if let earlier = claimed[key] {
            throw AudioError(.writeFailed, path: input,
                             detail: "output \(output) is also the output of \(earlier); not overwritten")
        }
        if let identity = FileIdentity(path: output) {
            if let sameInput = inputIdentities[identity] {
                let which = sameInput == input ? "the input itself" : "the same file as input \(sameInput)"
                throw AudioError(.writeFailed, path: input,
                                 detail: "output \(output) is \(which); refusing to overwrite an input")
            }
            if !replaceExisting {
                throw AudioError(.writeFailed, path: input,
                                 detail: "output \(output) already exists (use --force to replace it)")
            }
        }
        claimed[key] = input
        return output
    }
}
