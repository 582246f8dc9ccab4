import Foundation

extension NGramLanguageModel {
    /// The 19-byte magic at the start of a Sphinx trie binary.
    static let trieMagic = Array("Trie Language Model".utf8)
    /// Entries per quantisation table (16-bit indexes).
    static let quantisationBins = 1 << 16
    /// Highest order pocketsphinx reads.
    public static let maximumOrder = 5

    /// Loads a language model: a Sphinx trie binary (`.lm.bin`, recognised by its magic) or an ARPA text file.
    ///
    /// - Throws: ``DecoderError`` naming the file (and the line, for ARPA) when it cannot be read or
    ///   does not follow its format: truncated or inconsistent binaries, wrong n-gram counts, bad lines.
    public init(contentsOf url: URL) throws {
        let bytes = try PronunciationDictionary.readBytes(url)
        if bytes.starts(with: Self.trieMagic) {
            try self.init(trieBinary: bytes, path: url.path)
        } else {
            try self.init(arpa: bytes, path: url.path)
        }
    }

    /// Reads a Sphinx "Trie Language Model" binary (SPHINX_NOTES §10.1) held in memory.
    public init(trieBinary bytes: [UInt8], path: String = "<lm.bin>") throws {
        var reader = ByteReader(bytes: bytes, path: path)
        guard bytes.starts(with: Self.trieMagic) else {
            throw DecoderError(.malformed, path: path, reason: "not a Sphinx trie language model (bad magic)")
        }
        reader.offset = Self.trieMagic.count
        let order = Int(try reader.uint8())
        guard (2...Self.maximumOrder).contains(order) else {
            throw DecoderError(.malformed, path: path, reason: "unsupported n-gram order \(order)")
        }
        var counts: [Int] = []
        for _ in 0..<order { counts.append(Int(try reader.uint32())) }
        guard counts[0] > 0 else { throw DecoderError(.malformed, path: path, reason: "empty vocabulary") }
        _ = try reader.uint32()  // quantisation type; pocketsphinx ignores it
        var middleTables: [([Float], [Float])] = []
        for _ in 0..<(order - 2) {
            middleTables.append((try reader.floats(Self.quantisationBins), try reader.floats(Self.quantisationBins)))
        }
        let highestTable = try reader.floats(Self.quantisationBins)
        let unigramCount = counts[0]
        var probabilities = [Float](repeating: 0, count: unigramCount)
        var backoffs = [Float](repeating: 0, count: unigramCount)
        var next = [UInt32](repeating: 0, count: unigramCount + 1)
        try reader.require(12 * (unigramCount + 1), what: "unigrams")
        bytes.withUnsafeBytes { raw in
            var offset = reader.offset
            for index in 0...unigramCount {
                if index < unigramCount {
                    probabilities[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                    backoffs[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)))
                }
                next[index] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self))
                offset += 12
            }
        }
        reader.offset += 12 * (unigramCount + 1)
        let wordBits = PackedTrie.requiredBits(unigramCount)
        var levels: [PackedTrie.Level] = []
        let bitsStart = reader.offset
        for level in 0..<(order - 1) {
            let isHighest = level == order - 2
            let count = counts[level + 1]
            let nextBits = isHighest ? 0 : PackedTrie.requiredBits(counts[level + 2])
            let entryBits = wordBits + (isHighest ? 16 : 32 + nextBits)
            let size = ((1 + count) * entryBits + 7) / 8 + 8
            try reader.require(size, what: "\(level + 2)-gram entries")
            levels.append(PackedTrie.Level(byteOffset: reader.offset - bitsStart, byteCount: size, entryBits: entryBits,
                                           nextBits: nextBits))
            reader.offset += size
        }
        let bits = Array(bytes[bitsStart..<reader.offset])
        var probabilityCentres: [Float] = []
        var backoffCentres: [Float] = []
        for (probabilities, backoffs) in middleTables {
            probabilityCentres += probabilities
            backoffCentres += backoffs
        }
        probabilityCentres += highestTable
        let wordBytes = Int(try reader.uint32())
        let text = try reader.bytes(wordBytes, what: "vocabulary")
        guard reader.offset == bytes.count else {
            throw DecoderError(.malformed, path: path, reason: "\(bytes.count - reader.offset) unexpected bytes after the vocabulary")
        }
        var vocabulary: [String] = []
        vocabulary.reserveCapacity(unigramCount)
        var start = 0
        for (index, byte) in text.enumerated() where byte == 0 {
            vocabulary.append(String(decoding: text[start..<index], as: UTF8.self))
            start = index + 1
        }
        guard vocabulary.count == unigramCount, start == text.count else {
            throw DecoderError(.malformed, path: path,
                               reason: "vocabulary has \(vocabulary.count) words, the header says \(unigramCount)")
        }
        let trie = PackedTrie(unigramProbabilities: probabilities, unigramBackoffs: backoffs, unigramNext: next,
                              wordBits: wordBits, levels: levels, bits: bits, probabilityCentres: probabilityCentres,
                              backoffCentres: backoffCentres)
        try trie.validate(counts: counts, path: path)
        try self.init(order: order, counts: counts, vocabulary: vocabulary, trie: trie, path: path)
    }

    init(order: Int, counts: [Int], vocabulary: [String], trie: PackedTrie, path: String) throws {
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(vocabulary.count)
        for (id, word) in vocabulary.enumerated() {
            guard ids.updateValue(Int32(id), forKey: word) == nil else {
                throw DecoderError(.malformed, path: path, reason: "word '\(word)' appears twice in the vocabulary")
            }
        }
        self.order = order
        self.ngramCounts = counts
        self.vocabulary = vocabulary
        self.idsByWord = ids
        self.trie = trie
    }

    /// The model in Sphinx's trie binary layout (what `init(trieBinary:)` reads; pocketsphinx reads it too).
    public func trieBinary() -> [UInt8] {
        var out = Self.trieMagic
        out.append(UInt8(order))
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        func appendFloats(_ values: [Float]) { for value in values { append32(value.bitPattern) } }
        for count in ngramCounts { append32(UInt32(count)) }
        append32(1)
        let table = PackedTrie.tableSize
        for level in 0..<(trie.levels.count - 1) {
            appendFloats(Array(trie.probabilityCentres[(level * table)..<((level + 1) * table)]))
            appendFloats(Array(trie.backoffCentres[(level * table)..<((level + 1) * table)]))
        }
        appendFloats(Array(trie.probabilityCentres[((trie.levels.count - 1) * table)...]))
        for index in 0...vocabulary.count {
            append32(index < vocabulary.count ? trie.unigramProbabilities[index].bitPattern : 0)
            append32(index < vocabulary.count ? trie.unigramBackoffs[index].bitPattern : 0)
            append32(trie.unigramNext[index])
        }
        out.append(contentsOf: trie.bits)
        var words: [UInt8] = []
        for word in vocabulary {
            words.append(contentsOf: word.utf8)
            words.append(0)
        }
        append32(UInt32(words.count))
        out.append(contentsOf: words)
        return out
    }
}
