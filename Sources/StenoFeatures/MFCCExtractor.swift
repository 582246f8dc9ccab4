import Foundation
import StenoCore

/// Computes cepstra from audio, whole or in chunks of any size, with one configuration.
///
/// An extractor is a stream, like a pocketsphinx decoder: it holds the framing state of the
/// current utterance and, across utterances, Sphinx's noise-removal state and the dither
/// generator. Feeding an utterance in any chunking gives exactly the frames of feeding it whole.
///
/// ```swift
/// let extractor = try MFCCExtractor(options: .sphinx(modelDirectory: modelURL))
/// let cepstra = try extractor.cepstra(from: audio)        // one utterance
///
/// extractor.startUtterance()                                // or streaming
/// var frames = try extractor.process(chunk1)
/// frames.values += try extractor.process(chunk2).values
/// frames.values += try extractor.finishUtterance().values
/// ```
///
/// Not thread-safe: use one extractor per stream. Extractors of one configuration share their
/// tables and FFT plan, so making many is cheap.
public final class MFCCExtractor {
    /// The configuration.
    public let options: MFCCOptions
    let kernel: MFCCKernel
    private let workspace: FFTWorkspace
    private var power: [Double]
    private var energies: [Double]
    private var noiseRemover = SphinxNoiseRemover()
    private var dither: DitherSource

    /// Samples of the current utterance not yet consumed; `pending[pendingStart]` starts the next frame.
    private var pending: [Double] = []
    private var pendingStart = 0
    /// The sample before the next frame, for continuous pre-emphasis (0 at the start of an utterance).
    private var prior = 0.0
    private var utteranceSampleCount = 0

    /// An extractor for `options`; throws ``FeatureError`` (`.invalidOptions`) when they are unusable.
    public convenience init(options: MFCCOptions) throws {
        self.init(kernel: try MFCCKernel(options: options))
    }

    init(kernel: MFCCKernel) {
        self.kernel = kernel
        options = kernel.options
        workspace = FFTWorkspace(size: kernel.fftSize)
        power = [Double](repeating: 0, count: kernel.fftSize / 2 + 1)
        energies = [Double](repeating: 0, count: options.melFilterCount)
        dither = DitherSource(options.dither)
    }

    /// Values per cepstral frame.
    public var cepstrumCount: Int { options.cepstrumCount }

    // MARK: - Whole utterances

    /// The cepstra of one whole utterance (frames × ``MFCCOptions/cepstrumCount``).
    ///
    /// Starts a new utterance (abandoning any unfinished one). Sphinx noise-removal state carries
    /// over from earlier utterances of this extractor, as in pocketsphinx; call ``resetStream()``
    /// first for a fresh start.
    /// - Throws: ``FeatureError`` for empty or too-short audio, NaN/infinite samples or a sample
    ///   rate other than the options'.
    public func cepstra(from audio: AudioBuffer) throws -> FeatureMatrix {
        startUtterance()
        var result = try process(audio)
        result.values += try finishUtterance().values
        return result
    }

    // MARK: - Streaming

    /// Starts a new utterance: framing and pre-emphasis restart; noise-removal state and dither carry on.
    public func startUtterance() {
        pending.removeAll(keepingCapacity: true)
        pendingStart = 0
        prior = 0
        utteranceSampleCount = 0
    }

    /// Forgets everything, including Sphinx's noise-removal state (pocketsphinx `start_stream`).
    public func resetStream() {
        startUtterance()
        noiseRemover.reset()
        dither = DitherSource(options.dither)
    }

    /// Adds samples to the current utterance and returns the cepstra of the frames they complete.
    /// - Throws: ``FeatureError`` when the rate differs from the options' or a sample is not finite
    ///   (the chunk is then ignored entirely).
    public func process(_ audio: AudioBuffer) throws -> FeatureMatrix {
        guard audio.sampleRate == options.sampleRate else {
            throw FeatureError(.sampleRateMismatch,
                               "audio is \(audio.sampleRate), these features need \(options.sampleRate)")
        }
        return try process(samples: audio.samples)
    }

    /// Adds samples (nominally in [-1, 1], at ``MFCCOptions/sampleRate``) to the current utterance.
    public func process(samples: [Float]) throws -> FeatureMatrix {
        if let bad = samples.firstIndex(where: { !$0.isFinite }) {
            throw FeatureError(.nonFiniteSample,
                               "sample \(utteranceSampleCount + bad) is \(samples[bad]) (NaN or infinite)")
        }
        var output = FeatureMatrix(dimension: cepstrumCount, framesPerSecond: options.framesPerSecond)
        output.values.reserveCapacity((samples.count / kernel.frameShift + 1) * cepstrumCount)
        // Long inputs are taken in blocks so the double-precision copy stays small.
        let blockSize = 1 << 16
        let scale = options.sampleScale
        for blockStart in stride(from: 0, to: samples.count, by: blockSize) {
            compactPending()
            let block = samples[blockStart..<min(blockStart + blockSize, samples.count)]
            if options.quantizesTo16Bit {
                for sample in block {
                    let value = min(32767, max(-32768, (Double(sample) * scale).rounded(.toNearestOrEven)))
                    pending.append(value + dither.next())
                }
            } else if dither.isOff {
                for sample in block { pending.append(Double(sample) * scale) }
            } else {
                for sample in block { pending.append(Double(sample) * scale + dither.next()) }
            }
            utteranceSampleCount += block.count
            while pending.count - pendingStart >= kernel.frameLength {
                appendFrame(start: pendingStart, count: kernel.frameLength, to: &output)
                prior = pending[pendingStart + kernel.frameShift - 1]
                pendingStart += kernel.frameShift
            }
        }
        return output
    }

    /// Ends the utterance and returns its last frames (Sphinx framing: the trailing partial frame).
    /// - Throws: ``FeatureError`` when the utterance had no samples, or fewer than one frame.
    public func finishUtterance() throws -> FeatureMatrix {
        defer { startUtterance() }
        guard utteranceSampleCount > 0 else { throw FeatureError(.emptyAudio, "the audio has no samples") }
        guard utteranceSampleCount >= kernel.frameLength else {
            throw FeatureError(.tooShort, "the audio has \(utteranceSampleCount) samples, fewer than one "
                               + "\(kernel.frameLength)-sample frame")
        }
        var output = FeatureMatrix(dimension: cepstrumCount, framesPerSecond: options.framesPerSecond)
        let remaining = pending.count - pendingStart
        if options.framing == .sphinx, remaining > 0 {
            appendFrame(start: pendingStart, count: remaining, to: &output)
        }
        return output
    }

    // MARK: - One frame

    private func compactPending() {
        if pendingStart > 0, pendingStart >= pending.count / 2 {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
    }

    /// Analyses `count` (≤ frame length) pending samples from `start`, zero-padded, and appends the cepstra.
    private func appendFrame(start: Int, count: Int, to output: inout FeatureMatrix) {
        let input = workspace.input
        let size = kernel.fftSize, alpha = kernel.preEmphasis
        var logEnergy = 0.0
        pending.withUnsafeBufferPointer { samples in
            switch options.preEmphasisStyle {
            case .continuous:
                var previous = prior
                for i in 0..<count {
                    let x = samples[start + i]
                    input[i] = x - alpha * previous
                    previous = x
                }
                if options.removeDCOffset { Self.subtractMean(input, count: count) }
            case .withinFrame:
                for i in 0..<count { input[i] = samples[start + i] }
                if options.removeDCOffset { Self.subtractMean(input, count: count) }
                if case .rawLogEnergy(let floor) = options.energy {
                    var sum = 0.0
                    for i in 0..<count { sum += input[i] * input[i] }
                    logEnergy = Foundation.log(max(sum, floor > 0 ? floor : Double(Float.ulpOfOne)))
                }
                if alpha != 0, count > 0 {
                    for i in stride(from: count - 1, to: 0, by: -1) { input[i] -= alpha * input[i - 1] }
                    input[0] -= alpha * input[0]
                }
            }
        }
        for i in count..<size { input[i] = 0 }
        kernel.window.withUnsafeBufferPointer { window in
            for i in 0..<min(count, window.count) { input[i] *= window[i] }
        }
        kernel.plan.execute(workspace)
        power.withUnsafeMutableBufferPointer { power in
            guard let powerBase = power.baseAddress else { return }
            workspace.powerSpectrum(into: powerBase)
            energies.withUnsafeMutableBufferPointer { energies in
                guard let energyBase = energies.baseAddress else { return }
                kernel.filterbank.apply(power: powerBase, into: energyBase)
                if options.noiseRemoval { noiseRemover.process(energyBase, count: energies.count) }
                let first = output.values.count
                output.values.append(contentsOf: repeatElement(0, count: cepstrumCount))
                output.values.withUnsafeMutableBufferPointer { values in
                    guard let base = values.baseAddress else { return }
                    kernel.cepstra(fromMelEnergies: energyBase, into: base + first)
                    if case .rawLogEnergy = options.energy { base[first] = Float(logEnergy) }
                }
            }
        }
    }

    private static func subtractMean(_ values: UnsafeMutablePointer<Double>, count: Int) {
        guard count > 0 else { return }
        var sum = 0.0
        for i in 0..<count { sum += values[i] }
        let mean = sum / Double(count)
        for i in 0..<count { values[i] -= mean }
    }
}
