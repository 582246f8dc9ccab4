/// Word-level (or character-level) Levenshtein alignment with the tie-breaking of jiwer 4.
///
/// jiwer 4 counts errors from RapidFuzz's `Levenshtein.opcodes`, so equal-cost alignments are
/// resolved the way RapidFuzz resolves them. This type reproduces that behaviour (facts, not code):
/// - the common prefix and suffix are matched first and never take part in the search;
/// - the distance matrix is computed column-block by column-block with Hyyrö's bit-parallel
///   recurrence (2 bits a cell), and the traceback from the bottom-right corner prefers a deletion,
///   then an insertion, then the diagonal;
/// - when the bit matrix would be large, the problem is split Hirschberg-style at the middle of the
///   hypothesis and at the first reference position that minimises the summed distance, and each
///   half is solved again the same way. So memory stays O(n + m) plus a bounded traceback block;
///   no n×m matrix is kept for long pairs.
///
/// Symbols are `Int32` (interned words or Unicode scalar values).
struct LevenshteinAligner {
    /// One edit, in the positions of the full (not affix-trimmed) sequences.
    struct Edit: Equatable {
        enum Kind: Equatable { case substitution, deletion, insertion }
        var kind: Kind
        /// Position in the reference (for insertions: the reference position the word goes before).
        var referencePosition: Int
        /// Position in the hypothesis (for deletions: the hypothesis position the gap sits before).
        var hypothesisPosition: Int
    }

    /// RapidFuzz switches from a stored bit matrix to Hirschberg splitting at this many bytes of
    /// (banded) matrix; matching it keeps the split points, and so the tie-breaking, identical.
    static let rapidFuzzMatrixBytesLimit = 1024 * 1024

    /// Our own cap on the unbanded traceback matrix (bytes): beyond it we split even where RapidFuzz
    /// would keep a narrow banded matrix, so memory stays bounded for long, nearly equal pairs.
    static let tracebackBytesLimit = 16 * 1024 * 1024

    /// The largest traceback matrix allocated so far by this aligner, in bytes (for memory tests).
    private(set) var peakTracebackBytes = 0

    private var edits: [Edit] = []
    /// Traceback bit rows, kept between calls so short utterances do not allocate.
    private var matrixVP: [UInt64] = []
    private var matrixVN: [UInt64] = []

    init() {}

    /// The edits turning `reference` into `hypothesis`, in order (matches are implicit).
    mutating func edits(reference: [Int32], hypothesis: [Int32]) -> [Edit] {
        edits.removeAll(keepingCapacity: true)
        reference.withUnsafeBufferPointer { ref in
            hypothesis.withUnsafeBufferPointer { hyp in
                alignRecursively(ref[...], hyp[...], maximum: max(ref.count, hyp.count))
            }
        }
        return edits
    }

    // MARK: - Recursion

    private mutating func alignRecursively(
        _ fullReference: Slice<UnsafeBufferPointer<Int32>>, _ fullHypothesis: Slice<UnsafeBufferPointer<Int32>>,
        maximum: Int
    ) {
        var reference = fullReference
        var hypothesis = fullHypothesis
        // Common prefix and suffix are matches.
        while let r = reference.first, let h = hypothesis.first, r == h {
            reference = reference.dropFirst()
            hypothesis = hypothesis.dropFirst()
        }
        while let r = reference.last, let h = hypothesis.last, r == h {
            reference = reference.dropLast()
            hypothesis = hypothesis.dropLast()
        }
        let m = reference.count
        let n = hypothesis.count
        if m == 0 || n == 0 {
            for i in reference.indices {
                edits.append(Edit(kind: .deletion, referencePosition: i, hypothesisPosition: hypothesis.startIndex))
            }
            for j in hypothesis.indices {
                edits.append(Edit(kind: .insertion, referencePosition: reference.startIndex, hypothesisPosition: j))
            }
            return
        }
        let bound = min(maximum, max(m, n))
        let fullBand = min(m, 2 * bound + 1)
        let bandedBytes = 2 * fullBand * n / 8
        let ourBytes = Self.matrixBytes(referenceCount: m, hypothesisCount: n)
        let rapidFuzzDirect = bandedBytes < Self.rapidFuzzMatrixBytesLimit || m < 65 || n < 10
        if rapidFuzzDirect && ourBytes <= Self.tracebackBytesLimit || m < 2 || n < 2 {
            alignWithMatrix(reference, hypothesis)
            return
        }
        let split = Self.hirschbergSplit(reference, hypothesis)
        let referenceMiddle = reference.startIndex + split.referenceCount
        let hypothesisMiddle = hypothesis.startIndex + split.hypothesisCount
        alignRecursively(
            reference[..<referenceMiddle], hypothesis[..<hypothesisMiddle], maximum: split.leftDistance)
        alignRecursively(
            reference[referenceMiddle...], hypothesis[hypothesisMiddle...], maximum: split.rightDistance)
    }

    private static func matrixBytes(referenceCount: Int, hypothesisCount: Int) -> Int {
        let blocks = (referenceCount + 63) / 64
        return 2 * blocks * hypothesisCount * MemoryLayout<UInt64>.size
    }

    // MARK: - Direct alignment from the stored bit matrix

    private mutating func alignWithMatrix(
        _ reference: Slice<UnsafeBufferPointer<Int32>>, _ hypothesis: Slice<UnsafeBufferPointer<Int32>>
    ) {
        let m = reference.count
        let n = hypothesis.count
        let blocks = (m + 63) / 64
        peakTracebackBytes = max(peakTracebackBytes, Self.matrixBytes(referenceCount: m, hypothesisCount: n))
        if matrixVP.count < blocks * n {
            matrixVP = [UInt64](repeating: 0, count: blocks * n)
            matrixVN = [UInt64](repeating: 0, count: blocks * n)
        }
        var distance = 0
        self.matrixVP.withUnsafeMutableBufferPointer { vpRows in
            self.matrixVN.withUnsafeMutableBufferPointer { vnRows in
                var state = BitParallelRows(reference: reference)
                for row in 0..<n {
                    state.advance(symbol: hypothesis[hypothesis.startIndex + row])
                    for block in 0..<blocks {
                        vpRows[row * blocks + block] = state.vp[block]
                        vnRows[row * blocks + block] = state.vn[block]
                    }
                }
                distance = state.lastScore
            }
        }
        guard distance > 0 else { return }

        let vpBits = matrixVP
        let vnBits = matrixVN
        func bit(_ rows: [UInt64], _ row: Int, _ column: Int) -> Bool {
            (rows[row * blocks + column >> 6] >> UInt64(column & 63)) & 1 == 1
        }
        let base = reference.startIndex
        let hypothesisBase = hypothesis.startIndex
        var reversed: [Edit] = []
        reversed.reserveCapacity(distance)
        var column = m
        var row = n
        while row > 0 && column > 0 {
            if bit(vpBits, row - 1, column - 1) {
                column -= 1
                reversed.append(Edit(kind: .deletion, referencePosition: base + column,
                                     hypothesisPosition: hypothesisBase + row))
            } else {
                row -= 1
                if row > 0 && bit(vnBits, row - 1, column - 1) {
                    reversed.append(Edit(kind: .insertion, referencePosition: base + column,
                                         hypothesisPosition: hypothesisBase + row))
                } else {
                    column -= 1
                    if reference[base + column] != hypothesis[hypothesisBase + row] {
                        reversed.append(Edit(kind: .substitution, referencePosition: base + column,
                                             hypothesisPosition: hypothesisBase + row))
                    }
                }
            }
        }
        while column > 0 {
            column -= 1
            reversed.append(Edit(kind: .deletion, referencePosition: base + column,
                                 hypothesisPosition: hypothesisBase + row))
        }
        while row > 0 {
            row -= 1
            reversed.append(Edit(kind: .insertion, referencePosition: base + column,
                                 hypothesisPosition: hypothesisBase + row))
        }
        edits.append(contentsOf: reversed.reversed())
    }

    // MARK: - Hirschberg split

    struct Split {
        var referenceCount: Int
        var hypothesisCount: Int
        var leftDistance: Int
        var rightDistance: Int
    }

    /// Splits the hypothesis in half and finds the first reference position where the distances of
    /// the two halves add up to the least.
    static func hirschbergSplit(
        _ reference: Slice<UnsafeBufferPointer<Int32>>, _ hypothesis: Slice<UnsafeBufferPointer<Int32>>
    ) -> Split {
        let m = reference.count
        let n = hypothesis.count
        let leftCount = n / 2
        let rightCount = n - leftCount

        // Right half: distances between every reference suffix and hypothesis[leftCount...].
        let reversedReference = Array(reference.reversed())
        let reversedRightHypothesis = Array(hypothesis[(hypothesis.startIndex + leftCount)...].reversed())
        var rightScores = [Int](repeating: 0, count: m + 1)
        reversedReference.withUnsafeBufferPointer { rev in
            var state = BitParallelRows(reference: rev[...])
            for symbol in reversedRightHypothesis { state.advance(symbol: symbol) }
            rightScores[0] = rightCount
            for i in 0..<m { rightScores[i + 1] = rightScores[i] + state.delta(at: i) }
        }

        // Left half: distances between every reference prefix and hypothesis[..<leftCount].
        var state = BitParallelRows(reference: reference)
        for j in 0..<leftCount { state.advance(symbol: hypothesis[hypothesis.startIndex + j]) }
        var leftScore = leftCount
        var best = Split(referenceCount: 0, hypothesisCount: leftCount, leftDistance: leftScore,
                         rightDistance: rightScores[m])
        var bestScore = leftScore + rightScores[m]
        for i in 0..<m {
            leftScore += state.delta(at: i)
            let total = leftScore + rightScores[m - i - 1]
            if total < bestScore {
                bestScore = total
                best = Split(referenceCount: i + 1, hypothesisCount: leftCount, leftDistance: leftScore,
                             rightDistance: rightScores[m - i - 1])
            }
        }
        return best
    }
}

/// Hyyrö's bit-parallel Levenshtein recurrence over the reference, advanced one hypothesis symbol
/// at a time. After each step, bit `i` of `vp`/`vn` says whether D[i+1][j] − D[i][j] is +1/−1.
struct BitParallelRows {
    private(set) var vp: [UInt64]
    private(set) var vn: [UInt64]
    /// D[m][j]: the distance between the whole reference and the hypothesis prefix seen so far.
    private(set) var lastScore: Int
    private let blocks: Int
    private let lastMask: UInt64
    private let patterns: PatternMasks
    private var patternRow: [UInt64]

    init(reference: Slice<UnsafeBufferPointer<Int32>>) {
        let m = reference.count
        blocks = max(1, (m + 63) / 64)
        vp = [UInt64](repeating: ~0, count: blocks)
        vn = [UInt64](repeating: 0, count: blocks)
        lastScore = m
        lastMask = m == 0 ? 0 : UInt64(1) << UInt64((m - 1) & 63)
        patterns = PatternMasks(reference)
        patternRow = [UInt64](repeating: 0, count: blocks)
    }

    /// +1, −1 or 0: D[i+1][j] − D[i][j] for the current row j.
    @inline(__always)
    func delta(at i: Int) -> Int {
        let shift = UInt64(i & 63)
        return Int((vp[i >> 6] >> shift) & 1) - Int((vn[i >> 6] >> shift) & 1)
    }

    /// Processes the next hypothesis symbol.
    mutating func advance(symbol: Int32) {
        patterns.fill(&patternRow, for: symbol)
        let blocks = self.blocks
        let lastMask = self.lastMask
        var hpCarry: UInt64 = 1
        var hnCarry: UInt64 = 0
        patternRow.withUnsafeBufferPointer { pm in
            vp.withUnsafeMutableBufferPointer { vpBlocks in
                vn.withUnsafeMutableBufferPointer { vnBlocks in
                    for block in 0..<blocks {
                        let oldVP = vpBlocks[block]
                        let oldVN = vnBlocks[block]
                        let x = pm[block] | hnCarry
                        let d0 = (((x & oldVP) &+ oldVP) ^ oldVP) | x | oldVN
                        var hp = oldVN | ~(d0 | oldVP)
                        var hn = d0 & oldVP
                        let hpOut: UInt64
                        let hnOut: UInt64
                        if block < blocks - 1 {
                            hpOut = hp >> 63
                            hnOut = hn >> 63
                        } else {
                            hpOut = hp & lastMask != 0 ? 1 : 0
                            hnOut = hn & lastMask != 0 ? 1 : 0
                        }
                        hp = (hp << 1) | hpCarry
                        hn = (hn << 1) | hnCarry
                        vpBlocks[block] = hn | ~(d0 | hp)
                        vnBlocks[block] = hp & d0
                        hpCarry = hpOut
                        hnCarry = hnOut
                    }
                }
            }
        }
        lastScore += Int(hpCarry) - Int(hnCarry)
        patterns.clear(&patternRow, for: symbol)
    }
}

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
