import Foundation

/// Sphinx's integer log arithmetic: logarithms in base 1.0001, truncated to integers.
public enum LogMath {
    /// The log base.
    public static let base = 1.0001
    /// The log of zero (−2³¹ >> 2, unshifted).
    public static let zero = -536_870_912

    /// (int)(ln(p)/ln 1.0001) >> shift, or `zero >> shift` for p ≤ 0.
    public static func log(_ p: Double, shift: Int = 0) -> Int {
        guard p > 0 else { return zero >> shift }
        return Int(Foundation.log(p) / Foundation.log(base)) >> shift
    }

    /// The table of log(1 + base^−d) used to add two log values, built exactly as Sphinx builds it
    /// (repeated division, rounding at half a unit of the shift).
    public static func addTable(shift: Int) -> [Int32] {
        let inverseLogBase = 1.0 / Foundation.log(base)
        let half = 0.5 * Double(1 << shift)
        var values: [Int32] = []
        var byx = 1.0
        var i = 0
        while true {
            let k = Int(Foundation.log(1.0 + byx) * inverseLogBase + half) >> shift
            let slot = i >> shift
            if slot >= values.count { values.append(0) }
            if values[slot] == 0 { values[slot] = Int32(k) }
            if k <= 0 { break }
            byx /= base
            i += 1
        }
        if values.count < 256 { values += [Int32](repeating: 0, count: 256 - values.count) }
        return values
    }
}
