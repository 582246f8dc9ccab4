import Foundation
import StenoAudio
import StenoCore
import StenoPreprocess

/// The JSON object for one file (keys as documented in README.md).
struct InfoJSONEntry: Encodable, Sendable {
    var path: String
    var format: String
    var encoding: String
    var sampleRate: Int
    var channels: Int
    var frames: Int
    var duration: Double
    @NullWhenAbsent var peakDBFS: Double?
    @NullWhenAbsent var rmsDBFS: Double?
    @NullWhenAbsent var loudnessLUFS: Double?
    var clippedRatio: Double
    var dcOffset: Double
    var leadingSilence: Double
    var trailingSilence: Double

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
