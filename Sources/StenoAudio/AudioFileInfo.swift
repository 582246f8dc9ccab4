import StenoCore

/// What a file's header says, read without decoding the samples.
public struct AudioFileInfo: Sendable, Hashable {
    /// The file described.
    public var path: String
    /// Container name as python-soundfile spells it: "WAV", "FLAC", "OGG", "AIFF", "RAW", ...
    public var container: String
    /// Sample encoding as python-soundfile spells it: "PCM_16", "FLOAT", "ULAW", "VORBIS", ...
    public var encoding: String
    /// libsndfile's longer description of the container ("WAV (Microsoft)").
    public var containerDescription: String
    /// libsndfile's longer description of the encoding ("Signed 16 bit PCM").
    public var encodingDescription: String
    /// Samples per second per channel.
    public var sampleRate: SampleRate
    /// Interleaved channels.
    public var channelCount: Int
    /// Frames (samples per channel).
    public var frameCount: Int

    /// File facts as libsndfile reports them; `frameCount` counts samples per channel.
    public init(path: String, container: String, encoding: String, containerDescription: String,
                encodingDescription: String, sampleRate: SampleRate, channelCount: Int, frameCount: Int) {
        self.path = path
        self.container = container
        self.encoding = encoding
        self.containerDescription = containerDescription
        self.encodingDescription = encodingDescription
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        self.frameCount = frameCount
    }

    /// Length in seconds.
    public var durationSeconds: Double { Double(frameCount) / Double(sampleRate.hertz) }
}
