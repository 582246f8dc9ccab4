extension VolumeNormalizer {
    /// What ``VolumeNormalizer`` aims for and the limits it keeps to. Levels in dBFS, gains in dB.
    public struct Options: Sendable, Equatable {
        /// The level to reach. Default: -23 LUFS (EBU R 128).
        public var target: NormalizationTarget
        /// No sample may exceed this magnitude after the gain, in dBFS (≤ 0). The gain is lowered to
        /// respect it, so normalising never clips. Default -1 dBFS (sample peak).
        public var peakCeilingDBFS: Double
        /// The largest gain ever applied, in dB, so that near-silence is not amplified into loud noise.
        /// Attenuation is not limited. Default 30 dB.
        public var maximumGainDecibels: Double

        /// Options: EBU R128 −23 LUFS, a −1 dBFS peak ceiling and at most 30 dB of gain by default.
        public init(target: NormalizationTarget = .loudness(lufs: -23), peakCeilingDBFS: Double = -1,
                    maximumGainDecibels: Double = 30) {
            self.target = target
            self.peakCeilingDBFS = peakCeilingDBFS
            self.maximumGainDecibels = maximumGainDecibels
        }

        /// Throws ``PreprocessError`` (``PreprocessError/Kind/invalidOptions``) naming the first option
        /// outside its range.
        public func validate() throws {
            func check(_ condition: Bool, _ reason: String) throws {
                if !condition { throw PreprocessError(.invalidOptions, reason: reason) }
            }
            try check(target.level.isFinite, "target level must be a finite number, got \(target.level)")
            switch target {
            case .peak(let dBFS): try check(dBFS <= 0, "peak target must be at most 0 dBFS, got \(dBFS)")
            case .rms(let dBFS): try check(dBFS <= 0, "RMS target must be at most 0 dBFS, got \(dBFS)")
            case .loudness(let lufs): try check(lufs <= 0, "loudness target must be at most 0 LUFS, got \(lufs)")
            }
            try check(peakCeilingDBFS.isFinite && peakCeilingDBFS <= 0,
                      "peak ceiling must be at most 0 dBFS, got \(peakCeilingDBFS)")
            try check(maximumGainDecibels.isFinite && maximumGainDecibels >= 0,
                      "maximum gain must be a non-negative number of dB, got \(maximumGainDecibels)")
        }
    }
}
