import Foundation

/// A Sphinx pronunciation dictionary: words, their alternate pronunciations and filler words,
/// numbered exactly as pocketsphinx numbers them.
///
/// Word ids: the main dictionary's accepted entries in file order, then the filler dictionary's
/// (`noisedict`) in file order; `<s>`, `</s>` and `<sil>` are added after them with the
/// pronunciation `SIL` when the filler dictionary lacks them. An alternate pronunciation `word(2)`
/// is a word of its own whose ``baseWordID(of:)`` is the id of `word`; language-model lookups and
/// transcripts use the base word.
///
/// ```swift
/// let dictionary = try PronunciationDictionary(
///     contentsOf: modelFolder.appendingPathComponent("cmudict-en-us.dict"),
///     fillers: modelFolder.appendingPathComponent("acoustic/noisedict"),
///     phones: PhoneInventory(topology: model.topology))
/// let id = dictionary.wordID(for: "hello")          // 55,842-ish; nil when unknown
/// let phones = dictionary.phoneNames(of: id!)       // ["HH", "AH", "L", "OW"]
/// ```
///
/// The value is immutable and `Sendable`; share one between sessions.
public struct PronunciationDictionary: Sendable {
    /// The phone set the pronunciations were checked against (with any phones an open inventory added).
    public let phones: PhoneInventory
    /// Lines left out while loading (no pronunciation, unknown phone, duplicate word, alternate with no
    /// base word), in file order.
    public let skippedLines: [DictionaryIssue]
    /// Ids of the filler dictionary's words (`<s>`, `</s>`, `<sil>`, noises), the last ids of all.
    public let fillerIDs: Range<Int>
    /// The id of `<s>`, the sentence start.
    public let sentenceStartID: Int
    /// The id of `</s>`, the sentence end.
    public let sentenceEndID: Int
    /// The id of `<sil>`, silence.
    public let silenceID: Int

    let words: [String]
    let baseIDs: [Int32]
    let nextAlternateIDs: [Int32]
    let phoneOffsets: [Int32]
    let phoneStorage: [Int32]
    let idsByWord: [String: Int32]

    /// The sentence-start word.
    public static let sentenceStart = "<s>"
    /// The sentence-end word.
    public static let sentenceEnd = "</s>"
    /// The silence word.
    public static let silence = "<sil>"

    /// Number of words, alternates and fillers included.
    public var count: Int { words.count }

    /// All word ids, `0..<count`.
    public var wordIDs: Range<Int> { 0..<words.count }

    /// The id of a word spelled exactly so (case-sensitive; `"read(2)"` finds the alternate), or nil.
    public func wordID(for word: String) -> Int? {
        idsByWord[word].map(Int.init)
    }

    /// Whether the dictionary has this word (exact spelling).
    public func contains(_ word: String) -> Bool { idsByWord[word] != nil }

    /// The spelling of a word id, with its alternate marker (`"read(2)"`).
    public func word(_ id: Int) -> String { words[id] }

    /// The id of the word's base pronunciation (itself unless it is an alternate).
    public func baseWordID(of id: Int) -> Int { Int(baseIDs[id]) }

    /// The base word's spelling (`"read"` for `"read(2)"`), as transcripts and language models use it.
    public func baseWord(of id: Int) -> String { words[Int(baseIDs[id])] }

    /// The base word an alternate's spelling names (`"read"` for `"read(2)"`), or nil when the spelling
    /// is not an alternate's: Sphinx's rule is a trailing ')' with a '(' that is not the first character
    /// ("(paren)" is an ordinary word). Whether that base exists is the dictionary's business.
    public static func baseSpelling(ofAlternate spelling: String) -> Substring? {
        guard spelling.hasSuffix(")"), let open = spelling.dropLast().lastIndex(of: "("), open > spelling.startIndex
        else { return nil }
        return spelling[..<open]
    }

    /// Whether the id is an alternate pronunciation of another word.
    public func isAlternate(_ id: Int) -> Bool { Int(baseIDs[id]) != id }

    /// All pronunciations of a word in pocketsphinx's order: the base entry first, then its alternates
    /// from the last defined to the first (`read`, `read(3)`, `read(2)`).
    /// Empty when the word is unknown. Accepts an alternate's spelling too (gives the whole family).
    public func pronunciationIDs(of word: String) -> [Int] {
        guard let id = wordID(for: word) else { return [] }
        var result: [Int] = []
        var next = Int(baseIDs[id])
        while next >= 0 {
            result.append(next)
            next = Int(nextAlternateIDs[next])
        }
        return result
    }

    /// The next pronunciation in the word's alternate chain (pocketsphinx's `dict_nextalt`): from the
    /// base, the newest alternate, then older ones; nil at the end.
    public func nextAlternate(after id: Int) -> Int? {
        let next = Int(nextAlternateIDs[id])
        return next >= 0 ? next : nil
    }

    /// The phone ids of a word's pronunciation (ids of ``phones``).
    public func phoneIDs(of id: Int) -> ArraySlice<Int32> {
        phoneStorage[Int(phoneOffsets[id])..<Int(phoneOffsets[id + 1])]
    }

    /// The number of phones in a word's pronunciation.
    public func phoneCount(of id: Int) -> Int { Int(phoneOffsets[id + 1] - phoneOffsets[id]) }

    /// The phone names of a word's pronunciation.
    public func phoneNames(of id: Int) -> [String] {
        phoneIDs(of: id).map { phones.name(of: Int($0)) }
    }

    /// Whether the word is a filler (silence or noise), that is in the filler dictionary but not `<s>`/`</s>`.
    public func isFiller(_ id: Int) -> Bool {
        fillerIDs.contains(id) && id != sentenceStartID && id != sentenceEndID
    }

    /// Whether the word is a real word: neither a filler nor `<s>`/`</s>`.
    public func isRealWord(_ id: Int) -> Bool { !fillerIDs.contains(id) }

    /// The words of `text` (in order of first appearance, each once) that the dictionary lacks.
    ///
    /// Sentence markers are looked up like any other word.
    public func missingWords(in words: some Sequence<String>) -> [String] {
        var seen = Set<String>()
        var missing: [String] = []
        for word in words where idsByWord[word] == nil && seen.insert(word).inserted {
            missing.append(word)
        }
        return missing
    }
}
