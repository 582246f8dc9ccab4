internal import CSndFile

/// A container and sample encoding to write, such as WAV with 16-bit PCM.
///
/// Not every pair is valid (FLAC holds only integer PCM up to 24 bits; Ogg holds Vorbis or Opus);
/// ``AudioWriter`` asks libsndfile and throws `.unsupported` for a pair it cannot write.
public struct AudioFileFormat: Sendable, Hashable {
    /// File containers Steno writes: WAV, AIFF, FLAC, Ogg, Sun/NeXT AU, Apple CAF, Sony Wave64
    /// (`w64`, WAV without the 4 GB limit) and headerless `raw`.
    public enum Container: String, Sendable, Hashable, CaseIterable {
        case wav, aiff, flac, ogg, au, caf, w64, raw
    }

    /// Sample encodings Steno writes: signed/unsigned 8-bit and signed 16/24/32-bit PCM, 32/64-bit
    /// IEEE float, G.711 µ-law and A-law (8-bit), and the lossy Vorbis and Opus codecs (Ogg only).
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        case pcmS8, pcmU8, pcm16, pcm24, pcm32, float32, float64, muLaw, aLaw, vorbis, opus
    }

    /// The file container.
    public var container: Container
    /// How samples are stored in it.
    public var encoding: Encoding

    /// A container/encoding pair; whether libsndfile can write it is checked when writing.
    public init(container: Container, encoding: Encoding) {
        self.container = container
        self.encoding = encoding
    }

    /// WAV, 16-bit signed PCM: the default output of Steno's commands.
    public static let wav16 = AudioFileFormat(container: .wav, encoding: .pcm16)
    /// WAV, 32-bit IEEE float: keeps values beyond full scale.
    public static let wavFloat = AudioFileFormat(container: .wav, encoding: .float32)
    /// FLAC, 16-bit.
    public static let flac16 = AudioFileFormat(container: .flac, encoding: .pcm16)
    /// FLAC, 24-bit.
    public static let flac24 = AudioFileFormat(container: .flac, encoding: .pcm24)

    /// The format an output path's extension implies with default encodings
    /// (`.wav` → 16-bit PCM WAV, `.flac` → 16-bit FLAC, `.ogg` → Vorbis, ...), or nil.
    public static func inferred(fromPath path: String) -> AudioFileFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "wav", "wave": return .wav16
        case "flac": return .flac16
        case "ogg", "oga": return AudioFileFormat(container: .ogg, encoding: .vorbis)
        case "opus": return AudioFileFormat(container: .ogg, encoding: .opus)
        case "aif", "aiff": return AudioFileFormat(container: .aiff, encoding: .pcm16)
        case "au", "snd": return AudioFileFormat(container: .au, encoding: .pcm16)
        case "caf": return AudioFileFormat(container: .caf, encoding: .pcm16)
        case "w64": return AudioFileFormat(container: .w64, encoding: .pcm16)
        default: return nil
        }
    }

    /// libsndfile's format code.
    var sndfileCode: Int32 {
        let major: Int32 = switch container {
        case .wav: Int32(SF_FORMAT_WAV)
        case .aiff: Int32(SF_FORMAT_AIFF)
        case .flac: Int32(SF_FORMAT_FLAC)
        case .ogg: Int32(SF_FORMAT_OGG)
        case .au: Int32(SF_FORMAT_AU)
        case .caf: Int32(SF_FORMAT_CAF)
        case .w64: Int32(SF_FORMAT_W64)
        case .raw: Int32(SF_FORMAT_RAW)
        }
        let minor: Int32 = switch encoding {
        case .pcmS8: Int32(SF_FORMAT_PCM_S8)
        case .pcmU8: Int32(SF_FORMAT_PCM_U8)
        case .pcm16: Int32(SF_FORMAT_PCM_16)
        case .pcm24: Int32(SF_FORMAT_PCM_24)
        case .pcm32: Int32(SF_FORMAT_PCM_32)
        case .float32: Int32(SF_FORMAT_FLOAT)
        case .float64: Int32(SF_FORMAT_DOUBLE)
        case .muLaw: Int32(SF_FORMAT_ULAW)
        case .aLaw: Int32(SF_FORMAT_ALAW)
        case .vorbis: Int32(SF_FORMAT_VORBIS)
        case .opus: Int32(SF_FORMAT_OPUS)
        }
        return major | minor
    }
}
