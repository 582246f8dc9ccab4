import Foundation

extension PackedTrie {
    /// Checks every pointer so scoring can never read outside the arrays, whatever the file held.
    func validate(counts: [Int], path: String) throws {
        func fail(_ reason: String) -> DecoderError { DecoderError(.malformed, path: path, reason: reason) }
        // Real entries may be fewer than the header count (the bundled model's bigram count is 6 too
        // large), so the sentinels, not the header, bound each level.
        var previous: UInt32 = 0
        for value in unigramNext {
            guard value >= previous else { throw fail("unigram child offsets are not in order") }
            previous = value
        }
        var childCount = Int(unigramNext[unigramNext.count - 1])
        guard childCount <= counts[1] else { throw fail("unigrams point past the \(counts[1]) bigrams") }
        let vocabulary = UInt64(counts[0])
        for (index, level) in levels.enumerated() {
            let isHighest = index == levels.count - 1
            try self.bits.withUnsafeBytes { all in
                let bits = UnsafeRawBufferPointer(rebasing: all[level.byteOffset..<(level.byteOffset + level.byteCount)])
                var previousNext: UInt64 = 0
                for entry in 0..<childCount {
                    let base = entry * level.entryBits
                    let word = Self.readField(bits, bitOffset: base, width: wordBits)
                    guard word < vocabulary else { throw fail("\(index + 2)-gram entry \(entry) has word id \(word)") }
                    if !isHighest {
                        let next = Self.readField(bits, bitOffset: base + wordBits + 32, width: level.nextBits)
                        guard next >= previousNext else { throw fail("\(index + 2)-gram child offsets are not in order") }
                        previousNext = next
                    }
                }
                if !isHighest {
                    let sentinel = Self.readField(bits, bitOffset: childCount * level.entryBits + wordBits + 32,
                                                  width: level.nextBits)
                    guard sentinel >= previousNext, Int(sentinel) <= counts[index + 2] else {
                        throw fail("\(index + 2)-grams point past the \(counts[index + 2]) \(index + 3)-grams")
                    }
                    childCount = Int(sentinel)
                }
            }
        }
    }
}
