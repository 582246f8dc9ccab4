import StenoCore

/// Everything one decoding pass yields: the mono signal, the header facts and sample statistics.
public struct DecodedAudio: Sendable {
    /// Mono Float32 samples at the requested rate.
    public var buffer: AudioBuffer
    /// The file's header facts (its own rate and channel count, not the result's).
    public var info: AudioFileInfo
    /// Peak, clipping and DC offset over all channels at the file's own rate.
    public var statistics: AudioSampleStatistics

    /// A decoded file: its mono buffer, its header facts and its sample statistics.
    public init(buffer: AudioBuffer, info: AudioFileInfo, statistics: AudioSampleStatistics) {
        self.buffer = buffer
        self.info = info
        self.statistics = statistics
    }
}
