import Foundation
import StenoCore

/// The seeded random numbers behind ``MFCCOptions/Dither``.
struct DitherSource: Sendable {
    private var twister: MersenneTwister?
    private var uniform = SplitMix64(state: 0)
    private var amplitude: Double = 0
    private let mode: MFCCOptions.Dither

    init(_ mode: MFCCOptions.Dither) {
        self.mode = mode
        switch mode {
        case .none: break
        case .sphinx(let seed): twister = MersenneTwister(seed: seed)
        case .gaussian(let amplitude, let seed):
            self.amplitude = amplitude
            uniform = SplitMix64(state: seed)
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
            return amplitude * uniform.nextGaussian()
        }
    }
}
