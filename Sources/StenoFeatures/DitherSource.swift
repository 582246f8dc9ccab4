import Foundation

/// The seeded random numbers behind ``MFCCOptions/Dither``.
struct DitherSource: Sendable {
    private var twister: MersenneTwister?
    private var state: UInt64 = 0
    private var amplitude: Double = 0
    private let mode: MFCCOptions.Dither

    init(_ mode: MFCCOptions.Dither) {
        self.mode = mode
        switch mode {
        case .none: break
        case .sphinx(let seed): twister = MersenneTwister(seed: seed)
        case .gaussian(let amplitude, let seed):
            self.amplitude = amplitude
            state = seed
        }
    }

    var isOff: Bool { mode == .none }

    /// The value to add to the next sample.
    mutating func next() -> Double {
        switch mode {
        case .none:
            return 0
        case .sphinx:
            // Sphinx adds one quantisation step to a quarter of the samples.
            guard var generator = twister else { return 0 }
            let draw = generator.next() >> 1
            twister = generator
            return draw % 4 == 0 ? 1 : 0
        case .gaussian:
            let u1 = max(nextUnit(), .leastNonzeroMagnitude), u2 = nextUnit()
            return amplitude * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        }
    }

    /// SplitMix64, uniform in [0, 1).
    private mutating func nextUnit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}

/// MT19937, the generator Sphinx seeds for its dither.
struct MersenneTwister: Sendable {
    private var words: [UInt32]
    private var index: Int

    init(seed: UInt32) {
        words = [UInt32](repeating: 0, count: 624)
        words[0] = seed
        for i in 1..<624 {
            words[i] = 1_812_433_253 &* (words[i - 1] ^ (words[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    mutating func next() -> UInt32 {
        if index >= 624 { twist() }
        var y = words[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func twist() {
        for i in 0..<624 {
            let y = (words[i] & 0x8000_0000) | (words[(i + 1) % 624] & 0x7FFF_FFFF)
            words[i] = words[(i + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
        }
        index = 0
    }
}
