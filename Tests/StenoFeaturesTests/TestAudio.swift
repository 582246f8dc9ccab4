import Foundation
import StenoCore

/// Reads 16-bit little-endian PCM for the tests directly (the feature tests must not depend on
/// the audio module's decoders): raw files, and canonical 44-byte-header WAV files.
enum TestAudio {
    static func raw16(_ url: URL, sampleRate: SampleRate = .speech16k) throws -> AudioBuffer {
        let data = try Data(contentsOf: url)
        return AudioBuffer(samples: samples(data), sampleRate: sampleRate)
    }

    static func wav16(_ url: URL) throws -> AudioBuffer {
        let data = try Data(contentsOf: url)
        let bytes = [UInt8](data)
        // Walk the RIFF chunks to "data" (these files are plain PCM16 mono).
        var offset = 12
        var rate = 16000
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16
                | Int(bytes[offset + 7]) << 24
            if id == "fmt " {
                rate = Int(bytes[offset + 12]) | Int(bytes[offset + 13]) << 8 | Int(bytes[offset + 14]) << 16
            }
            if id == "data" {
                let end = min(bytes.count, offset + 8 + size)
                return AudioBuffer(samples: samples(Data(bytes[(offset + 8)..<end])),
                                   sampleRate: SampleRate(uncheckedHertz: rate))
            }
            offset += 8 + size + (size & 1)
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    static func samples(_ data: Data) -> [Float] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - 1, by: 2).map { i in
            Float(Int16(bitPattern: UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)) / 32768
        }
    }
}
