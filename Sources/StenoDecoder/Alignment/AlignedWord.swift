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

    /// A word segment; frames are feature-frame indices, both ends inclusive.
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
