import ArgumentParser
import Foundation
import Steno
import StenoDecoder

/// Loads the forced aligner for `steno align` and `steno check --align`, or prints why it could not
/// (one `steno: reason` line) and exits with 1.
enum AlignerLoader {
    static func load(model: String?, dictionary: String? = nil, options: ForcedAlignmentOptions = ForcedAlignmentOptions(),
                     includeFillers: Bool = false) throws -> SpeechAligner {
        do {
            let directory = try ModelLocator.locate(explicit: model.map { URL(fileURLWithPath: $0) })
            return try SpeechAligner(modelDirectory: directory, dictionary: dictionary.map { URL(fileURLWithPath: $0) },
                                     options: options, includeFillers: includeFillers)
        } catch {
            StandardError.writeLine("steno: \(error)")
            throw ExitCode(1)
        }
    }
}
