import Foundation
import StenoCore

extension MFCCOptions {
    /// Options of a Sphinx acoustic model: pocketsphinx 5.1.1's defaults overridden by the
    /// model directory's `feat.params` (as pocketsphinx does), including noise removal, CMN and
    /// feature type.
    ///
    /// - Parameters:
    ///   - modelDirectory: a folder holding `feat.params` (e.g. `Models/en-us/acoustic`).
    ///   - featureType: overrides the file's `-feat`; pass it to get cepstra from a model whose
    ///     feature type Steno does not compute (such as `s2_4x`).
    /// - Throws: ``FeatureError`` when the file is missing, malformed, or asks for something Steno
    ///   does not implement (for example `-varnorm yes` or `-transform legacy`).
    public static func sphinx(modelDirectory: URL, featureType: FeatureType? = nil) throws -> MFCCOptions {
        let url = modelDirectory.appendingPathComponent("feat.params")
        let parameters = try SphinxFeatureParameters(contentsOf: url)
        do {
            return try sphinx(parameters: parameters, featureType: featureType)
        } catch let error as FeatureError {
            throw error.naming(url.path)
        }
    }

    /// Options from parsed `feat.params` values over pocketsphinx's defaults.
    public static func sphinx(parameters: SphinxFeatureParameters, featureType: FeatureType? = nil) throws
        -> MFCCOptions
    {
        var options = MFCCOptions()
        options.quantizesTo16Bit = true
        options.cmn = .live(initialMeans: CMNMode.sphinxDefaultInitialMeans)
        options.featureType = .cepstraDeltasDoubleDeltas
        var frameRate = 100.0, samplingRate = 16000.0
        var ditherOn = false, seed: Int64 = -1
        var initialMeans = CMNMode.sphinxDefaultInitialMeans
        var cmnName = "live"

        func fail(_ reason: String) -> FeatureError { FeatureError(.invalidFeatureParameters, reason) }
        func number(_ name: String, _ text: String) throws -> Double {
            guard let value = Double(text), value.isFinite else { throw fail("-\(name) \(text) is not a number") }
            return value
        }
        func integer(_ name: String, _ text: String) throws -> Int {
            guard let value = Int(text) else { throw fail("-\(name) \(text) is not an integer") }
            return value
        }
        func flag(_ name: String, _ text: String) throws -> Bool {
            switch text.lowercased() {
            case "yes", "true", "1": return true
            case "no", "false", "0": return false
            default: throw fail("-\(name) \(text) is not yes/no")
            }
        }

        var roundFilters = true, unitArea = true
        for (name, value) in parameters.values.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "samprate": samplingRate = try number(name, value)
            case "frate": frameRate = try number(name, value)
            case "wlen": options.frameLengthSeconds = try number(name, value)
            case "nfft":
                let size = try integer(name, value)
                options.fftSize = size == 0 ? nil : size
            case "alpha": options.preEmphasis = try number(name, value)
            case "dither": ditherOn = try flag(name, value)
            case "seed": seed = Int64(try integer(name, value))
            case "remove_dc": options.removeDCOffset = try flag(name, value)
            case "remove_noise": options.noiseRemoval = try flag(name, value)
            case "round_filters": roundFilters = try flag(name, value)
            case "unit_area": unitArea = try flag(name, value)
            case "lowerf": options.lowFrequencyHertz = try number(name, value)
            case "upperf": options.highFrequencyHertz = try number(name, value)
            case "nfilt": options.melFilterCount = try integer(name, value)
            case "ncep", "ceplen": options.cepstrumCount = try integer(name, value)
            case "lifter": options.lifter = try integer(name, value)
            case "transform":
                switch value {
                case "dct": options.dct = .orthonormal
                case "htk": options.dct = .htk
                default: throw fail("-transform \(value) is not supported (dct or htk)")
                }
            case "feat":
                guard featureType == nil else { continue }
                guard value == "1s_c_d_dd" else {
                    throw fail("-feat \(value) is not supported (only 1s_c_d_dd; ask for cepstra instead)")
                }
            case "cmn": cmnName = value
            case "cmninit":
                initialMeans = try value.split(separator: ",").map { part in
                    guard let mean = Float(part.trimmingCharacters(in: .whitespaces)), mean.isFinite else {
                        throw fail("-cmninit \(value) is not a list of numbers")
                    }
                    return mean
                }
            case "varnorm":
                if try flag(name, value) { throw fail("-varnorm yes is not supported") }
            case "agc":
                guard value == "none" else { throw fail("-agc \(value) is not supported (only none)") }
            case "doublebw":
                if try flag(name, value) { throw fail("-doublebw yes is not supported") }
            case "warp_type":
                guard value == "inverse_linear" || value == "none" else {
                    throw fail("-warp_type \(value) is not supported")
                }
            case "warp_params":
                guard value.isEmpty || value == "1.0" else { throw fail("-warp_params \(value) is not supported") }
            case "logspec", "smoothspec":
                if try flag(name, value) { throw fail("-\(name) yes is not supported") }
            default:
                // Acoustic and search options (-model, -svspec, -lda, -topn, ...) do not change features.
                continue
            }
        }
        guard samplingRate.rounded() == samplingRate, let rate = SampleRate(hertz: Int(samplingRate)) else {
            throw fail("-samprate \(samplingRate) is not a usable sample rate")
        }
        guard frameRate > 0 else { throw fail("-frate \(frameRate) must be positive") }
        options.sampleRate = rate
        // Sphinx rounds samprate/frate to whole samples; keep that exact shift.
        let shiftSamples = Int((Double(Float(samplingRate) / Float(frameRate)) + 0.5).rounded(.down))
        options.frameShiftSeconds = Double(shiftSamples) / samplingRate
        options.filterbank = .sphinx(roundToBins: roundFilters, unitArea: unitArea)
        if ditherOn { options.dither = .sphinx(seed: UInt32(truncatingIfNeeded: seed)) }
        switch cmnName {
        case "none": options.cmn = .none
        case "batch", "current": options.cmn = .batch
        case "live", "prior": options.cmn = .live(initialMeans: initialMeans)
        default: throw fail("-cmn \(cmnName) is not supported (none, batch, current, live)")
        }
        if let featureType { options.featureType = featureType }
        do {
            try options.validate()
        } catch let error as FeatureError {
            throw FeatureError(.invalidFeatureParameters, error.reason)
        }
        return options
    }

    /// Kaldi's `compute-mfcc-feats` defaults (as kaldi-native-fbank implements them) with dither off:
    /// 25 ms povey-windowed frames every 10 ms (edges snipped), DC removal, in-frame pre-emphasis
    /// 0.97, 512-point FFT, 23 mel filters 20 Hz–Nyquist, ln(max(E, FLT_EPSILON)), 13 cepstra,
    /// lifter 22, c0 replaced by the raw log energy.
    ///
    /// Kaldi's own default dither (1.0, unseeded) is off here so results repeat; set ``dither`` to
    /// `.gaussian(amplitude: 1, seed:)` for Kaldi-like dithering.
    public static var kaldi: MFCCOptions {
        var options = MFCCOptions()
        options.frameLengthSeconds = 0.025
        options.frameShiftSeconds = 0.01
        options.preEmphasisStyle = .withinFrame
        options.removeDCOffset = true
        options.window = .povey
        options.framing = .fullFramesOnly
        options.melFilterCount = 23
        options.lowFrequencyHertz = 20
        options.highFrequencyHertz = 0
        options.filterbank = .melDomain(firstBin: 0)
        options.melScale = .natural
        options.logFloor = .clamp(Double(Float.ulpOfOne))
        options.dct = .orthonormal
        options.cepstrumCount = 13
        options.lifter = 22
        options.energy = .rawLogEnergy(floor: 0)
        return options
    }

    /// HTK-style MFCCs (`MFCC_0` as an HCopy configuration typically asks): 25 ms Hamming frames
    /// every 10 ms (edges snipped), in-frame pre-emphasis 0.97, 26 mel filters 0 Hz–Nyquist in the
    /// mel domain skipping the DC bin, ln(max(E, 1)), HTK's DCT (√(2/N) for c0 too), 13 cepstra
    /// (c0 first), lifter 22. No HTK binary was available to compare against: these follow HTK's
    /// documented conventions and are checked with known signals only.
    public static var htk: MFCCOptions {
        var options = MFCCOptions()
        options.frameLengthSeconds = 0.025
        options.frameShiftSeconds = 0.01
        options.preEmphasisStyle = .withinFrame
        options.window = .hamming
        options.framing = .fullFramesOnly
        options.melFilterCount = 26
        options.lowFrequencyHertz = 0
        options.highFrequencyHertz = 0
        options.filterbank = .melDomain(firstBin: 1)
        options.melScale = .natural
        options.logFloor = .clamp(1)
        options.dct = .htk
        options.cepstrumCount = 13
        options.lifter = 22
        return options
    }
}
