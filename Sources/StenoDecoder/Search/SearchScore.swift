import Foundation

/// Integer log-score conventions shared by every pass (Sphinx "shifted" units: log base 1.0001, >> 10).
enum SearchScore {
    /// The worst score a path can have; anything at or below it is dead.
    static let worst: Int32 = -0x2000_0000
    /// Log-math "zero" (probability 0), unshifted.
    static let logZero: Int32 = -0x2000_0000
    /// Marker for "no senone sequence" in a multiplexed HMM state.
    static let noSequence: Int32 = -1
    /// Marker for "no backpointer".
    static let noHistory: Int32 = -1
    /// The phone transition penalty that means "impossible" (Sphinx stores 255).
    static let impossibleTransition: Int32 = -255

    private static let inverseLogBase = 1.0 / Foundation.log(1.0001)

    /// Unshifted log (base 1.0001) of a probability, truncated toward zero.
    static func log(_ probability: Double) -> Int32 {
        guard probability > 0 else { return logZero }
        return Int32(Foundation.log(probability) * inverseLogBase)
    }

    /// Shifted log of a probability (the unit of every search score).
    static func shiftedLog(_ probability: Double) -> Int32 {
        log(probability) >> 10
    }

    /// `score + ratio · lm` evaluated in f32 and truncated, as Sphinx mixes ints and floats.
    @inline(__always)
    static func addWeighted(_ score: Int32, _ ratio: Float, _ languageScore: Int32) -> Int32 {
        Int32(Float(score) + ratio * Float(languageScore))
    }

    /// `value · ratio` in f32, truncated.
    @inline(__always)
    static func scaled(_ value: Int32, _ ratio: Float) -> Int32 {
        Int32(Float(value) * ratio)
    }
}
