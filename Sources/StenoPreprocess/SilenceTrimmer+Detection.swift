extension SilenceTrimmer {
    /// Option durations converted to whole frames, and one detection pass over frame energies.
    struct FrameGeometry {
        let minimumSpeechFrames: Int
        let hangoverFrames: Int
        let paddingFrames: Int

        init(options: Options) {
            let framesPerSecond = 1 / options.frameSeconds
            func frames(_ seconds: Double) -> Int { Int((seconds * framesPerSecond).rounded()) }
            minimumSpeechFrames = max(1, frames(options.minimumSpeechSeconds))
            hangoverFrames = frames(options.hangoverSeconds)
            paddingFrames = frames(options.paddingSeconds)
        }

        /// The outcome of one pass. Frame indices are those of the slice passed in.
        struct Detection {
            var noiseFloorDBFS: Double
            var thresholdDBFS: Double
            /// Speech segments as frame ranges, in order.
            var segments: [Range<Int>]
            /// From the first speech frame to the end of the last, or nil when there is no speech.
            var speechFrames: Range<Int>? {
                guard let first = segments.first, let last = segments.last else { return nil }
                return first.lowerBound..<last.upperBound
            }
        }

        /// One detection pass. It depends only on the energies' values and order, never on where the
        /// slice sits in the input: that is what makes a second trim see exactly what the first kept.
        func detect(in energies: ArraySlice<Double>, options: Options) -> Detection {
            let floor = Self.percentile(options.noiseFloorPercentile, of: energies)
            let threshold = max(options.minimumThresholdDBFS, floor + options.thresholdAboveFloorDecibels)

            // Runs of frames above the threshold...
            var runs: [Range<Int>] = []
            var runStart: Int?
            for index in energies.indices {
                let isSpeech = energies[index] > threshold
                if isSpeech, runStart == nil { runStart = index }
                if !isSpeech, let start = runStart {
                    runs.append(start..<index)
                    runStart = nil
                }
            }
            if let start = runStart { runs.append(start..<energies.endIndex) }

            // ...joined across short gaps (hangover), then the ones too short for speech dropped (clicks).
            var joined: [Range<Int>] = []
            for run in runs {
                if let last = joined.last, run.lowerBound - last.upperBound <= hangoverFrames {
                    joined[joined.count - 1] = last.lowerBound..<run.upperBound
                } else {
                    joined.append(run)
                }
            }
            let segments = joined.filter { $0.count >= minimumSpeechFrames }
            return Detection(noiseFloorDBFS: floor, thresholdDBFS: threshold, segments: segments)
        }

        /// The `percent`-th percentile (nearest rank below) of the values; digital silence for none.
        static func percentile(_ percent: Double, of values: ArraySlice<Double>) -> Double {
            guard !values.isEmpty else { return Decibels.silenceFloor }
            let sorted = values.sorted()
            let rank = Int((percent / 100 * Double(sorted.count - 1)).rounded(.down))
            return sorted[min(max(rank, 0), sorted.count - 1)]
        }
    }
}
