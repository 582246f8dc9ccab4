import StenoCore

/// Sphinx's cepstral mean normalisation, batch and live, in single precision (SPHINX_NOTES.md §4.1).
///
/// Frames whose c0 is negative ("zero energy" frames) never contribute to a mean. Batch CMN still
/// subtracts the mean from them; live CMN leaves them untouched, as Sphinx does.
public struct CepstralMeanNormalizer: Sendable, Equatable {
    /// Frames in the live window after each decay.
    static let windowFrames = 500
    /// The live window decays once it holds more frames than this.
    static let windowHighWaterMark = 800

    /// The current live mean.
    public private(set) var means: [Float]
    private var sums: [Float]
    private var frameCount: Int

    /// A live normaliser starting from `initialMeans` (padded with zeros to `dimension`), weighted
    /// as 500 frames, like Sphinx's `-cmninit`.
    public init(initialMeans: [Float], dimension: Int) {
        precondition(initialMeans.count <= dimension, "more initial means than cepstra")
        means = initialMeans + Array(repeating: 0, count: dimension - initialMeans.count)
        sums = means.map { $0 * Float(Self.windowFrames) }
        frameCount = Self.windowFrames
    }

    /// Normalises one block of frames (the frames of one `process` call) with the current mean,
    /// accumulating those with c0 ≥ 0, then updates the mean if the window is full.
    public mutating func normalizeBlock(_ cepstra: inout FeatureMatrix, frames: Range<Int>) {
        let dimension = cepstra.dimension
        precondition(dimension == means.count, "cepstra of \(dimension) values for \(means.count) means")
        cepstra.values.withUnsafeMutableBufferPointer { values in
            for frame in frames {
                let base = frame * dimension
                guard values[base] >= 0 else { continue }
                for i in 0..<dimension {
                    sums[i] += values[base + i]
                    values[base + i] -= means[i]
                }
                frameCount += 1
            }
        }
        if frameCount > Self.windowHighWaterMark { updateMeans() }
    }

    /// The end-of-utterance update: the mean becomes the window's average (and the window decays
    /// if it is over the high-water mark).
    public mutating func finishUtterance() {
        guard frameCount > 0 else { return }
        updateMeans()
    }

    private mutating func updateMeans() {
        let reciprocal = Float(1) / Float(frameCount)
        for i in 0..<means.count { means[i] = sums[i] / Float(frameCount) }
        if frameCount > Self.windowHighWaterMark {
            let decay = Float(Self.windowFrames) * reciprocal
            for i in 0..<sums.count { sums[i] *= decay }
            frameCount = Self.windowFrames
        }
    }

    /// Batch CMN: subtracts from every frame the mean of the frames with c0 ≥ 0 (single-precision
    /// sums in frame order) and returns that mean. If no frame qualifies the cepstra are left as
    /// they are and the mean is zero (Sphinx would divide by zero and produce NaN).
    @discardableResult
    public static func normalizeBatch(_ cepstra: inout FeatureMatrix) -> [Float] {
        let dimension = cepstra.dimension
        var sums = [Float](repeating: 0, count: dimension)
        var count = 0
        for frame in 0..<cepstra.frameCount {
            let base = frame * dimension
            guard cepstra.values[base] >= 0 else { continue }
            for i in 0..<dimension { sums[i] += cepstra.values[base + i] }
            count += 1
        }
        guard count > 0 else { return sums }
        let means = sums.map { $0 / Float(count) }
        cepstra.values.withUnsafeMutableBufferPointer { values in
            for frame in 0..<(values.count / dimension) {
                for i in 0..<dimension { values[frame * dimension + i] -= means[i] }
            }
        }
        return means
    }
}
