/// How the forced aligner builds its graph and scores optional words.
///
/// Penalties are in the acoustic model's integer log units (Sphinx: base 1.0001, shifted right by
/// 10 bits), ≤ 0, added each time the path enters a word of that kind. The defaults are the ones
/// pocketsphinx's grammar search applies: log(silprob 0.005) and log(fillprob 1e-8) times the
/// language weight 6.5, plus the word insertion penalty log(0.65).
public struct ForcedAlignmentOptions: Sendable, Hashable {
    /// Allow silence (and the fillers) before, between and after the words. Default true.
    public var optionalSilence: Bool = true
    /// The silence word. Default `<sil>` = SIL.
    public var silence = Pronunciation(spelling: "<sil>", phones: ["SIL"])
    /// Other optional non-speech words, e.g. `[NOISE]` = +NSN+. Default none; the facade passes the
    /// model's filler dictionary.
    public var fillers: [Pronunciation] = []
    /// Added on entering a silence. Default −342 (= (log 0.005 × 6.5) >> 10, plus −5).
    public var silencePenalty: Int32 = -342
    /// Added on entering a filler. Default −1175 (= (log 1e-8 × 6.5) >> 10, plus −5).
    public var fillerPenalty: Int32 = -1175
    /// Added on entering a transcript word. Default −5 (= log 0.65 >> 10).
    public var wordPenalty: Int32 = -5
    /// States scoring more than this below the frame's best are pruned, which bounds time and
    /// memory on long audio; nil searches exhaustively. Default −1080 (pocketsphinx's `-beam` 1e-48).
    public var beam: Int32? = -1080

    /// Options with the defaults documented on each property.
    public init() {}
}
