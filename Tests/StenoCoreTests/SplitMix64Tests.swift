import Testing
import StenoCore

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("the published test vector for seed 1234567")
    func referenceSequence() {
        // Vigna's splitmix64.c seeded with 1234567 (the vector Java's SplittableRandom and other
        // ports check against).
        var generator = SplitMix64(state: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in generator.next() } == expected)
    }

    @Test("uniform values lie in [0, 1) with mean 1/2 and variance 1/12")
    func uniformMoments() {
        var generator = SplitMix64(state: 42)
        let values = (0..<200_000).map { _ in generator.nextUnit() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        #expect(abs(mean - 0.5) < 0.005)
        #expect(abs(variance - 1.0 / 12) < 0.002)
    }

    @Test("Gaussian values have mean 0, variance 1 and about 68% within one sigma")
    func gaussianMoments() {
        var generator = SplitMix64(state: 7)
        let values = (0..<200_000).map { _ in generator.nextGaussian() }
        #expect(values.allSatisfy { $0.isFinite })
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        let withinOne = Double(values.filter { abs($0) < 1 }.count) / Double(values.count)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.02)
        #expect(abs(withinOne - 0.6827) < 0.01)
    }

    @Test("the same state gives the same sequence; different states differ")
    func reproducible() {
        var a = SplitMix64(state: 99), b = SplitMix64(state: 99), c = SplitMix64(state: 100)
        let sa = (0..<16).map { _ in a.next() }
        #expect(sa == (0..<16).map { _ in b.next() })
        #expect(sa != (0..<16).map { _ in c.next() })
    }

    @Test("works as a standard RandomNumberGenerator")
    func standardLibraryUse() {
        var generator = SplitMix64(state: 3)
        let draws = (0..<1_000).map { _ in Int.random(in: 0..<10, using: &generator) }
        #expect(Set(draws) == Set(0..<10))
    }
}
