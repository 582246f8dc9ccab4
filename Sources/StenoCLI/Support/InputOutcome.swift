import ArgumentParser
import StenoCore

/// The outcome of one input in a batch: its result, or the one-line reason it failed.
enum InputOutcome<Result: Sendable>: Sendable {
    case success(path: String, result: Result)
    case failure(path: String, reason: String)

    var path: String {
        switch self {
        case .success(let path, _), .failure(let path, _): path
        }
    }
}
