internal import CSoxr
import StenoCore

// The libsoxr recipe codes live beside the C import, so the public enum itself carries no C types.
extension ResamplingQuality {
    var soxrRecipe: UInt {
        switch self {
        case .low: UInt(SOXR_LQ)
        case .high: UInt(SOXR_HQ)
        case .veryHigh: UInt(SOXR_VHQ)
        }
    }
}
