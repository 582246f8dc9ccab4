import Foundation

/// The options of a Sphinx model's `feat.params` file: `-name value` pairs, whitespace separated.
///
/// Pocketsphinx applies this file after the user's settings, so its values win; ``MFCCOptions``'s
/// Sphinx preset does the same.
public struct SphinxFeatureParameters: Sendable, Equatable {
    /// The values by option name without the leading dash (`"lowerf": "130"`), later lines winning.
    public private(set) var values: [String: String]

    /// Parses the text of a `feat.params` file. `path` only names the file in errors.
    public init(text: String, path: String? = nil) throws {
        var values: [String: String] = [:]
        var tokens = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)[...]
        while let name = tokens.popFirst() {
            guard name.hasPrefix("-"), name.count > 1 else {
                throw FeatureError(.invalidFeatureParameters, "expected an option like -lowerf, found '\(name)'",
                                   path: path)
            }
            guard let value = tokens.popFirst() else {
                throw FeatureError(.invalidFeatureParameters, "option \(name) has no value", path: path)
            }
            values[String(name.dropFirst())] = value
        }
        self.values = values
    }

    /// Reads `feat.params` from a file.
    public init(contentsOf url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FeatureError(.io, "no such file (is this a Sphinx model folder?)", path: url.path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FeatureError(.io, "cannot read feat.params: \(error.localizedDescription)", path: url.path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FeatureError(.invalidFeatureParameters, "feat.params is not UTF-8 text", path: url.path)
        }
        try self.init(text: text, path: url.path)
    }

    /// A value by option name (without dash).
    public subscript(name: String) -> String? { values[name] }
}
