import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport
import Testing

/// Input files for the trim/normalize/preprocess command tests, written with StenoAudio (libsndfile).
enum PreprocessFixtures {
    /// A speech clip: a dev clip (an4, several seconds) when the shared data is here, else a
    /// synthetic speech-like clip with a -60 dBFS noise floor.
    static func speech(seed: UInt64 = 1) throws -> AudioBuffer {
        if SharedData.isPresent {
            let an4 = SharedData.data("dev/an4/wav")
            let names = try FileManager.default.contentsOfDirectory(atPath: an4.path)
                .filter { $0.hasSuffix(".wav") }.sorted()
            if !names.isEmpty {
                return try AudioReader().read(an4.appendingPathComponent(names[Int(seed) % names.count]).path)
            }
        }
        return SpeechLikeClip.make(seed: seed, leadingSeconds: 0.4, burstSeconds: [0.5, 0.7], gapSeconds: [0.15],
                                   trailingSeconds: 0.5, burstRMSDBFS: -28).buffer
    }

    /// Writes `buffer` resampled to 44.1 kHz as a stereo 24-bit FLAC whose right channel is the
    /// left at half amplitude (so the mono mix-down matters). Returns the file's duration in seconds.
    @discardableResult
    static func writeStereoFLAC(_ buffer: AudioBuffer, to path: String) throws -> Double {
        let rate = SampleRate(uncheckedHertz: 44_100)
        let scratch = try Fixtures.makeTemporaryDirectory(prefix: "steno-flac")
        defer { StenoProcess.removeScratch(scratch) }
        // Through a float WAV and the reader's libsoxr resampler: the test's input is made by the
        // same libraries a user's converter would use, independently of the command under test.
        let source = scratch.appendingPathComponent("source.wav").path
        try AudioWriter(format: .wavFloat).write(buffer, to: source)
        let left = try AudioReader(options: AudioReadOptions(targetSampleRate: rate)).read(source).samples
        var interleaved = [Float](repeating: 0, count: left.count * 2)
        for (index, sample) in left.enumerated() {
            interleaved[2 * index] = sample
            interleaved[2 * index + 1] = 0.5 * sample
        }
        try AudioWriter(format: .flac24).write(interleaved: interleaved, channelCount: 2, sampleRate: rate, to: path)
        return Double(left.count) / Double(rate.hertz)
    }

    /// Three kinds of corrupt file: random bytes, a WAV header cut short, and an empty file.
    static func writeCorruptFiles(in directory: URL) throws -> [String] {
        var generator = SignalGenerator(seed: 99)
        let garbage = Data((0..<4_096).map { _ in UInt8(generator.nextUnit() * 256) })
        let goodWAV = directory.appendingPathComponent("good-source.tmp").path
        try AudioWriter(format: .wav16).write(try speech(seed: 3), to: goodWAV)
        let header = try Data(contentsOf: URL(fileURLWithPath: goodWAV)).prefix(30)
        try FileManager.default.removeItem(atPath: goodWAV)
        let files: [(String, Data)] = [("corrupt-garbage.wav", garbage), ("corrupt-truncated.wav", header),
                                       ("corrupt-empty.wav", Data())]
        return try files.map { name, data in
            let path = directory.appendingPathComponent(name).path
            try data.write(to: URL(fileURLWithPath: path))
            return path
        }
    }
}
