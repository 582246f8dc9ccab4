import Foundation

/// One entry of a model's filler dictionary (`noisedict`): a non-speech word and its phones.
public struct FillerWord: Sendable, Hashable {
    /// The word ("<sil>", "[NOISE]").
    public let word: String
    /// Its phone names ("SIL", "+NSN+").
    public let phones: [String]

    public init(word: String, phones: [String]) {
        self.word = word
        self.phones = phones
    }

    /// Parses a `noisedict` (dictionary syntax: word then phones; `##` and `;;` lines are comments).
    /// Every phone must be one of `knownPhones`.
    static func parse(_ text: String, path: String?, knownPhones: Set<String>) throws -> [FillerWord] {
        var words: [FillerWord] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("##") || line.hasPrefix(";;") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count >= 2 else {
                throw AcousticError(path: path, problem: "word \"\(fields[0])\" has no phones", line: index + 1)
            }
            let phones = fields.dropFirst().map(String.init)
            if let unknown = phones.first(where: { !knownPhones.contains($0) }) {
                throw AcousticError(path: path, problem: "unknown phone \"\(unknown)\"", line: index + 1)
            }
            words.append(FillerWord(word: String(fields[0]), phones: phones))
        }
        return words
    }
}
