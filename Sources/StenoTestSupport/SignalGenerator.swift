import Foundation
import StenoCore

/// Seeded, reproducible test signals: tones, noise at a chosen level, silence.
public struct SignalGenerator: Sendable {
    private var generator: SplitMix64

    /// The same seed always gives the same signals.
    public init(seed: UInt64) { generator = SplitMix64(state: seed &+ 0x9E37_79B9_7F4A_7C15) }

    /// The next uniform value in [0, 1) (SplitMix64).
    public mutating func nextUnit() -> Double { generator.nextUnit() }

    /// A standard normal value (Box-Muller).
    public mutating func nextGaussian() -> Double { generator.nextGaussian() }

    /// White Gaussian noise whose RMS is `rmsDBFS` decibels relative to full scale.
    public mutating func noise(count: Int, rmsDBFS: Double) -> [Float] {
        let rms = pow(10, rmsDBFS / 20)
        return (0..<count).map { _ in Float(nextGaussian() * rms) }
    }

    /// A sine tone with the given peak amplitude.
    public static func sine(count: Int, frequencyHertz: Double, amplitude: Double, sampleRate: SampleRate) -> [Float] {
        (0..<count).map { Float(amplitude * sin(2 * .pi * frequencyHertz * Double($0) / Double(sampleRate.hertz))) }
    }
}

