import StenoCore

/// One stream of utterances through a ``FeaturePipeline``; like a pocketsphinx decoder it keeps
/// noise-removal and live-CMN state from one utterance to the next.
///
/// Feed audio in any chunking with ``process(_:)`` and end with ``finishUtterance()``: the frames
/// returned, concatenated, equal ``features(from:)`` on the whole utterance for `.none` and
/// `.batch` CMN. Live CMN is the exception by design (Sphinx's rule): its mean is updated after
/// each block of frames, so its output depends on how the audio was chunked.
///
/// With batch CMN nothing can be returned before the utterance ends; with `1s_c_d_dd` each frame
/// is returned three frames late (the deltas need them). Not thread-safe.
public final class FeatureSession {
    /// The configuration.
    public let options: MFCCOptions
    private let extractor: MFCCExtractor
    private var liveCMN: CepstralMeanNormalizer?
    private var deltas: DeltaFeatures?
    /// Cepstra held back for batch CMN until the utterance ends.
    private var heldCepstra: FeatureMatrix

    init(kernel: MFCCKernel) {
        options = kernel.options
        extractor = MFCCExtractor(kernel: kernel)
        heldCepstra = FeatureMatrix(dimension: kernel.options.cepstrumCount,
                                    framesPerSecond: kernel.options.framesPerSecond)
        if case .live(let means) = options.cmn {
            liveCMN = CepstralMeanNormalizer(initialMeans: means, dimension: options.cepstrumCount)
        }
        startUtterance()
    }

    /// Starts a new utterance, abandoning any unfinished one.
    public func startUtterance() {
        extractor.startUtterance()
        heldCepstra.values.removeAll(keepingCapacity: true)
        deltas = options.featureType == .cepstraDeltasDoubleDeltas
            ? DeltaFeatures(cepstrumCount: options.cepstrumCount) : nil
    }

    /// The features of one whole utterance, continuing this stream's state.
    public func features(from audio: AudioBuffer) throws -> FeatureMatrix {
        startUtterance()
        var output = try process(audio)
        output.values += try finishUtterance().values
        return output
    }

    /// Adds audio to the current utterance; returns the feature frames that became ready.
    public func process(_ audio: AudioBuffer) throws -> FeatureMatrix {
        let cepstra = try extractor.process(audio)
        return emit(cepstra, final: false)
    }

    /// Ends the utterance and returns its remaining frames.
    /// - Throws: ``FeatureError`` when the utterance was empty or shorter than one frame.
    public func finishUtterance() throws -> FeatureMatrix {
        let cepstra: FeatureMatrix
        do {
            cepstra = try extractor.finishUtterance()
        } catch {
            startUtterance()
            throw error
        }
        let output = emit(cepstra, final: true)
        startUtterance()
        return output
    }

    /// Forgets all state, including noise removal and the live CMN mean.
    public func resetStream() {
        extractor.resetStream()
        if case .live(let means) = options.cmn {
            liveCMN = CepstralMeanNormalizer(initialMeans: means, dimension: options.cepstrumCount)
        }
        startUtterance()
    }

    private func emit(_ cepstra: FeatureMatrix, final: Bool) -> FeatureMatrix {
        var ready = cepstra
        switch options.cmn {
        case .none:
            break
        case .batch:
            heldCepstra.values += cepstra.values
            guard final else { return FeatureMatrix(dimension: options.featureDimension,
                                                    framesPerSecond: options.framesPerSecond) }
            ready = heldCepstra
            CepstralMeanNormalizer.normalizeBatch(&ready)
        case .live:
            liveCMN?.normalizeBlock(&ready, frames: 0..<ready.frameCount)
            if final { liveCMN?.finishUtterance() }
        }
        guard var deltas else { return ready }
        var output = FeatureMatrix(dimension: deltas.dimension, framesPerSecond: options.framesPerSecond)
        deltas.push(ready, into: &output)
        if final { deltas.finish(into: &output) }
        self.deltas = deltas
        return output
    }
}
