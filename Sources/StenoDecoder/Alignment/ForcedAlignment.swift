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

    public init(words: [AlignedWord], score: Int, frameCount: Int, framesPerSecond: Double) {
        self.words = words
        self.score = score
        self.frameCount = frameCount
        self.framesPerSecond = framesPerSecond
    }
}

/// One word of an alignment.
public struct AlignedWord: Sendable, Equatable {
    /// The dictionary spelling chosen ("and(2)", "<sil>").
    public var spelling: String
    /// Whether this is silence or a filler rather than a transcript word.
    public var isFiller: Bool
    /// Index of the transcript word it realises (nil for silences and fillers).
    public var transcriptIndex: Int?
    /// First frame (inclusive).
    public var startFrame: Int
    /// Last frame (inclusive).
    public var endFrame: Int
    /// Acoustic score of its frames (emissions and transitions, integer log units, ≤ 0).
    public var score: Int
    /// Its phones.
    public var phones: [AlignedPhone]

    /// Frames covered.
    public var frameCount: Int { endFrame - startFrame + 1 }

    public init(spelling: String, isFiller: Bool, transcriptIndex: Int?, startFrame: Int, endFrame: Int, score: Int,
                phones: [AlignedPhone]) {
        self.spelling = spelling
        self.isFiller = isFiller
        self.transcriptIndex = transcriptIndex
        self.startFrame = startFrame
        self.endFrame = endFrame
        self.score = score
        self.phones = phones
    }
}

/// One phone of an aligned word.
public struct AlignedPhone: Sendable, Equatable {
    /// The phone name ("AE").
    public var phone: String
    /// First frame (inclusive).
    public var startFrame: Int
    /// Last frame (inclusive).
    public var endFrame: Int
    /// Acoustic score of its frames (integer log units, ≤ 0).
    public var score: Int

    public init(phone: String, startFrame: Int, endFrame: Int, score: Int) {
        self.phone = phone
        self.startFrame = startFrame
        self.endFrame = endFrame
        self.score = score
    }
}
