import Foundation
import StenoCore

/// A JSON value as a manifest field: scalars become text, anything else is ignored.
enum JSONScalar: Decodable {
    case string(String)
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            // Objects, arrays and null are legal JSON but not usable as a field value.
            self = .other
        }
    }

    var text: String? {
        switch self {
        case .string(let value): return value
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .other: return nil
        }
    }
}
