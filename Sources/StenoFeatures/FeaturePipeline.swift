import Foundation
import StenoCore

/// Audio to model-ready features: cepstra, then CMN, then (for `1s_c_d_dd`) deltas, as the
/// options say. Immutable and `Sendable`; share one per configuration.
///
/// ```swift
/// let pipeline = try FeaturePipeline(modelDirectory: Models/en-us/acoustic)   // Sphinx en-us: 39 dims
/// let features = try pipeline.features(from: audio)                          // batch CMN, deltas
/// ```
public struct FeaturePipeline: Sendable {
    /// The configuration.
    public var options: MFCCOptions { kernel.options }
    let kernel: MFCCKernel

    /// A pipeline for `options`.
    public init(options: MFCCOptions) throws {
        kernel = try MFCCKernel(options: options)
    }

    /// The pipeline of a Sphinx model directory (its `feat.params`, see ``MFCCOptions/sphinx(modelDirectory:featureType:)``).
    public init(modelDirectory: URL) throws {
        try self.init(options: .sphinx(modelDirectory: modelDirectory))
    }

    /// Values per output frame.
    public var featureDimension: Int { options.featureDimension }

    /// The features of one utterance, computed on a fresh stream (fresh noise-removal and live-CMN
    /// state), exactly as pocketsphinx does for a newly created decoder given the whole utterance.
    public func features(from audio: AudioBuffer) throws -> FeatureMatrix {
        try makeSession().features(from: audio)
    }

    /// CMN and deltas applied to cepstra computed elsewhere (for example read from a Sphinx `.mfc`
    /// file), on a fresh stream, as pocketsphinx does for cepstral input.
    /// - Throws: ``FeatureError`` when the cepstra have the wrong width or no frames.
    public func features(fromCepstra cepstra: FeatureMatrix) throws -> FeatureMatrix {
        guard cepstra.dimension == options.cepstrumCount else {
            throw FeatureError(.invalidOptions, "cepstra have \(cepstra.dimension) values per frame, "
                               + "the options expect \(options.cepstrumCount)")
        }
        guard cepstra.frameCount > 0 else { throw FeatureError(.emptyAudio, "no cepstral frames") }
        var normalised = cepstra
        switch options.cmn {
        case .none: break
        case .batch: CepstralMeanNormalizer.normalizeBatch(&normalised)
        case .live(let means):
            var live = CepstralMeanNormalizer(initialMeans: means, dimension: options.cepstrumCount)
            live.normalizeBlock(&normalised, frames: 0..<normalised.frameCount)
        }
        switch options.featureType {
        case .cepstra: return normalised
        case .cepstraDeltasDoubleDeltas: return DeltaFeatures.compute(normalised)
        }
    }

    /// A stream for audio arriving in chunks, or for several utterances in a row.
    public func makeSession() -> FeatureSession {
        FeatureSession(kernel: kernel)
    }
}
