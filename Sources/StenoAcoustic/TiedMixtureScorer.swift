import Foundation
import StenoCore

/// Scores senones of a tied-mixture Sphinx model (phonetically tied, like the bundled en-us
/// model, or semi-continuous) exactly as pocketsphinx 5.1.1 does for PTM models.
///
/// Per frame and per (codebook, stream) it keeps the 4 best Gaussians, seeded from the previous
/// frame's 4 (a ring of 7 frames of history), normalises their integer log-likelihoods per stream,
/// and combines them with the senones' 8-bit mixture weights by integer log-addition. The
/// Gaussian parameters are precomputed at load and laid out in chunks of 16 Gaussians,
/// dimension-major within a chunk, so that one SIMD lane evaluates one Gaussian with its running
/// sum in a register, keeping each Gaussian's f32 operation order (and so its result) identical to
/// the scalar reference.
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
    /// Gaussians evaluated together, one per SIMD lane.
    static let chunkWidth = 16
    let streamLengths: [Int]
    let streamOffsets: [Int]
    /// Means and precisions, [codebook][stream][chunk of 16 densities][dimension][16].
    let meansByDimension: [Float]
    let precisionsByDimension: [Float]
    /// Start of each (codebook, stream) block in the two arrays above.
    let blockOffsets: [Int]
    /// Log normalisers, [codebook][stream][padded density].
    let logNormalisers: [Float]
    /// Codebook of each senone.
    let senoneCodebook: [Int32]
    /// Mixture weight penalties as stored, [stream][density][senone]: the active senones of one
    /// codebook are mostly consecutive ids sharing the same 4 codewords per stream, so scoring them
    /// walks 12 rows of consecutive bytes (a [senone]-major layout reads 384 bytes per senone).
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
        paddedDensityCount = (means.densityCount + Self.chunkWidth - 1) / Self.chunkWidth * Self.chunkWidth
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
                        let at = Self.parameterIndex(density: density, dimension: dimension, length: length)
                        blockMeans[at] = means.values[index]
                        blockPrecisions[at] =
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
        mixtureWeights = model.mixtureWeights.penalties
        addTable = LogMath.addTable(shift: 10)
    }

    public func makeScoringSession() -> any SenoneScoringSession {
        TiedMixtureScoringSession(scorer: self)
    }

    /// Where (density, dimension) of a (codebook, stream) block sits in the parameter tables.
    @inline(__always)
    static func parameterIndex(density: Int, dimension: Int, length: Int) -> Int {
        (density / chunkWidth * length + dimension) * chunkWidth + density % chunkWidth
    }

    /// Integer log-likelihoods (base 1.0001, unshifted) of every Gaussian of one (codebook, stream)
    /// for the stream vector `x`, written to `out` (padded density count long).
    @inline(__always)
    func gaussianScores(codebook: Int, stream: Int, x: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>) {
        let gp = paddedDensityCount
        let length = streamLengths[stream]
        let block = blockOffsets[codebook * streamCount + stream]
        let normaliserBase = (codebook * streamCount + stream) * gp
        logNormalisers.withUnsafeBufferPointer { normaliserBuffer in
        meansByDimension.withUnsafeBufferPointer { meanBuffer in
        precisionsByDimension.withUnsafeBufferPointer { precisionBuffer in
            let normalisers = UnsafeRawPointer(normaliserBuffer.baseAddress! + normaliserBase)
            var meanRow = UnsafeRawPointer(meanBuffer.baseAddress! + block)
            var precisionRow = UnsafeRawPointer(precisionBuffer.baseAddress! + block)
            let result = UnsafeMutableRawPointer(out)
            let stride = MemoryLayout<SIMD16<Float>>.stride
            // The running sums of 16 Gaussians stay in registers across the dimensions.
            for chunk in 0..<(gp / Self.chunkWidth) {
                var sum = normalisers.loadUnaligned(fromByteOffset: chunk * stride, as: SIMD16<Float>.self)
                for dimension in 0..<length {
                    let mean = meanRow.loadUnaligned(as: SIMD16<Float>.self)
                    let precision = precisionRow.loadUnaligned(as: SIMD16<Float>.self)
                    let diff = SIMD16<Float>(repeating: x[dimension]) - mean
                    sum = sum - (diff * diff) * precision
                    meanRow += stride
                    precisionRow += stride
                }
                result.storeBytes(of: sum, toByteOffset: chunk * stride, as: SIMD16<Float>.self)
            }
        }
        }
        }
    }

    /// One Gaussian's score, in exactly the operation order of `gaussianScores` (so bit-identical).
    @inline(__always)
    func gaussianScore(codebook: Int, stream: Int, density: Int, x: UnsafePointer<Float>) -> Float {
        let length = streamLengths[stream]
        let block = blockOffsets[codebook * streamCount + stream]
        var sum = logNormalisers[(codebook * streamCount + stream) * paddedDensityCount + density]
        for dimension in 0..<length {
            let at = block + Self.parameterIndex(density: density, dimension: dimension, length: length)
            let diff = x[dimension] - meansByDimension[at]
            sum = sum - (diff * diff) * precisionsByDimension[at]
        }
        return sum
    }

    /// Sphinx's conversion of a Gaussian score to int: truncation, saturating at Int32.min.
    @inline(__always)
    static func integerScore(_ score: Float) -> Int32 {
        // NaN (from non-finite features) and out-of-range scores saturate instead of trapping.
        guard score >= -2_147_483_648 else { return Int32.min }
        return score < 2_147_483_520 ? Int32(score) : Int32.max
    }
}
