internal import CEBUR128
import StenoCore

/// Owns one libebur128 state (`ebur128_state`) and frees it on deinit.
///
/// The only type that talks to libebur128; ``LoudnessMeter`` is its public face.
final class EBUR128Meter {
    private var state: UnsafeMutablePointer<ebur128_state>?

    /// A mono meter for integrated loudness at `sampleRate`.
    init(sampleRate: SampleRate) throws {
        guard let state = ebur128_init(1, UInt(sampleRate.hertz), Int32(EBUR128_MODE_I.rawValue)) else {
            throw PreprocessError(.loudnessMeter,
                                  reason: "libebur128 could not create a meter at \(sampleRate.hertz) Hz")
        }
        self.state = state
        // A single channel is weighted as one front speaker (weight 1), as BS.1770 and pyloudnorm do for mono.
        try Self.check(ebur128_set_channel(state, 0, Int32(EBUR128_LEFT.rawValue)), "setting the channel")
    }

    deinit {
        ebur128_destroy(&state)
    }

    /// Feeds samples to the meter.
    func add(_ samples: [Float]) throws {
        guard let state else { return }
        try samples.withUnsafeBufferPointer { pointer in
            guard let base = pointer.baseAddress, !pointer.isEmpty else { return }
            try Self.check(ebur128_add_frames_float(state, base, pointer.count), "adding samples")
        }
    }

    /// Integrated (gated) loudness in LUFS of everything added, or nil when libebur128 finds none
    /// (no 400 ms block above the -70 LUFS absolute gate).
    func integratedLoudness() throws -> Double? {
        guard let state else { return nil }
        var loudness = 0.0
        try Self.check(ebur128_loudness_global(state, &loudness), "measuring integrated loudness")
        return loudness.isFinite ? loudness : nil
    }

    /// Turns a libebur128 return code into an error.
    private static func check(_ code: Int32, _ action: String) throws {
        guard code != Int32(EBUR128_SUCCESS.rawValue) else { return }
        let reason = switch UInt32(code) {
        case EBUR128_ERROR_NOMEM.rawValue: "out of memory"
        case EBUR128_ERROR_INVALID_MODE.rawValue: "invalid mode"
        case EBUR128_ERROR_INVALID_CHANNEL_INDEX.rawValue: "invalid channel index"
        default: "error code \(code)"
        }
        throw PreprocessError(.loudnessMeter, reason: "libebur128 failed \(action): \(reason)")
    }
}
