import Foundation

/// One input's result, for the summary.
struct FeaturesSummary: Encodable, Sendable {
    let path: String
    let output: String
    let frameCount: Int
    let dimension: Int
    let framesPerSecond: Double
    let durationSeconds: Double
    let format: String

    var text: String { "\(path) -> \(output): \(frameCount) frames × \(dimension) (\(format))" }
}
