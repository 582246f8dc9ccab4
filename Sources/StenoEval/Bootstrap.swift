import StenoCore

/// Seeded bootstrap over utterances: resample utterances with replacement, pool their counts.
enum Bootstrap {
    /// Percentile interval of the pooled WER; nil when off or with fewer than two utterances.
    static func interval(of utterances: [EditCounts], options: ScoringOptions) -> ConfidenceInterval? {
        guard options.bootstrapResamples > 0, utterances.count >= 2 else { return nil }
        var generator = SplitMix64(state: options.bootstrapSeed)
        var rates: [Double] = []
        rates.reserveCapacity(options.bootstrapResamples)
        for _ in 0..<options.bootstrapResamples {
            var errors = 0
            var words = 0
            for _ in 0..<utterances.count {
                let u = utterances[Int(generator.next() % UInt64(utterances.count))]
                errors += u.errors
                words += u.referenceLength
            }
            // A resample of empty references only has no rate; it is left out.
            if words > 0 { rates.append(Double(errors) / Double(words)) }
        }
        return percentileInterval(rates, options: options)
    }

    /// Paired bootstrap of WER(candidate) − WER(baseline) on the same utterances and resamples.
    static func differenceInterval(baseline: [EditCounts], candidate: [EditCounts], options: ScoringOptions)
        -> (interval: ConfidenceInterval?, candidateBetterFraction: Double?)
    {
        precondition(baseline.count == candidate.count, "paired bootstrap needs the same utterances")
        guard options.bootstrapResamples > 0, baseline.count >= 2 else { return (nil, nil) }
        var generator = SplitMix64(state: options.bootstrapSeed)
        var differences: [Double] = []
        differences.reserveCapacity(options.bootstrapResamples)
        var better = 0
        for _ in 0..<options.bootstrapResamples {
            var baselineErrors = 0
            var candidateErrors = 0
            var words = 0
            for _ in 0..<baseline.count {
                let index = Int(generator.next() % UInt64(baseline.count))
                baselineErrors += baseline[index].errors
                candidateErrors += candidate[index].errors
                words += baseline[index].referenceLength
            }
            guard words > 0 else { continue }
            let difference = Double(candidateErrors - baselineErrors) / Double(words)
            differences.append(difference)
            if difference < 0 { better += 1 }
        }
        guard !differences.isEmpty else { return (nil, nil) }
        return (percentileInterval(differences, options: options), Double(better) / Double(differences.count))
    }

    /// The (1−level)/2 and (1+level)/2 empirical quantiles (nearest rank).
    static func percentileInterval(_ values: [Double], options: ScoringOptions) -> ConfidenceInterval? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let tail = (1 - options.confidenceLevel) / 2
        let lowerIndex = min(sorted.count - 1, max(0, Int((tail * Double(sorted.count)).rounded(.down))))
        let upperIndex = min(sorted.count - 1, max(0, Int(((1 - tail) * Double(sorted.count)).rounded(.up)) - 1))
        return ConfidenceInterval(level: options.confidenceLevel, lower: sorted[lowerIndex], upper: sorted[upperIndex],
                                  resamples: sorted.count, seed: options.bootstrapSeed)
    }
}
