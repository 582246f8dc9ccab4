import ArgumentParser
import StenoCore

/// One element of a batch's JSON array: the command's own object, or `{"path", "error"}`.
enum BatchJSONEntry<Entry: Encodable & Sendable>: Encodable, Sendable {
    case result(Entry)
    case error(path: String, error: String)

    private enum CodingKeys: String, CodingKey { case path, error }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .result(let entry):
            try entry.encode(to: encoder)
        case .error(let path, let error):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(error, forKey: .error)
        }
    }
}
