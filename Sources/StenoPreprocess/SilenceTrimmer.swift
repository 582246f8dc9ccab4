import StenoCore

/// Finds speech by frame energy against an estimated noise floor, and cuts the silence around it.
///
/// Trimming is idempotent: trimming the trimmed audio again returns it unchanged. Two choices make
/// that hold exactly rather than approximately:
/// - cuts fall on frame boundaries and each frame's energy ignores its own mean, so the frames of
///   the trimmed audio are bit-for-bit the frames of the input it was cut from;
/// - the noise floor is re-estimated on what is kept, and the cut is repeated until it no longer
///   moves, so the result is a fixed point of one detection pass: a second trim finds the same
///   speech and keeps the same samples.
///
/// Re-estimating on less silence raises the floor a little, so the repeated passes can move the
/// speech edges inward by a few frames; the padding (0.25 s by default) keeps that audio in the
/// output. The report (silences, segments, floor, threshold) is the first pass over the whole input.
///
/// ```swift
/// let result = try SilenceTrimmer().trim(buffer)
/// print(result.leadingSilenceSeconds, result.speechSegments)
/// let speechOnly = result.trimmed
/// ```
public struct SilenceTrimmer: Sendable {
    /// The detection settings.
    public let options: Options

    /// Throws ``PreprocessError`` when an option is out of range.
    public init(options: Options = Options()) throws {
        try options.validate()
        self.options = options
    }

    /// Detects speech in `buffer` and returns it with the silence before and after cut away,
    /// keeping ``Options/paddingSeconds`` of it on each side.
    public func trim(_ buffer: AudioBuffer) -> SilenceTrimResult {
        let frameLength = max(1, Int((options.frameSeconds * Double(buffer.sampleRate.hertz)).rounded()))
        let energies = Self.frameEnergies(of: buffer.samples, frameLength: frameLength)
        let frames = FrameGeometry(options: options)

        // Repeat detection on what is kept until the kept frames stop changing (see the type's comment).
        // Each round keeps a sub-range of the last, so this ends; in practice after one or two rounds.
        var frameRange = 0..<energies.count
        // The first pass sees the whole input: it is what the report describes (where the speech is).
        let analysis = frames.detect(in: energies[frameRange], options: options)
        var detection = analysis
        while let speech = detection.speechFrames {
            let next = max(frameRange.lowerBound, speech.lowerBound - frames.paddingFrames)
                ..< min(frameRange.upperBound, speech.upperBound + frames.paddingFrames)
            if next == frameRange { break }
            frameRange = next
            detection = frames.detect(in: energies[frameRange], options: options)
        }

        let rate = Double(buffer.sampleRate.hertz)
        let keptStartSample = frameRange.lowerBound * frameLength
        // The partial frame at the end (shorter than one frame) is never analysed; it stays with the
        // kept audio exactly when the kept frames run to the end, which keeps the fixed point exact.
        let keptEndSample = frameRange.upperBound == energies.count
            ? buffer.frameCount : frameRange.upperBound * frameLength
        let segmentSamples = analysis.segments.map { ($0.lowerBound * frameLength)..<($0.upperBound * frameLength) }
        let segments = segmentSamples.map {
            SpeechSegment(startSeconds: Double($0.lowerBound) / rate, endSeconds: Double($0.upperBound) / rate)
        }

        // Kept: the fixed point's frames, unless its last pass found no speech and the policy empties.
        let kept = detection.speechFrames == nil && options.noSpeechPolicy == .removeAll
            ? 0..<0 : keptStartSample..<keptEndSample
        let leading: Double
        let trailing: Double
        if let first = segmentSamples.first, let last = segmentSamples.last {
            leading = Double(first.lowerBound) / rate
            trailing = Double(buffer.frameCount - last.upperBound) / rate
        } else {
            leading = buffer.durationSeconds
            trailing = buffer.durationSeconds
        }
        return SilenceTrimResult(
            leadingSilenceSeconds: leading, trailingSilenceSeconds: trailing, speechSegments: segments,
            keptSampleRange: kept, noiseFloorDBFS: analysis.noiseFloorDBFS, thresholdDBFS: analysis.thresholdDBFS,
            trimmed: AudioBuffer(samples: Array(buffer.samples[kept]), sampleRate: buffer.sampleRate),
            inputFrameCount: buffer.frameCount)
    }

    /// The energy of each whole frame in dBFS: `10·log10` of the variance of its samples (the mean
    /// square after removing the frame's own mean, so DC offset does not read as speech).
    /// Exact digital silence reads as -120 dBFS.
    static func frameEnergies(of samples: [Float], frameLength: Int) -> [Double] {
        let frameCount = samples.count / frameLength
        return samples.withUnsafeBufferPointer { all in
            (0..<frameCount).map { frame in
                let values = all[(frame * frameLength)..<((frame + 1) * frameLength)]
                var sum = 0.0
                for value in values { sum += Double(value) }
                let mean = sum / Double(frameLength)
                var squares = 0.0
                for value in values {
                    let centred = Double(value) - mean
                    squares += centred * centred
                }
                // A full-scale square wave has mean square 1: 0 dBFS; a full-scale sine reads -3 dBFS.
                return Decibels.fromPowerClamped(squares / Double(frameLength))
            }
        }
    }
}
