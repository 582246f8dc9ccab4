/// The iteration order of pocketsphinx's chained hash tables, which decides the order of grammar
/// transitions (and so tie-breaking in the search) and which public JSGF rule is the default.
///
/// Facts (pocketsphinx `hash_table.c`): a table asked for `n` slots has the first prime of
/// 101, 211, 307, … that is ≥ n + n/2 buckets; a string key hashes as Σ c·2^s with s stepping by 5
/// (wrapping past 25 by −24) and signed chars, modulo the size; a binary key (an int32 state) is first
/// spelt as two letters per byte ('A' + low nibble, 'J' + high nibble). A new key goes to an empty
/// bucket's head or right after an occupied bucket's head. Iteration walks buckets in index order,
/// each head then its chain.
enum SphinxHashOrder {
    static let primes: [Int] = [
        101, 211, 307, 401, 503, 601, 701, 809, 907, 1009, 1201, 1601, 2003, 2411, 3001, 4001, 5003, 6007,
        7001, 8009, 9001, 10007, 12007, 16001, 20011, 24001, 30011, 40009, 50021, 60013, 70001, 80021, 90001,
        100003, 120011, 160001, 200003, 240007, 300007, 400009, 500009, 600011, 700001, 800011, 900001,
    ]

    /// Bucket count of a table created for `requested` entries.
    static func tableSize(requested: Int) -> Int {
        let wanted = requested + requested >> 1
        return primes.first { $0 >= wanted } ?? primes[primes.count - 1]
    }

    static func hash(_ bytes: some Sequence<UInt8>, size: Int) -> Int {
        var hash: UInt32 = 0
        var shift: UInt32 = 0
        for byte in bytes {
            let signed = Int32(Int8(bitPattern: byte))
            hash = hash &+ UInt32(bitPattern: signed << shift)
            shift += 5
            if shift >= 25 { shift -= 24 }
        }
        return Int(hash % UInt32(size))
    }

    static func hash(string: String, size: Int) -> Int { hash(string.utf8, size: size) }

    static func hash(state: Int32, size: Int) -> Int {
        var letters: [UInt8] = []
        letters.reserveCapacity(8)
        withUnsafeBytes(of: state.littleEndian) { raw in
            for byte in raw {
                letters.append(0x41 + (byte & 0x0F))
                letters.append(0x4A + (byte >> 4))
            }
        }
        return hash(letters, size: size)
    }

    /// Keys in iteration order, given their insertion order and bucket function.
    static func iterationOrder<Key>(_ insertionOrder: [Key], bucket: (Key) -> Int) -> [Key] {
        var buckets: [Int: [Key]] = [:]
        for key in insertionOrder {
            let index = bucket(key)
            if buckets[index] == nil {
                buckets[index] = [key]
            } else {
                buckets[index]!.insert(key, at: 1)
            }
        }
        return buckets.keys.sorted().flatMap { buckets[$0]! }
    }

    /// State keys of a per-state transition table (pocketsphinx creates those for 5 entries: 101 buckets).
    static func stateOrder(_ insertionOrder: [Int32]) -> [Int32] {
        let size = tableSize(requested: 5)
        return iterationOrder(insertionOrder) { hash(state: $0, size: size) }
    }
}
