import Foundation
import StenoCore

/// Readers for pocketsphinx's own dumps (`-mfclogdir` cepstra, `-senlogdir` senone scores), and
/// the batch-CMN + `1s_c_d_dd` feature computation described in SPHINX_NOTES.md §4, so the scorer
/// can be checked against the dumps independently of the front end.
public enum SphinxDumps {
    /// A dump that cannot be read, with a short reason.
    public struct Failure: Error, CustomStringConvertible { public let description: String }

    /// One `.sen` record: the senones scored (nil = all) and pocketsphinx's scores (≥ 0, best = 0).
    public struct SenoneRecord: Sendable {
        public let senones: [Int32]?
        public let scores: [Int16]
    }

    /// Big-endian (or little-endian) `.mfc`: int32 count, then count f32 values, 13 per frame.
    public static func cepstra(_ url: URL, dimension: Int = 13) throws -> [[Float]] {
        let bytes = [UInt8](try Data(contentsOf: url))
        func word(_ at: Int, swap: Bool) -> UInt32 {
            let le = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
            return swap ? le.byteSwapped : le
        }
        var swap = false
        if Int(word(0, swap: false)) * 4 + 4 != bytes.count { swap = true }
        let count = Int(word(0, swap: swap))
        guard count * 4 + 4 == bytes.count, count % dimension == 0 else { throw Failure(description: "bad mfc \(url.path)") }
        return (0..<(count / dimension)).map { frame in
            (0..<dimension).map { Float(bitPattern: word(4 + (frame * dimension + $0) * 4, swap: swap)) }
        }
    }

    /// Batch CMN (mean of frames with c0 ≥ 0, f32 accumulation) then 1s_c_d_dd with 3-frame edge
    /// replication, as SPHINX_NOTES.md §4.1-4.2 describe.
    public static func features(fromCepstra cepstra: [[Float]]) -> FeatureMatrix {
        let n = 13
        var sum = [Float](repeating: 0, count: n)
        var used: Float = 0
        for frame in cepstra where frame[0] >= 0 {
            for d in 0..<n { sum[d] += frame[d] }
            used += 1
        }
        let mean = sum.map { $0 / used }
        let normalised = cepstra.map { frame in (0..<n).map { frame[$0] - mean[$0] } }
        let padded = Array(repeating: normalised[0], count: 3) + normalised
            + Array(repeating: normalised[normalised.count - 1], count: 3)
        var matrix = FeatureMatrix(dimension: 39)
        for t in 0..<normalised.count {
            let p = t + 3
            var row = padded[p]
            for d in 0..<n { row.append(padded[p + 2][d] - padded[p - 2][d]) }
            for d in 0..<n {
                row.append((padded[p + 3][d] - padded[p - 1][d]) - (padded[p + 1][d] - padded[p - 3][d]))
            }
            matrix.append(frame: row)
        }
        return matrix
    }

    /// Parses a `.sen` senone dump.
    public static func senoneRecords(_ url: URL, senoneCount: Int) throws -> [SenoneRecord] {
        let bytes = [UInt8](try Data(contentsOf: url))
        guard let end = bytes.firstRange(of: Array("endhdr\n".utf8)) else { throw Failure(description: "no endhdr") }
        var offset = end.upperBound
        let magic = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
        let swap = magic != 0x1122_3344
        offset += 4
        func int16() -> Int16 {
            let raw = UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
            offset += 2
            return Int16(bitPattern: swap ? raw.byteSwapped : raw)
        }
        var records: [SenoneRecord] = []
        while offset < bytes.count {
            let count = Int(int16())
            if count == senoneCount {
                records.append(SenoneRecord(senones: nil, scores: (0..<count).map { _ in int16() }))
            } else {
                var id: Int32 = 0
                var ids: [Int32] = []
                for k in 0..<count {
                    id += Int32(bytes[offset + k])
                    ids.append(id)
                }
                offset += count
                records.append(SenoneRecord(senones: ids, scores: (0..<count).map { _ in int16() }))
            }
        }
        return records
    }
}
