import Foundation
internal import CSndFile
import StenoCore

// The libsndfile codes live beside the C import, so the public enum itself carries no C types.
extension RawSampleEncoding {
    /// The libsndfile subtype and byte-order bits for this encoding.
    var sndfileSubtypeAndEndian: Int32 {
        let little = Int32(SF_ENDIAN_LITTLE)
        let big = Int32(SF_ENDIAN_BIG)
        switch self {
        case .s8: return Int32(SF_FORMAT_PCM_S8)
        case .u8: return Int32(SF_FORMAT_PCM_U8)
        case .s16le: return Int32(SF_FORMAT_PCM_16) | little
        case .s16be: return Int32(SF_FORMAT_PCM_16) | big
        case .s24le: return Int32(SF_FORMAT_PCM_24) | little
        case .s24be: return Int32(SF_FORMAT_PCM_24) | big
        case .s32le: return Int32(SF_FORMAT_PCM_32) | little
        case .s32be: return Int32(SF_FORMAT_PCM_32) | big
        case .f32le: return Int32(SF_FORMAT_FLOAT) | little
        case .f32be: return Int32(SF_FORMAT_FLOAT) | big
        case .f64le: return Int32(SF_FORMAT_DOUBLE) | little
        case .f64be: return Int32(SF_FORMAT_DOUBLE) | big
        case .mulaw: return Int32(SF_FORMAT_ULAW)
        case .alaw: return Int32(SF_FORMAT_ALAW)
        }
    }
}
