import Foundation

/// A model's `feat.params`: the front-end and feature options it was trained with, as
/// `-name value` pairs (whitespace-separated, any number per line).
public struct FeatureParameters: Sendable, Equatable {
    /// Option values by name, without the leading dash ("lowerf" → "130").
    public let values: [String: String]

    public init(values: [String: String]) {
        self.values = values
    }

    /// Parses `feat.params` text; `path` names the file in errors.
    public init(text: String, path: String? = nil) throws {
        var values: [String: String] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if tokens.isEmpty || tokens[0].hasPrefix("#") { continue }
            guard tokens.count % 2 == 0 else {
                throw AcousticError(path: path, problem: "expected \"-name value\" pairs", line: index + 1)
            }
            for pair in stride(from: 0, to: tokens.count, by: 2) {
                let name = tokens[pair]
                guard name.hasPrefix("-"), name.count > 1 else {
                    throw AcousticError(path: path, problem: "option \"\(name)\" does not start with \"-\"", line: index + 1)
                }
                values[String(name.dropFirst())] = String(tokens[pair + 1])
            }
        }
        self.init(values: values)
    }

    public init(contentsOf url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw AcousticError(path: url.path, problem: "cannot read file (\(error.localizedDescription))")
        }
        try self.init(text: text, path: url.path)
    }

    /// The value of `-name`, if given.
    public subscript(name: String) -> String? { values[name] }

    /// The feature type (`-feat`, default "1s_c_d_dd").
    public var featureType: String { values["feat"] ?? "1s_c_d_dd" }
}
