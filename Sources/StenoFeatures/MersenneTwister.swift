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
