import Foundation

extension NGramLanguageModel {
    /// Reads an ARPA text language model held in memory and builds pocketsphinx's quantised trie from it.
    ///
    /// Values are converted from log10 to log base 1.0001 in f32 as pocketsphinx does; positive
    /// log-probabilities become 0; a missing back-off is 0.
    ///
    /// - Throws: ``DecoderError`` with the file and line: no `\data\` section, counts out of order or
    ///   above order 5, a section holding more or fewer n-grams than its count, malformed lines, words
    ///   missing from the unigrams, duplicate n-grams, an n-gram whose lower-order suffix is missing,
    ///   or no `\end\`.
    public init(arpa bytes: [UInt8], path: String = "<arpa>") throws {
        var parser = ARPAParser(bytes: bytes, path: path)
        let text = try parser.parse()
        let trie = try ARPATrieBuilder(model: text, path: path).build()
        try self.init(order: text.counts.count, counts: text.counts, vocabulary: text.vocabulary, trie: trie, path: path)
    }

    /// Reads an ARPA model from a string (`name` stands in for a path in errors).
    public init(arpaText: String, name: String = "<arpa>") throws {
        try self.init(arpa: Array(arpaText.utf8), path: name)
    }
}

/// The content of an ARPA file: counts, vocabulary and n-grams with values in log base 1.0001.
struct ARPAModel {
    struct Level {
        /// Word ids of each n-gram, newest first (the trie's key order), `order` per n-gram.
        var keys: [Int32] = []
        var probabilities: [Float] = []
        var backoffs: [Float] = []
        var lines: [Int32] = []
    }

    var counts: [Int] = []
    var vocabulary: [String] = []
    var unigramProbabilities: [Float] = []
    var unigramBackoffs: [Float] = []
    /// Orders 2 … N.
    var levels: [Level] = []
}

/// Line-oriented ARPA reader over bytes, keeping the line number for errors.
struct ARPAParser {
    let bytes: [UInt8]
    let path: String
    var position = 0
    var lineNumber = 0

    /// 1 / log10(1.0001), as pocketsphinx's log-math computes it (f64).
    static let log10ToLogBase: Double = 1.0 / log10(1.0001)

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func fail(_ reason: String, line: Int? = nil) -> DecoderError {
        DecoderError(.malformed, path: path, line: line ?? lineNumber, reason: reason)
    }

    /// The next line with surrounding whitespace removed, or nil at the end.
    mutating func nextLine() -> ArraySlice<UInt8>? {
        guard position < bytes.count else { return nil }
        lineNumber += 1
        var end = position
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        var start = position
        position = end + 1
        var stop = end
        while start < stop && Self.isSpace(bytes[start]) { start += 1 }
        while stop > start && Self.isSpace(bytes[stop - 1]) { stop -= 1 }
        return bytes[start..<stop]
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x0B || byte == 0x0C
    }

    static func fields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        line.split(whereSeparator: isSpace)
    }

    static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A log10 value in log base 1.0001. pocketsphinx rounds n-gram values to f32 before converting
    /// (`(float)atof`, then × 1/log10(1.0001) in f64, then f32) but converts unigram values straight
    /// from the f64 `atof` result; the last bit differs between the two.
    func number(_ field: ArraySlice<UInt8>, roundedFirst: Bool) throws -> Float {
        guard let value = Double(Self.text(field)), value.isFinite || value == -.infinity else {
            throw fail("'\(Self.text(field))' is not a number")
        }
        return Float((roundedFirst ? Double(Float(value)) : value) * Self.log10ToLogBase)
    }

    mutating func parse() throws -> ARPAModel {
        var model = ARPAModel()
        // Header: anything up to \data\.
        while true {
            guard let line = nextLine() else { throw fail("no \\data\\ section", line: nil) }
            if line.elementsEqual("\\data\\".utf8) { break }
        }
        // Counts: "ngram N=COUNT", in order, until the first section header.
        var sectionLine: ArraySlice<UInt8>?
        while let line = nextLine() {
            if line.isEmpty { continue }
            if line.first == 0x5C { sectionLine = line; break }  // '\'
            let text = Self.text(line)
            guard text.hasPrefix("ngram "), let equals = text.firstIndex(of: "="),
                  let order = Int(text[text.index(text.startIndex, offsetBy: 6)..<equals].trimmingCharacters(in: .whitespaces)),
                  let count = Int(text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces))
            else { throw fail("expected 'ngram N=COUNT', found '\(text)'") }
            guard order == model.counts.count + 1 else {
                throw fail("n-gram counts out of order: order \(order) after \(model.counts.count)")
            }
            guard order <= NGramLanguageModel.maximumOrder else {
                throw fail("order \(order) is above the highest supported order \(NGramLanguageModel.maximumOrder)")
            }
            guard count > 0 else { throw fail("the \(order)-gram count must be positive, found \(count)") }
            model.counts.append(count)
        }
        guard !model.counts.isEmpty else { throw fail("no n-gram counts after \\data\\") }
        guard model.counts.count >= 2 else { throw fail("unigram-only models are not supported") }
        let order = model.counts.count
        var ids: [String: Int32] = [:]
        for n in 1...order {
            let header = "\\\(n)-grams:"
            guard let found = sectionLine else { throw fail("missing \(header) section (end of file)") }
            guard found.elementsEqual(header.utf8) else {
                throw fail("expected \(header), found '\(Self.text(found))'")
            }
            sectionLine = nil
            var level = ARPAModel.Level()
            var read = 0
            let expected = model.counts[n - 1]
            while let line = nextLine() {
                if line.isEmpty { continue }
                if line.first == 0x5C { sectionLine = line; break }
                read += 1
                guard read <= expected else { throw fail("more \(n)-grams than the \(expected) declared") }
                let fields = Self.fields(line)
                guard fields.count == n + 1 || (n < order && fields.count == n + 2) else {
                    throw fail("a \(n)-gram line needs a log-probability, \(n) words\(n < order ? " and an optional back-off" : ""); found \(fields.count) fields")
                }
                let probability = min(try number(fields[0], roundedFirst: n > 1), 0)
                let backoff = fields.count == n + 2 ? try number(fields[n + 1], roundedFirst: n > 1) : 0
                if n == 1 {
                    let word = Self.text(fields[1])
                    guard ids.updateValue(Int32(model.vocabulary.count), forKey: word) == nil else {
                        throw fail("duplicate unigram '\(word)'")
                    }
                    model.vocabulary.append(word)
                    model.unigramProbabilities.append(probability)
                    model.unigramBackoffs.append(backoff)
                } else {
                    // Newest word first: the trie's key order.
                    for field in fields[1...n].reversed() {
                        guard let id = ids[Self.text(field)] else {
                            throw fail("word '\(Self.text(field))' of a \(n)-gram is not among the unigrams")
                        }
                        level.keys.append(id)
                    }
                    level.probabilities.append(probability)
                    level.backoffs.append(backoff)
                    level.lines.append(Int32(lineNumber))
                }
            }
            guard read == expected else {
                throw fail("expected \(expected) \(n)-grams, found \(read)")
            }
            if n > 1 { model.levels.append(level) }
        }
        guard let end = sectionLine else { throw fail("missing \\end\\ (end of file)") }
        guard end.elementsEqual("\\end\\".utf8) else {
            throw fail("expected \\end\\, found '\(Self.text(end))' (more sections than the \(order) counted?)")
        }
        return model
    }
}

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
