import Foundation

/// Mixture weights of every senone, as Sphinx's 8-bit negated log values:
/// −log₁.₀₀₀₁(w) >> 10, in 0...255 (0 = weight 1; larger = less likely).
public struct MixtureWeights: Sendable, Equatable {
    /// Feature streams.
    public let streamCount: Int
    /// Gaussians per codebook and stream.
    public let densityCount: Int
    /// Senones.
    public let senoneCount: Int
    /// Penalties laid out [stream][density][senone], so one Gaussian's weights for all senones
    /// are contiguous.
    public let penalties: [UInt8]

    /// Text mixture weights below this are raised to it before quantising (Sphinx `-mixwfloor`).
    public static let defaultFloor: Float = 1e-7

    public init(streamCount: Int, densityCount: Int, senoneCount: Int, penalties: [UInt8]) {
        precondition(penalties.count == streamCount * densityCount * senoneCount)
        self.streamCount = streamCount
        self.densityCount = densityCount
        self.senoneCount = senoneCount
        self.penalties = penalties
    }

    /// The penalty of `density` in `senone`'s mixture for `stream`.
    public func penalty(stream: Int, density: Int, senone: Int) -> UInt8 {
        penalties[(stream * densityCount + density) * senoneCount + senone]
    }

    /// Reads a quantised `sendump` file (8-bit values, or 4-bit indices into a 16-entry codebook).
    public init(sendump url: URL, streamCount: Int) throws {
        var reader = try ByteReader(contentsOf: url)
        let firstLength = Int(Int32(bitPattern: try reader.uint32("first header string length")))
        if !(1...999).contains(firstLength) {
            reader.swapsBytes = true
            reader.offset = 0
            let swapped = Int(try reader.int32("first header string length"))
            guard (1...999).contains(swapped) else {
                throw reader.error("not a sendump file (first string length \(firstLength))", at: 0)
            }
        }
        reader.offset = 0
        var settings: [String: Int] = [:]
        var stringIndex = 0
        while true {
            let length = try reader.count("header string length", limit: 1 << 16)
            if length == 0 { break }
            let start = reader.offset
            try reader.skip(length, for: "header string")
            // The title and the first header string must be NUL-terminated; later ones (such as
            // alignment padding "!!!") need not be.
            guard stringIndex >= 2 || reader.bytes[start + length - 1] == 0 else {
                throw reader.error("header string is not NUL-terminated", at: start)
            }
            stringIndex += 1
            let text = reader.bytes[start..<(start + length)].prefix { $0 != 0 }
            let fields = String(decoding: text, as: UTF8.self).split(separator: " ")
            if fields.count == 2, let value = Int(fields[1]) { settings[String(fields[0])] = value }
        }
        if let declared = settings["feature_count"], declared != streamCount {
            throw reader.error("sendump has \(declared) streams, the Gaussians have \(streamCount)")
        }
        var clusters = settings["cluster_count"] ?? 0
        let bits = settings["cluster_bits"] ?? 8
        guard [0, 15, 16].contains(clusters) else { throw reader.error("cluster_count must be 0, 15 or 16") }
        guard bits == 8 || bits == 4 else { throw reader.error("cluster_bits must be 4 or 8") }
        if clusters == 15 { clusters = 16 }

        // Unclustered files give rows (densities) and columns (senones, possibly padded) here;
        // clustered ones only in the header strings.
        let densities: Int, columns: Int
        if clusters == 0 {
            densities = try reader.count("row count (densities)", limit: 1 << 16)
            columns = try reader.count("column count (senones)", limit: 1 << 20)
        } else {
            guard let mixtures = settings["mixture_count"], let models = settings["model_count"],
                  mixtures > 0, models > 0 else {
                throw reader.error("clustered sendump without mixture_count and model_count")
            }
            densities = mixtures
            columns = models
        }
        let senones = (settings["model_count"] ?? columns)
        guard senones <= columns else {
            throw reader.error("model_count \(senones) exceeds the \(columns) columns")
        }
        var codebook: [UInt8] = []
        if clusters > 0 {
            try reader.require(clusters, for: "cluster codebook")
            codebook = Array(reader.bytes[reader.offset..<(reader.offset + clusters)])
            reader.offset += clusters
        }
        let rowBytes = bits == 4 ? (columns + 1) / 2 : columns
        try reader.require(streamCount * densities * rowBytes, for: "mixture weights")
        var penalties = [UInt8](repeating: 0, count: streamCount * densities * senones)
        for row in 0..<(streamCount * densities) {
            let source = reader.offset + row * rowBytes
            let target = row * senones
            if bits == 8 {
                for s in 0..<senones { penalties[target + s] = reader.bytes[source + s] }
            } else {
                for s in 0..<senones {
                    let packed = reader.bytes[source + s / 2]
                    let index = Int(s & 1 == 0 ? packed & 0x0F : packed >> 4)
                    penalties[target + s] = clusters > 0 ? codebook[min(index, codebook.count - 1)] : UInt8(index)
                }
            }
        }
        reader.offset += streamCount * densities * rowBytes
        guard reader.isAtEnd else { throw reader.error("\(reader.remaining) unexpected bytes after the mixture weights") }
        self.init(streamCount: streamCount, densityCount: densities, senoneCount: senones, penalties: penalties)
    }

    /// Reads a floating-point `mixture_weights` file: normalises each mixture, floors weights at
    /// `floor`, renormalises and quantises to 8-bit negated logs.
    public init(mixtureWeights url: URL, floor: Float = MixtureWeights.defaultFloor) throws {
        var file = try SphinxBinaryFile(contentsOf: url)
        let senones = try file.count("senone count", limit: 1 << 20)
        let streams = try file.count("stream count", limit: 64)
        let densities = try file.count("density count", limit: 1 << 16)
        let totalOffset = file.reader.offset
        let total = try file.count("value count", limit: 1 << 30)
        guard total == senones * streams * densities else {
            throw file.reader.error("value count \(total) ≠ \(senones)×\(streams)×\(densities)", at: totalOffset)
        }
        let rawOffset = file.reader.offset
        let raw = try file.floats(total, "mixture weights")
        try file.finish()
        try file.checkFinite(raw, from: rawOffset, nonNegative: true, "weight")
        var penalties = [UInt8](repeating: 0, count: total)
        for senone in 0..<senones {
            for stream in 0..<streams {
                let start = (senone * streams + stream) * densities
                var weights = Array(raw[start..<(start + densities)])
                Self.normalise(&weights)
                for d in weights.indices where weights[d] < floor { weights[d] = floor }
                Self.normalise(&weights)
                for d in weights.indices {
                    let value = -(LogMath.log(Double(weights[d])) >> 10)
                    penalties[(stream * densities + d) * senones + senone] = UInt8(min(max(value, 0), 159))
                }
            }
        }
        self.init(streamCount: streams, densityCount: densities, senoneCount: senones, penalties: penalties)
    }

    private static func normalise(_ row: inout [Float]) {
        var sum = 0.0
        for value in row { sum += Double(value) }
        guard sum > 0 else { return }
        for k in row.indices { row[k] = Float(Double(row[k]) / sum) }
    }
}
