import Foundation
import StenoCore
@testable import StenoFeatures
import StenoTestSupport
import Testing

/// Presets and the tables they build, against the published facts (SPHINX_NOTES.md §3) and
/// signals with known answers.
@Suite("Presets and tables")
struct PresetTests {
    static let bundled = Fixtures.bundledModel.appendingPathComponent("acoustic")

    @Test("the bundled feat.params: 16 kHz, 410/160 samples, 512-point FFT, noise removal, batch CMN, 39 dims")
    func bundledModel() throws {
        let options = try MFCCOptions.sphinx(modelDirectory: Self.bundled)
        #expect(options.frameLengthSamples == 410)
        #expect(options.frameShiftSamples == 160)
        #expect(options.effectiveFFTSize == 512)
        #expect(options.noiseRemoval)
        #expect(options.cmn == .batch)
        #expect(options.featureType == .cepstraDeltasDoubleDeltas)
        #expect(options.featureDimension == 39)
        #expect(options.melFilterCount == 25 && options.lowFrequencyHertz == 130 && options.highFrequencyHertz == 6800)
    }

    @Test("Sphinx filter bin ranges and unit area (SPHINX_NOTES.md §3.3)")
    func sphinxFilterbank() throws {
        let expected = [(4, 9), (7, 12), (9, 15), (12, 18), (15, 22), (18, 26), (22, 30), (26, 35), (30, 40),
                        (35, 45), (40, 51), (45, 57), (51, 64), (57, 72), (64, 81), (72, 90), (81, 100),
                        (90, 110), (100, 122), (110, 135), (122, 149), (135, 164), (149, 180), (164, 198),
                        (180, 218)]
        let bank = MelFilterbank(options: MFCCOptions())
        #expect(bank.filters.count == 25)
        for (filter, range) in zip(bank.filters, expected) {
            #expect(filter.firstBin == range.0)
            #expect(filter.firstBin + filter.weights.count - 1 == range.1)
            // Edge bins carry zero weight; the weights of a unit-area filter sum to 1/31.25 Hz.
            #expect(filter.weights.first == 0 && filter.weights.last == 0)
            #expect(abs(filter.weights.reduce(0, +) - 0.032) < 1e-5)
        }
    }

    @Test("lifter weights 1 + 11·sin(iπ/22) rounded to float (SPHINX_NOTES.md §3.2)")
    func lifter() throws {
        let kernel = try MFCCKernel(options: MFCCOptions())
        let expected: [Float] = [1, 2.5654633, 4.099058, 5.5695653, 6.947049, 8.203468, 9.313246, 10.253789,
                                 11.005952, 11.554422, 11.888036, 12, 11.888036]
        #expect(kernel.lifterWeights == expected)
        #expect(kernel.dctScales[0] == Float(0.2) && kernel.dctScales[1] == Float(0.28284273))
    }

    @Test("window is symmetric Hamming 0.54 − 0.46·cos(2πn/409) over 410 samples")
    func window() {
        let window = MFCCKernel.makeWindow(.hamming, length: 410)
        #expect(window[0] == 0.54 - 0.46)
        #expect((0..<205).allSatisfy { window[$0] == window[409 - $0] })
        #expect(abs(window[204] - (0.54 - 0.46 * cos(2 * Double.pi * 204 / 409))) < 1e-15)
    }

    @Test("an4_ci_cont: 40 filters 133.33–6855.5 Hz, 'current' CMN is batch", .requiresSharedData)
    func an4() throws {
        let options = try MFCCOptions.sphinx(modelDirectory: SharedData.data("pocketsphinx/an4_ci_cont"))
        #expect(options.melFilterCount == 40)
        #expect(options.lowFrequencyHertz == 133.3334)
        #expect(options.cmn == .batch)
        #expect(!options.noiseRemoval)
        let audio = try TestAudio.raw16(SharedData.data("pocketsphinx/goforward.raw"))
        let features = try FeaturePipeline(options: options).features(from: audio)
        #expect(features.dimension == 39 && features.frameCount == 278)
    }

    @Test("tidigits: s2_4x is refused with a clear error; its cepstra are available on request", .requiresSharedData)
    func tidigits() throws {
        let directory = SharedData.data("pocketsphinx/tidigits/hmm")
        let error = #expect(throws: FeatureError.self) { try MFCCOptions.sphinx(modelDirectory: directory) }
        #expect(error?.reason.contains("s2_4x") == true)
        #expect(error?.path?.hasSuffix("feat.params") == true)
        let options = try MFCCOptions.sphinx(modelDirectory: directory, featureType: .cepstra)
        #expect(options.frameLengthSamples == 400)
        #expect(options.filterbank == .sphinx(roundToBins: false, unitArea: true))
        #expect(options.removeDCOffset)
        #expect(options.cmn == .batch)
        #expect(options.dither == .sphinx(seed: UInt32.max))
        if case .live = options.cmn { Issue.record("cmn current must be batch") }
    }

    @Test("feat.params parsing rejects garbage and unsupported settings")
    func hostileFeatParams() {
        for text in ["-lowerf", "lowerf 130", "-nfilt many", "-varnorm yes", "-transform legacy", "-cmn weird",
                     "-agc max", "-samprate 12.5", "-upperf 9000", "-cmninit 1,x"] {
            #expect(throws: FeatureError.self, "\(text)") {
                try MFCCOptions.sphinx(parameters: SphinxFeatureParameters(text: text))
            }
        }
        #expect(throws: FeatureError.self) {
            try MFCCOptions.sphinx(modelDirectory: URL(fileURLWithPath: "/nonexistent"))
        }
    }

    @Test("feat.params errors name the line; comments and line breaks between name and value are accepted")
    func featParamsLines() throws {
        let error = #expect(throws: FeatureError.self) {
            try SphinxFeatureParameters(text: "-lowerf 130\n# a comment -x\n-upperf 6800 oops\n", path: "p")
        }
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("p: line 3: ") == true)
        let dangling = #expect(throws: FeatureError.self) { try SphinxFeatureParameters(text: "-lowerf 130\n-upperf\n") }
        #expect(dangling?.line == 2)
        let parsed = try SphinxFeatureParameters(text: "-lowerf\n130 # trailing\n-lowerf 133 -feat s2_4x\n")
        #expect(parsed.values == ["lowerf": "133", "feat": "s2_4x"])
        #expect(parsed.featureTypeName == "s2_4x")
        #expect(SphinxFeatureParameters().featureTypeName == "1s_c_d_dd")
    }

    @Test("a 1 kHz tone puts the most mel energy in the filter around 1 kHz", arguments: ["sphinx", "kaldi", "htk"])
    func toneEnergy(preset: String) throws {
        let options: MFCCOptions = preset == "kaldi" ? .kaldi : preset == "htk" ? .htk : MFCCOptions()
        let kernel = try MFCCKernel(options: options)
        let bank = kernel.filterbank
        let binHertz = 16000.0 / Double(kernel.fftSize)
        var power = [Double](repeating: 0, count: kernel.fftSize / 2 + 1)
        power[Int((1000 / binHertz).rounded())] = 1e6
        var energies = [Double](repeating: 0, count: options.melFilterCount)
        power.withUnsafeBufferPointer { p in
            energies.withUnsafeMutableBufferPointer { e in bank.apply(power: p.baseAddress!, into: e.baseAddress!) }
        }
        let loudest = try #require(energies.indices.max { energies[$0] < energies[$1] })
        // The loudest filter covers the tone's bin and peaks within three bins (~94 Hz) of it.
        let filter = bank.filters[loudest]
        let toneBin = Int((1000 / binHertz).rounded())
        #expect((filter.firstBin..<(filter.firstBin + filter.weights.count)).contains(toneBin))
        let peakBin = filter.firstBin + (filter.weights.indices.max { filter.weights[$0] < filter.weights[$1] } ?? 0)
        #expect(abs(peakBin - toneBin) <= 3)
        #expect(energies.filter { $0 > 0 }.count <= 2, "a single bin feeds at most two overlapping filters")
    }

    @Test("HTK preset: a steady tone gives identical frames; c0 is √(2/N)·Σ log energies")
    func htkSteadyTone() throws {
        // 1 kHz at 16 kHz repeats every 16 samples and the frame shift (160) is a multiple, so every
        // frame sees the same samples and must give the same cepstra.
        let samples = SignalGenerator.sine(count: 8000, frequencyHertz: 1000, amplitude: 0.5, sampleRate: .speech16k)
        let cepstra = try MFCCExtractor(options: .htk).cepstra(from: AudioBuffer(samples: samples, sampleRate: .speech16k))
        #expect(cepstra.frameCount == 1 + (8000 - 400) / 160)
        for t in 1..<cepstra.frameCount { #expect(Array(cepstra[frame: t]) == Array(cepstra[frame: 0])) }
    }
}

/// The DCT on known log energies: constant energies put everything in c0 (the cosine rows sum to
/// zero), with c0 = scale·N·ln(E) — √(1/N) for the orthonormal DCT, √(2/N) for HTK's.
@Suite("DCT known answers")
struct DCTKnownAnswerTests {
    @Test("constant mel energies", arguments: [MFCCOptions.DCTVariant.orthonormal, .htk])
    func constantEnergies(variant: MFCCOptions.DCTVariant) throws {
        var options = MFCCOptions()
        options.dct = variant
        options.lifter = 0
        options.logFloor = .clamp(1)
        let kernel = try MFCCKernel(options: options)
        let count = options.melFilterCount
        var energies = [Double](repeating: exp(2.0), count: count)
        var cepstra = [Float](repeating: .nan, count: options.cepstrumCount)
        energies.withUnsafeMutableBufferPointer { e in
            cepstra.withUnsafeMutableBufferPointer { c in kernel.cepstra(fromMelEnergies: e.baseAddress!, into: c.baseAddress!) }
        }
        let scale = variant == .htk ? (2.0 / Double(count)).squareRoot() : (1.0 / Double(count)).squareRoot()
        // Tolerance: 25 single-precision additions of 2.0 are exact; the scale is rounded to float.
        #expect(abs(Double(cepstra[0]) - scale * Double(count) * 2) < 1e-5)
        // The cosines are rounded to float, so the rows sum to zero only within float rounding.
        #expect(cepstra.dropFirst().allSatisfy { abs($0) < 1e-5 })
    }

    @Test("a cosine-shaped log spectrum lands in one coefficient")
    func singleCoefficient() throws {
        var options = MFCCOptions()
        options.lifter = 0
        options.logFloor = .clamp(1e-30)
        let kernel = try MFCCKernel(options: options)
        let count = options.melFilterCount
        // ln E[j] = cos(π·3·(j + 0.5)/N): orthogonal to every DCT row but row 3, where it gives √(2/N)·N/2.
        var energies = (0..<count).map { exp(cos(Double.pi * 3 * (Double($0) + 0.5) / Double(count))) }
        var cepstra = [Float](repeating: .nan, count: options.cepstrumCount)
        energies.withUnsafeMutableBufferPointer { e in
            cepstra.withUnsafeMutableBufferPointer { c in kernel.cepstra(fromMelEnergies: e.baseAddress!, into: c.baseAddress!) }
        }
        let expected = (2.0 / Double(count)).squareRoot() * Double(count) / 2
        #expect(abs(Double(cepstra[3]) - expected) < 1e-5)
        for (index, value) in cepstra.enumerated() where index != 3 { #expect(abs(value) < 1e-5, "c\(index)") }
    }
}

/// The Sphinx preset sees audio as pocketsphinx does: 16-bit integers.
@Suite("16-bit quantisation")
struct QuantisationTests {
    @Test("non-integer samples give the features of their 16-bit rounding; 16-bit audio is unchanged")
    func quantised() throws {
        var options = try MFCCOptions.sphinx(modelDirectory: Fixtures.bundledModel.appendingPathComponent("acoustic"))
        #expect(options.quantizesTo16Bit)
        options.cmn = .none
        options.featureType = .cepstra
        var generator = SignalGenerator(seed: 3)
        let noisy = generator.noise(count: 4000, rmsDBFS: -20)
        let rounded = noisy.map { Float(min(32767, max(-32768, (Double($0) * 32768).rounded(.toNearestOrEven)))) / 32768 }
        #expect(noisy != rounded)
        let extractor = try MFCCExtractor(options: options)
        let fromNoisy = try extractor.cepstra(from: AudioBuffer(samples: noisy, sampleRate: .speech16k))
        extractor.resetStream()
        let fromRounded = try extractor.cepstra(from: AudioBuffer(samples: rounded, sampleRate: .speech16k))
        #expect(fromNoisy == fromRounded)
        options.quantizesTo16Bit = false
        let unquantised = try MFCCExtractor(options: options).cepstra(from: AudioBuffer(samples: noisy, sampleRate: .speech16k))
        #expect(unquantised != fromNoisy)
    }
}
