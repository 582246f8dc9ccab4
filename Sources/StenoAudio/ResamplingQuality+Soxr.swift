internal import CSoxr
import StenoCore

extension ResamplingQuality {
    var soxrRecipe: UInt {
        switch self {
        case .low: UInt(SOXR_LQ)
        case .high: UInt(SOXR_HQ)
        case .veryHigh: UInt(SOXR_VHQ)
        }
    }
}
