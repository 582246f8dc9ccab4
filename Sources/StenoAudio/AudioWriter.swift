import Foundation
import StenoCore

/// Writes audio files through libsndfile: 16-bit PCM WAV by default, float WAV or FLAC on request.
///
/// A file is written under a temporary name beside the destination and renamed when complete,
/// so a failed write never leaves a partial file behind, and an existing file is replaced only
/// when ``replaceExisting`` is true.
public struct AudioWriter: Sendable {
    /// Container and encoding (default ``AudioFileFormat/wav16``).
    public var format: AudioFileFormat
    /// Whether an existing destination may be replaced (default false).
    public var replaceExisting: Bool

    /// A writer of `format` (default 16-bit WAV) that refuses to replace an existing file unless asked.
    public init(format: AudioFileFormat = .wav16, replaceExisting: Bool = false) {
        self.format = format
        self.replaceExisting = replaceExisting
    }

    /// Writes a mono buffer.
    public func write(_ buffer: AudioBuffer, to path: String) throws {
        try write(interleaved: buffer.samples, channelCount: 1, sampleRate: buffer.sampleRate, to: path)
    }

    /// Writes interleaved multi-channel samples (`samples.count` must be a multiple of `channelCount`).
    public func write(interleaved samples: [Float], channelCount: Int, sampleRate: SampleRate, to path: String) throws {
        precondition(channelCount >= 1, "at least one channel")
        precondition(samples.count % channelCount == 0, "samples must fill whole frames")
        if !replaceExisting && FileManager.default.fileExists(atPath: path) {
            throw AudioError(.writeFailed, path: path, detail: "already exists (not replaced)")
        }
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            // The handle is closed (and the file finalised) when `file` goes out of scope.
            do {
                let file = try SoundFile(writingTo: temporary.path, format: format.sndfileCode,
                                         sampleRate: sampleRate, channelCount: channelCount)
                let block = 65_536 * channelCount
                var start = 0
                try samples.withUnsafeBufferPointer { all in
                    while start < all.count {
                        let end = min(all.count, start + block)
                        try file.writeFrames(UnsafeBufferPointer(rebasing: all[start..<end]))
                        start = end
                    }
                }
            }
            // rename(2) replaces atomically, so readers never see a half-written destination.
            if rename(temporary.path, destination.path) != 0 {
                throw AudioError(.writeFailed, path: path, detail: "cannot move the finished file into place",
                                 libraryMessage: String(cString: strerror(errno)))
            }
        } catch let error as AudioError {
            removeIfPresent(temporary)
            throw error.withPath(path)
        } catch {
            removeIfPresent(temporary)
            throw AudioError(.writeFailed, path: path, detail: "cannot move the finished file into place",
                             libraryMessage: error.localizedDescription)
        }
    }

    private func removeIfPresent(_ url: URL) {
        // Best-effort cleanup of our own temporary file; the original error is what the caller needs.
        if FileManager.default.fileExists(atPath: url.path) {
            do { try FileManager.default.removeItem(at: url) } catch {}
        }
    }
}
