/// Mono audio as 32-bit float samples in [-1, 1] at a known sample rate.
///
/// This is the value that flows from `StenoAudio` through preprocessing to the feature stage.
/// Channels have already been mixed down (or one selected) by the time audio becomes an `AudioBuffer`.
public struct AudioBuffer: Sendable, Equatable {
    /// The samples, nominally in [-1, 1]. Values outside that range are allowed (they mean clipping).
    public var samples: [Float]
    /// Samples per second.
    public var sampleRate: SampleRate

    /// Wraps mono samples recorded at `sampleRate`; the samples are not checked or clipped.
    public init(samples: [Float], sampleRate: SampleRate) {
        self.samples = samples
        self.sampleRate = sampleRate
    }

    /// Number of samples (frames of the mono signal).
    public var frameCount: Int { samples.count }

    /// Length in seconds.
    public var durationSeconds: Double { Double(samples.count) / Double(sampleRate.hertz) }

    /// The samples between two times, clamped to the buffer; a nil end means the end of the buffer
    /// (a manifest segment that runs to the end of its file).
    public func slice(fromSeconds start: Double, toSeconds end: Double?) -> AudioBuffer {
        let first = max(0, min(samples.count, Int((start * Double(sampleRate.hertz)).rounded())))
        let last = end.map { max(first, min(samples.count, Int(($0 * Double(sampleRate.hertz)).rounded()))) } ?? samples.count
        return AudioBuffer(samples: Array(samples[first..<last]), sampleRate: sampleRate)
    }
}
