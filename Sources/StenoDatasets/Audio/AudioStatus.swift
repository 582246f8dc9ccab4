/// What became of one utterance's audio during the scan.
public enum AudioStatus: Sendable, Hashable {
    /// Not looked at: audio analysis is off, or the utterance names no readable source.
    case notAnalysed
    /// The file named does not exist.
    case missingFile
    /// The file exists but could not be decoded; the reason names why.
    case unreadable(String)
    /// Read and measured.
    case measured(AudioMeasurement)

    /// The measurement, when there is one.
    public var measurement: AudioMeasurement? {
        if case .measured(let measurement) = self { return measurement }
        return nil
    }
}
