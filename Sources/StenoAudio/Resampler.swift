internal import CSoxr
import StenoCore

/// A streaming sample-rate converter for mono Float32 audio, on libsoxr.
///
/// Feed blocks with `process(_:into:)` (an array or a buffer pointer) and end with ``finish(into:)``; the total output is
/// `round(inputCount × outputRate / inputRate)` samples, so durations are preserved.
/// One instance converts one stream; it is not shared between threads.
public final class Resampler {
    /// The input rate.
    public let inputRate: SampleRate
    /// The output rate.
    public let outputRate: SampleRate
    private let handle: soxr_t
    private var inputCount = 0
    private var outputCount = 0
    private var finished = false
    private var scratch: [Float]

    /// Creates a converter. Throws an ``AudioError`` of kind `.resampling` if libsoxr refuses.
    public init(from inputRate: SampleRate, to outputRate: SampleRate, quality: ResamplingQuality = .high) throws {
        self.inputRate = inputRate
        self.outputRate = outputRate
        var error: soxr_error_t?
        var ioSpec = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var qualitySpec = soxr_quality_spec(quality.soxrRecipe, 0)
        var runtime = soxr_runtime_spec(1)
        let created = soxr_create(Double(inputRate.hertz), Double(outputRate.hertz), 1, &error,
                                  &ioSpec, &qualitySpec, &runtime)
        guard let created, error == nil else {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            throw AudioError(.resampling, path: nil,
                             detail: "cannot create a \(inputRate) → \(outputRate) resampler", libraryMessage: message)
        }
        handle = created
        scratch = [Float](repeating: 0, count: 16_384)
    }

    deinit { soxr_delete(handle) }

    /// The number of output samples `inputCount` input samples become.
    public func expectedOutputCount(forInputCount inputCount: Int) -> Int {
        Int((Double(inputCount) * Double(outputRate.hertz) / Double(inputRate.hertz)).rounded())
    }

    /// Converts one block, appending whatever output is ready to `output`.
    public func process(_ input: UnsafeBufferPointer<Float>, into output: inout [Float]) throws {
        precondition(!finished, "process called after finish")
        inputCount += input.count
        var consumed = 0
        while consumed < input.count {
            let remaining = UnsafeBufferPointer(rebasing: input[consumed...])
            let before = outputCount
            let used = try step(remaining, into: &output)
            if used == 0 && outputCount == before {
                throw AudioError(.resampling, path: nil, detail: "libsoxr made no progress")
            }
            consumed += used
        }
    }

    /// Converts one block given as an array.
    public func process(_ input: [Float], into output: inout [Float]) throws {
        try input.withUnsafeBufferPointer { try process($0, into: &output) }
    }

    /// Flushes the filter's tail, appending the last samples so the total is exactly
    /// ``expectedOutputCount(forInputCount:)`` of everything fed.
    public func finish(into output: inout [Float]) throws {
        precondition(!finished, "finish called twice")
        finished = true
        let expected = expectedOutputCount(forInputCount: inputCount)
        while outputCount < expected {
            let before = outputCount
            _ = try step(nil, into: &output)
            if outputCount == before { break }
        }
        if outputCount > expected {
            output.removeLast(outputCount - expected)
            outputCount = expected
        }
    }

    /// Runs libsoxr once; returns input samples consumed. `nil` input means end of stream.
    private func step(_ input: UnsafeBufferPointer<Float>?, into output: inout [Float]) throws -> Int {
        var consumed = 0
        var produced = 0
        let capacity = scratch.count
        let error: soxr_error_t? = scratch.withUnsafeMutableBufferPointer { out in
            soxr_process(handle, input?.baseAddress, input?.count ?? 0, &consumed,
                         out.baseAddress, capacity, &produced)
        }
        if let error {
            throw AudioError(.resampling, path: nil, detail: "resampling failed", libraryMessage: String(cString: error))
        }
        output.append(contentsOf: scratch[0..<produced])
        outputCount += produced
        return consumed
    }

    /// Resamples a whole buffer (a convenience over the streaming interface).
    public static func resample(_ buffer: AudioBuffer, to rate: SampleRate,
                                quality: ResamplingQuality = .high) throws -> AudioBuffer {
        guard rate != buffer.sampleRate else { return buffer }
        let resampler = try Resampler(from: buffer.sampleRate, to: rate, quality: quality)
        var output: [Float] = []
        output.reserveCapacity(resampler.expectedOutputCount(forInputCount: buffer.samples.count))
        try resampler.process(buffer.samples, into: &output)
        try resampler.finish(into: &output)
        return AudioBuffer(samples: output, sampleRate: rate)
    }
}
