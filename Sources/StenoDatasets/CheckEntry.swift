import Foundation
import StenoCore
import StenoEval

/// One utterance as the checks see it: where it is from, what it says, what its audio measured.
public struct CheckEntry: Sendable {
    /// Index into ``CheckContext/datasets``.
    public let datasetIndex: Int
    /// The utterance as the manifest describes it.
    public let utterance: Utterance
    /// Whether its audio was measured, and the measurement or why not.
    public let audio: AudioStatus
    let profile: TranscriptProfile?
    /// The transcript as StenoEval scores it (case folded, punctuation and fillers removed, numerals
    /// spelled out), so two transcripts compare equal exactly when WER would see no difference.
    let comparableText: String?

    /// An entry; the transcript profile and comparable text are derived from `utterance` here, once.
    public init(datasetIndex: Int, utterance: Utterance, audio: AudioStatus) {
        self.datasetIndex = datasetIndex
        self.utterance = utterance
        self.audio = audio
        profile = utterance.transcript.map(TranscriptProfile.init)
        comparableText = utterance.transcript.map(Self.comparisonNormalizer.normalize)
    }

    private static let comparisonNormalizer: TextNormalizer = {
        var options = NormalizationOptions.standard
        options.numbersToWords = true
        return TextNormalizer(options: options)
    }()
}
