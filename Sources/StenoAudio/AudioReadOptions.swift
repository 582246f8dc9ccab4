import StenoCore

/// How ``AudioReader`` turns a file into an `AudioBuffer`.
public struct AudioReadOptions: Sendable, Hashable {
    /// The rate of the result; `nil` (the default) keeps the file's own rate.
    /// Resampling uses libsoxr at its high-quality setting.
    public var targetSampleRate: SampleRate?
    /// Mixdown of multi-channel files (default: average of all channels).
    public var channels: ChannelSelection
    /// When set, the file is read as headerless samples described by this; when `nil` (the
    /// default) the container header is read.
    public var raw: RawAudioDescription?
    /// Frames decoded per block (default 65 536). Peak memory is the result plus a few blocks.
    public var blockFrameCount: Int

    /// Options with the defaults documented on each property; `blockFrameCount` must be positive.
    public init(targetSampleRate: SampleRate? = nil, channels: ChannelSelection = .average,
                raw: RawAudioDescription? = nil, blockFrameCount: Int = 65_536) {
        precondition(blockFrameCount > 0, "blocks must hold at least one frame")
        self.targetSampleRate = targetSampleRate
        self.channels = channels
        self.raw = raw
        self.blockFrameCount = blockFrameCount
    }
}
