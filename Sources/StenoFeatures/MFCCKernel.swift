import Foundation

/// The immutable tables of one front-end configuration: window, filters, DCT, lifter and FFT plan.
///
/// Built once per ``MFCCOptions`` and shared (it is `Sendable`); the mutable per-stream state
/// lives in ``MFCCExtractor``.
final class MFCCKernel: Sendable {
    let options: MFCCOptions
    let frameLength: Int
    let frameShift: Int
    let fftSize: Int
    /// Pre-emphasis coefficient as Sphinx and Kaldi store it (single precision), widened.
    let preEmphasis: Double
    let window: [Double]
    let filterbank: MelFilterbank
    /// Row-major cepstrumCount × melFilterCount cosine table, single precision as Sphinx keeps it.
    let dctMatrix: [Float]
    /// Per-coefficient DCT scale (√(1/N) or √(2/N)), single precision.
    let dctScales: [Float]
    /// Lifter weights, or nil when liftering is off.
    let lifterWeights: [Float]?
    let plan: FFTPlan

    init(options: MFCCOptions) throws {
        try options.validate()
        self.options = options
        frameLength = options.frameLengthSamples
        frameShift = options.frameShiftSamples
        fftSize = options.effectiveFFTSize
        preEmphasis = Double(Float(options.preEmphasis))
        window = Self.makeWindow(options.window, length: frameLength)
        filterbank = MelFilterbank(options: options)

        let filters = options.melFilterCount, cepstra = options.cepstrumCount
        var matrix = [Float](repeating: 1, count: cepstra * filters)
        let step = Double.pi / Double(filters)
        for i in 1..<max(cepstra, 1) {
            for j in 0..<filters {
                matrix[i * filters + j] = Float(cos(step * Double(i) * (Double(j) + 0.5)))
            }
        }
        dctMatrix = matrix
        let first = options.dct == .htk ? (2 / Double(filters)).squareRoot() : (1 / Double(filters)).squareRoot()
        dctScales = [Float(first)] + Array(repeating: Float((2 / Double(filters)).squareRoot()), count: cepstra - 1)
        if options.lifter > 0 {
            let length = options.lifter
            // Sphinx halves the lifter length in integer arithmetic; for the usual even L all agree.
            lifterWeights = (0..<cepstra).map { i in
                Float(1 + Double(length / 2) * sin(Double(i) * .pi / Double(length)))
            }
        } else {
            lifterWeights = nil
        }
        plan = try FFTPlan.shared(size: fftSize)
    }

    /// The window, computed for the first half and mirrored so it is exactly symmetric (as Sphinx does).
    static func makeWindow(_ function: MFCCOptions.WindowFunction, length: Int) -> [Double] {
        var window = [Double](repeating: 1, count: length)
        let denominator = Double(length - 1)
        func value(_ n: Int) -> Double {
            let cosine = cos(2 * Double.pi * Double(n) / denominator)
            switch function {
            case .hamming: return 0.54 - 0.46 * cosine
            case .hann: return 0.5 - 0.5 * cosine
            case .povey: return pow(0.5 - 0.5 * cosine, 0.85)
            case .rectangular: return 1
            }
        }
        for n in 0..<(length / 2) {
            window[n] = value(n)
            window[length - 1 - n] = window[n]
        }
        if length % 2 == 1 { window[length / 2] = value(length / 2) }
        return window
    }

    /// Turns mel energies into cepstra: log with floor, DCT with single-precision accumulators
    /// (rounded after every term, SPHINX_NOTES.md §3.5), lifter.
    func cepstra(fromMelEnergies energies: UnsafeMutablePointer<Double>, into output: UnsafeMutablePointer<Float>) {
        let filters = options.melFilterCount
        switch options.logFloor {
        case .add(let floor):
            for m in 0..<filters { energies[m] = log(energies[m] + floor) }
        case .clamp(let floor):
            for m in 0..<filters { energies[m] = log(max(energies[m], floor)) }
        }
        dctMatrix.withUnsafeBufferPointer { matrix in
            for i in 0..<options.cepstrumCount {
                var sum: Float = 0
                let row = i * filters
                for j in 0..<filters {
                    sum = Float(Double(sum) + energies[j] * Double(matrix[row + j]))
                }
                output[i] = sum * dctScales[i]
            }
        }
        if let lifterWeights {
            for i in 0..<options.cepstrumCount { output[i] *= lifterWeights[i] }
        }
    }
}
