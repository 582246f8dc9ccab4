/// A sequence of feature vectors (frames × dimensions), stored row-major in one contiguous array.
///
/// Contiguous storage keeps per-frame access cheap for the acoustic scorer, which reads one
/// row at a time in its innermost loop.
public struct FeatureMatrix: Sendable, Equatable {
    /// Row-major values: frame `t`, dimension `d` is at `t * dimension + d`.
    public var values: [Float]
    /// Values per frame.
    public let dimension: Int
    /// Frames per second (100 for a 10 ms shift).
    public var framesPerSecond: Double

    /// Wraps row-major `values`; `values.count` must be a whole number of `dimension`-wide frames
    /// (a precondition: a ragged matrix is a programming error, not bad data).
    public init(values: [Float], dimension: Int, framesPerSecond: Double = 100) {
        precondition(dimension > 0, "a feature matrix needs at least one dimension")
        precondition(values.count % dimension == 0, "values must fill whole frames")
        self.values = values
        self.dimension = dimension
        self.framesPerSecond = framesPerSecond
    }

    /// An empty matrix of the given width.
    public init(dimension: Int, framesPerSecond: Double = 100) {
        self.init(values: [], dimension: dimension, framesPerSecond: framesPerSecond)
    }

    /// Number of frames.
    public var frameCount: Int { values.count / dimension }

    /// One frame's values.
    public subscript(frame frame: Int) -> ArraySlice<Float> {
        values[(frame * dimension)..<((frame + 1) * dimension)]
    }

    /// Appends one frame.
    public mutating func append<C: Collection>(frame: C) where C.Element == Float {
        precondition(frame.count == dimension, "frame has \(frame.count) values, expected \(dimension)")
        values.append(contentsOf: frame)
    }

    /// Calls `body` with a pointer to one frame's values, without copying.
    public func withFrame<R>(_ frame: Int, _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[(frame * dimension)..<((frame + 1) * dimension)]))
        }
    }
}
