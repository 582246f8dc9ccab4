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

    /// A phone segment; frames are feature-frame indices, both ends inclusive.
    public init(phone: String, startFrame: Int, endFrame: Int, score: Int) {
        self.phone = phone
        self.startFrame = startFrame
        self.endFrame = endFrame
        self.score = score
    }
}
