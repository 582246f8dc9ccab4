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
///
/// The cache is an open-addressing table (the search asks millions of times per utterance, mostly
/// the same few thousand trigrams), grown by doubling when half full.
///
/// Not thread-safe: one decoding uses it at a time. `NGramSearch` hands finished caches on to later
/// decodings through a mutex, which is why it is marked `@unchecked Sendable`.
final class LanguageScorer: @unchecked Sendable {
    let model: any NGramScoring
    /// Language-model id of each dictionary word's base form (−1: unknown).
    let modelID: [Int32]
    let weight: Float
    let logWordInsertion: Float
    /// Key and score side by side, so that a probe costs one cache miss, not two.
    private struct Entry {
        var key: UInt64
        var value: Int32
    }
    private var entries: UnsafeMutablePointer<Entry>
    /// Slots in the table (a power of two, at least twice the entries).
    private(set) var capacity: Int
    private var used = 0
    private static let empty = UInt64.max

    init(model: any NGramScoring, modelID: [Int32], weight: Float, logWordInsertion: Int32) {
        self.model = model
        self.modelID = modelID
        self.weight = weight
        self.logWordInsertion = Float(logWordInsertion)
        capacity = 1 << 14
        entries = Self.emptyTable(capacity)
    }

    deinit {
        entries.deallocate()
    }

    private static func emptyTable(_ capacity: Int) -> UnsafeMutablePointer<Entry> {
        let table = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        table.initialize(repeating: Entry(key: empty, value: 0), count: capacity)
        return table
    }

    /// Fibonacci hashing over a splitmix-style mix: the table index is the top bits of the product.
    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        var x = key ^ (key >> 31)
        x = x &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 27
        x = x &* 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        return Int(truncatingIfNeeded: x) & mask
    }

    /// The shifted, weighted score of `word` after `previous` and `beforePrevious` (dictionary ids of
    /// base words, −1 for none): Sphinx's `ngram_tg_score(...) >> 10`.
    func score(_ word: Int32, _ previous: Int32, _ beforePrevious: Int32) -> Int32 {
        let key = UInt64(UInt32(bitPattern: word)) &<< 42 | UInt64(UInt32(bitPattern: previous &+ 1)) &<< 21
            | UInt64(UInt32(bitPattern: beforePrevious &+ 1))
        let table = entries
        let mask = capacity - 1
        var i = Self.slot(key, mask)
        while table[i].key != Self.empty {
            if table[i].key == key { return table[i].value }
            i = (i + 1) & mask
        }
        let value = compute(word, previous, beforePrevious)
        table[i] = Entry(key: key, value: value)
        used += 1
        if used * 2 > capacity { grow() }
        return value
    }

    private func compute(_ word: Int32, _ previous: Int32, _ beforePrevious: Int32) -> Int32 {
        let lw = word >= 0 ? modelID[Int(word)] : -1
        guard lw >= 0 else { return SearchScore.logZero >> 10 }
        let h1 = previous >= 0 ? modelID[Int(previous)] : -1
        let h2 = (previous >= 0 && h1 >= 0 && beforePrevious >= 0) ? modelID[Int(beforePrevious)] : -1
        let raw = model.rawLogProbability(word: lw, previous: h1, beforePrevious: h2)
        return Int32(Float(raw) * weight + logWordInsertion) >> 10
    }

    private func grow() {
        let old = entries, oldCapacity = capacity
        capacity *= 2
        entries = Self.emptyTable(capacity)
        let mask = capacity - 1
        for j in 0..<oldCapacity where old[j].key != Self.empty {
            var i = Self.slot(old[j].key, mask)
            while entries[i].key != Self.empty { i = (i + 1) & mask }
            entries[i] = old[j]
        }
        old.deallocate()
    }
}
