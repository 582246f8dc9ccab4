import Foundation

/// Beams, penalties and language weights of the default Sphinx search, as probabilities.
///
/// Defaults are pocketsphinx 5.1.1's. Every probability becomes an integer log score
/// (base 1.0001, shifted right by 10 bits) through ``SearchScore/shiftedLog(_:)``; the search
/// only ever sees the integer forms in ``IntegerSearchParameters``.
public struct SearchParameters: Sendable, Equatable {
    /// Main tree beam (probability ratio to the frame's best). Default 1e-48.
    public var beam: Double = 1e-48
    /// Word-exit beam. Default 7e-29.
    public var wordBeam: Double = 7e-29
    /// Phone-transition beam inside the tree. Default 1e-48.
    public var phoneBeam: Double = 1e-48
    /// Beam for entering a word's last phone. Default 1e-40.
    public var lastPhoneBeam: Double = 1e-40
    /// Beam for keeping last-phone HMMs alive. Default 7e-29.
    public var lastPhoneOnlyBeam: Double = 7e-29
    /// Beam of the second (flat lexicon) pass. Default 1e-64.
    public var flatBeam: Double = 1e-64
    /// Word-exit beam of the second pass. Default 7e-29.
    public var flatWordBeam: Double = 7e-29
    /// Phone-loop lookahead window in frames; 0 disables the lookahead. Default 5.
    public var lookaheadFrames: Int = 5
    /// Phone-loop beam. Default 1e-10.
    public var lookaheadBeam: Double = 1e-10
    /// Phone-loop phone-transition beam. Default 1e-10.
    public var lookaheadPhoneBeam: Double = 1e-10
    /// Phone-loop phone insertion probability. Default 1.
    public var lookaheadPhoneInsertion: Double = 1.0
    /// Weight of the lookahead penalty. Default 3.
    public var lookaheadWeight: Double = 3.0
    /// Language weight of the first pass (and of grammar transitions). Default 6.5.
    public var languageWeight: Float = 6.5
    /// Language weight of the second pass. Default 8.5.
    public var flatLanguageWeight: Float = 8.5
    /// Language weight of best-path rescoring. Default 9.5.
    public var bestPathLanguageWeight: Float = 9.5
    /// Word insertion probability, applied inside language scores. Default 0.65.
    public var wordInsertion: Double = 0.65
    /// New-word transition probability. Default 1.
    public var newWordPenalty: Double = 1.0
    /// Phone insertion probability. Default 1.
    public var phoneInsertion: Double = 1.0
    /// Silence insertion probability. Default 0.005.
    public var silenceProbability: Double = 0.005
    /// Noise-word insertion probability. Default 1e-8.
    public var fillerProbability: Double = 1e-8
    /// Histogram pruning: most HMMs kept per frame. Default 30000.
    public var maxHMMsPerFrame: Int = 30000
    /// Second-pass word list: shortest span of end frames a word needs to be kept. Default 4.
    public var flatMinimumEndFrames: Int = 4
    /// Second-pass word list: window (frames either side) of candidate word starts. Default 25.
    public var flatStartWindowFrames: Int = 25
    /// Run the second (flat lexicon) pass. Default true.
    public var runsFlatPass: Bool = true
    /// Rescore the word lattice for the best path. Default true.
    public var runsBestPath: Bool = true
    /// Acoustic scale used for lattice posteriors (confidences). Default 1/20.
    public var posteriorAcousticScale: Double = 1.0 / 20.0

    /// The pocketsphinx 5.1.1 defaults.
    public init() {}
}

/// The integer forms of ``SearchParameters`` that the passes compare against.
struct IntegerSearchParameters: Sendable {
    let beam, wordBeam, phoneBeam, lastPhoneBeam, lastPhoneOnlyBeam: Int32
    let flatBeam, flatWordBeam: Int32
    let lookaheadBeam, lookaheadPhoneBeam, lookaheadPhoneInsertion: Int32
    let lookaheadWeight: Double
    let lookaheadFrames: Int
    let phoneInsertion, newWordPenalty: Int32
    let silencePenalty, fillerPenalty: Int32
    /// Unshifted log of the word insertion probability, added inside weighted LM scores.
    let logWordInsertion: Int32
    let languageWeight: Float
    /// f32 ratios of the later passes' weights to the first pass's.
    let flatWeightRatio: Float
    let bestPathWeightRatio: Float
    let maxHMMsPerFrame: Int
    let flatMinimumEndFrames: Int
    let flatStartWindowFrames: Int
    let runsFlatPass: Bool
    let runsBestPath: Bool
    let posteriorAcousticScale: Double

    init(_ p: SearchParameters) {
        let s = SearchScore.shiftedLog
        beam = s(p.beam); wordBeam = s(p.wordBeam); phoneBeam = s(p.phoneBeam)
        lastPhoneBeam = s(p.lastPhoneBeam); lastPhoneOnlyBeam = s(p.lastPhoneOnlyBeam)
        flatBeam = s(p.flatBeam); flatWordBeam = s(p.flatWordBeam)
        lookaheadBeam = s(p.lookaheadBeam); lookaheadPhoneBeam = s(p.lookaheadPhoneBeam)
        lookaheadPhoneInsertion = s(p.lookaheadPhoneInsertion)
        lookaheadWeight = p.lookaheadWeight
        lookaheadFrames = max(0, p.lookaheadFrames)
        phoneInsertion = s(p.phoneInsertion); newWordPenalty = s(p.newWordPenalty)
        silencePenalty = phoneInsertion + s(p.silenceProbability)
        fillerPenalty = phoneInsertion + s(p.fillerProbability)
        logWordInsertion = SearchScore.log(p.wordInsertion)
        languageWeight = p.languageWeight
        flatWeightRatio = p.flatLanguageWeight / p.languageWeight
        bestPathWeightRatio = p.bestPathLanguageWeight / p.languageWeight
        maxHMMsPerFrame = p.maxHMMsPerFrame
        flatMinimumEndFrames = p.flatMinimumEndFrames
        flatStartWindowFrames = p.flatStartWindowFrames
        runsFlatPass = p.runsFlatPass
        runsBestPath = p.runsBestPath
        posteriorAcousticScale = p.posteriorAcousticScale
    }
}
