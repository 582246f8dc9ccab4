/// pocketsphinx's reversed n-gram trie (KenLM's layout with 16-bit quantisation).
///
/// Unigram `w` owns the bigram entries `h1 w` (sorted by `h1`) in `[next(w), next(w + 1))`; a
/// middle entry `h_k … h1 w` owns the entries one order higher (sorted by the older word) between
/// its `next` and the following entry's `next`. Middle entries pack (word id, back-off index, prob
/// index, next) into `wordBits + 32 + nextBits` bits; highest-order entries (word id, prob index)
/// into `wordBits + 16` bits. Values are log base 1.0001 floats.
///
/// All levels' bits live in one array and all centre tables in two flat arrays, so a score is a
/// handful of pointer reads with no reference counting.
struct PackedTrie: Sendable {
    struct Level: Sendable {
        /// Where the level's entries start in ``PackedTrie/bits`` (bytes) and how many bytes they take
        /// (with 8 spare bytes, so any field can be read with one 8-byte load).
        var byteOffset: Int
        var byteCount: Int
        /// Bits per entry.
        var entryBits: Int
        /// Bits of the `next` field (0 for the highest order).
        var nextBits: Int
    }

    /// Entries per centre table.
    static let tableSize = 1 << 16

    var unigramProbabilities: [Float]
    var unigramBackoffs: [Float]
    /// `count + 1` entries; the last is the sentinel.
    var unigramNext: [UInt32]
    var wordBits: Int
    /// Orders 2 … N: `levels[0]` holds bigrams; the last level is the highest order.
    var levels: [Level]
    /// The bit-packed entries of every level, one after the other.
    var bits: [UInt8]
    /// Prob centres, 65,536 per level (level-major).
    var probabilityCentres: [Float]
    /// Back-off centres, 65,536 per middle level.
    var backoffCentres: [Float]

    static func requiredBits(_ value: Int) -> Int {
        value == 0 ? 0 : Int.bitWidth - value.leadingZeroBitCount
    }

    @inline(__always)
    static func readField(_ bits: UnsafeRawBufferPointer, bitOffset: Int, width: Int) -> UInt64 {
        let word = UInt64(littleEndian: bits.loadUnaligned(fromByteOffset: bitOffset >> 3, as: UInt64.self))
        return (word >> UInt64(bitOffset & 7)) & ((1 << UInt64(width)) - 1)
    }

    /// Read-only pointers into the trie for the duration of one query.
    struct Cursor {
        let wordBits: Int
        let bits: UnsafeRawBufferPointer
        let probabilities: UnsafeBufferPointer<Float>
        let backoffs: UnsafeBufferPointer<Float>
        let levels: UnsafeBufferPointer<Level>
        let unigramNext: UnsafeBufferPointer<UInt32>
        let unigramBackoffs: UnsafeBufferPointer<Float>

        /// Finds the entry with `word` among `[begin, end)` of a level (entries sorted by word id).
        @inline(__always)
        func find(_ word: Int32, level: Int, from begin: Int, to end: Int) -> Int? {
            let entry = levels[level]
            let base = entry.byteOffset << 3
            var low = begin, high = end
            let target = UInt64(word)
            while low < high {
                let middle = (low + high) >> 1
                let found = PackedTrie.readField(bits, bitOffset: base + middle * entry.entryBits, width: wordBits)
                if found < target { low = middle + 1 } else if found > target { high = middle } else { return middle }
            }
            return nil
        }

        /// (prob, back-off, next begin, next end) of a middle entry.
        @inline(__always)
        func middleEntry(_ index: Int, level: Int) -> (probability: Float, backoff: Float, begin: Int, end: Int) {
            let entry = levels[level]
            let start = (entry.byteOffset << 3) + index * entry.entryBits + wordBits
            let weights = PackedTrie.readField(bits, bitOffset: start, width: 32)
            let begin = PackedTrie.readField(bits, bitOffset: start + 32, width: entry.nextBits)
            let end = PackedTrie.readField(bits, bitOffset: start + entry.entryBits + 32, width: entry.nextBits)
            let table = level * PackedTrie.tableSize
            return (probabilities[table + Int(weights >> 16)], backoffs[table + Int(weights & 0xFFFF)], Int(begin), Int(end))
        }

        @inline(__always)
        func highestProbability(_ index: Int) -> Float {
            let level = levels.count - 1
            let entry = levels[level]
            let field = PackedTrie.readField(
                bits, bitOffset: (entry.byteOffset << 3) + index * entry.entryBits + wordBits, width: 16)
            return probabilities[level * PackedTrie.tableSize + Int(field)]
        }

        /// The back-off weight of the context `history[0 ..< length]` (most recent first), 0 when that
        /// n-gram is not in the model.
        func backoff(ofContext history: UnsafeBufferPointer<Int32>, length: Int) -> Float {
            let newest = Int(history[0])
            if length == 1 { return unigramBackoffs[newest] }
            var begin = Int(unigramNext[newest]), end = Int(unigramNext[newest + 1])
            var backoff: Float = 0
            for position in 1..<length {
                guard let index = find(history[position], level: position - 1, from: begin, to: end) else { return 0 }
                let entry = middleEntry(index, level: position - 1)
                backoff = entry.backoff
                (begin, end) = (entry.begin, entry.end)
            }
            return backoff
        }
    }

    @inline(__always)
    func withCursor<Result>(_ body: (Cursor) -> Result) -> Result {
        bits.withUnsafeBytes { bits in
            probabilityCentres.withUnsafeBufferPointer { probabilities in
                backoffCentres.withUnsafeBufferPointer { backoffs in
                    levels.withUnsafeBufferPointer { levels in
                        unigramNext.withUnsafeBufferPointer { next in
                            unigramBackoffs.withUnsafeBufferPointer { unigramBackoffs in
                                body(Cursor(wordBits: wordBits, bits: bits, probabilities: probabilities, backoffs: backoffs,
                                            levels: levels, unigramNext: next, unigramBackoffs: unigramBackoffs))
                            }
                        }
                    }
                }
            }
        }
    }

    /// pocketsphinx's trie score: the longest n-gram ending in `word` found along the history, plus
    /// the back-off weights of the contexts it could not use. Returns the f32 value and the order found.
    func probability(of word: Int32, history: UnsafeBufferPointer<Int32>) -> (Float, Int) {
        var probability = unigramProbabilities[Int(word)]
        if history.isEmpty { return (probability, 1) }
        return withCursor { cursor in
            var begin = Int(cursor.unigramNext[Int(word)]), end = Int(cursor.unigramNext[Int(word) + 1])
            var matched = 1
            let highest = cursor.levels.count - 1
            for position in 0..<history.count {
                let level = position  // level 0 holds bigrams
                guard let index = cursor.find(history[position], level: level, from: begin, to: end) else { break }
                matched += 1
                if level == highest {
                    probability = cursor.highestProbability(index)
                } else {
                    let entry = cursor.middleEntry(index, level: level)
                    probability = entry.probability
                    (begin, end) = (entry.begin, entry.end)
                }
            }
            if matched - 1 == history.count { return (probability, matched) }
            if history.count == cursor.levels.count {
                // Full history: pocketsphinx adds each missing context's back-off in turn.
                for length in matched...history.count {
                    probability = probability + cursor.backoff(ofContext: history, length: length)
                }
            } else {
                // Shorter history: the back-offs are summed first, then added.
                var total: Float = 0
                for length in matched...history.count {
                    total = total + cursor.backoff(ofContext: history, length: length)
                }
                probability = probability + total
            }
            return (probability, matched)
        }
    }
}
