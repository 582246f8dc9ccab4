import Foundation

/// Language weight and word insertion penalty, applied to raw language-model scores as pocketsphinx
/// applies them (SPHINX_NOTES §10.2): `(int)((f32)raw · (f32)lw + (f32)log(wip))`, all in f32.
///
/// The search shifts the result right by 10 bits afterwards (its own score units); that is the
/// search's business, not done here.
public struct LanguageModelWeights: Sendable, Equatable {
    /// Language weight (`-lw`); default 6.5.
    public var languageWeight: Float
    /// Word insertion penalty as a probability (`-wip`); default 0.65.
    public var wordInsertionPenalty: Double

    /// pocketsphinx's defaults: lw 6.5, wip 0.65.
    public init(languageWeight: Float = 6.5, wordInsertionPenalty: Double = 0.65) {
        self.languageWeight = languageWeight
        self.wordInsertionPenalty = wordInsertionPenalty
    }

    /// The penalty in integer log base 1.0001 units, truncated (−4308 for 0.65).
    public var logWordInsertionPenalty: Int32 {
        Int32(log(wordInsertionPenalty) / log(1.0001))
    }

    /// The weighted score of a raw score; the unknown-word score passes through unweighted.
    public func apply(toRawScore raw: Int32) -> Int32 {
        if raw == NGramLanguageModel.unknownWordScore { return raw }
        let product = Float(raw) * languageWeight
        return Int32(product + Float(logWordInsertionPenalty))
    }
}
