import Foundation

/// One language-model score.
public struct NGramScore: Sendable, Equatable {
    /// pocketsphinx's raw score: log base 1.0001 of the probability, truncated to an integer (≤ 0).
    public var score: Int32
    /// The order of the longest n-gram found (1 = unigram, 0 = unknown word); pocketsphinx's "n_used".
    public var matchedOrder: Int
}
