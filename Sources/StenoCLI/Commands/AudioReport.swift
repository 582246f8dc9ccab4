import Foundation
import StenoAudio
import StenoCore

/// What `steno info` reports about one file, gathered from StenoAudio and StenoPreprocess.
struct AudioReport: Sendable {
    var info: AudioFileInfo
    var statistics: AudioSampleStatistics
    /// Peak of all channels in dBFS (−inf for digital silence).
    var peakDBFS: Double
    /// RMS of the mono signal in dBFS; nil until measured.
    var rmsDBFS: Double?
    /// Integrated loudness (ITU-R BS.1770) in LUFS; nil when undefined (too short or silent).
    var loudnessLUFS: Double?
    /// Seconds of silence before the first speech; nil when not measured.
    var leadingSilenceSeconds: Double?
    /// Seconds of silence after the last speech; nil when not measured.
    var trailingSilenceSeconds: Double?

    init(decoded: DecodedAudio) throws {
        info = decoded.info
        statistics = decoded.statistics
        peakDBFS = 20 * log10(Double(decoded.statistics.peakAmplitude))
        rmsDBFS = nil
        loudnessLUFS = nil
        leadingSilenceSeconds = nil
        trailingSilenceSeconds = nil
    }

    /// The human-readable block for one file.
    func text(path: String) -> String {
        func decibels(_ value: Double?, _ unit: String) -> String {
            guard let value else { return "n/a" }
            return value.isFinite ? String(format: "%.1f %@", value, unit) : "-inf \(unit)"
        }
        func seconds(_ value: Double?) -> String {
            value.map { String(format: "%.3f s", $0) } ?? "n/a"
        }
        return """
            \(path)
              format:     \(info.container) / \(info.encoding) (\(info.containerDescription), \(info.encodingDescription))
              audio:      \(info.sampleRate.hertz) Hz, \(info.channelCount) channel(s), \(info.frameCount) frames, \(String(format: "%.3f", info.durationSeconds)) s
              levels:     peak \(decibels(peakDBFS, "dBFS")), RMS \(decibels(rmsDBFS, "dBFS")), loudness \(decibels(loudnessLUFS, "LUFS"))
              clipping:   \(String(format: "%.4f", statistics.clippedRatio * 100)) % of samples
              DC offset:  \(String(format: "%.6f", statistics.dcOffset))
              silence:    leading \(seconds(leadingSilenceSeconds)), trailing \(seconds(trailingSilenceSeconds))
            """
    }
}

/// The JSON object for one file (keys as documented in README.md).
struct InfoJSONEntry: Encodable, Sendable {
    var path: String
    var format: String
    var encoding: String
    var sampleRate: Int
    var channels: Int
    var frames: Int
    var duration: Double
    var peakDBFS: Double
    @NullWhenAbsent var rmsDBFS: Double?
    @NullWhenAbsent var loudnessLUFS: Double?
    var clippedRatio: Double
    var dcOffset: Double
    @NullWhenAbsent var leadingSilence: Double?
    @NullWhenAbsent var trailingSilence: Double?

    init(path: String, report: AudioReport) {
        self.path = path
        format = report.info.container
        encoding = report.info.encoding
        sampleRate = report.info.sampleRate.hertz
        channels = report.info.channelCount
        frames = report.info.frameCount
        duration = report.info.durationSeconds
        peakDBFS = report.peakDBFS
        rmsDBFS = report.rmsDBFS
        loudnessLUFS = report.loudnessLUFS
        clippedRatio = report.statistics.clippedRatio
        dcOffset = report.statistics.dcOffset
        leadingSilence = report.leadingSilenceSeconds
        trailingSilence = report.trailingSilenceSeconds
    }
}
