/// The result of forced alignment: the words actually chosen (with optional silences and
/// fillers), each with its phones, and the frames they cover.
public struct ForcedAlignment: Sendable, Equatable {
    /// Aligned words in time order, silences and fillers included.
    public var words: [AlignedWord]
    /// Total path score (integer log units, ≤ 0).
    public var score: Int
    /// Frames aligned.
    public var frameCount: Int
    /// Feature frames per second, to turn frames into seconds.
    public var framesPerSecond: Double

    /// Average path score per frame: how well the text fits the audio (closer to 0 is better).
    public var scorePerFrame: Double { frameCount > 0 ? Double(score) / Double(frameCount) : 0 }

    /// An alignment; `score` is in integer log units, `frameCount` frames at `framesPerSecond`.
    public init(words: [AlignedWord], score: Int, frameCount: Int, framesPerSecond: Double) {
        self.words = words
        self.score = score
        self.frameCount = frameCount
        self.framesPerSecond = framesPerSecond
    }
}
