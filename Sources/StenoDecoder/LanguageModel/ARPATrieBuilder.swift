import Foundation

/// Builds the packed, quantised trie from parsed ARPA n-grams.
struct ARPATrieBuilder {
    let model: ARPAModel
    let path: String

    func build() throws -> PackedTrie {
        let order = model.counts.count
        let unigramCount = model.counts[0]
        let wordBits = PackedTrie.requiredBits(unigramCount)
        // Sort every level by its key (newest word first), as the trie needs.
        var orders: [[Int]] = []
        for (index, level) in model.levels.enumerated() {
            let n = index + 2
            let permutation = (0..<level.probabilities.count).sorted { a, b in
                for position in 0..<n {
                    let x = level.keys[a * n + position], y = level.keys[b * n + position]
                    if x != y { return x < y }
                }
                return a < b
            }
            for (previous, current) in zip(permutation, permutation.dropFirst()) where
                level.keys[previous * n..<(previous + 1) * n].elementsEqual(level.keys[current * n..<(current + 1) * n]) {
                throw DecoderError(.malformed, path: path, line: Int(level.lines[current]),
                                   reason: "duplicate \(n)-gram (first on line \(level.lines[previous]))")
            }
            orders.append(permutation)
        }
        // Child ranges: the entries of level n+1 whose key starts with a level-n entry's key.
        func childStarts(parentCount: Int, parentKey: (Int) -> ArraySlice<Int32>, childLevel: Int) throws -> [UInt32] {
            let level = model.levels[childLevel]
            let n = childLevel + 2
            let permutation = orders[childLevel]
            var starts = [UInt32](repeating: 0, count: parentCount + 1)
            var child = 0
            for parent in 0..<parentCount {
                starts[parent] = UInt32(child)
                let key = parentKey(parent)
                while child < permutation.count {
                    let entry = permutation[child]
                    let prefix = level.keys[entry * n..<(entry * n + n - 1)]
                    if prefix.elementsEqual(key) { child += 1; continue }
                    if prefix.lexicographicallyPrecedes(key) {
                        let words = level.keys[entry * n..<(entry + 1) * n].reversed().map { model.vocabulary[Int($0)] }
                        throw DecoderError(.malformed, path: path, line: Int(level.lines[entry]),
                                           reason: "the \(n)-gram '\(words.joined(separator: " "))' has no \(n - 1)-gram '\(words.dropFirst().joined(separator: " "))'")
                    }
                    break
                }
            }
            if child < permutation.count {
                let entry = permutation[child]
                let words = level.keys[entry * n..<(entry + 1) * n].reversed().map { model.vocabulary[Int($0)] }
                throw DecoderError(.malformed, path: path, line: Int(level.lines[entry]),
                                   reason: "the \(n)-gram '\(words.joined(separator: " "))' has no \(n - 1)-gram '\(words.dropFirst().joined(separator: " "))'")
            }
            starts[parentCount] = UInt32(child)
            return starts
        }
        let unigramNext = try childStarts(parentCount: unigramCount, parentKey: { [Int32($0)][...] }, childLevel: 0)
        var levels: [PackedTrie.Level] = []
        var allBits: [UInt8] = []
        var probabilityCentres: [Float] = []
        var backoffCentres: [Float] = []
        for index in 0..<(order - 1) {
            let level = model.levels[index]
            let n = index + 2
            let isHighest = index == order - 2
            let permutation = orders[index]
            let next: [UInt32] = isHighest ? [] : try childStarts(
                parentCount: permutation.count,
                parentKey: { level.keys[permutation[$0] * n..<(permutation[$0] + 1) * n] }, childLevel: index + 1)
            let nextBits = isHighest ? 0 : PackedTrie.requiredBits(model.counts[index + 2])
            let entryBits = wordBits + (isHighest ? 16 : 32 + nextBits)
            var bits = [UInt8](repeating: 0, count: ((1 + permutation.count) * entryBits + 7) / 8 + 8)
            let probabilities = NGramQuantizer(training: level.probabilities)
            let backoffs = isHighest ? nil : NGramQuantizer(training: level.backoffs)
            for (slot, entry) in permutation.enumerated() {
                let base = slot * entryBits
                Self.write(UInt64(level.keys[entry * n + n - 1]), at: base, width: wordBits, into: &bits)
                let probability = UInt64(probabilities.encode(level.probabilities[entry]))
                if let backoffs {
                    let backoff = UInt64(backoffs.encode(level.backoffs[entry]))
                    Self.write(probability << 16 | backoff, at: base + wordBits, width: 32, into: &bits)
                    Self.write(UInt64(next[slot]), at: base + wordBits + 32, width: nextBits, into: &bits)
                } else {
                    Self.write(probability, at: base + wordBits, width: 16, into: &bits)
                }
            }
            if !isHighest {
                // The sentinel entry carries only the end of the last range.
                Self.write(UInt64(next[permutation.count]), at: permutation.count * entryBits + wordBits + 32,
                           width: nextBits, into: &bits)
            }
            levels.append(PackedTrie.Level(byteOffset: allBits.count, byteCount: bits.count, entryBits: entryBits,
                                           nextBits: nextBits))
            allBits += bits
            probabilityCentres += probabilities.centres
            backoffCentres += backoffs?.centres ?? []
        }
        return PackedTrie(unigramProbabilities: model.unigramProbabilities, unigramBackoffs: model.unigramBackoffs,
                          unigramNext: unigramNext, wordBits: wordBits, levels: levels, bits: allBits,
                          probabilityCentres: probabilityCentres, backoffCentres: backoffCentres)
    }

    static func write(_ value: UInt64, at bitOffset: Int, width: Int, into bits: inout [UInt8]) {
        guard width > 0 else { return }
        var remaining = value & ((1 << UInt64(width)) - 1)
        var offset = bitOffset
        var left = width
        while left > 0 {
            let byte = offset >> 3, shift = offset & 7
            let take = min(8 - shift, left)
            let mask = UInt8(truncatingIfNeeded: ((1 << take) - 1) << shift)
            bits[byte] = (bits[byte] & ~mask) | (UInt8(truncatingIfNeeded: remaining << UInt64(shift)) & mask)
            remaining >>= UInt64(take)
            offset += take
            left -= take
        }
    }
}
