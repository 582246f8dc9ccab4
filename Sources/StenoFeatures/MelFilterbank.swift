import Foundation

/// Triangular mel filters over the bins 0...fftSize/2 of a power spectrum.
///
/// Weights are single precision (as Sphinx stores them); energies are accumulated in double
/// precision bin by bin, in ascending bin order, which is what makes Sphinx's energies reproducible.
struct MelFilterbank: Sendable, Equatable {
    /// One filter: the first bin it covers and its weights for the following bins.
    struct Filter: Sendable, Equatable {
        var firstBin: Int
        var weights: [Float]
    }

    let filters: [Filter]

    init(options: MFCCOptions) {
        switch options.filterbank {
        case .sphinx(let roundToBins, let unitArea):
            filters = Self.sphinxFilters(options: options, roundToBins: roundToBins, unitArea: unitArea)
        case .melDomain(let firstBin):
            filters = Self.melDomainFilters(options: options, firstBin: firstBin)
        }
    }

    /// Mel energies of one frame: `energies[m] = Σ power[k]·w[m][k]`.
    func apply(power: UnsafePointer<Double>, into energies: UnsafeMutablePointer<Double>) {
        for (index, filter) in filters.enumerated() {
            var sum = 0.0
            filter.weights.withUnsafeBufferPointer { weights in
                let bins = power + filter.firstBin
                for k in 0..<weights.count {
                    sum += bins[k] * Double(weights[k])
                }
            }
            energies[index] = sum
        }
    }

    // MARK: - Sphinx layout

    /// Sphinx's filters, every intermediate value rounded to single precision where Sphinx stores
    /// one (SPHINX_NOTES.md §3.3); those rounding points decide which bins a filter covers.
    private static func sphinxFilters(options: MFCCOptions, roundToBins: Bool, unitArea: Bool) -> [Filter] {
        let fftSize = options.effectiveFFTSize
        let count = options.melFilterCount
        let mel = { (hertz: Float) -> Float in Self.mel(hertz, scale: options.melScale) }
        let melMin = mel(Float(options.lowFrequencyHertz))
        let melMax = mel(Float(options.effectiveHighFrequencyHertz))
        let melBandwidth = (melMax - melMin) / Float(count + 1)
        let binHertz = Float(options.sampleRate.hertz) / Float(fftSize)

        var filters: [Filter] = []
        filters.reserveCapacity(count)
        for index in 0..<count {
            var edges: [Float] = []
            for offset in 0..<3 {
                var edge = Self.inverseMel(Float(index + offset) * melBandwidth + melMin, scale: options.melScale)
                if roundToBins {
                    let bin = Int((Double(edge / binHertz) + 0.5).rounded(.towardZero))
                    edge = Float(bin) * binHertz
                }
                edges.append(edge)
            }
            let (left, centre, right) = (edges[0], edges[1], edges[2])
            var firstBin = -1
            var weights: [Float] = []
            for bin in 0...(fftSize / 2) {
                let hertz = Float(bin) * binHertz
                if hertz < left { continue }
                // The Nyquist bin is never part of a Sphinx filter.
                if hertz > right || bin == fftSize / 2 { break }
                if firstBin < 0 { firstBin = bin }
                var rising = (hertz - left) / (centre - left)
                var falling = (right - hertz) / (right - centre)
                if unitArea {
                    let height = Float(2) / (right - left)
                    rising *= height
                    falling *= height
                }
                weights.append(rising < falling ? rising : falling)
            }
            filters.append(Filter(firstBin: max(firstBin, 0), weights: weights))
        }
        return filters
    }

    // MARK: - Kaldi / HTK layout

    private static func melDomainFilters(options: MFCCOptions, firstBin: Int) -> [Filter] {
        let fftSize = options.effectiveFFTSize
        let count = options.melFilterCount
        let binHertz = Double(options.sampleRate.hertz) / Double(fftSize)
        let melLow = naturalMel(options.lowFrequencyHertz)
        let melHigh = naturalMel(options.effectiveHighFrequencyHertz)
        let delta = (melHigh - melLow) / Double(count + 1)
        var filters: [Filter] = []
        for index in 0..<count {
            let left = melLow + Double(index) * delta
            let centre = melLow + Double(index + 1) * delta
            let right = melLow + Double(index + 2) * delta
            var start = -1
            var weights: [Float] = []
            for bin in max(0, firstBin)..<(fftSize / 2) {
                let value = naturalMel(binHertz * Double(bin))
                guard value > left, value < right else {
                    if start >= 0 { break }
                    continue
                }
                if start < 0 { start = bin }
                let weight = value <= centre ? (value - left) / (centre - left) : (right - value) / (right - centre)
                weights.append(Float(weight))
            }
            filters.append(Filter(firstBin: max(start, 0), weights: weights))
        }
        return filters
    }

    // MARK: - Mel scale

    static func naturalMel(_ hertz: Double) -> Double { 1127 * log(1 + hertz / 700) }

    static func mel(_ hertz: Float, scale: MFCCOptions.MelScale) -> Float {
        switch scale {
        case .sphinx: Float(2595 * log10(1 + Double(hertz) / 700))
        case .natural: Float(naturalMel(Double(hertz)))
        }
    }

    static func inverseMel(_ mel: Float, scale: MFCCOptions.MelScale) -> Float {
        switch scale {
        case .sphinx: Float(700 * (pow(10, Double(mel) / 2595) - 1))
        case .natural: Float(700 * (exp(Double(mel) / 1127) - 1))
        }
    }
}
