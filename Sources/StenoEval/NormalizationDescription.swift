/// How a report's text was normalised: printed in every report and stored in its JSON.
public struct NormalizationDescription: Sendable, Hashable, Codable {
    /// "default", "none" or "custom".
    public var name: String
    /// The version of the normalisation rules (`TextNormalizer.version`).
    public var version: String
    /// The steps that ran, in order.
    public var steps: [String]
    /// The filler words removed (empty when that step is off).
    public var fillers: [String]
    /// Where the mapping rules came from, if any.
    public var mappingSource: String?
    /// How many mapping rules there are.
    public var mappingRules: Int

    /// One line, e.g. `default (steno-normalize-1): caseFolding, hyphenSplitting, ...`.
    public var summary: String {
        let list = steps.map { step -> String in
            switch step {
            case "fillerRemoval": return "fillerRemoval(\(fillers.count) words)"
            case "mapping": return "mapping(\(mappingSource ?? "in memory"), \(mappingRules) rules)"
            default: return step
            }
        }
        return "\(name) (\(version)): \(list.joined(separator: ", "))"
    }
}
