/// How a multi-channel file becomes the mono signal Steno works on.
public enum ChannelSelection: Sendable, Hashable {
    /// The mean of all channels (the default).
    case average
    /// One channel, counted from 0 (0 is the left channel of a stereo file).
    case single(Int)
}
