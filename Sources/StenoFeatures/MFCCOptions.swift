import StenoCore

/// Everything that decides how audio becomes cepstra and feature vectors.
///
/// The defaults are pocketsphinx 5.1.1's front end (16 kHz, 410-sample frames every 160 samples,
/// 25 unit-area mel filters 130–6800 Hz, orthonormal DCT, lifter 22, 13 cepstra) without noise
/// removal, CMN or deltas. Use a preset for a complete configuration:
/// ``sphinx(modelDirectory:featureType:)`` (a model's `feat.params`), ``kaldi`` or ``htk``.
public struct MFCCOptions: Sendable, Equatable {
    /// The sample rate the options are built for; audio at another rate is rejected. Default 16 kHz.
    public var sampleRate: SampleRate = .speech16k
    /// Factor applied to `AudioBuffer` samples (nominally in [-1, 1]) before analysis. Default
    /// 32768, so 16-bit audio becomes exactly its integer sample values, as Sphinx and Kaldi read it.
    public var sampleScale: Double = 32768
    /// Round each scaled sample to the nearest integer (ties to even) and clamp it to −32768...32767,
    /// as when audio reaches pocketsphinx as 16-bit PCM. Identity for audio decoded from 16-bit
    /// files; matters for resampled or processed audio. Default false; the Sphinx preset sets it.
    public var quantizesTo16Bit: Bool = false
    /// Time between frame starts, in seconds. Default 0.01 (160 samples at 16 kHz).
    public var frameShiftSeconds: Double = 0.01
    /// Analysis frame length, in seconds. Default 0.025625 (410 samples at 16 kHz, Sphinx's `-wlen`).
    public var frameLengthSeconds: Double = 0.025625
    /// FFT length in samples (a power of two ≥ the frame length), or nil for the smallest such
    /// power of two. Default nil (512 at 16 kHz).
    public var fftSize: Int? = nil
    /// Pre-emphasis coefficient α in y[n] = x[n] − α·x[n−1]; 0 turns it off. Default 0.97.
    public var preEmphasis: Double = 0.97
    /// Whether pre-emphasis runs over the continuous signal (Sphinx) or inside each frame (Kaldi, HTK).
    public var preEmphasisStyle: PreEmphasisStyle = .continuous
    /// Subtract each frame's mean before analysis (Kaldi `remove_dc_offset`, Sphinx `-remove_dc`).
    /// Default false.
    public var removeDCOffset: Bool = false
    /// The analysis window. Default Hamming.
    public var window: WindowFunction = .hamming
    /// Dither added to the samples. Default none (so runs are deterministic); when on it is seeded.
    public var dither: Dither = .none
    /// Which frames the signal is cut into. Default Sphinx's (full frames plus a trailing partial frame).
    public var framing: FramingMode = .sphinx
    /// Number of triangular mel filters. Default 25.
    public var melFilterCount: Int = 25
    /// Lower edge of the first mel filter, in hertz. Default 130.
    public var lowFrequencyHertz: Double = 130
    /// Upper edge of the last mel filter, in hertz; zero or negative counts back from the Nyquist
    /// frequency (Kaldi's convention). Default 6800.
    public var highFrequencyHertz: Double = 6800
    /// How the filters are laid out and weighted. Default Sphinx's (rounded to FFT bins, unit area).
    public var filterbank: FilterbankStyle = .sphinx(roundToBins: true, unitArea: true)
    /// The mel formula and the precision it is evaluated in. Default Sphinx's.
    public var melScale: MelScale = .sphinx
    /// How zero energies are kept out of the logarithm. Default Sphinx's ln(E + 1e-4).
    public var logFloor: LogFloor = .add(1e-4)
    /// The DCT that turns log mel energies into cepstra. Default orthonormal DCT-II.
    public var dct: DCTVariant = .orthonormal
    /// Number of cepstra kept per frame, including c0. Default 13.
    public var cepstrumCount: Int = 13
    /// Sine lifter length L (weights 1 + ⌊L/2⌋·sin(πi/L)); 0 turns liftering off. Default 22.
    public var lifter: Int = 22
    /// Whether c0 is replaced by the frame's log energy (Kaldi `use_energy`). Default no.
    public var energy: EnergyMode = .none
    /// Sphinx's spectral-subtraction noise removal on the mel energies (`-remove_noise`). Default off.
    public var noiseRemoval: Bool = false
    /// Cepstral mean normalisation applied by ``FeaturePipeline``. Default none.
    public var cmn: CMNMode = .none
    /// What ``FeaturePipeline`` returns per frame. Default the cepstra alone.
    public var featureType: FeatureType = .cepstra

    /// Pocketsphinx's front-end defaults (see the type's description).
    public init() {}
}

extension MFCCOptions {
    /// Where pre-emphasis is applied.
    public enum PreEmphasisStyle: String, Sendable, Equatable, CaseIterable {
        /// Over the whole signal, x[−1] = 0 at the start of the utterance (Sphinx).
        case continuous
        /// Inside each frame, its first sample using itself as predecessor (Kaldi, HTK).
        case withinFrame
    }

    /// Analysis windows. All are symmetric over the frame length.
    public enum WindowFunction: String, Sendable, Equatable, CaseIterable {
        /// 0.54 − 0.46·cos(2πn/(N−1)).
        case hamming
        /// 0.5 − 0.5·cos(2πn/(N−1)).
        case hann
        /// Kaldi's "povey" window: the Hann window raised to the power 0.85.
        case povey
        /// All ones.
        case rectangular
    }

    /// Dither: small seeded noise added to the samples so that digital silence has no −∞ log energy.
    public enum Dither: Sendable, Equatable {
        /// No dither.
        case none
        /// Sphinx's dither: +1 (in 16-bit units) on each sample with probability ¼, from a
        /// Mersenne Twister seeded with `seed`.
        case sphinx(seed: UInt32)
        /// Kaldi-style dither: Gaussian noise of standard deviation `amplitude` (in sample units after
        /// ``MFCCOptions/sampleScale``), from a generator seeded with `seed`. It is added once per
        /// sample of the signal (Kaldi draws it per frame), so streaming gives the same result as
        /// whole-utterance processing.
        case gaussian(amplitude: Double, seed: UInt64)
    }

    /// Which frames a signal of N samples gives (frame length L, shift S).
    public enum FramingMode: String, Sendable, Equatable, CaseIterable {
        /// Sphinx: 1 + ⌊(N−L)/S⌋ full frames, then the unconsumed tail as one more zero-padded
        /// frame; a signal shorter than one frame gives one frame of all of it.
        case sphinx
        /// Kaldi `snip_edges` and HTK: only the 1 + ⌊(N−L)/S⌋ full frames; shorter input gives none.
        /// (Kaldi's `snip_edges=false`, with reflected edges, is not offered.)
        case fullFramesOnly
    }

    /// How mel filters are placed on the FFT bins.
    public enum FilterbankStyle: Sendable, Equatable {
        /// Sphinx: triangles in hertz between mel-spaced edges; `roundToBins` snaps the edges to
        /// FFT bins, `unitArea` scales each triangle to unit area (peak 2/(right − left) per Hz).
        case sphinx(roundToBins: Bool, unitArea: Bool)
        /// Kaldi and HTK: triangles of peak 1 in the mel domain, weights evaluated at each bin's mel
        /// value; bins from `firstBin` up to (not including) the Nyquist bin.
        case melDomain(firstBin: Int)
    }

    /// The mel scale.
    public enum MelScale: String, Sendable, Equatable, CaseIterable {
        /// 2595·log10(1 + f/700), rounded to single precision as Sphinx does.
        case sphinx
        /// 1127·ln(1 + f/700) (Kaldi, HTK), in double precision.
        case natural
    }

    /// How the logarithm of the mel energies avoids log(0).
    public enum LogFloor: Sendable, Equatable {
        /// ln(E + value) (Sphinx: 1e-4).
        case add(Double)
        /// ln(max(E, value)) (Kaldi: FLT_EPSILON; HTK: 1).
        case clamp(Double)
    }

    /// The DCT-II scaling.
    public enum DCTVariant: String, Sendable, Equatable, CaseIterable {
        /// Orthonormal: c0 scaled by √(1/N), the others by √(2/N) (Sphinx `dct`, Kaldi).
        case orthonormal
        /// HTK: every coefficient, c0 included, scaled by √(2/N).
        case htk
    }

    /// Whether c0 is replaced by an energy term.
    public enum EnergyMode: Sendable, Equatable {
        /// Keep c0.
        case none
        /// Replace c0 by ln(max(Σx², floor)) of the frame after dither and DC removal, before
        /// pre-emphasis and windowing (Kaldi `use_energy` with `raw_energy`). A floor ≤ 0 means FLT_EPSILON.
        case rawLogEnergy(floor: Double)
    }

    /// Cepstral mean normalisation.
    public enum CMNMode: Sendable, Equatable {
        /// Leave the cepstra as they are.
        case none
        /// Subtract the utterance mean (over frames with c0 ≥ 0) from every frame (Sphinx `batch`).
        case batch
        /// Sphinx's running mean, starting from `initialMeans` (padded with zeros to the cepstrum
        /// count); it carries over between utterances of one stream.
        case live(initialMeans: [Float])

        /// Sphinx's default `-cmninit` (40, 3, −1).
        public static let sphinxDefaultInitialMeans: [Float] = [40, 3, -1]
    }

    /// What each output frame holds.
    public enum FeatureType: String, Sendable, Equatable, CaseIterable {
        /// The cepstra alone (``MFCCOptions/cepstrumCount`` values).
        case cepstra
        /// Sphinx `1s_c_d_dd`: cepstra, deltas c[t+2] − c[t−2] and double deltas
        /// (c[t+3] − c[t−1]) − (c[t+1] − c[t−3]), 3 × cepstrumCount values, with the first and last
        /// frames repeated three times at the edges.
        case cepstraDeltasDoubleDeltas = "1s_c_d_dd"
    }
}

extension MFCCOptions {
    /// Frame length in samples.
    public var frameLengthSamples: Int {
        // Sphinx computes the product in single precision, then rounds half up.
        Int((Double(Float(frameLengthSeconds) * Float(sampleRate.hertz)) + 0.5).rounded(.down))
    }

    /// Frame shift in samples.
    public var frameShiftSamples: Int {
        Int((frameShiftSeconds * Double(sampleRate.hertz) + 0.5).rounded(.down))
    }

    /// The FFT length actually used.
    public var effectiveFFTSize: Int {
        if let fftSize { return fftSize }
        var size = 1
        while size < frameLengthSamples { size <<= 1 }
        return size
    }

    /// The upper filter edge in hertz after resolving Kaldi's "relative to Nyquist" convention.
    public var effectiveHighFrequencyHertz: Double {
        highFrequencyHertz > 0 ? highFrequencyHertz : Double(sampleRate.hertz) / 2 + highFrequencyHertz
    }

    /// Values per output frame for ``featureType``.
    public var featureDimension: Int {
        switch featureType {
        case .cepstra: cepstrumCount
        case .cepstraDeltasDoubleDeltas: 3 * cepstrumCount
        }
    }

    /// Output frames per second.
    public var framesPerSecond: Double { Double(sampleRate.hertz) / Double(frameShiftSamples) }

    /// Checks that the options describe a computable front end.
    public func validate() throws {
        func fail(_ reason: String) -> FeatureError { FeatureError(.invalidOptions, reason) }
        let length = frameLengthSamples, shift = frameShiftSamples
        guard length >= 2 else { throw fail("frame length \(frameLengthSeconds) s is shorter than 2 samples") }
        guard shift >= 1 else { throw fail("frame shift \(frameShiftSeconds) s is shorter than 1 sample") }
        guard shift <= length else {
            throw fail("frame shift (\(shift) samples) is longer than the frame (\(length) samples)")
        }
        let fft = effectiveFFTSize
        guard fft >= length, fft & (fft - 1) == 0 else {
            throw fail("FFT size \(fft) must be a power of two at least the frame length (\(length) samples)")
        }
        guard melFilterCount >= 1 else { throw fail("need at least one mel filter") }
        guard (1...melFilterCount).contains(cepstrumCount) else {
            throw fail("cepstrum count \(cepstrumCount) must be between 1 and the filter count \(melFilterCount)")
        }
        let nyquist = Double(sampleRate.hertz) / 2
        let high = effectiveHighFrequencyHertz
        guard lowFrequencyHertz >= 0, high > lowFrequencyHertz, high <= nyquist else {
            throw fail("mel filter range \(lowFrequencyHertz)–\(high) Hz must lie within 0–\(nyquist) Hz")
        }
        guard lifter >= 0 else { throw fail("lifter \(lifter) is negative") }
        guard sampleScale.isFinite, sampleScale > 0 else { throw fail("sample scale must be positive") }
        guard preEmphasis.isFinite, (0...1).contains(preEmphasis) else {
            throw fail("pre-emphasis \(preEmphasis) must be in 0...1")
        }
        switch logFloor {
        case .add(let value), .clamp(let value):
            guard value.isFinite, value > 0 else { throw fail("log floor must be positive") }
        }
        if case .live(let means) = cmn, means.count > cepstrumCount {
            throw fail("\(means.count) initial CMN means for \(cepstrumCount) cepstra")
        }
    }
}
