import Foundation

/// A cursor over a binary model file, reading little- or big-endian values and failing with an
/// `AcousticError` that names the file and byte offset when the file ends early.
struct ByteReader {
    let bytes: [UInt8]
    let path: String
    var offset: Int = 0
    /// Whether multi-byte values must be byte-swapped (the file was written big-endian).
    var swapsBytes = false

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    init(contentsOf url: URL) throws {
        do {
            let data = try Data(contentsOf: url)
            self.init(bytes: [UInt8](data), path: url.path)
        } catch {
            throw AcousticError(path: url.path, problem: "cannot read file (\(error.localizedDescription))")
        }
    }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset >= bytes.count }

    func error(_ problem: String, at position: Int? = nil) -> AcousticError {
        AcousticError(path: path, problem: problem, byteOffset: position ?? offset)
    }

    /// Fails unless `count` more bytes are available.
    func require(_ count: Int, for what: String) throws {
        guard count >= 0, count <= remaining else {
            throw error("file ends early: need \(count) bytes for \(what), \(max(remaining, 0)) left")
        }
    }

    mutating func skip(_ count: Int, for what: String) throws {
        try require(count, for: what)
        offset += count
    }

    mutating func uint8(_ what: String) throws -> UInt8 {
        try require(1, for: what)
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint16(_ what: String) throws -> UInt16 {
        try require(2, for: what)
        let raw = UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
        offset += 2
        return swapsBytes ? raw.byteSwapped : raw
    }

    mutating func uint32(_ what: String) throws -> UInt32 {
        try require(4, for: what)
        let raw = peekUInt32LittleEndian(at: offset)
        offset += 4
        return swapsBytes ? raw.byteSwapped : raw
    }

    mutating func int32(_ what: String) throws -> Int32 { Int32(bitPattern: try uint32(what)) }
    mutating func int16(_ what: String) throws -> Int16 { Int16(bitPattern: try uint16(what)) }

    /// An int32 that must be a count in `0...limit`.
    mutating func count(_ what: String, limit: Int = 1 << 28) throws -> Int {
        let start = offset
        let value = Int(try int32(what))
        guard value >= 0, value <= limit else { throw error("\(what) \(value) out of range", at: start) }
        return value
    }

    func peekUInt32LittleEndian(at position: Int) -> UInt32 {
        UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
            | UInt32(bytes[position + 3]) << 24
    }

    /// `count` 32-bit words as raw (already byte-order corrected) values.
    mutating func uint32Array(_ count: Int, _ what: String) throws -> [UInt32] {
        try require(count * 4, for: what)
        if count == 0 { return [] }
        var out = [UInt32](repeating: 0, count: count)
        let swap = swapsBytes
        let start = offset
        bytes.withUnsafeBytes { raw in
            out.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + count * 4)])) }
        }
        // The in-memory copy is little-endian on every platform Swift targets here.
        for i in out.indices {
            let v = UInt32(littleEndian: out[i])
            out[i] = swap ? v.byteSwapped : v
        }
        offset += count * 4
        return out
    }

    mutating func floatArray(_ count: Int, _ what: String) throws -> (values: [Float], words: [UInt32]) {
        let words = try uint32Array(count, what)
        return (words.map { Float(bitPattern: $0) }, words)
    }

    /// A NUL-terminated string.
    mutating func cString(_ what: String) throws -> String {
        guard let end = bytes[offset...].firstIndex(of: 0) else {
            throw error("unterminated \(what)")
        }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        offset = end + 1
        return text
    }
}
