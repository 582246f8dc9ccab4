/// The level ``VolumeNormalizer`` brings audio to.
public enum NormalizationTarget: Sendable, Equatable {
    /// The largest sample magnitude, in dBFS (≤ 0).
    case peak(dBFS: Double)
    /// The root mean square, in dBFS (a full-scale sine is -3.01 dBFS).
    case rms(dBFS: Double)
    /// Integrated loudness (ITU-R BS.1770), in LUFS; -23 is the EBU R 128 broadcast target.
    case loudness(lufs: Double)

    /// The target level as a number, in the target's unit.
    public var level: Double {
        switch self {
        case .peak(let value), .rms(let value), .loudness(let value): value
        }
    }

    /// The unit of ``level``: "dBFS" or "LUFS".
    public var unit: String {
        switch self {
        case .peak, .rms: "dBFS"
        case .loudness: "LUFS"
        }
    }
}
