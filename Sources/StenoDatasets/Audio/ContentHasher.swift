import Foundation
import StenoCore

/// FNV-1a over the samples' bit patterns: equal decoded audio gives equal hashes, independent of the
/// file name and container. Not cryptographic; collisions only risk a spurious duplicate finding.
struct ContentHasher {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ sample: Float) {
        // +0.0 and -0.0 are the same sound.
        var bits = (sample == 0 ? Float(0) : sample).bitPattern
        for _ in 0..<4 {
            value = (value ^ UInt64(bits & 0xFF)) &* 0x0000_0100_0000_01B3
            bits >>= 8
        }
    }
}
