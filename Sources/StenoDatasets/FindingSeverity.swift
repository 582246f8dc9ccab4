/// How serious a finding is. Ordered: `info < warning < error`.
public enum FindingSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Worth knowing; not a defect by itself (a duplicate clip, a loud clip among quiet ones).
    case info
    /// Probably a defect that lowers what a model trained or scored on the data can reach.
    case warning
    /// The data is wrong or unusable as it stands (missing audio, a transcript on the wrong audio).
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool { lhs.rank < rhs.rank }
}
