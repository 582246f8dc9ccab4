import StenoCore

/// One pass over the samples for the sample-domain measurements.
struct SampleStatistics {
    var count = 0
    var peak = 0.0
    var sumSquares = 0.0
    var sum = 0.0
    var clippedCount = 0

    init(_ samples: [Float]) {
        count = samples.count
        for sample in samples {
            let magnitude = abs(sample)
            peak = max(peak, Double(magnitude))
            sum += Double(sample)
            sumSquares += Double(sample) * Double(sample)
            if magnitude >= AudioLevels.clippingMagnitude { clippedCount += 1 }
        }
    }

    var mean: Double { count > 0 ? sum / Double(count) : 0 }
    var rms: Double { count > 0 ? (sumSquares / Double(count)).squareRoot() : 0 }
}
