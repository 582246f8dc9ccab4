import Foundation
import StenoCore

/// Scores senones of a tied-mixture Sphinx model (phonetically tied, like the bundled en-us
/// model, or semi-continuous) exactly as pocketsphinx 5.1.1 does for PTM models.
///
/// Per frame and per (codebook, stream) it keeps the 4 best Gaussians, seeded from the previous
/// frame's 4 (a ring of 7 frames of history), normalises their integer log-likelihoods per stream,
/// and combines them with the senones' 8-bit mixture weights by integer log-addition. The
/// Gaussian parameters are precomputed at load and laid out dimension-major so that one SIMD
/// lane evaluates one Gaussian, keeping each Gaussian's f32 operation order (and so its result)
/// identical to the scalar reference.
public final class TiedMixtureScorer: AcousticScorer, Sendable {
    // Immutable after init: every stored property is a `let` of a Sendable type.

    /// Gaussians kept per codebook and stream.
    public static let topCount = 4
    /// Frames of top-N history (pocketsphinx: phone-loop window 5 + 2).
    public static let historyLength = 7
    /// Variances below this are raised to it (Sphinx `-varfloor`).
    public static let varianceFloor: Float = 1e-4
    /// Per-Gaussian normalised scores are clamped to this (shifted units).
    static let worstGaussianScore: Int32 = 96

    public let model: AcousticModel
    public var topology: any AcousticModelTopology { model }
    public let featureDimension: Int

    let codebookCount: Int
    let streamCount: Int
    let densityCount: Int
    /// Densities rounded up to the SIMD width.
    let paddedDensityCount: Int
    let streamLengths: [Int]
    let streamOffsets: [Int]
    /// Means and precisions, [codebook][stream][dimension][padded density].
    let meansByDimension: [Float]
    let precisionsByDimension: [Float]
    /// Start of each (codebook, stream) block in the two arrays above.
    let blockOffsets: [Int]
    /// Log normalisers, [codebook][stream][padded density].
    let logNormalisers: [Float]
    /// Codebook of each senone.
    let senoneCodebook: [Int32]
    /// Mixture weight penalties regrouped [senone][stream][density], so that scoring one senone
    /// reads a few adjacent cache lines rather than 12 scattered bytes of a 2 MB table.
    let mixtureWeights: [UInt8]
    let senoneCount: Int
    /// log(1 + 1.0001^−d) in shifted units, for d in 0...255.
    let addTable: [Int32]

    public init(model: AcousticModel) throws {
        guard model.kind != .continuous else {
            throw AcousticError(path: model.directory.path,
                problem: "continuous models need a per-senone Gaussian scorer, not a tied-mixture one")
        }
        self.model = model
        let means = model.means
        codebookCount = means.codebookCount
        streamCount = means.streamCount
        densityCount = means.densityCount
        paddedDensityCount = (means.densityCount + 7) / 8 * 8
        streamLengths = means.streamLengths
        var offsets: [Int] = []
        var running = 0
        for length in streamLengths { offsets.append(running); running += length }
        streamOffsets = offsets
        featureDimension = running

        let inverseLogBase = 1.0 / log(LogMath.base)
        let gp = paddedDensityCount
        var meanTable: [Float] = []
        var precisionTable: [Float] = []
        var blocks: [Int] = []
        var normalisers = [Float](repeating: 0, count: codebookCount * streamCount * gp)
        meanTable.reserveCapacity(codebookCount * running * gp)
        precisionTable.reserveCapacity(codebookCount * running * gp)
        for codebook in 0..<codebookCount {
            for stream in 0..<streamCount {
                blocks.append(meanTable.count)
                let length = streamLengths[stream]
                let source = means.offset(codebook: codebook, stream: stream)
                var blockMeans = [Float](repeating: 0, count: length * gp)
                var blockPrecisions = [Float](repeating: 0, count: length * gp)
                let normaliserBase = (codebook * streamCount + stream) * gp
                for density in 0..<densityCount {
                    var normaliser: Float = 0
                    for dimension in 0..<length {
                        let index = source + density * length + dimension
                        var variance = model.variances.values[index]
                        if variance < Self.varianceFloor { variance = Self.varianceFloor }
                        let v = Double(variance)
                        blockMeans[dimension * gp + density] = means.values[index]
                        blockPrecisions[dimension * gp + density] =
                            Float(Int((1.0 / (2.0 * v)) * inverseLogBase))
                        normaliser += Float(Int(log(1.0 / (2.0 * Double.pi * v).squareRoot()) * inverseLogBase))
                    }
                    normalisers[normaliserBase + density] = normaliser
                }
                meanTable += blockMeans
                precisionTable += blockPrecisions
            }
        }
        meansByDimension = meanTable
        precisionsByDimension = precisionTable
        blockOffsets = blocks
        logNormalisers = normalisers
        senoneCount = model.definition.senoneCount
        senoneCodebook = (0..<senoneCount).map { Int32(model.codebook(ofSenone: $0)) }
        let weights = model.mixtureWeights
        var regrouped = [UInt8](repeating: 0, count: weights.penalties.count)
        for stream in 0..<weights.streamCount {
            for density in 0..<weights.densityCount {
                let row = (stream * weights.densityCount + density) * weights.senoneCount
                for senone in 0..<weights.senoneCount {
                    regrouped[(senone * weights.streamCount + stream) * weights.densityCount + density] =
                        weights.penalties[row + senone]
                }
            }
        }
        mixtureWeights = regrouped
        addTable = LogMath.addTable(shift: 10)
    }

    public func makeScoringSession() -> any SenoneScoringSession {
        TiedMixtureScoringSession(scorer: self)
    }

    /// Integer log-likelihoods (base 1.0001, unshifted) of every Gaussian of one (codebook, stream)
    /// for the stream vector `x`, written to `out` (padded density count long).
    @inline(__always)
    func gaussianScores(codebook: Int, stream: Int, x: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>) {
        let gp = paddedDensityCount
        let length = streamLengths[stream]
        let block = blockOffsets[codebook * streamCount + stream]
        logNormalisers.withUnsafeBufferPointer { normalisers in
            let base = (codebook * streamCount + stream) * gp
            for g in 0..<gp { out[g] = normalisers[base + g] }
        }
        meansByDimension.withUnsafeBufferPointer { meanBuffer in
            precisionsByDimension.withUnsafeBufferPointer { precisionBuffer in
                let meanBase = UnsafeRawPointer(meanBuffer.baseAddress!.advanced(by: block))
                let precisionBase = UnsafeRawPointer(precisionBuffer.baseAddress!.advanced(by: block))
                let accumulator = UnsafeMutableRawPointer(out)
                for dimension in 0..<length {
                    let value = SIMD8<Float>(repeating: x[dimension])
                    let rowBytes = dimension * gp * 4
                    var g = 0
                    while g < gp {
                        let mean = meanBase.loadUnaligned(fromByteOffset: rowBytes + g * 4, as: SIMD8<Float>.self)
                        let precision = precisionBase.loadUnaligned(fromByteOffset: rowBytes + g * 4, as: SIMD8<Float>.self)
                        var sum = accumulator.loadUnaligned(fromByteOffset: g * 4, as: SIMD8<Float>.self)
                        let diff = value - mean
                        let squared = diff * diff
                        sum = sum - squared * precision
                        accumulator.storeBytes(of: sum, toByteOffset: g * 4, as: SIMD8<Float>.self)
                        g += 8
                    }
                }
            }
        }
    }

    /// Sphinx's conversion of a Gaussian score to int: truncation, saturating at Int32.min.
    @inline(__always)
    static func integerScore(_ score: Float) -> Int32 {
        // NaN (from non-finite features) and out-of-range scores saturate instead of trapping.
        guard score >= -2_147_483_648 else { return Int32.min }
        return score < 2_147_483_520 ? Int32(score) : Int32.max
    }
}
