import Foundation

/// The options of a Sphinx model's `feat.params` file: `-name value` pairs separated by whitespace
/// (line breaks included, as pocketsphinx reads it), with a token starting with `#` beginning a comment
/// that runs to the end of the line.
///
/// Pocketsphinx applies this file after the user's settings, so its values win; ``MFCCOptions``'s
/// Sphinx preset does the same. The acoustic model (StenoAcoustic) keeps the same parsed values.
public struct SphinxFeatureParameters: Sendable, Equatable {
    /// The values by option name without the leading dash (`"lowerf": "130"`), later lines winning.
    public private(set) var values: [String: String]

    /// Parameters with the given values (`[:]` for a model without `feat.params`).
    public init(values: [String: String] = [:]) {
        self.values = values
    }

    /// Parses the text of a `feat.params` file. `path` only names the file in errors.
    ///
    /// - Throws: ``FeatureError`` of kind `.invalidFeatureParameters` naming the 1-based line of a
    ///   token that is not an option, or of an option without a value.
    public init(text: String, path: String? = nil) throws {
        var values: [String: String] = [:]
        var tokens = Self.tokens(of: text)[...]
        while case let (name, line)? = tokens.popFirst() {
            guard name.hasPrefix("-"), name.count > 1 else {
                throw FeatureError(.invalidFeatureParameters, "expected an option like -lowerf, found '\(name)'",
                                   path: path, line: line)
            }
            guard case let (value, _)? = tokens.popFirst() else {
                throw FeatureError(.invalidFeatureParameters, "option \(name) has no value", path: path, line: line)
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

    /// The `-feat` feature-type name as written ("1s_c_d_dd" when the file does not set it, the
    /// pocketsphinx default), including types Steno does not compute such as "s2_4x".
    public var featureTypeName: String { values["feat"] ?? "1s_c_d_dd" }

    /// The whitespace-separated tokens with their 1-based line numbers, comments removed.
    private static func tokens(of text: String) -> [(String, Int)] {
        var tokens: [(String, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for token in line.split(whereSeparator: { $0.isWhitespace }) {
                if token.hasPrefix("#") { break }
                tokens.append((String(token), index + 1))
            }
        }
        return tokens
    }
}
