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
