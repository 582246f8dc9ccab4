import Foundation

/// Little-endian reads from a byte array that throw, naming the file, when the data runs out.
struct ByteReader {
    let bytes: [UInt8]
    let path: String
    var offset = 0

    func require(_ count: Int, what: String) throws {
        guard count >= 0, bytes.count - offset >= count else {
            throw DecoderError(.malformed, path: path,
                               reason: "truncated: \(what) need \(count) bytes at offset \(offset), \(bytes.count - offset) left")
        }
    }

    mutating func uint8() throws -> UInt8 {
        try require(1, what: "header")
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint32() throws -> UInt32 {
        try require(4, what: "header")
        defer { offset += 4 }
        return bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    }

    mutating func floats(_ count: Int) throws -> [Float] {
        try require(4 * count, what: "quantisation tables")
        defer { offset += 4 * count }
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4 * $0, as: UInt32.self))) }
        }
    }

    mutating func bytes(_ count: Int, what: String) throws -> [UInt8] {
        try require(count, what: what)
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }
}
