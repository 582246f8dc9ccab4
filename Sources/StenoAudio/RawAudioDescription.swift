import StenoCore

/// What the caller knows about a headerless file: its rate, sample encoding and channel count.
///
/// Raw files carry no header, so nothing can be checked except that the file holds a whole
/// number of frames; a wrong description decodes to noise. Readers therefore refuse a file that
/// starts with a known container's magic bytes when a raw description is given.
public struct RawAudioDescription: Sendable, Hashable {
    /// Samples per second per channel.
    public var sampleRate: SampleRate
    /// Sample type, width and byte order.
    public var encoding: RawSampleEncoding
    /// Interleaved channels per frame (default 1).
    public var channelCount: Int

    /// How to read a headerless file; `channelCount` must be at least 1.
    public init(sampleRate: SampleRate, encoding: RawSampleEncoding, channelCount: Int = 1) {
        precondition(channelCount >= 1, "a raw description needs at least one channel")
        self.sampleRate = sampleRate
        self.encoding = encoding
        self.channelCount = channelCount
    }

    /// Bytes per frame (all channels of one sample instant).
    public var bytesPerFrame: Int { encoding.bytesPerSample * channelCount }
}
