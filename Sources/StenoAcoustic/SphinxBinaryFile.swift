import Foundation

/// A Sphinx-3 binary parameter file ("s3" header, byte-order magic, data, optional checksum),
/// as used for means, variances, mixture_weights and transition_matrices.
///
/// `open` reads the text header and the magic; the caller then reads the payload through
/// `reader`, feeding every 32-bit word to `checksum`, and finishes with `finish()`, which checks
/// the stored checksum and that nothing follows it.
struct SphinxBinaryFile {
    var reader: ByteReader
    /// Header `name value` pairs.
    let header: [String: String]
    /// Whether the header announces a trailing checksum (`chksum0`).
    let hasChecksum: Bool
    /// Running checksum over the 32-bit words read so far.
    private(set) var checksum: UInt32 = 0

    static let byteOrderMagic: UInt32 = 0x1122_3344

    init(contentsOf url: URL) throws {
        var reader = try ByteReader(contentsOf: url)
        guard reader.bytes.starts(with: Array("s3\n".utf8)) else {
            throw reader.error("not a Sphinx-3 binary file (no \"s3\" header)", at: 0)
        }
        reader.offset = 3
        var header: [String: String] = [:]
        var ended = false
        while !ended {
            guard let newline = reader.bytes[reader.offset...].firstIndex(of: 0x0A) else {
                throw reader.error("header has no \"endhdr\" line")
            }
            let tokens = String(decoding: reader.bytes[reader.offset..<newline], as: UTF8.self)
                .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            reader.offset = newline + 1
            guard let first = tokens.first else { continue }
            if first == "endhdr" {
                ended = true
            } else if !first.hasPrefix("#") {
                header[String(first)] = tokens.count > 1 ? String(tokens[1]) : ""
            }
        }
        let magicOffset = reader.offset
        let magic = try reader.uint32("byte-order magic")
        if magic == Self.byteOrderMagic.byteSwapped {
            reader.swapsBytes = true
        } else if magic != Self.byteOrderMagic {
            throw reader.error(
                "bad byte-order magic 0x\(String(magic, radix: 16)) (expected 0x11223344)", at: magicOffset)
        }
        self.reader = reader
        self.header = header
        self.hasChecksum = header["chksum0"] != nil
    }

    var path: String { reader.path }

    mutating func add(toChecksum word: UInt32) {
        checksum = ((checksum << 20) | (checksum >> 12)) &+ word
    }

    mutating func add(toChecksum words: [UInt32]) {
        var sum = checksum
        for word in words { sum = ((sum << 20) | (sum >> 12)) &+ word }
        checksum = sum
    }

    /// Reads an int32 that is part of the checksummed payload.
    mutating func int32(_ what: String) throws -> Int32 {
        let value = try reader.uint32(what)
        add(toChecksum: value)
        return Int32(bitPattern: value)
    }

    /// Reads a non-negative int32 count (checksummed).
    mutating func count(_ what: String, limit: Int = 1 << 28) throws -> Int {
        let start = reader.offset
        let value = Int(try int32(what))
        guard value >= 0, value <= limit else { throw reader.error("\(what) \(value) out of range", at: start) }
        return value
    }

    /// Reads `count` float32 values (checksummed).
    mutating func floats(_ count: Int, _ what: String) throws -> [Float] {
        let (values, words) = try reader.floatArray(count, what)
        add(toChecksum: words)
        return values
    }

    /// Throws at the first of `values` (read from `offset`) that is not finite, or negative when
    /// `nonNegative`: a NaN or infinity would otherwise surface later as a trap or a silent NaN score.
    func checkFinite(_ values: [Float], from offset: Int, nonNegative: Bool, _ what: String) throws {
        guard let bad = values.firstIndex(where: { !$0.isFinite || (nonNegative && $0 < 0) }) else { return }
        throw reader.error("\(what) \(bad) (\(values[bad])) is not a finite\(nonNegative ? " non-negative" : "") number",
                           at: offset + 4 * bad)
    }

    /// Checks the trailing checksum, if any, and that the file ends there.
    func finish() throws {
        var reader = self.reader
        if hasChecksum {
            let position = reader.offset
            let stored = try reader.uint32("checksum")
            guard stored == checksum else {
                throw reader.error(
                    "checksum mismatch (stored 0x\(String(stored, radix: 16)), computed 0x\(String(checksum, radix: 16)))",
                    at: position)
            }
        }
        guard reader.isAtEnd else {
            throw reader.error("\(reader.remaining) unexpected bytes after the data")
        }
    }
}
