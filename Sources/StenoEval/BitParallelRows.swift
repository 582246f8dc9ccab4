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
