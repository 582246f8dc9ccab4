/// The phone and HMM structure of an acoustic model, as the search and the aligner need it.
///
/// This is half of the seam between the model (StenoAcoustic) and the decoder (StenoDecoder):
/// the decoder builds its HMMs from this description and never sees the model's files.
public protocol AcousticModelTopology: Sendable {
    /// Number of context-independent (base) phones, ids `0..<basePhoneCount`.
    var basePhoneCount: Int { get }
    /// The name of a base phone ("AA", "SIL", "+NSN+").
    func phoneName(_ basePhone: Int) -> String
    /// The base phone with this name.
    func basePhone(named name: String) -> Int?
    /// Whether a base phone is a filler (silence, noise); fillers are context-independent.
    func isFiller(_ basePhone: Int) -> Bool
    /// The silence phone's id.
    var silencePhone: Int { get }

    /// Emitting states per HMM (3 for the bundled model).
    var emittingStateCount: Int { get }
    /// Number of senones (tied states).
    var senoneCount: Int { get }
    /// Number of distinct senone sequences.
    var senoneSequenceCount: Int { get }
    /// The senones of one sequence, one per emitting state.
    func senones(ofSequence sequence: Int) -> [Int32]
    /// The base phone whose codebook scores a senone.
    func basePhone(ofSenone senone: Int) -> Int

    /// The senone sequence of a phone in context, falling back to the nearest modelled context
    /// (other word positions, then the base phone) when the exact triphone is not in the model.
    func senoneSequence(base: Int, left: Int, right: Int, position: WordPosition) -> Int
    /// The senone sequence of a base phone on its own.
    func senoneSequence(ofBasePhone basePhone: Int) -> Int
    /// The transition matrix a base phone uses.
    func transitionMatrix(ofBasePhone basePhone: Int) -> Int
    /// Log transition probability from state `from` to state `to` (the exit is `emittingStateCount`),
    /// in the model's integer log units (Sphinx: base 1.0001, shifted right by 10 bits), ≤ 0;
    /// `Int32.min` where the transition is impossible.
    func transitionScore(matrix: Int, from: Int, to: Int) -> Int32
}
