import Foundation
import Steno
import StenoAudio
import StenoCore

/// Reads each input's audio and transcribes it with a shared recognizer (the part of `transcribe`
/// and `eval` that runs on worker threads).
struct Transcriber: Sendable {
    let recognizer: Recognizer
    let readOptions: AudioReadOptions

    /// The outcome of one input: its hypothesis and audio length, or why it failed.
    struct Outcome: Sendable {
        var input: TranscriptionInputs.Input
        var hypothesis: Hypothesis?
        var error: String?
        var warnings: [String] = []
    }

    func run(_ input: TranscriptionInputs.Input) -> Outcome {
        var outcome = Outcome(input: input)
        do {
            var audio = try read(input)
            if let start = input.startSeconds {
                audio = audio.slice(fromSeconds: start, toSeconds: input.endSeconds)
            }
            if audio.sampleRate.hertz < recognizer.sampleRate.hertz {
                outcome.warnings.append("\(audio.sampleRate.hertz) Hz audio is below the model's "
                    + "\(recognizer.sampleRate.hertz) Hz; upsampled, expect lower accuracy")
            }
            outcome.hypothesis = try recognizer.transcribe(audio)
        } catch {
            outcome.error = BatchRunner.reason(for: error, path: input.path)
        }
        return outcome
    }

    private func read(_ input: TranscriptionInputs.Input) throws -> AudioBuffer {
        let reader = AudioReader(options: readOptions)
        if let url = input.url { return try reader.read(url.path) }
        // Standard input: spool to a temporary file the reader can seek in.
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("steno-stdin-\(ProcessInfo.processInfo.processIdentifier).audio")
        try data.write(to: temporary)
        defer { try? FileManager.default.removeItem(at: temporary) }
        return try reader.read(temporary.path)
    }
}
