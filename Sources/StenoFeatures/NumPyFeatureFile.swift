import Foundation
import StenoCore

/// NumPy `.npy` files (format version 1.0) holding a little-endian float32 array of shape
/// (frames, dimension), as `numpy.load` reads them.
public enum NumPyFeatureFile {
    private static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Encodes frames as a C-order `<f4` array.
    public static func encode(_ features: FeatureMatrix) -> Data {
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(features.frameCount), \(features.dimension)), }"
        // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64, ending in \n.
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data(magic + [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        for value in features.values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// Decodes a 2-D little-endian float32 C-order `.npy` array (the kind ``encode(_:)`` writes).
    public static func decode(_ data: Data, path: String? = nil) throws -> FeatureMatrix {
        let bytes = [UInt8](data)
        func fail(_ reason: String) -> FeatureError { FeatureError(.malformedFile, reason, path: path) }
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw fail("not a .npy file (bad magic)") }
        guard bytes[6] == 1 else { throw fail(".npy version \(bytes[6]) is not supported (only 1.0)") }
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        guard bytes.count >= 10 + headerLength else { throw fail("truncated .npy header") }
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        guard header.contains("'descr': '<f4'"), header.contains("'fortran_order': False") else {
            throw fail("only C-order little-endian float32 arrays are supported")
        }
        guard let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")")
        else { throw fail("no shape in the .npy header") }
        let dims = header[open.upperBound..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.compactMap { Int($0) }
        guard dims.count == 2, dims[0] >= 0, dims[1] > 0 else { throw fail("expected a 2-D shape, found (\(dims))") }
        let count = dims[0] * dims[1]
        let start = 10 + headerLength
        guard bytes.count == start + 4 * count else {
            throw fail("shape \(dims[0])×\(dims[1]) needs \(4 * count) data bytes, the file has \(bytes.count - start)")
        }
        let values = (0..<count).map { Float(bitPattern: SphinxFeatureFile.readUInt32(bytes, at: start + 4 * $0,
                                                                                     bigEndian: false)) }
        return FeatureMatrix(values: values, dimension: dims[1])
    }
}
