/// The words recognised in one utterance, with times and confidences.
public struct Hypothesis: Sendable, Equatable {
    /// One recognised word.
    public struct Word: Sendable, Equatable, Hashable {
        /// The word as written ("and" for the dictionary entry "and(2)").
        public var word: String
        /// Start time in seconds from the start of the audio.
        public var startSeconds: Double
        /// End time in seconds (exclusive).
        public var endSeconds: Double
        /// Posterior probability in [0, 1].
        public var confidence: Double

        /// A recognised word; times in seconds from the start of the audio, confidence in [0, 1].
        public init(word: String, startSeconds: Double, endSeconds: Double, confidence: Double) {
            self.word = word
            self.startSeconds = startSeconds
            self.endSeconds = endSeconds
            self.confidence = confidence
        }
    }

    /// The transcript's words in order (no silences, noises or sentence markers).
    public var words: [Word]
    /// The integer path score of each decoded segment (pocketsphinx's units), in order.
    public var pathScores: [Int32]
    /// Alternative transcripts, best first (only when asked for; per segment for split audio).
    public var alternatives: [String]
    /// Seconds of audio decoded.
    public var durationSeconds: Double

    /// A hypothesis; `durationSeconds` is the length of the audio decoded.
    public init(words: [Word], pathScores: [Int32], alternatives: [String] = [], durationSeconds: Double) {
        self.words = words
        self.pathScores = pathScores
        self.alternatives = alternatives
        self.durationSeconds = durationSeconds
    }

    /// The transcript: words separated by single spaces.
    public var text: String { words.map(\.word).joined(separator: " ") }

    /// Utterance confidence in [0, 1]: the mean of the word confidences (1 for an empty transcript).
    public var confidence: Double {
        words.isEmpty ? 1 : words.map(\.confidence).reduce(0, +) / Double(words.count)
    }
}
