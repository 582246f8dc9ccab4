import Foundation
import StenoCore
@testable import StenoFeatures
import StenoTestSupport
import Testing

/// Dither is off by default and, when on, seeded: the same seed repeats exactly.
@Suite("Dither")
struct DitherTests {
    @Test("MT19937 reference outputs (seed 5489: 3499211612, 581869302, 3890346734)")
    func mersenneTwister() {
        var generator = MersenneTwister(seed: 5489)
        #expect([generator.next(), generator.next(), generator.next()] == [3_499_211_612, 581_869_302, 3_890_346_734])
    }

    @Test("seeded dither repeats, a different seed differs, and digital silence stays finite",
          arguments: [MFCCOptions.Dither.sphinx(seed: 7), .gaussian(amplitude: 1, seed: 7)])
    func seeded(dither: MFCCOptions.Dither) throws {
        var options = MFCCOptions()
        options.dither = dither
        let silence = AudioBuffer(samples: [Float](repeating: 0, count: 8000), sampleRate: .speech16k)
        let first = try MFCCExtractor(options: options).cepstra(from: silence)
        let again = try MFCCExtractor(options: options).cepstra(from: silence)
        #expect(first == again)
        #expect(first.values.allSatisfy { $0.isFinite })
        switch dither {
        case .sphinx: options.dither = .sphinx(seed: 8)
        case .gaussian: options.dither = .gaussian(amplitude: 1, seed: 8)
        case .none: break
        }
        let other = try MFCCExtractor(options: options).cepstra(from: silence)
        #expect(other != first)
        let undithered = try MFCCExtractor(options: MFCCOptions()).cepstra(from: silence)
        #expect(undithered != first)
    }

    @Test("Sphinx dither adds one step to about a quarter of the samples")
    func sphinxRate() {
        var source = DitherSource(.sphinx(seed: 1))
        let added = (0..<40000).reduce(0.0) { sum, _ in sum + source.next() }
        #expect(abs(added / 40000 - 0.25) < 0.01)
    }
}
