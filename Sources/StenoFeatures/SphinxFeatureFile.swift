import Foundation
import StenoCore

/// Sphinx cepstral files (`.mfc`): an int32 count of values, then that many float32 values,
/// frame after frame.
///
/// The byte order is not recorded: readers try little-endian and, if `count·4 + 4` is not the
/// file size, big-endian (pocketsphinx's `-mfclogdir` dumps are big-endian; `goforward.mfc` is
/// little-endian).
public enum SphinxFeatureFile {
    /// Byte order of a written file.
    public enum ByteOrder: Sendable {
        case littleEndian
        case bigEndian
    }

    /// Decodes `.mfc` bytes into frames of `dimension` values. `path` only names the file in errors.
    public static func decode(_ data: Data, dimension: Int = 13, path: String? = nil) throws -> FeatureMatrix {
        guard dimension > 0 else { throw FeatureError(.invalidOptions, "dimension must be positive", path: path) }
        guard data.count >= 4 else {
            throw FeatureError(.malformedFile, "\(data.count) bytes is too short for an .mfc header", path: path)
        }
        let bytes = [UInt8](data)
        let little = Int(Int32(bitPattern: readUInt32(bytes, at: 0, bigEndian: false)))
        let big = Int(Int32(bitPattern: readUInt32(bytes, at: 0, bigEndian: true)))
        let bigEndian: Bool
        let count: Int
        if little >= 0, little * 4 + 4 == bytes.count {
            (bigEndian, count) = (false, little)
        } else if big >= 0, big * 4 + 4 == bytes.count {
            (bigEndian, count) = (true, big)
        } else {
            throw FeatureError(.malformedFile, "header counts \(little) values but the file holds "
                               + "\((bytes.count - 4) / 4) (in either byte order)", path: path)
        }
        guard count % dimension == 0 else {
            throw FeatureError(.malformedFile, "\(count) values do not make whole \(dimension)-value frames",
                               path: path)
        }
        var values = [Float](repeating: 0, count: count)
        for i in 0..<count {
            values[i] = Float(bitPattern: readUInt32(bytes, at: 4 + 4 * i, bigEndian: bigEndian))
        }
        return FeatureMatrix(values: values, dimension: dimension)
    }

    /// Reads an `.mfc` file.
    public static func read(_ url: URL, dimension: Int = 13) throws -> FeatureMatrix {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FeatureError(.io, "cannot read: \(error.localizedDescription)", path: url.path)
        }
        return try decode(data, dimension: dimension, path: url.path)
    }

    /// Encodes features as `.mfc` bytes (little-endian by default, as `goforward.mfc`).
    public static func encode(_ features: FeatureMatrix, byteOrder: ByteOrder = .littleEndian) -> Data {
        var data = Data(capacity: 4 + 4 * features.values.count)
        let bigEndian = byteOrder == .bigEndian
        appendUInt32(UInt32(truncatingIfNeeded: features.values.count), to: &data, bigEndian: bigEndian)
        for value in features.values { appendUInt32(value.bitPattern, to: &data, bigEndian: bigEndian) }
        return data
    }

    static func readUInt32(_ bytes: [UInt8], at offset: Int, bigEndian: Bool) -> UInt32 {
        let b = (UInt32(bytes[offset]), UInt32(bytes[offset + 1]), UInt32(bytes[offset + 2]), UInt32(bytes[offset + 3]))
        return bigEndian ? b.0 << 24 | b.1 << 16 | b.2 << 8 | b.3 : b.3 << 24 | b.2 << 16 | b.1 << 8 | b.0
    }

    static func appendUInt32(_ value: UInt32, to data: inout Data, bigEndian: Bool) {
        let stored = bigEndian ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: stored) { data.append(contentsOf: $0) }
    }
}
