import Foundation
import StenoCore
import StenoFeatures
import StenoTestSupport
import Testing

/// Writers and readers of the feature file formats: exact layouts, round trips, hostile bytes.
@Suite("Feature files")
struct FeatureFileTests {
    static let sample = FeatureMatrix(values: [1.5, -2.25, 0, 3e-8, .greatestFiniteMagnitude, -0.1], dimension: 3)

    @Test(".mfc: little-endian by default, big-endian readable, round trip exact")
    func sphinx() throws {
        let little = SphinxFeatureFile.encode(Self.sample)
        #expect(Array(little.prefix(8)) == [6, 0, 0, 0, 0x00, 0x00, 0xC0, 0x3F])  // count 6, then 1.5f LE
        #expect(try SphinxFeatureFile.decode(little, dimension: 3).values == Self.sample.values)
        let big = SphinxFeatureFile.encode(Self.sample, byteOrder: .bigEndian)
        #expect(Array(big.prefix(8)) == [0, 0, 0, 6, 0x3F, 0xC0, 0x00, 0x00])
        #expect(try SphinxFeatureFile.decode(big, dimension: 3).values == Self.sample.values)
    }

    @Test(".mfc: pocketsphinx's big-endian -mfclogdir dump reads as 278 frames", .requiresSharedData)
    func sphinxBigEndianDump() throws {
        let features = try SphinxFeatureFile.read(SharedData.data("sphinx-reference/gf_noise/000000000.mfc"))
        #expect(features.frameCount == 278)
        // Frame 0's c0 with noise removal (SPHINX_NOTES.md §3.6: 26.7777… vs 27.0593 without).
        #expect(abs(features.values[0] - 26.7777) < 1e-3)
    }

    @Test("HTK: 12-byte big-endian header, period from the frame rate, round trip exact")
    func htk() throws {
        let data = try HTKFeatureFile.encode(Self.sample, kind: .mfcc.union(.withC0))
        #expect(Array(data.prefix(12)) == [0, 0, 0, 2, 0, 1, 0x86, 0xA0, 0, 12, 0x20, 0x06])
        let contents = try HTKFeatureFile.decode(data)
        #expect(contents.features.values == Self.sample.values)
        #expect(contents.framePeriod100ns == 100_000)
        #expect(contents.kind == .mfcc.union(.withC0))
        for length in [0, 11, 12, data.count - 1] {
            #expect(throws: FeatureError.self) { try HTKFeatureFile.decode(data.prefix(length)) }
        }
    }

    @Test(".npy: version 1.0 header padded to 64 bytes, round trip exact")
    func npy() throws {
        let data = NumPyFeatureFile.encode(Self.sample)
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: data[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"))
        #expect(header.hasSuffix("\n"))
        #expect(try NumPyFeatureFile.decode(data).values == Self.sample.values)
        #expect(throws: FeatureError.self) { try NumPyFeatureFile.decode(data.prefix(data.count - 2)) }
        #expect(throws: FeatureError.self) { try NumPyFeatureFile.decode(Data("garbage!!!!!".utf8)) }
    }

    @Test("CSV and JSON keep every float exactly")
    func text() throws {
        let csv = String(decoding: try FeatureFileFormat.csv.encode(Self.sample), as: UTF8.self)
        let parsed = csv.split(separator: "\n").flatMap { $0.split(separator: ",").compactMap { Float($0) } }
        #expect(parsed == Self.sample.values)
        let json = try FeatureFileFormat.json.encode(Self.sample)
        struct Document: Decodable { let frameCount: Int; let dimension: Int; let frames: [[Float]] }
        let document = try JSONDecoder().decode(Document.self, from: json)
        #expect(document.frameCount == 2 && document.dimension == 3)
        #expect(document.frames.flatMap { $0 } == Self.sample.values)
    }
}
