import Foundation
import StenoFeatures

extension AcousticModel {
    /// Reads the model's `feat.params` with StenoFeatures' parser (the one the Sphinx MFCC preset
    /// uses), reporting its failures as this module's error with the same file and line.
    static func featureParameters(at url: URL) throws -> SphinxFeatureParameters {
        do {
            return try SphinxFeatureParameters(contentsOf: url)
        } catch let error as FeatureError {
            throw AcousticError(path: error.path ?? url.path, problem: error.problem, line: error.line)
        }
    }
}
