import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport

/// Helpers that make audio files for the tests: through ``AudioWriter`` (libsndfile), or byte by
/// byte where a test needs a header libsndfile would refuse to write.
enum TestAudioFiles {
    /// A stereo test signal: a 440 Hz sine at amplitude 0.5 on the left, a 1 kHz sine at 0.25 on
    /// the right, interleaved.
    static func stereoSignal(frames: Int, sampleRate: SampleRate) -> (left: [Float], right: [Float], interleaved: [Float]) {
        let left = SignalGenerator.sine(count: frames, frequencyHertz: 440, amplitude: 0.5, sampleRate: sampleRate)
        let right = SignalGenerator.sine(count: frames, frequencyHertz: 1000, amplitude: 0.25, sampleRate: sampleRate)
        var interleaved = [Float]()
        interleaved.reserveCapacity(frames * 2)
        for index in 0..<frames {
            interleaved.append(left[index])
            interleaved.append(right[index])
        }
        return (left, right, interleaved)
    }

    /// A canonical 44-byte-header PCM WAV with arbitrary header fields and payload.
    static func wavBytes(sampleRate: UInt32, channels: UInt16, bitsPerSample: UInt16, payload: [UInt8],
                         declaredDataBytes: UInt32? = nil) -> [UInt8] {
        var bytes = [UInt8]()
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func append16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        let blockAlign = channels * (bitsPerSample / 8)
        bytes += Array("RIFF".utf8)
        append32(UInt32(36 + payload.count))
        bytes += Array("WAVEfmt ".utf8)
        append32(16)
        append16(1)
        append16(channels)
        append32(sampleRate)
        append32(sampleRate * UInt32(blockAlign))
        append16(blockAlign)
        append16(bitsPerSample)
        bytes += Array("data".utf8)
        append32(declaredDataBytes ?? UInt32(payload.count))
        bytes += payload
        return bytes
    }

    /// 16-bit little-endian bytes of samples in [-1, 1].
    static func pcm16Bytes(_ samples: [Float]) -> [UInt8] {
        samples.flatMap { sample -> [UInt8] in
            let value = Int16(max(-32768, min(32767, (sample * 32768).rounded())))
            return withUnsafeBytes(of: value.littleEndian) { Array($0) }
        }
    }

    static func write(_ bytes: [UInt8], to url: URL) throws {
        try Data(bytes).write(to: url)
    }
}
