/// How samples are stored in a headerless (raw) file: type, width and byte order.
///
/// The raw values are the names the CLI accepts (`--raw-encoding s16le`).
public enum RawSampleEncoding: String, Sendable, Hashable, CaseIterable {
    case s8
    case u8
    case s16le
    case s16be
    case s24le
    case s24be
    case s32le
    case s32be
    case f32le
    case f32be
    case f64le
    case f64be
    /// G.711 µ-law, 8 bits per sample.
    case mulaw
    /// G.711 A-law, 8 bits per sample.
    case alaw

    /// Bytes one sample of one channel takes.
    public var bytesPerSample: Int {
        switch self {
        case .s8, .u8, .mulaw, .alaw: 1
        case .s16le, .s16be: 2
        case .s24le, .s24be: 3
        case .s32le, .s32be, .f32le, .f32be: 4
        case .f64le, .f64be: 8
        }
    }
}
