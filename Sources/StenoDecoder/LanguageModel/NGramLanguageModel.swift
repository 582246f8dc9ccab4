import Foundation

/// A back-off n-gram language model, scored exactly as pocketsphinx 5.1.1 scores it.
///
/// Holds the model in pocketsphinx's "Trie Language Model" layout (a reversed trie with 16-bit
/// quantised probabilities and back-off weights, values in log base 1.0001), whether it was read
/// from an `lm.bin` file or built from an ARPA text file. Scores are pocketsphinx's raw integer
/// scores (SPHINX_NOTES §10.2): the f32 back-off sum truncated to an integer, before language
/// weight and word insertion penalty (see ``LanguageModelWeights``).
///
/// ```swift
/// let lm = try NGramLanguageModel(contentsOf: modelFolder.appendingPathComponent("en-us.lm.bin"))
/// let the = lm.wordID(for: "the")!, of = lm.wordID(for: "of")!, start = lm.wordID(for: "<s>")!
/// lm.score(the, previous: of, beforePrevious: start).score   // -21915
/// ```
///
/// Immutable and `Sendable`: share one between sessions and threads.
public struct NGramLanguageModel: Sendable {
    /// The id callers pass for "no word" in a history (it ends the history there).
    public static let noWord: Int32 = -1
    /// The raw score of a word the model does not know (pocketsphinx's log "zero", −2²⁹).
    public static let unknownWordScore: Int32 = -536_870_912

    /// The model's order (3 for a trigram model).
    public let order: Int
    /// The n-gram counts per order as stored in the file (`ngramCounts[0]` = vocabulary size).
    public let ngramCounts: [Int]
    /// The vocabulary in the model's word-id order.
    public let vocabulary: [String]

    let idsByWord: [String: Int32]
    let trie: PackedTrie

    /// The model's id for a word (exact, case-sensitive match), or nil when it is not in the model.
    public func wordID(for word: String) -> Int32? { idsByWord[word] }

    /// The word with this model id.
    public func word(_ id: Int32) -> String { vocabulary[Int(id)] }

    /// Whether the model has the word.
    public func contains(_ word: String) -> Bool { idsByWord[word] != nil }

    /// Scores `word` after a history given most recent first (`history[0]` is the previous word).
    ///
    /// History entries equal to ``noWord`` (or any id outside the vocabulary) end the history there; entries beyond
    /// `order - 1` are ignored. A negative `word` gives ``unknownWordScore``.
    public func score(_ word: Int32, history: some Collection<Int32>) -> NGramScore {
        var buffer: (Int32, Int32, Int32, Int32, Int32) = (-1, -1, -1, -1, -1)
        var count = 0
        withUnsafeMutableBytes(of: &buffer) { raw in
            let ids = raw.bindMemory(to: Int32.self)
            for id in history.prefix(min(order - 1, 5)) {
                guard id >= 0 else { break }
                ids[count] = id
                count += 1
            }
        }
        return withUnsafeBytes(of: &buffer) { raw in
            score(word, history: UnsafeBufferPointer(rebasing: raw.bindMemory(to: Int32.self)[0..<count]))
        }
    }

    /// Scores `word` after the two previous words (the common trigram case, without allocating).
    ///
    /// Pass ``noWord`` for a missing history word.
    public func score(_ word: Int32, previous: Int32, beforePrevious: Int32 = noWord) -> NGramScore {
        var pair = (previous, beforePrevious)
        let count = previous < 0 ? 0 : (beforePrevious < 0 || order < 3 ? 1 : 2)
        return withUnsafeBytes(of: &pair) { raw in
            score(word, history: UnsafeBufferPointer(rebasing: raw.bindMemory(to: Int32.self)[0..<min(count, order - 1)]))
        }
    }

    /// Scores a word given as text after a text history (most recent first); words the model lacks
    /// behave as pocketsphinx's do (unknown word → ``unknownWordScore``; unknown history word ends the history).
    public func score(_ word: String, history: [String] = []) -> NGramScore {
        guard let id = wordID(for: word) else { return NGramScore(score: Self.unknownWordScore, matchedOrder: 0) }
        return score(id, history: history.map { wordID(for: $0) ?? Self.noWord })
    }

    private func score(_ word: Int32, history: UnsafeBufferPointer<Int32>) -> NGramScore {
        guard word >= 0, Int(word) < vocabulary.count else {
            return NGramScore(score: Self.unknownWordScore, matchedOrder: 0)
        }
        // Ids outside the vocabulary end the history like "no word" (and keep reads in bounds).
        var usable = 0
        while usable < history.count && history[usable] >= 0 && Int(history[usable]) < vocabulary.count { usable += 1 }
        let (probability, matched) = trie.probability(of: word, history: UnsafeBufferPointer(rebasing: history[0..<usable]))
        // (int) of the f32 value: truncation toward zero, as the C cast does.
        return NGramScore(score: Int32(probability), matchedOrder: matched)
    }

    /// For each dictionary word id, the model id of its base word (``noWord`` when the model lacks it).
    ///
    /// This is how the search maps dictionary words (alternates included) to language-model words.
    public func wordIDs(for dictionary: PronunciationDictionary) -> [Int32] {
        dictionary.wordIDs.map { idsByWord[dictionary.baseWord(of: $0)] ?? Self.noWord }
    }

    /// The model's words that the dictionary cannot pronounce, in model order (`<s>` and `</s>` are
    /// always pronounceable). These words can never be recognised.
    public func wordsMissing(from dictionary: PronunciationDictionary) -> [String] {
        vocabulary.filter { !dictionary.contains($0) }
    }
}
