import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport
import Testing

/// Writes known signals in every container/encoding Steno supports and reads them back.
@Suite("Round trips through libsndfile")
struct RoundTripTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var format: AudioFileFormat
        var fileExtension: String
        var container: String
        var encoding: String
        /// Largest allowed |written − read| per sample, from the encoding's quantisation step.
        var tolerance: Float
        var testDescription: String { "\(format.container.rawValue)/\(format.encoding.rawValue)" }
    }

    // Tolerances: half a quantisation step plus margin for integer PCM (8-bit: 1/128; 16-bit:
    // 1/32768); G.711 companding keeps ~4 bits of mantissa, so near amplitude 0.5 the step is
    // about 1/64 (tolerance 0.02); floats are exact.
    static let cases: [Case] = [
        Case(format: .wav16, fileExtension: "wav", container: "WAV", encoding: "PCM_16", tolerance: 1.0 / 32768),
        Case(format: .init(container: .wav, encoding: .pcmU8), fileExtension: "wav", container: "WAV", encoding: "PCM_U8", tolerance: 1.0 / 128),
        Case(format: .init(container: .wav, encoding: .pcm24), fileExtension: "wav", container: "WAV", encoding: "PCM_24", tolerance: 1.0 / 8_388_608),
        Case(format: .init(container: .wav, encoding: .pcm32), fileExtension: "wav", container: "WAV", encoding: "PCM_32", tolerance: 1e-7),
        Case(format: .wavFloat, fileExtension: "wav", container: "WAV", encoding: "FLOAT", tolerance: 0),
        Case(format: .init(container: .wav, encoding: .float64), fileExtension: "wav", container: "WAV", encoding: "DOUBLE", tolerance: 0),
        Case(format: .init(container: .wav, encoding: .muLaw), fileExtension: "wav", container: "WAV", encoding: "ULAW", tolerance: 0.02),
        Case(format: .init(container: .wav, encoding: .aLaw), fileExtension: "wav", container: "WAV", encoding: "ALAW", tolerance: 0.02),
        Case(format: .flac16, fileExtension: "flac", container: "FLAC", encoding: "PCM_16", tolerance: 1.0 / 32768),
        Case(format: .flac24, fileExtension: "flac", container: "FLAC", encoding: "PCM_24", tolerance: 1.0 / 8_388_608),
        Case(format: .init(container: .flac, encoding: .pcmS8), fileExtension: "flac", container: "FLAC", encoding: "PCM_S8", tolerance: 1.0 / 128),
        Case(format: .init(container: .aiff, encoding: .pcm16), fileExtension: "aiff", container: "AIFF", encoding: "PCM_16", tolerance: 1.0 / 32768),
        Case(format: .init(container: .aiff, encoding: .pcmS8), fileExtension: "aiff", container: "AIFF", encoding: "PCM_S8", tolerance: 1.0 / 128),
        Case(format: .init(container: .aiff, encoding: .float32), fileExtension: "aiff", container: "AIFF", encoding: "FLOAT", tolerance: 0),
        Case(format: .init(container: .au, encoding: .muLaw), fileExtension: "au", container: "AU", encoding: "ULAW", tolerance: 0.02),
        Case(format: .init(container: .caf, encoding: .pcm16), fileExtension: "caf", container: "CAF", encoding: "PCM_16", tolerance: 1.0 / 32768),
        Case(format: .init(container: .w64, encoding: .pcm24), fileExtension: "w64", container: "W64", encoding: "PCM_24", tolerance: 1.0 / 8_388_608),
    ]

    @Test(arguments: cases)
    func losslessAndCompandedEncodingsReturnTheSamples(_ testCase: Case) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let rate = SampleRate(uncheckedHertz: 22_050)
        let signal = TestAudioFiles.stereoSignal(frames: 5_000, sampleRate: rate)
        let path = directory.appendingPathComponent("signal.\(testCase.fileExtension)").path
        try AudioWriter(format: testCase.format).write(interleaved: signal.interleaved, channelCount: 2,
                                                        sampleRate: rate, to: path)

        let info = try AudioReader().info(path)
        #expect(info.container == testCase.container)
        #expect(info.encoding == testCase.encoding)
        #expect(info.sampleRate == rate)
        #expect(info.channelCount == 2)
        #expect(info.frameCount == 5_000)

        for (channel, expected) in [(0, signal.left), (1, signal.right)] {
            let buffer = try AudioReader(options: .init(channels: .single(channel))).read(path)
            #expect(buffer.sampleRate == rate)
            #expect(buffer.samples.count == expected.count)
            let worst = zip(buffer.samples, expected).map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst <= testCase.tolerance + 1e-7, "channel \(channel): worst error \(worst)")
        }
    }

    /// Lossy codecs cannot return the samples; they must keep length, rate and level.
    @Test(arguments: [AudioFileFormat.Encoding.vorbis, .opus])
    func lossyOggKeepsLengthAndLevel(_ encoding: AudioFileFormat.Encoding) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let rate = SampleRate(uncheckedHertz: 48_000)
        let frames = 48_000
        let tone = SignalGenerator.sine(count: frames, frequencyHertz: 440, amplitude: 0.5, sampleRate: rate)
        let path = directory.appendingPathComponent("tone.ogg").path
        try AudioWriter(format: .init(container: .ogg, encoding: encoding)).write(
            AudioBuffer(samples: tone, sampleRate: rate), to: path)
        let decoded = try AudioReader().decode(path)
        #expect(decoded.info.container == "OGG")
        #expect(decoded.info.encoding == (encoding == .vorbis ? "VORBIS" : "OPUS"))
        #expect(decoded.info.sampleRate == rate)
        // Codec delay handling may differ by a frame block; the length must be within 20 ms.
        #expect(abs(decoded.buffer.samples.count - frames) <= 960)
        // A sine at amplitude 0.5 has RMS 0.3536; a perceptual codec keeps it within 0.5 dB.
        let middle = decoded.buffer.samples[4_800..<(decoded.buffer.samples.count - 4_800)]
        let rms = (middle.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(middle.count)).squareRoot()
        #expect(abs(20 * log10(rms / (0.5 / 2.0.squareRoot()))) < 0.5, "RMS \(rms)")
    }

    @Test func writerRefusesToReplaceUnlessAsked() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let path = directory.appendingPathComponent("out.wav").path
        let buffer = AudioBuffer(samples: [0.1, 0.2, 0.3], sampleRate: .speech16k)
        try AudioWriter().write(buffer, to: path)
        #expect(throws: AudioError.self) { try AudioWriter().write(buffer, to: path) }
        let louder = AudioBuffer(samples: [0.5, 0.5, 0.5], sampleRate: .speech16k)
        try AudioWriter(replaceExisting: true).write(louder, to: path)
        let back = try AudioReader().read(path)
        #expect(back.samples == [0.5, 0.5, 0.5])
        // No temporary files are left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.wav"])
    }

    @Test func integerPCMSaturatesBeyondFullScaleAndFloatKeepsIt() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        let hot = AudioBuffer(samples: [1.5, -1.5, 0.25], sampleRate: .speech16k)
        let pcmPath = directory.appendingPathComponent("pcm.wav").path
        let floatPath = directory.appendingPathComponent("float.wav").path
        try AudioWriter(format: .wav16).write(hot, to: pcmPath)
        try AudioWriter(format: .wavFloat).write(hot, to: floatPath)
        let pcm = try AudioReader().decode(pcmPath)
        // Saturated, not wrapped around: +1.5 becomes the largest code, −1.5 the smallest.
        #expect(abs(pcm.buffer.samples[0] - 32767.0 / 32768) < 1e-6)
        #expect(pcm.buffer.samples[1] == -1)
        #expect(pcm.statistics.clippedSampleCount == 2)
        let float = try AudioReader().decode(floatPath)
        #expect(float.buffer.samples == [1.5, -1.5, 0.25])
        #expect(float.statistics.peakAmplitude == 1.5)
        #expect(abs(float.statistics.clippedRatio - 2.0 / 3) < 1e-12)
    }

    @Test func statisticsMeasureDCOffsetAndPeakOverAllChannels() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { cleanUp(directory) }
        // Left: constant 0.1; right: a sine of amplitude 0.8 over whole periods (mean 0).
        let rate = SampleRate.speech16k
        let frames = 16_000
        let sine = SignalGenerator.sine(count: frames, frequencyHertz: 100, amplitude: 0.8, sampleRate: rate)
        let interleaved = (0..<frames).flatMap { [Float(0.1), sine[$0]] }
        let path = directory.appendingPathComponent("dc.wav").path
        try AudioWriter(format: .wavFloat).write(interleaved: interleaved, channelCount: 2, sampleRate: rate, to: path)
        let decoded = try AudioReader().decode(path)
        // Mean of all samples = (0.1 + 0) / 2; summed in Double, so 1e-6 covers Float rounding.
        #expect(abs(decoded.statistics.dcOffset - 0.05) < 1e-6)
        #expect(abs(decoded.statistics.peakAmplitude - 0.8) < 1e-4)
        #expect(decoded.statistics.clippedSampleCount == 0)
        #expect(decoded.statistics.sampleCount == frames * 2)
    }
}

func cleanUp(_ directory: URL) {
    // Test scratch space; a failure to delete it must not hide the test's own result.
    do { try FileManager.default.removeItem(at: directory) } catch {}
}
