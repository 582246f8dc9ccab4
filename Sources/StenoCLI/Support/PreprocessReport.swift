import Foundation
import StenoPreprocess

/// What `steno trim`, `normalize` and `preprocess` report per input (`--format json` keys are these names).
struct PreprocessReport: Encodable, Sendable {
    /// Silence trimming, in seconds.
    struct Trim: Encodable, Sendable {
        struct Segment: Encodable, Sendable {
            var start: Double
            var end: Double
        }
        var leadingSilence: Double
        var trailingSilence: Double
        var removedLeading: Double
        var removedTrailing: Double
        var noiseFloorDBFS: Double
        var thresholdDBFS: Double
        var speechSegments: [Segment]

        init(_ result: SilenceTrimResult) {
            leadingSilence = result.leadingSilenceSeconds
            trailingSilence = result.trailingSilenceSeconds
            removedLeading = result.removedLeadingSeconds
            removedTrailing = result.removedTrailingSeconds
            noiseFloorDBFS = result.noiseFloorDBFS
            thresholdDBFS = result.thresholdDBFS
            speechSegments = result.speechSegments.map { Segment(start: $0.startSeconds, end: $0.endSeconds) }
        }
    }

    /// Level normalisation; levels in `unit`, gain in dB.
    struct Normalization: Encodable, Sendable {
        var target: String
        var targetLevel: Double
        var unit: String
        @NullWhenAbsent var measuredLevel: Double?
        var gainDecibels: Double
        var limit: String
        @NullWhenAbsent var outputPeakDBFS: Double?

        init(_ result: NormalizationResult) {
            switch result.target {
            case .peak: target = "peak"
            case .rms: target = "rms"
            case .loudness: target = "loudness"
            }
            targetLevel = result.target.level
            unit = result.target.unit
            measuredLevel = result.measuredLevel
            gainDecibels = result.gainDecibels
            limit = switch result.limit {
            case .none: "none"
            case .peakCeiling: "peakCeiling"
            case .maximumGain: "maximumGain"
            case .unmeasurable: "unmeasurable"
            }
            outputPeakDBFS = result.outputPeakDBFS
        }
    }

    var path: String
    var outputPath: String
    var sampleRate: Int
    var inputDuration: Double
    var outputDuration: Double
    @NullWhenAbsent var trim: Trim?
    @NullWhenAbsent var normalization: Normalization?

    init(path: String, outputPath: String, inputDurationSeconds: Double, result: PreprocessingResult) {
        self.path = path
        self.outputPath = outputPath
        sampleRate = result.output.sampleRate.hertz
        inputDuration = inputDurationSeconds
        outputDuration = result.output.durationSeconds
        trim = result.trim.map(Trim.init)
        normalization = result.normalization.map(Normalization.init)
    }

    /// One line for text output.
    var textLine: String {
        var parts = ["\(path) -> \(outputPath): \(sampleRate) Hz, \(TextFormat.seconds(inputDuration)) -> \(TextFormat.seconds(outputDuration))"]
        if let trim {
            parts.append(trim.speechSegments.isEmpty
                ? "no speech found, nothing cut"
                : "silence \(TextFormat.seconds(trim.leadingSilence)) before and \(TextFormat.seconds(trim.trailingSilence)) after the speech, cut \(TextFormat.seconds(trim.removedLeading)) and \(TextFormat.seconds(trim.removedTrailing))")
        }
        if let normalization {
            let measured = normalization.measuredLevel.map { TextFormat.level($0, unit: normalization.unit) } ?? "unmeasurable"
            var text = "\(normalization.target) \(measured), gain \(String(format: "%+.1f", normalization.gainDecibels)) dB"
            if normalization.limit != "none" { text += " (limited by \(normalization.limit))" }
            parts.append(text)
        }
        return parts.joined(separator: "; ")
    }
}
