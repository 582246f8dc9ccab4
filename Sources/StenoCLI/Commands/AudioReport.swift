import Foundation
import StenoAudio
import StenoCore
import StenoPreprocess

/// What `steno info` reports about one file, gathered from StenoAudio and StenoPreprocess.
struct AudioReport: Sendable {
    var info: AudioFileInfo
    var statistics: AudioSampleStatistics
    /// Peak of all channels in dBFS; nil for digital silence (its level is minus infinity).
    var peakDBFS: Double?
    /// RMS of the mono signal in dBFS; nil for digital silence.
    var rmsDBFS: Double?
    /// Integrated loudness (ITU-R BS.1770) in LUFS; nil when undefined (shorter than 400 ms, silent,
    /// or below 8 kHz).
    var loudnessLUFS: Double?
    /// Seconds of silence before the first speech (the whole duration when there is no speech).
    var leadingSilenceSeconds: Double
    /// Seconds of silence after the last speech (the whole duration when there is no speech).
    var trailingSilenceSeconds: Double

    /// Measures a decoded file: levels and loudness with `AudioLevels`, silence with
    /// `SilenceTrimmer` (default options), peak, clipping and DC offset from the decoder's
    /// all-channel statistics.
    init(decoded: DecodedAudio, trimmer: SilenceTrimmer) throws {
        info = decoded.info
        statistics = decoded.statistics
        let peak = Double(decoded.statistics.peakAmplitude)
        peakDBFS = peak > 0 ? 20 * log10(peak) : nil
        let levels: AudioLevels
        do {
            levels = try AudioLevels(measuring: decoded.buffer)
        } catch let error as PreprocessError {
            throw error.withPath(decoded.info.path)
        }
        rmsDBFS = levels.rmsDBFS
        loudnessLUFS = levels.loudnessLUFS
        let silence = trimmer.trim(decoded.buffer)
        leadingSilenceSeconds = silence.leadingSilenceSeconds
        trailingSilenceSeconds = silence.trailingSilenceSeconds
    }

    /// The human-readable block for one file.
    func text(path: String) -> String {
        func decibels(_ value: Double?, _ unit: String) -> String {
            value.map { TextFormat.level($0, unit: unit) } ?? "n/a"
        }
        return """
            \(path)
              format:     \(info.container) / \(info.encoding) (\(info.containerDescription), \(info.encodingDescription))
              audio:      \(info.sampleRate.hertz) Hz, \(info.channelCount) channel(s), \(info.frameCount) frames, \(TextFormat.seconds(info.durationSeconds))
              levels:     peak \(decibels(peakDBFS, "dBFS")), RMS \(decibels(rmsDBFS, "dBFS")), loudness \(decibels(loudnessLUFS, "LUFS"))
              clipping:   \(String(format: "%.4f", statistics.clippedRatio * 100)) % of samples
              DC offset:  \(String(format: "%.6f", statistics.dcOffset))
              silence:    leading \(TextFormat.seconds(leadingSilenceSeconds)), trailing \(TextFormat.seconds(trailingSilenceSeconds))
            """
    }
}
