import Foundation

/// JSON for `--format json`: sorted keys, non-finite numbers as the strings "inf", "-inf" and "nan".
///
/// Values that are undefined for an input (loudness of a clip too short to measure) are `null`;
/// wrap such optional properties in ``NullWhenAbsent`` so the key is always present.
enum JSONOutput {
    /// Encodes `value` as pretty-printed JSON with sorted keys.
    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Prints `value` as JSON on stdout.
    static func print<T: Encodable>(_ value: T) throws {
        Swift.print(try string(value))
    }
}
