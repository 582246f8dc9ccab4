import Foundation
@testable import StenoAudio
import StenoCore
import StenoTestSupport
import Testing

/// Broken, truncated and out-of-range files give an ``AudioError`` naming the file, never a crash.
@Suite("Hostile input")
struct HostileInputTests {
    @Test(.requiresSharedData, arguments: ["awful.wav", "bad.wav", "evil.wav", "null.wav"])
    func sharedHostileFilesAreRejected(_ name: String) throws {
        let path = SharedData.data("hostile/\(name)").path
        let error = try #require(throws: AudioError.self) { try AudioReader().read(path) }
        #expect(error.path == path)
        #expect(!error.reason.isEmpty)
        #expect(!error.reason.contains("\n"))
        // Header-only inspection must refuse them too.
        #expect(throws: AudioError.self) { try AudioReader().info(path) }
    }

    @Test(.requiresSharedData)
    func hostileFilesFailForTheRightReason() throws {
        func kind(_ name: String) throws -> AudioError.Kind {
            let error = try #require(throws: AudioError.self) { try AudioReader().read(SharedData.data("hostile/\(name)").path) }
            return error.kind
        }
        #expect(try kind("awful.wav") == .sampleRateOutOfRange)  // header says 1 092 676 Hz
        #expect(try kind("null.wav") == .empty)  // data chunk of 0 bytes
        #expect(try kind("bad.wav") == .malformed)  // fmt chunk size 0x66666666
        #expect(try kind("evil.wav") == .malformed)  // no data chunk
    }

    /// A valid 16-bit WAV cut at every offset of its header and at many offsets in its data.
    @Test func truncatedWAVIsAlwaysAnError() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let samples = SignalGenerator.sine(count: 4_000, frequencyHertz: 300, amplitude: 0.5, sampleRate: .speech16k)
        let whole = TestAudioFiles.wavBytes(sampleRate: 16_000, channels: 1, bitsPerSample: 16,
                                            payload: TestAudioFiles.pcm16Bytes(samples))
        #expect(try AudioReader().read(try write(whole, "whole.wav", in: directory)).samples.count == 4_000)
        let offsets = Array(0..<60) + Array(stride(from: 60, to: whole.count, by: 97)) + [whole.count - 2, whole.count - 1]
        for offset in offsets {
            let path = try write(Array(whole.prefix(offset)), "cut-\(offset).wav", in: directory)
            #expect(throws: AudioError.self, "cut at \(offset) of \(whole.count) bytes") {
                _ = try AudioReader().read(path)
            }
            #expect(throws: AudioError.self, "header-only, cut at \(offset)") { _ = try AudioReader().info(path) }
        }
    }

    @Test func truncatedDataIsReportedAsTruncation() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let payload = TestAudioFiles.pcm16Bytes([Float](repeating: 0.25, count: 1_000))
        let bytes = TestAudioFiles.wavBytes(sampleRate: 16_000, channels: 1, bitsPerSample: 16, payload: payload)
        let path = try write(Array(bytes.prefix(bytes.count - 500)), "short.wav", in: directory)
        let error = try #require(throws: AudioError.self) { try AudioReader().read(path) }
        #expect(error.kind == .truncated)
        #expect(error.reason.contains("2000"))
    }

    /// Other containers cut at 40 offsets: each cut is an error (never a crash, never a short clip).
    @Test(arguments: [("flac", AudioFileFormat.flac16), ("ogg", AudioFileFormat(container: .ogg, encoding: .vorbis)),
                      ("aiff", AudioFileFormat(container: .aiff, encoding: .pcm16)),
                      ("caf", AudioFileFormat(container: .caf, encoding: .pcm24)),
                      ("au", AudioFileFormat(container: .au, encoding: .muLaw)),
                      ("w64", AudioFileFormat(container: .w64, encoding: .float32))])
    func truncatedContainersAreErrors(_ fileExtension: String, _ format: AudioFileFormat) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        var generator = SignalGenerator(seed: 7)
        let noise = generator.noise(count: 32_000, rmsDBFS: -20)
        let path = directory.appendingPathComponent("whole.\(fileExtension)").path
        try AudioWriter(format: format).write(AudioBuffer(samples: noise, sampleRate: .speech16k), to: path)
        let whole = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(try AudioReader().read(path).samples.count == 32_000)
        for offset in stride(from: 0, to: whole.count - 1, by: max(1, whole.count / 40)) {
            let cut = try write(Array(whole.prefix(offset)), "cut-\(offset).\(fileExtension)", in: directory)
            #expect(throws: AudioError.self, "\(fileExtension) cut at \(offset) of \(whole.count)") {
                _ = try AudioReader().read(cut)
            }
        }
    }

    @Test(arguments: [UInt32(0), 500, 999, 384_001, 1_000_000])
    func ratesOutsideTheSupportedRangeAreRejected(_ rate: UInt32) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let bytes = TestAudioFiles.wavBytes(sampleRate: rate, channels: 1, bitsPerSample: 16,
                                            payload: TestAudioFiles.pcm16Bytes([0.1, 0.2]))
        let path = try write(bytes, "rate.wav", in: directory)
        let error = try #require(throws: AudioError.self) { try AudioReader().read(path) }
        // Rate 0 is refused by libsndfile itself; the others reach Steno's range check.
        if rate != 0 { #expect(error.kind == .sampleRateOutOfRange) }
        #expect(error.path == path)
    }

    @Test(arguments: [UInt32(1_000), 384_000])
    func rangeLimitsAreAccepted(_ rate: UInt32) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let bytes = TestAudioFiles.wavBytes(sampleRate: rate, channels: 1, bitsPerSample: 16,
                                            payload: TestAudioFiles.pcm16Bytes([0.1, 0.2]))
        #expect(try AudioReader().info(try write(bytes, "edge.wav", in: directory)).sampleRate.hertz == Int(rate))
    }

    @Test func missingEmptyDirectoryAndGarbageAreErrors() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let missing = directory.appendingPathComponent("missing.wav").path
        #expect(try #require(throws: AudioError.self) { try AudioReader().read(missing) }.kind == .notFound)
        #expect(try #require(throws: AudioError.self) { try AudioReader().read(directory.path) }.kind == .notFound)
        let empty = try write([], "empty.wav", in: directory)
        #expect(try #require(throws: AudioError.self) { try AudioReader().read(empty) }.kind == .empty)
        var generator = SignalGenerator(seed: 42)
        for index in 0..<20 {
            let garbage = (0..<(16 + index * 37)).map { _ in UInt8(generator.nextUnit() * 256) }
            let path = try write(garbage, "garbage-\(index).wav", in: directory)
            #expect(throws: AudioError.self) { _ = try AudioReader().read(path) }
        }
        // A RIFF header followed by garbage chunk sizes.
        var riff = TestAudioFiles.wavBytes(sampleRate: 16_000, channels: 1, bitsPerSample: 16, payload: [1, 2, 3, 4])
        riff.replaceSubrange(16..<20, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: AudioError.self) { _ = try AudioReader().read(try write(riff, "chunks.wav", in: directory)) }
    }

    @Test func truncationLogParsing() {
        let log = "RIFF : 156836 (should be 156835)\nWAVE\ndata : 156800 (should be 156799)\nEnd\n"
        #expect(TruncationCheck.problem(inLog: log)?.contains("156800") == true)
        #expect(TruncationCheck.problem(inLog: ".snd\n  Data Offset : 24\n  Data Size   : 32000 (should be 15988)\n") != nil)
        // A sloppy RIFF size alone is common in valid files and is not truncation.
        #expect(TruncationCheck.problem(inLog: "RIFF : 100 (should be 90)\ndata : 50\n") == nil)
    }

    private func write(_ bytes: [UInt8], _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try TestAudioFiles.write(bytes, to: url)
        return url.path
    }
}

@Suite("Non-finite samples")
struct NonFiniteSampleTests {
    @Test(arguments: [Float.nan, .infinity, -.infinity])
    func floatFileWithNonFiniteSampleIsMalformed(_ bad: Float) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        var samples = [Float](repeating: 0.1, count: 1_000)
        samples[777] = bad
        let path = directory.appendingPathComponent("nan.wav").path
        try AudioWriter(format: .wavFloat).write(AudioBuffer(samples: samples, sampleRate: .speech16k), to: path)
        let error = try #require(throws: AudioError.self) { try AudioReader().read(path) }
        #expect(error.kind == .malformed)
        #expect(error.reason.contains("frame 777"))
    }
}

@Suite("Header-only inspection")
struct HeaderOnlyTests {
    /// `info` reads the header only: a FLAC whose audio frames are overwritten with zeros still
    /// describes itself, while decoding it fails with an error rather than returning damaged audio.
    @Test func infoDoesNotDecodeTheFrames() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        var generator = SignalGenerator(seed: 3)
        let path = directory.appendingPathComponent("damaged.flac").path
        try AudioWriter(format: .flac16).write(
            AudioBuffer(samples: generator.noise(count: 48_000, rmsDBFS: -20), sampleRate: .speech16k), to: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let middle = bytes.count / 2
        bytes.replaceSubrange(middle..<(middle + 4_000), with: [UInt8](repeating: 0, count: 4_000))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let info = try AudioReader().info(path)
        #expect(info.frameCount == 48_000)
        #expect(info.container == "FLAC")
        #expect(throws: AudioError.self) { _ = try AudioReader().read(path) }
    }
}

@Suite("Lying headers")
struct LyingHeaderTests {
    /// A FLAC whose STREAMINFO claims 2^36 − 1 frames (about 50 days at 16 kHz) but holds one second:
    /// no attempt to allocate for the claim, and an error for the missing frames.
    @Test(arguments: [nil, SampleRate.speech16k, SampleRate(uncheckedHertz: 8_000)])
    func flacClaimingAstronomicalLength(_ target: SampleRate?) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        var generator = SignalGenerator(seed: 5)
        let path = directory.appendingPathComponent("liar.flac").path
        try AudioWriter(format: .flac16).write(
            AudioBuffer(samples: generator.noise(count: 16_000, rmsDBFS: -20), sampleRate: .speech16k), to: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // "fLaC", a 4-byte block header, then STREAMINFO; its 36-bit total-samples field is the low
        // 4 bits of byte 13 and bytes 14...17 of the block.
        #expect(bytes.starts(with: Array("fLaC".utf8)))
        bytes[8 + 13] |= 0x0F
        for index in (8 + 14)...(8 + 17) { bytes[index] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: AudioError.self) {
            _ = try AudioReader(options: .init(targetSampleRate: target)).read(path)
        }
        #expect(error.kind == .truncated)
    }

    /// A WAV header declaring the most channels libsndfile allows, with a few bytes of data.
    @Test func wavWithManyChannels() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let bytes = TestAudioFiles.wavBytes(sampleRate: 16_000, channels: 1_024, bitsPerSample: 16,
                                            payload: [UInt8](repeating: 1, count: 2_048 * 3))
        let url = directory.appendingPathComponent("wide.wav")
        try TestAudioFiles.write(bytes, to: url)
        let decoded = try AudioReader().decode(url.path)
        #expect(decoded.info.channelCount == 1_024)
        #expect(decoded.buffer.samples.count == 3)
    }
}

@Suite("Mutated files")
struct MutationFuzzTests {
    /// Seeded byte mutations of valid files in several formats: each either decodes (to finite
    /// samples of the declared length) or throws an ``AudioError``; nothing crashes.
    @Test(arguments: [("wav", AudioFileFormat.wav16), ("flac", AudioFileFormat.flac16),
                      ("ogg", AudioFileFormat(container: .ogg, encoding: .vorbis)),
                      ("aiff", AudioFileFormat(container: .aiff, encoding: .pcm24)),
                      ("au", AudioFileFormat(container: .au, encoding: .aLaw))])
    func mutatedFilesNeverCrash(_ fileExtension: String, _ format: AudioFileFormat) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        var generator = SignalGenerator(seed: 99)
        let original = directory.appendingPathComponent("original.\(fileExtension)").path
        try AudioWriter(format: format).write(
            AudioBuffer(samples: generator.noise(count: 8_000, rmsDBFS: -20), sampleRate: .speech16k), to: original)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: original)))
        var outcomes = (decoded: 0, rejected: 0)
        for round in 0..<150 {
            var mutated = bytes
            // Mostly the header (first 64 bytes), where parsers branch; sometimes anywhere.
            let mutations = 1 + Int(generator.nextUnit() * 4)
            for _ in 0..<mutations {
                let span = generator.nextUnit() < 0.7 ? min(64, mutated.count) : mutated.count
                let index = Int(generator.nextUnit() * Double(span))
                mutated[index] = UInt8(generator.nextUnit() * 256)
            }
            let path = directory.appendingPathComponent("m\(round).\(fileExtension)").path
            try Data(mutated).write(to: URL(fileURLWithPath: path))
            do {
                let decoded = try AudioReader(options: .init(targetSampleRate: .speech16k)).decode(path)
                let allFinite = decoded.buffer.samples.allSatisfy { $0.isFinite }
                #expect(allFinite)
                outcomes.decoded += 1
            } catch is AudioError {
                outcomes.rejected += 1
            }
        }
        #expect(outcomes.decoded + outcomes.rejected == 150)
    }
}
