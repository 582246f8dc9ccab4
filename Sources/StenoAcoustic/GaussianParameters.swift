import Foundation

/// One Sphinx `means` or `variances` file: for each codebook (mixture Gaussian set), each feature
/// stream and each density, a vector of the stream's length.
public struct GaussianParameters: Sendable, Equatable {
    /// Number of codebooks ("mgau"): 1 for semi-continuous, one per base phone for PTM, one per
    /// senone for continuous models.
    public let codebookCount: Int
    /// Values per vector, per feature stream.
    public let streamLengths: [Int]
    /// Gaussians per codebook and stream.
    public let densityCount: Int
    /// Values laid out [codebook][stream][density][dimension], streams of differing length packed.
    public let values: [Float]

    public var streamCount: Int { streamLengths.count }
    /// Sum of the stream lengths (39 for `1s_c_d_dd`).
    public var featureDimension: Int { streamLengths.reduce(0, +) }

    public init(codebookCount: Int, streamLengths: [Int], densityCount: Int, values: [Float]) {
        precondition(values.count == codebookCount * densityCount * streamLengths.reduce(0, +))
        self.codebookCount = codebookCount
        self.streamLengths = streamLengths
        self.densityCount = densityCount
        self.values = values
    }

    /// Offset of the first value of (codebook, stream, density 0).
    public func offset(codebook: Int, stream: Int) -> Int {
        let dimension = featureDimension
        var offset = codebook * densityCount * dimension
        for previous in 0..<stream { offset += densityCount * streamLengths[previous] }
        return offset
    }

    /// Reads a means or variances file, validating its header, sizes and checksum.
    public init(contentsOf url: URL) throws {
        var file = try SphinxBinaryFile(contentsOf: url)
        let codebooks = try file.count("codebook count (n_mgau)", limit: 1 << 20)
        let streams = try file.count("stream count (n_feat)", limit: 64)
        let densities = try file.count("density count", limit: 1 << 16)
        guard codebooks > 0, streams > 0, densities > 0 else {
            throw file.reader.error("empty model (\(codebooks) codebooks, \(streams) streams, \(densities) densities)")
        }
        var lengths: [Int] = []
        for _ in 0..<streams { lengths.append(try file.count("stream length", limit: 4096)) }
        let totalOffset = file.reader.offset
        let total = try file.count("value count", limit: 1 << 30)
        let expected = codebooks * densities * lengths.reduce(0, +)
        guard total == expected else {
            throw file.reader.error(
                "value count \(total) does not match \(codebooks)×\(densities)×\(lengths.reduce(0, +)) = \(expected)",
                at: totalOffset)
        }
        let valuesOffset = file.reader.offset
        let values = try file.floats(total, "Gaussian parameters")
        try file.finish()
        try file.checkFinite(values, from: valuesOffset, nonNegative: false, "value")
        self.init(codebookCount: codebooks, streamLengths: lengths, densityCount: densities, values: values)
    }
}
