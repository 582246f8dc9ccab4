/// One word (or filler) of a decoding result, with its frames and confidence.
public struct RecognizedWord: Sendable, Equatable, Hashable {
    /// The dictionary entry as decoded, with an alternate marker if any ("and(2)", "<sil>").
    public var entry: String
    /// The word as written in a transcript ("and"); same as `entry` for fillers.
    public var word: String
    /// First frame of the word (inclusive).
    public var startFrame: Int
    /// Last frame of the word (inclusive).
    public var endFrame: Int
    /// Posterior probability of this word at this time, in [0, 1].
    public var confidence: Double
    /// True for silence, noise and sentence markers (`<s>`, `</s>`, `<sil>`, `[NOISE]`).
    public var isFiller: Bool

    public init(entry: String, word: String, startFrame: Int, endFrame: Int, confidence: Double, isFiller: Bool) {
        self.entry = entry
        self.word = word
        self.startFrame = startFrame
        self.endFrame = endFrame
        self.confidence = confidence
        self.isFiller = isFiller
    }
}

/// What a search found in one utterance.
public struct DecodingResult: Sendable, Equatable {
    /// Every segment of the best path in order, fillers and sentence markers included.
    public var segments: [RecognizedWord]
    /// The integer path score (log base 1.0001, shifted by 10 bits) as pocketsphinx reports it.
    public var pathScore: Int32
    /// Frames decoded.
    public var frameCount: Int
    /// Alternative hypotheses (texts with path scores), best first; empty unless asked for.
    public var alternatives: [(text: String, score: Int32)] = []

    public init(segments: [RecognizedWord], pathScore: Int32, frameCount: Int) {
        self.segments = segments
        self.pathScore = pathScore
        self.frameCount = frameCount
    }

    /// The transcript words (no fillers or markers).
    public var words: [RecognizedWord] { segments.filter { !$0.isFiller } }

    /// The transcript: real words separated by single spaces.
    public var text: String { words.map(\.word).joined(separator: " ") }

    /// Utterance confidence in [0, 1]: the mean posterior of the transcript's words (1 when empty).
    public var confidence: Double {
        let w = words
        guard !w.isEmpty else { return segments.isEmpty ? 0 : 1 }
        return w.map(\.confidence).reduce(0, +) / Double(w.count)
    }

    public static func == (a: DecodingResult, b: DecodingResult) -> Bool {
        a.segments == b.segments && a.pathScore == b.pathScore && a.frameCount == b.frameCount
            && a.alternatives.map(\.text) == b.alternatives.map(\.text)
            && a.alternatives.map(\.score) == b.alternatives.map(\.score)
    }

    /// An empty result (no speech decoded).
    public static func empty(frames: Int) -> DecodingResult {
        DecodingResult(segments: [], pathScore: SearchScore.worst, frameCount: frames)
    }
}
