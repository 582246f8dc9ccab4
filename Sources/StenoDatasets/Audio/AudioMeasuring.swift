/// Reads and measures one utterance's audio. ``AudioFileMeasurer`` is the real one; the seam lets a
/// caller measure in-memory audio.
public protocol AudioMeasuring: Sendable {
    /// Measures the audio of `source` (a whole file or a segment of it).
    /// - Throws: when the audio cannot be read or decoded; the error's description becomes the finding's detail.
    func measure(_ source: AudioSource) throws -> AudioMeasurement
}
