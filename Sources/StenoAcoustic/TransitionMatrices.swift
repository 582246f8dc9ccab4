import Foundation

/// The HMM transition matrices, converted to Sphinx's 8-bit negated log probabilities.
public struct TransitionMatrices: Sendable, Equatable {
    /// Number of matrices.
    public let count: Int
    /// Emitting states per HMM (rows of each matrix); each matrix has `stateCount + 1` columns,
    /// the last being the non-emitting exit.
    public let stateCount: Int
    /// −log₁.₀₀₀₁(p) >> 10, clamped to 255, laid out [matrix][from][to]; 255 also marks p = 0.
    public let penalties: [UInt8]

    /// Probabilities below this are raised to it (Sphinx `-tmatfloor`, default 1e-4); zeros stay zero.
    public static let defaultFloor: Float = 1e-4

    public init(count: Int, stateCount: Int, penalties: [UInt8]) {
        precondition(penalties.count == count * stateCount * (stateCount + 1))
        self.count = count
        self.stateCount = stateCount
        self.penalties = penalties
    }

    /// The penalty (≥ 0) of one transition.
    public func penalty(matrix: Int, from: Int, to: Int) -> UInt8 {
        penalties[(matrix * stateCount + from) * (stateCount + 1) + to]
    }

    /// Reads a `transition_matrices` file: validates it, normalises each row, floors non-zero
    /// probabilities at `floor`, renormalises, and quantises as pocketsphinx does.
    public init(contentsOf url: URL, floor: Float = TransitionMatrices.defaultFloor) throws {
        var file = try SphinxBinaryFile(contentsOf: url)
        let matrices = try file.count("matrix count", limit: 1 << 16)
        let sourceOffset = file.reader.offset
        let sources = try file.count("source state count", limit: 64)
        let destinations = try file.count("destination state count", limit: 65)
        guard destinations == sources + 1, sources > 0 else {
            throw file.reader.error("matrices are \(sources)×\(destinations), expected n×(n+1)", at: sourceOffset)
        }
        let totalOffset = file.reader.offset
        let total = try file.count("value count")
        guard total == matrices * sources * destinations else {
            throw file.reader.error(
                "value count \(total) does not match \(matrices)×\(sources)×\(destinations)", at: totalOffset)
        }
        let rawOffset = file.reader.offset
        let raw = try file.floats(total, "transition probabilities")
        try file.finish()
        try file.checkFinite(raw, from: rawOffset, nonNegative: true, "transition value")

        let inverseLogBase = 1.0 / log(LogMath.base)
        var penalties = [UInt8](repeating: 255, count: total)
        for row in stride(from: 0, to: total, by: destinations) {
            var probabilities = Array(raw[row..<(row + destinations)])
            Self.normalise(&probabilities)
            for k in probabilities.indices where probabilities[k] != 0 && probabilities[k] < floor {
                probabilities[k] = floor
            }
            Self.normalise(&probabilities)
            for k in probabilities.indices {
                let p = Double(probabilities[k])
                let logValue = p > 0 ? Int(log(p) * inverseLogBase) : LogMath.zero
                penalties[row + k] = UInt8(min(255, (-logValue) >> 10))
            }
        }
        self.init(count: matrices, stateCount: sources, penalties: penalties)
    }

    /// Divides a row by its sum (accumulated in f64, as Sphinx does), leaving an all-zero row alone.
    private static func normalise(_ row: inout [Float]) {
        var sum = 0.0
        for value in row { sum += Double(value) }
        guard sum != 0 else { return }
        let factor = 1.0 / sum
        for k in row.indices { row[k] = Float(Double(row[k]) * factor) }
    }
}
