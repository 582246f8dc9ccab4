import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport
import Testing

/// Headerless files with known bytes decode to known values.
@Suite("Raw PCM decoding")
struct RawDecodingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var encoding: RawSampleEncoding
        var bytes: [UInt8]
        var expected: [Float]
        var testDescription: String { encoding.rawValue }
    }

    /// Each encoding's bytes for (in order) zero, a positive and a negative value, written by hand
    /// from the format definitions, and the values libsndfile must give for them.
    static let cases: [Case] = [
        Case(encoding: .s8, bytes: [0x00, 0x40, 0xC0], expected: [0, 0.5, -0.5]),
        Case(encoding: .u8, bytes: [0x80, 0xC0, 0x40], expected: [0, 0.5, -0.5]),
        Case(encoding: .s16le, bytes: [0x00, 0x00, 0x00, 0x40, 0x00, 0xC0], expected: [0, 0.5, -0.5]),
        Case(encoding: .s16be, bytes: [0x00, 0x00, 0x40, 0x00, 0xC0, 0x00], expected: [0, 0.5, -0.5]),
        Case(encoding: .s24le, bytes: [0, 0, 0, 0, 0, 0x40, 0, 0, 0xC0], expected: [0, 0.5, -0.5]),
        Case(encoding: .s24be, bytes: [0, 0, 0, 0x40, 0, 0, 0xC0, 0, 0], expected: [0, 0.5, -0.5]),
        Case(encoding: .s32le, bytes: [0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0xC0], expected: [0, 0.5, -0.5]),
        Case(encoding: .s32be, bytes: [0, 0, 0, 0, 0x40, 0, 0, 0, 0xC0, 0, 0, 0], expected: [0, 0.5, -0.5]),
        // IEEE 754: 0.5 = 0x3F000000, −0.25 = 0xBE800000.
        Case(encoding: .f32le, bytes: [0, 0, 0, 0, 0, 0, 0, 0x3F, 0, 0, 0x80, 0xBE], expected: [0, 0.5, -0.25]),
        Case(encoding: .f32be, bytes: [0, 0, 0, 0, 0x3F, 0, 0, 0, 0xBE, 0x80, 0, 0], expected: [0, 0.5, -0.25]),
        // 0.5 = 0x3FE0000000000000, −0.25 = 0xBFD0000000000000.
        Case(encoding: .f64le, bytes: [0, 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0xE0, 0x3F] + [0, 0, 0, 0, 0, 0, 0xD0, 0xBF],
             expected: [0, 0.5, -0.25]),
        Case(encoding: .f64be, bytes: [0, 0, 0, 0, 0, 0, 0, 0] + [0x3F, 0xE0, 0, 0, 0, 0, 0, 0] + [0xBF, 0xD0, 0, 0, 0, 0, 0, 0],
             expected: [0, 0.5, -0.25]),
        // G.711 µ-law: 0xFF is zero, 0x80 the largest positive (+32124), 0x00 the largest negative.
        Case(encoding: .mulaw, bytes: [0xFF, 0x80, 0x00], expected: [0, 32124.0 / 32768, -32124.0 / 32768]),
        // G.711 A-law: 0xD5 is +8, 0xAA the largest positive (+32256), 0x2A the largest negative.
        Case(encoding: .alaw, bytes: [0xD5, 0xAA, 0x2A], expected: [8.0 / 32768, 32256.0 / 32768, -32256.0 / 32768]),
    ]

    @Test(arguments: cases)
    func knownBytesDecodeToKnownValues(_ testCase: Case) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let url = directory.appendingPathComponent("clip.raw")
        try TestAudioFiles.write(testCase.bytes, to: url)
        let raw = RawAudioDescription(sampleRate: .speech16k, encoding: testCase.encoding)
        let decoded = try AudioReader(options: .init(raw: raw)).decode(url.path)
        #expect(decoded.info.container == "RAW")
        #expect(decoded.info.frameCount == testCase.expected.count)
        // These values are exactly representable in Float, so the comparison is exact.
        #expect(decoded.buffer.samples == testCase.expected)
    }

    @Test func interleavedRawChannelsAreAveragedOrSelected() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let url = directory.appendingPathComponent("stereo.raw")
        // Frames (0.5, −0.25) and (0.25, 0.75) as s16le.
        try TestAudioFiles.write(TestAudioFiles.pcm16Bytes([0.5, -0.25, 0.25, 0.75]), to: url)
        let raw = RawAudioDescription(sampleRate: .speech16k, encoding: .s16le, channelCount: 2)
        #expect(try AudioReader(options: .init(raw: raw)).read(url.path).samples == [0.125, 0.5])
        #expect(try AudioReader(options: .init(channels: .single(1), raw: raw)).read(url.path).samples == [-0.25, 0.75])
    }

    @Test func sizeThatIsNotWholeFramesIsRejected() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let url = directory.appendingPathComponent("odd.raw")
        try TestAudioFiles.write([1, 2, 3, 4, 5], to: url)
        let raw = RawAudioDescription(sampleRate: .speech16k, encoding: .s16le)
        let error = try #require(throws: AudioError.self) { try AudioReader(options: .init(raw: raw)).read(url.path) }
        #expect(error.kind == .rawDescriptionMismatch)
        #expect(error.path == url.path)
        #expect(error.reason.contains("5 bytes"))
    }

    @Test func headeredFileReadAsRawIsRejected() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let path = directory.appendingPathComponent("real.wav").path
        try AudioWriter().write(AudioBuffer(samples: [0, 0.5], sampleRate: .speech16k), to: path)
        let raw = RawAudioDescription(sampleRate: .speech16k, encoding: .s16le)
        let error = try #require(throws: AudioError.self) { try AudioReader(options: .init(raw: raw)).read(path) }
        #expect(error.kind == .rawDescriptionMismatch)
        #expect(error.reason.contains("WAV"))
    }

    @Test(.requiresSharedData)
    func pocketsphinxRawMatchesItsWAVTwin() throws {
        // goforward.raw is the bundled Fixtures/audio/goforward.wav without its header.
        let raw = RawAudioDescription(sampleRate: .speech16k, encoding: .s16le)
        let fromRaw = try AudioReader(options: .init(raw: raw)).read(SharedData.data("pocketsphinx/goforward.raw").path)
        let fromWAV = try AudioReader().read(Fixtures.url("audio/goforward.wav").path)
        #expect(fromRaw == fromWAV)
    }
}
