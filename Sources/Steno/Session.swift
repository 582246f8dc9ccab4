import StenoCore

/// One utterance: feed audio as it arrives with ``accept(samples:)``, then ``finish()`` for the words.
///
/// The features use whole-utterance mean normalisation (as pocketsphinx does for a complete utterance),
/// so decoding happens in `finish()`. A session starts clean and is clean again after `finish()`:
/// nothing carries over from one utterance to the next, so results never depend on order.
/// Not shared between threads; make one per utterance or per stream.
public final class Session {
    /// The recognizer this session decodes with.
    public let recognizer: Recognizer
    private var samples: [Float] = []

    init(recognizer: Recognizer) {
        self.recognizer = recognizer
    }

    /// Seconds of audio accepted so far.
    public var acceptedSeconds: Double { Double(samples.count) / Double(recognizer.sampleRate.hertz) }

    /// Adds samples (mono, in [-1, 1], at the recognizer's ``Recognizer/sampleRate``).
    public func accept(samples newSamples: some Collection<Float>) {
        samples.append(contentsOf: newSamples)
    }

    /// Adds a buffer at any rate (resampled to the recognizer's rate).
    public func accept(_ audio: AudioBuffer) throws {
        samples.append(contentsOf: try recognizer.resampled(audio))
    }

    /// Decodes everything accepted since the last `finish()` and starts a new utterance.
    public func finish() throws -> Hypothesis {
        let utterance = samples
        samples = []
        return try recognizer.transcribe(samples: utterance)
    }
}
