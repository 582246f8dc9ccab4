import Foundation
internal import CSndFile
import StenoCore

/// Reads audio files into mono Float32 `AudioBuffer`s: anything libsndfile decodes (WAV, AIFF,
/// FLAC, Ogg Vorbis/Opus, AU, CAF, ...) and headerless raw samples when described.
///
/// Files are decoded in blocks of ``AudioReadOptions/blockFrameCount`` frames, mixed to mono and
/// streamed through the resampler, so peak memory stays near the size of the result.
///
/// ```swift
/// let reader = AudioReader(options: AudioReadOptions(targetSampleRate: .speech16k))
/// let buffer = try reader.read("clip.flac")
/// ```
public struct AudioReader: Sendable {
    /// How files are decoded.
    public var options: AudioReadOptions

    /// A reader; by default files are decoded at their own rate with channels averaged.
    public init(options: AudioReadOptions = AudioReadOptions()) {
        self.options = options
    }

    /// The header facts of a file, without decoding its samples.
    ///
    /// Throws an ``AudioError`` for a missing, empty, malformed, truncated or unsupported file,
    /// or a rate outside 1 kHz...384 kHz.
    public func info(_ path: String) throws -> AudioFileInfo {
        let (file, _) = try open(path)
        return try describe(file)
    }

    /// Decodes a file to mono at the requested rate.
    public func read(_ path: String) throws -> AudioBuffer {
        try decode(path).buffer
    }

    /// Decodes a file to mono at the requested rate, with its header facts and sample statistics.
    public func decode(_ path: String) throws -> DecodedAudio {
        do {
            return try decodeFile(path)
        } catch let error as AudioError where error.path == nil {
            throw error.withPath(path)
        }
    }

    private func decodeFile(_ path: String) throws -> DecodedAudio {
        let (file, byteCount) = try open(path)
        let info = try describe(file)
        if case .single(let channel) = options.channels, !(0..<info.channelCount).contains(channel) {
            throw AudioError(.channelOutOfRange, path: path,
                             detail: "channel \(channel) requested but the file has \(info.channelCount) (counted from 0)")
        }
        let resampler = try options.targetSampleRate.flatMap { target in
            target == info.sampleRate ? nil : try Resampler(from: info.sampleRate, to: target)
        }
        let outputRate = options.targetSampleRate ?? info.sampleRate
        // Reserve the result once so it is never copied while growing, but trust the header's frame
        // count only as far as the file's size makes plausible: a FLAC STREAMINFO can claim 2^36
        // frames in a few bytes. Uncompressed audio has at least a byte per frame, so the cap never
        // binds for it; compressed audio beyond 8 frames a byte simply grows the array.
        let plausibleFrames = min(info.frameCount, max(1 << 20, byteCount.multipliedReportingOverflow(by: 8).partialValue))
        var output: [Float] = []
        output.reserveCapacity(resampler?.expectedOutputCount(forInputCount: plausibleFrames) ?? plausibleFrames)

        let channels = info.channelCount
        // At most 4 Mi interleaved samples (16 MB) per block, however many channels the header declares.
        let blockFrames = max(1, min(options.blockFrameCount, (1 << 22) / channels))
        var interleaved = [Float](repeating: 0, count: blockFrames * channels)
        var mono = [Float](repeating: 0, count: blockFrames)
        var statistics = AudioSampleStatistics()
        var framesRead = 0
        while framesRead < info.frameCount {
            let wanted = min(blockFrames, info.frameCount - framesRead)
            let got = try interleaved.withUnsafeMutableBufferPointer { block in
                try file.readFrames(into: block, frames: wanted)
            }
            if got == 0 { break }
            let nonFinite = interleaved.withUnsafeBufferPointer { block in
                statistics.accumulate(UnsafeBufferPointer(rebasing: block[0..<(got * channels)]))
            }
            if let nonFinite {
                // Float files can hold NaN or infinity; every later stage would turn them into garbage.
                throw AudioError(.malformed, path: path,
                                 detail: "sample \(nonFinite % channels) of frame \(framesRead + nonFinite / channels) is not a finite number")
            }
            mixDown(interleaved, frames: got, channels: channels, into: &mono)
            if let resampler {
                try mono.withUnsafeBufferPointer { block in
                    try resampler.process(UnsafeBufferPointer(rebasing: block[0..<got]), into: &output)
                }
            } else {
                output.append(contentsOf: mono[0..<got])
            }
            framesRead += got
        }
        if framesRead < info.frameCount {
            let cause = file.hasError ? file.lastError : nil
            throw AudioError(.truncated, path: path,
                             detail: "data ends after \(framesRead) of \(info.frameCount) frames", libraryMessage: cause)
        }
        try resampler?.finish(into: &output)
        return DecodedAudio(buffer: AudioBuffer(samples: output, sampleRate: outputRate), info: info,
                            statistics: statistics)
    }

    /// Mixes one block of interleaved frames into `mono` according to the channel selection.
    private func mixDown(_ interleaved: [Float], frames: Int, channels: Int, into mono: inout [Float]) {
        if channels == 1 {
            for index in 0..<frames { mono[index] = interleaved[index] }
            return
        }
        switch options.channels {
        case .single(let channel):
            for frame in 0..<frames { mono[frame] = interleaved[frame * channels + channel] }
        case .average:
            let scale = 1 / Float(channels)
            for frame in 0..<frames {
                var sum: Float = 0
                let start = frame * channels
                for channel in 0..<channels { sum += interleaved[start + channel] }
                mono[frame] = sum * scale
            }
        }
    }

    /// Opens a file after checking what can be checked before libsndfile sees it.
    private func open(_ path: String) throws -> (file: SoundFile, byteCount: Int) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw AudioError(.notFound, path: path, detail: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw AudioError(.notFound, path: path, detail: "is a directory, not an audio file")
        }
        let byteCount = try fileSize(path)
        guard byteCount > 0 else { throw AudioError(.empty, path: path, detail: "file is empty (0 bytes)") }
        if let raw = options.raw {
            try checkRaw(path, description: raw, byteCount: byteCount)
        }
        return (try SoundFile(readingFrom: path, raw: options.raw), byteCount)
    }

    /// Validates the header facts libsndfile reported, including truncation it silently tolerates.
    private func describe(_ file: SoundFile) throws -> AudioFileInfo {
        let path = file.path
        guard let rate = SampleRate(hertz: file.sampleRateHertz) else {
            throw AudioError(.sampleRateOutOfRange, path: path,
                             detail: "sample rate \(file.sampleRateHertz) Hz is outside \(SampleRate.minimumHertz)–\(SampleRate.maximumHertz) Hz")
        }
        guard file.channelCount >= 1 else {
            throw AudioError(.malformed, path: path, detail: "header declares \(file.channelCount) channels")
        }
        // Truncation first: a header whose data was cut off entirely is truncated, not empty.
        if let truncation = TruncationCheck.problem(in: file) {
            throw AudioError(.truncated, path: path, detail: truncation)
        }
        guard file.frameCount > 0 else {
            throw AudioError(.empty, path: path, detail: "no audio frames")
        }
        return AudioFileInfo(
            path: path,
            container: SoundFileFormatNames.containerName(file.containerCode),
            encoding: SoundFileFormatNames.encodingName(file.encodingCode),
            containerDescription: SoundFileFormatNames.description(of: file.containerCode, isContainer: true),
            encodingDescription: SoundFileFormatNames.description(of: file.encodingCode, isContainer: false),
            sampleRate: rate, channelCount: file.channelCount, frameCount: file.frameCount)
    }

    /// Refuses raw descriptions that cannot fit: a known header, or a size that is not whole frames.
    private func checkRaw(_ path: String, description: RawAudioDescription, byteCount: Int) throws {
        if let container = try KnownHeader.detect(path) {
            throw AudioError(.rawDescriptionMismatch, path: path,
                             detail: "starts with a \(container) header; read it without the raw options")
        }
        guard byteCount % description.bytesPerFrame == 0 else {
            throw AudioError(.rawDescriptionMismatch, path: path,
                             detail: "\(byteCount) bytes is not a whole number of \(description.bytesPerFrame)-byte frames (\(description.encoding.rawValue) × \(description.channelCount) channel(s))")
        }
    }

    private func fileSize(_ path: String) throws -> Int {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            return (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw AudioError(.notFound, path: path, detail: "cannot read file attributes", libraryMessage: "\(error)")
        }
    }
}
