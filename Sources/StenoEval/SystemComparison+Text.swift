import Foundation

extension SystemComparison {
    /// `WER difference (B - A): -1.20 points, 95% paired bootstrap interval [...]`.
    public var textSummary: String {
        guard let werDifference else {
            return "WER difference (\(candidate) - \(baseline)): undefined (no common reference words)"
        }
        var line = "WER difference (\(candidate) - \(baseline)) on \(utterances) common utterances: "
            + "\(String(format: "%+.2f", werDifference * 100)) points"
        if let interval = confidenceInterval {
            line += ", \(String(format: "%.0f", interval.level * 100))% paired bootstrap interval "
                + "[\(String(format: "%+.2f", interval.lower * 100)), \(String(format: "%+.2f", interval.upper * 100))]"
                + " (\(interval.resamples) resamples, seed \(interval.seed))"
        }
        if let fraction = candidateBetterFraction {
            line += "; \(candidate) better in \(String(format: "%.1f", fraction * 100))% of resamples"
        }
        return line
    }
}
