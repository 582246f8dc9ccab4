import Foundation
internal import CSndFile
import StenoCore

/// The one owner of a libsndfile handle: opens, reads or writes, and closes in `deinit`.
///
/// Every libsndfile return code becomes an ``AudioError`` here and nowhere else.
final class SoundFile {
    private let handle: OpaquePointer
    /// The header facts libsndfile reported when opening.
    let format: Int32
    let sampleRateHertz: Int
    let channelCount: Int
    let frameCount: Int
    let path: String

    /// Opens `path` for reading, as a headered file or, with `raw`, as headerless samples.
    init(readingFrom path: String, raw: RawAudioDescription?) throws {
        var info = SF_INFO()
        if let raw {
            info.samplerate = Int32(raw.sampleRate.hertz)
            info.channels = Int32(raw.channelCount)
            info.format = Int32(SF_FORMAT_RAW) | raw.encoding.sndfileSubtypeAndEndian
        }
        guard let opened = sf_open(path, Int32(SFM_READ), &info) else {
            let message = String(cString: sf_strerror(nil))
            throw AudioError(Self.classifyOpenFailure(message), path: path, detail: "cannot open", libraryMessage: message)
        }
        handle = opened
        format = info.format
        sampleRateHertz = Int(info.samplerate)
        channelCount = Int(info.channels)
        frameCount = Int(info.frames)
        self.path = path
        // Integer files decode to [-1, 1); float files keep their values (out-of-range means clipping).
        sf_command(handle, Int32(SFC_SET_NORM_FLOAT), nil, Int32(SF_TRUE))
    }

    /// Creates `path` for writing.
    init(writingTo path: String, format: Int32, sampleRate: SampleRate, channelCount: Int) throws {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate.hertz)
        info.channels = Int32(channelCount)
        info.format = format
        guard sf_format_check(&info) == Int32(SF_TRUE) else {
            throw AudioError(.unsupported, path: path,
                             detail: "libsndfile cannot write this container and encoding at \(sampleRate) with \(channelCount) channel(s)")
        }
        guard let opened = sf_open(path, Int32(SFM_WRITE), &info) else {
            let message = String(cString: sf_strerror(nil))
            throw AudioError(.writeFailed, path: path, detail: "cannot create", libraryMessage: message)
        }
        handle = opened
        self.format = format
        sampleRateHertz = sampleRate.hertz
        self.channelCount = channelCount
        frameCount = 0
        self.path = path
        let subtype = format & Int32(SF_FORMAT_SUBMASK)
        if subtype != Int32(SF_FORMAT_FLOAT) && subtype != Int32(SF_FORMAT_DOUBLE) {
            // Saturate rather than wrap around when a float sample exceeds full scale.
            sf_command(handle, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
        }
    }

    deinit { sf_close(handle) }

    /// Major container type (`SF_FORMAT_TYPEMASK` bits).
    var containerCode: Int32 { format & Int32(SF_FORMAT_TYPEMASK) }
    /// Encoding (`SF_FORMAT_SUBMASK` bits).
    var encodingCode: Int32 { format & Int32(SF_FORMAT_SUBMASK) }

    /// Reads up to `frames` interleaved frames into `buffer`; returns frames read (0 at the end).
    func readFrames(into buffer: UnsafeMutableBufferPointer<Float>, frames: Int) throws -> Int {
        precondition(frames * channelCount <= buffer.count, "block buffer too small")
        guard let base = buffer.baseAddress else { return 0 }
        let count = sf_readf_float(handle, base, sf_count_t(frames))
        if count < 0 || (count == 0 && sf_error(handle) != 0) {
            throw AudioError(.malformed, path: path, detail: "cannot decode", libraryMessage: lastError)
        }
        return Int(count)
    }

    /// Writes interleaved frames.
    func writeFrames(_ samples: UnsafeBufferPointer<Float>) throws {
        guard let base = samples.baseAddress, !samples.isEmpty else { return }
        let frames = samples.count / channelCount
        let written = sf_writef_float(handle, base, sf_count_t(frames))
        guard written == sf_count_t(frames) else {
            throw AudioError(.writeFailed, path: path, detail: "wrote \(written) of \(frames) frames", libraryMessage: lastError)
        }
    }

    /// Whether libsndfile reported an error on this handle since opening.
    var hasError: Bool { sf_error(handle) != 0 }

    /// libsndfile's message for the last error on this handle.
    var lastError: String { String(cString: sf_strerror(handle)) }

    /// libsndfile's log of what it noticed while parsing the header (warnings included).
    var parseLog: String {
        var bytes = [CChar](repeating: 0, count: 8192)
        let length = bytes.withUnsafeMutableBytes { raw in
            sf_command(handle, Int32(SFC_GET_LOG_INFO), raw.baseAddress, Int32(raw.count))
        }
        guard length > 0 else { return "" }
        return String(decoding: bytes.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sorts an open failure by libsndfile's message, so callers can tell damage from unsupported formats.
    private static func classifyOpenFailure(_ message: String) -> AudioError.Kind {
        let lowered = message.lowercased()
        if lowered.contains("not supported") || lowered.contains("unsupported") { return .unsupported }
        return .malformed
    }
}
