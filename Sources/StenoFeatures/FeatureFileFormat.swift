import Foundation
import StenoCore

/// The feature file formats Steno writes.
public enum FeatureFileFormat: String, Sendable, CaseIterable {
    /// Sphinx `.mfc`: int32 value count, float32 values (little-endian).
    case sphinx
    /// HTK parameter file (big-endian header and values).
    case htk
    /// NumPy `.npy`, float32 array of shape (frames, dimension).
    case npy
    /// Comma-separated text, one frame per line.
    case csv
    /// JSON: `{"frameCount", "dimension", "framesPerSecond", "frames": [[...], ...]}`.
    case json

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .sphinx: "mfc"
        case .htk: "htk"
        case .npy: "npy"
        case .csv: "csv"
        case .json: "json"
        }
    }

    /// Encodes features in this format. `htkKind` is the parameter kind written in HTK headers.
    public func encode(_ features: FeatureMatrix, htkKind: HTKFeatureFile.ParameterKind = .user) throws -> Data {
        switch self {
        case .sphinx:
            return SphinxFeatureFile.encode(features)
        case .htk:
            return try HTKFeatureFile.encode(features, kind: htkKind)
        case .npy:
            return NumPyFeatureFile.encode(features)
        case .csv:
            var text = ""
            for frame in 0..<features.frameCount {
                // Swift prints the shortest decimal that reads back as the same Float.
                text += features[frame: frame].map { "\($0)" }.joined(separator: ",") + "\n"
            }
            return Data(text.utf8)
        case .json:
            struct Document: Encodable {
                let frameCount: Int
                let dimension: Int
                let framesPerSecond: Double
                let frames: [[Float]]
            }
            let frames = (0..<features.frameCount).map { Array(features[frame: $0]) }
            let document = Document(frameCount: features.frameCount, dimension: features.dimension,
                                    framesPerSecond: features.framesPerSecond, frames: frames)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            do {
                return try encoder.encode(document)
            } catch {
                throw FeatureError(.io, "cannot encode JSON: \(error)")
            }
        }
    }
}
