/// One stretch of speech found by ``SilenceTrimmer``, in seconds from the start of the trimmer's input.
public struct SpeechSegment: Sendable, Equatable, Codable {
    /// Where the speech starts (the start of its first speech frame).
    public var startSeconds: Double
    /// Where the speech ends (the end of its last speech frame).
    public var endSeconds: Double

    /// A segment in seconds from the start of the input.
    public init(startSeconds: Double, endSeconds: Double) {
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
    }

    /// Length in seconds.
    public var durationSeconds: Double { endSeconds - startSeconds }
}
