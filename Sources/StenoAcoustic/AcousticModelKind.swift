/// How a Sphinx model ties its Gaussians to senones.
public enum AcousticModelKind: String, Sendable, CaseIterable {
    /// One codebook shared by every senone (e.g. tidigits).
    case semiContinuous
    /// One codebook per base phone, shared by the phone's senones (the bundled en-us model).
    case phoneticallyTied
    /// One codebook per senone (e.g. an4_ci_cont).
    case continuous
}
