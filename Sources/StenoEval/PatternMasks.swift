/// For each reference symbol, the bits of the positions where it occurs, block by block.
///
/// Three layouts, chosen per reference: a linear scan for at most 64 symbols, a dense
/// symbol × block table when the symbols are small numbers (characters, small vocabularies), and a
/// sparse per-symbol list otherwise, so memory stays O(m) for any alphabet.
struct PatternMasks {
    private enum Storage {
        case short([Int32])
        case dense(table: [UInt64], symbolLimit: Int, blocks: Int)
        case sparse([Int32: [(block: Int, mask: UInt64)]])
    }

    private let storage: Storage
    /// Dense tables stay below this many 64-bit words (64 KiB).
    private static let denseWordLimit = 8192

    init(_ reference: Slice<UnsafeBufferPointer<Int32>>) {
        if reference.count <= 64 {
            storage = .short(Array(reference))
            return
        }
        let blocks = (reference.count + 63) / 64
        let largest = Int(reference.max() ?? 0)
        let smallest = Int(reference.min() ?? 0)
        if smallest >= 0 && (largest + 1) * blocks <= Self.denseWordLimit {
            var table = [UInt64](repeating: 0, count: (largest + 1) * blocks)
            for (offset, symbol) in reference.enumerated() {
                table[Int(symbol) * blocks + offset >> 6] |= UInt64(1) << UInt64(offset & 63)
            }
            storage = .dense(table: table, symbolLimit: largest + 1, blocks: blocks)
            return
        }
        var entries: [Int32: [(block: Int, mask: UInt64)]] = [:]
        for (offset, symbol) in reference.enumerated() {
            let block = offset >> 6
            let bit = UInt64(1) << UInt64(offset & 63)
            var list = entries.removeValue(forKey: symbol) ?? []
            if let last = list.last, last.block == block {
                list[list.count - 1].mask |= bit
            } else {
                list.append((block, bit))
            }
            entries[symbol] = list
        }
        storage = .sparse(entries)
    }

    /// Writes the masks of `symbol` into `row` (which holds zeros where the symbol does not occur).
    func fill(_ row: inout [UInt64], for symbol: Int32) {
        switch storage {
        case .short(let reference):
            var mask: UInt64 = 0
            for (offset, s) in reference.enumerated() where s == symbol {
                mask |= UInt64(1) << UInt64(offset)
            }
            row[0] = mask
        case .dense(let table, let symbolLimit, let blocks):
            guard symbol >= 0, Int(symbol) < symbolLimit else {
                for block in 0..<blocks { row[block] = 0 }
                return
            }
            let base = Int(symbol) * blocks
            for block in 0..<blocks { row[block] = table[base + block] }
        case .sparse(let entries):
            guard let list = entries[symbol] else { return }
            for entry in list { row[entry.block] = entry.mask }
        }
    }

    /// Resets what `fill` wrote (only the sparse layout leaves anything behind).
    func clear(_ row: inout [UInt64], for symbol: Int32) {
        guard case .sparse(let entries) = storage, let list = entries[symbol] else { return }
        for entry in list { row[entry.block] = 0 }
    }
}
