/// What the search needs from an n-gram language model: word lookup and raw trigram scores.
///
/// `NGramLanguageModel` conforms; tests may supply any model that follows the same conventions.
public protocol NGramScoring: Sendable {
    /// The model's id of a word, or nil when the model does not know it.
    func languageModelWordID(_ spelling: String) -> Int32?
    /// The raw log probability (base 1.0001, truncated to an integer) of `word` after `previous`
    /// and `beforePrevious`, backing off as needed; a history id of −1 means "no such word" and
    /// truncates the history there.
    func rawLogProbability(word: Int32, previous: Int32, beforePrevious: Int32) -> Int32
}

/// Weighted, shifted language scores on dictionary word ids, cached per utterance.
final class LanguageScorer {
    let model: any NGramScoring
    /// Language-model id of each dictionary word's base form (−1: unknown).
    let modelID: [Int32]
    let weight: Float
    let logWordInsertion: Float
    private var cache: [UInt64: Int32] = [:]

    init(model: any NGramScoring, modelID: [Int32], weight: Float, logWordInsertion: Int32) {
        self.model = model
        self.modelID = modelID
        self.weight = weight
        self.logWordInsertion = Float(logWordInsertion)
        cache.reserveCapacity(1 << 14)
    }

    /// The shifted, weighted score of `word` after `previous` and `beforePrevious` (dictionary ids of
    /// base words, −1 for none): Sphinx's `ngram_tg_score(...) >> 10`.
    func score(_ word: Int32, _ previous: Int32, _ beforePrevious: Int32) -> Int32 {
        let key = UInt64(UInt32(bitPattern: word)) &<< 42 | UInt64(UInt32(bitPattern: previous + 1)) &<< 21
            | UInt64(UInt32(bitPattern: beforePrevious + 1))
        if let hit = cache[key] { return hit }
        let lw = word >= 0 ? modelID[Int(word)] : -1
        var weighted: Int32
        if lw < 0 {
            weighted = SearchScore.logZero
        } else {
            let h1 = previous >= 0 ? modelID[Int(previous)] : -1
            let h2 = (previous >= 0 && h1 >= 0 && beforePrevious >= 0) ? modelID[Int(beforePrevious)] : -1
            let raw = model.rawLogProbability(word: lw, previous: h1, beforePrevious: h2)
            weighted = Int32(Float(raw) * weight + logWordInsertion)
        }
        let shifted = weighted >> 10
        cache[key] = shifted
        return shifted
    }
}
