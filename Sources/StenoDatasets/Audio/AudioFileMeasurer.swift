import Foundation
import StenoAudio
import StenoCore
import StenoPreprocess

/// Measures utterance audio from files: decodes with StenoAudio (libsndfile) at the file's own rate,
/// finds the speech with StenoPreprocess's `SilenceTrimmer`, and fills an ``AudioMeasurement``.
///
/// Peak, clipping and DC offset of whole files come from the decoder's per-channel statistics
/// (before mixing, which would hide a clipped channel); for a segment they are taken on the mono mix
/// of that segment.
public struct AudioFileMeasurer: AudioMeasuring {
    private let reader: AudioReader
    private let trimmer: SilenceTrimmer
    /// |sample| at or above this counts as clipped (linear).
    public let clippingThreshold: Float

    /// - Parameters:
    ///   - trimmer: finds where speech starts and ends (default options: 10 ms frames, 12 dB above
    ///     the noise floor).
    ///   - clippingThreshold: see ``CheckOptions/clippingThreshold``.
    public init(trimmer: SilenceTrimmer, clippingThreshold: Float = CheckOptions().clippingThreshold) {
        reader = AudioReader()
        self.trimmer = trimmer
        self.clippingThreshold = clippingThreshold
    }

    /// A measurer with the default silence trimmer.
    public init() throws {
        self.init(trimmer: try SilenceTrimmer())
    }

    /// Decodes `source` at its own rate and measures it.
    ///
    /// - Throws: `AudioError` when the audio cannot be read, which the checks report as `unreadable-audio`.
    public func measure(_ source: AudioSource) throws -> AudioMeasurement {
        guard let url = source.url else {
            throw DatasetError(.unreadable, path: source.written, reason: "not an audio file")
        }
        let decoded = try reader.decode(url.path)
        var audio = decoded.buffer
        var isSegment = false
        if case .segment(_, _, let start, let end) = source {
            let fileSeconds = audio.durationSeconds
            if start >= fileSeconds {
                throw DatasetError(.invalidStructure, path: source.written,
                                   reason: "segment starts at \(start) s but the file lasts \(fileSeconds) s")
            }
            audio = audio.slice(fromSeconds: start, toSeconds: end)
            isSegment = true
        }
        let trim = trimmer.trim(audio)
        let speechRange: Range<Int>
        if let first = trim.speechSegments.first, let last = trim.speechSegments.last {
            let rate = Double(audio.sampleRate.hertz)
            let lower = max(0, min(audio.frameCount, Int((first.startSeconds * rate).rounded())))
            let upper = max(lower, min(audio.frameCount, Int((last.endSeconds * rate).rounded())))
            speechRange = lower..<upper
        } else {
            speechRange = 0..<0
        }
        var measurement = AudioMeasurement(
            audio: audio, speechRange: speechRange, channelCount: decoded.info.channelCount,
            encoding: "\(decoded.info.container) \(decoded.info.encoding)", clippingThreshold: clippingThreshold)
        if !isSegment && decoded.info.channelCount > 1 {
            // Per-channel facts: a clipped or offset channel stays visible after the mix-down.
            let statistics = decoded.statistics
            measurement.peak = max(measurement.peak, statistics.peakAmplitude)
            measurement.dcOffset = abs(statistics.dcOffset) > abs(measurement.dcOffset) ? statistics.dcOffset : measurement.dcOffset
            let perChannelFraction = statistics.clippedRatio
            let monoFraction = Double(measurement.clippedSampleCount) / Double(max(1, measurement.sampleCount))
            if perChannelFraction > monoFraction {
                measurement.clippedSampleCount = Int((perChannelFraction * Double(measurement.sampleCount)).rounded())
            }
        }
        return measurement
    }
}
