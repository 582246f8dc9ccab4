/// Per-frame senone scores: with `AcousticModelTopology`, the seam between the model (StenoAcoustic)
/// and the decoder (StenoDecoder).
public protocol AcousticScorer: Sendable {
    /// The model's structure.
    var topology: any AcousticModelTopology { get }
    /// Values per feature frame this scorer expects (39 for Sphinx `1s_c_d_dd`).
    var featureDimension: Int { get }
    /// A fresh scoring context for one utterance. Scorers may keep history across frames
    /// (Sphinx keeps the previous frame's best Gaussians); a new session starts clean.
    func makeScoringSession() -> any SenoneScoringSession
}
