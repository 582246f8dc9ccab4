import Foundation

/// Conversions between linear values and decibels, shared by the meters and the normaliser.
enum Decibels {
    /// The level given to exact digital silence, so that energies stay finite and sortable.
    static let silenceFloor = -120.0

    /// `20·log10(amplitude)`, or nil for a zero amplitude (whose level is minus infinity).
    static func fromAmplitude(_ amplitude: Double) -> Double? {
        amplitude > 0 ? 20 * log10(amplitude) : nil
    }

    /// `10·log10(power)`, clamped below at ``silenceFloor``.
    static func fromPowerClamped(_ power: Double) -> Double {
        power > 0 ? max(silenceFloor, 10 * log10(power)) : silenceFloor
    }

    /// The linear amplitude factor of a gain in decibels.
    static func amplitude(ofDecibels decibels: Double) -> Double {
        pow(10, decibels / 20)
    }
}
