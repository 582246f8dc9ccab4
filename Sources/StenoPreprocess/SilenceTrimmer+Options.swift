extension SilenceTrimmer {
    /// What ``SilenceTrimmer`` does when it finds no speech at all.
    public enum NoSpeechPolicy: Sendable, Equatable {
        /// Keep the input unchanged (the default: downstream stages still get audio, and a file
        /// written from it can be read back).
        case keepAll
        /// Return an empty buffer.
        case removeAll
    }

    /// How ``SilenceTrimmer`` tells speech from silence. Every duration is in seconds, every level in decibels.
    ///
    /// A 10 ms frame is speech when its energy (the variance of its samples, so a DC offset does
    /// not count) is above the threshold `max(noiseFloor + thresholdAboveFloorDecibels,
    /// minimumThresholdDBFS)`, where the noise floor is a low percentile of all frame energies.
    public struct Options: Sendable, Equatable {
        /// Length of one analysis frame. Default 0.010 (10 ms); frames do not overlap.
        public var frameSeconds: Double
        /// The percentile (0–100) of frame energies taken as the noise floor. Default 5: a clip needs
        /// at least a twentieth of its length as silence (or pauses) for the floor to be the real noise.
        public var noiseFloorPercentile: Double
        /// How far above the noise floor a frame must be to count as speech. Default 12 dB.
        public var thresholdAboveFloorDecibels: Double
        /// The threshold never goes below this absolute level (dBFS, where a full-scale square wave
        /// is 0), so that dither over digital silence is not speech. Default -65 dBFS.
        public var minimumThresholdDBFS: Double
        /// Runs of speech frames shorter than this, after bridging gaps, are discarded as clicks.
        /// Default 0.050 (50 ms).
        public var minimumSpeechSeconds: Double
        /// Gaps of silence up to this long between speech runs are bridged: speech continues through
        /// them (stop closures, short pauses). Default 0.200 (200 ms).
        public var hangoverSeconds: Double
        /// Silence kept before the first and after the last speech frame when trimming. Default 0.250
        /// (250 ms): enough that trimming the trimmed audio again (whose floor reads a little higher,
        /// having less silence) still keeps everything.
        public var paddingSeconds: Double
        /// What to do with input in which no speech is found. Default ``NoSpeechPolicy/keepAll``.
        public var noSpeechPolicy: NoSpeechPolicy

        /// Options with the defaults documented on each property.
        public init(
            frameSeconds: Double = 0.010,
            noiseFloorPercentile: Double = 5,
            thresholdAboveFloorDecibels: Double = 12,
            minimumThresholdDBFS: Double = -65,
            minimumSpeechSeconds: Double = 0.050,
            hangoverSeconds: Double = 0.200,
            paddingSeconds: Double = 0.250,
            noSpeechPolicy: NoSpeechPolicy = .keepAll
        ) {
            self.frameSeconds = frameSeconds
            self.noiseFloorPercentile = noiseFloorPercentile
            self.thresholdAboveFloorDecibels = thresholdAboveFloorDecibels
            self.minimumThresholdDBFS = minimumThresholdDBFS
            self.minimumSpeechSeconds = minimumSpeechSeconds
            self.hangoverSeconds = hangoverSeconds
            self.paddingSeconds = paddingSeconds
            self.noSpeechPolicy = noSpeechPolicy
        }

        /// Throws ``PreprocessError`` (``PreprocessError/Kind/invalidOptions``) naming the first option
        /// outside its range.
        public func validate() throws {
            func check(_ condition: Bool, _ reason: String) throws {
                if !condition { throw PreprocessError(.invalidOptions, reason: reason) }
            }
            try check(frameSeconds.isFinite && frameSeconds > 0 && frameSeconds <= 1,
                      "frame length must be in (0, 1] seconds, got \(frameSeconds)")
            try check((0...100).contains(noiseFloorPercentile),
                      "noise-floor percentile must be in 0...100, got \(noiseFloorPercentile)")
            try check(thresholdAboveFloorDecibels.isFinite && thresholdAboveFloorDecibels >= 0,
                      "threshold above the noise floor must be a non-negative number of dB, got \(thresholdAboveFloorDecibels)")
            try check(minimumThresholdDBFS.isFinite && minimumThresholdDBFS <= 0,
                      "minimum threshold must be at most 0 dBFS, got \(minimumThresholdDBFS)")
            for (name, value) in [("minimum speech", minimumSpeechSeconds), ("hangover", hangoverSeconds),
                                  ("padding", paddingSeconds)] {
                try check(value.isFinite && value >= 0, "\(name) duration must be a non-negative number of seconds, got \(value)")
            }
        }
    }
}
