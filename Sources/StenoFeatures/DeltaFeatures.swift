import StenoCore

/// Sphinx's `1s_c_d_dd` feature vectors, computed incrementally with a 3-frame look-ahead.
///
/// For frame t of the normalised cepstra c: [c[t], c[t+2] − c[t−2], (c[t+3] − c[t−1]) − (c[t+1] − c[t−3])],
/// single-precision subtractions in that order, the sequence padded with three copies of its first
/// frame before and of its last frame after, so there are as many outputs as inputs.
public struct DeltaFeatures: Sendable {
    /// Values per input frame.
    public let cepstrumCount: Int
    /// The padded frames not yet fully used, flattened; the next output is centred on `window[3]`.
    private var window: [Float] = []
    private var lastFrame: [Float] = []

    /// A streaming delta computer for frames of `cepstrumCount` static cepstra.
    public init(cepstrumCount: Int) {
        self.cepstrumCount = cepstrumCount
    }

    /// Values per output frame.
    public var dimension: Int { 3 * cepstrumCount }

    /// The features of a whole utterance.
    public static func compute(_ cepstra: FeatureMatrix) -> FeatureMatrix {
        var deltas = DeltaFeatures(cepstrumCount: cepstra.dimension)
        var output = FeatureMatrix(dimension: deltas.dimension, framesPerSecond: cepstra.framesPerSecond)
        deltas.push(cepstra, into: &output)
        deltas.finish(into: &output)
        return output
    }

    /// Adds frames; appends every output frame whose look-ahead is now complete.
    public mutating func push(_ cepstra: FeatureMatrix, into output: inout FeatureMatrix) {
        precondition(cepstra.dimension == cepstrumCount, "expected \(cepstrumCount)-value frames")
        for frame in 0..<cepstra.frameCount {
            let values = Array(cepstra[frame: frame])
            if lastFrame.isEmpty {
                for _ in 0..<3 { window += values }
            }
            window += values
            lastFrame = values
            emitReady(into: &output)
        }
    }

    /// Ends the utterance: pads with the last frame and appends the remaining outputs.
    public mutating func finish(into output: inout FeatureMatrix) {
        if !lastFrame.isEmpty {
            for _ in 0..<3 {
                window += lastFrame
                emitReady(into: &output)
            }
        }
        window = []
        lastFrame = []
    }

    private mutating func emitReady(into output: inout FeatureMatrix) {
        let n = cepstrumCount
        while window.count >= 7 * n {
            // Frames P[0...6] of the window; the output is centred on P[3].
            for i in 0..<n { output.values.append(window[3 * n + i]) }
            for i in 0..<n { output.values.append(window[5 * n + i] - window[1 * n + i]) }
            for i in 0..<n {
                output.values.append((window[6 * n + i] - window[2 * n + i]) - (window[4 * n + i] - window[0 * n + i]))
            }
            window.removeFirst(n)
        }
    }
}
