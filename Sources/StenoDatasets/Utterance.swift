import StenoCore

/// One entry of a dataset: an id, its audio and its transcript, as the manifest declares them.
///
/// Either side may be missing (a Kaldi `text` line without a `wav.scp` entry has no audio; a
/// recording without a `text` line has no transcript); the structure checks report those.
public struct Utterance: Sendable, Hashable {
    /// The manifest's utterance id (for `manifest.tsv` and CSV/JSONL manifests, the audio path as written).
    public var id: UtteranceID
    /// The audio, or nil when the manifest names none for this id.
    public var audio: AudioSource?
    /// The transcript exactly as written (after UTF-8 repair, see ``Dataset/issues``), or nil when
    /// the manifest has none for this id.
    public var transcript: String?
    /// The speaker, when the format records one (Kaldi `utt2spk`, Common Voice `client_id`, NeMo
    /// `speaker`) or a speaker pattern extracts one.
    public var speaker: String?
    /// The duration the manifest declares (NeMo `duration`, Kaldi segment length), in seconds.
    public var declaredDurationSeconds: Double?
    /// The line that defines this utterance (its transcript line when there is one).
    public var location: SourceLocation

    /// An utterance as a reader built it; fields a format does not record are nil.
    public init(id: UtteranceID, audio: AudioSource?, transcript: String?, speaker: String? = nil,
                declaredDurationSeconds: Double? = nil, location: SourceLocation) {
        self.id = id
        self.audio = audio
        self.transcript = transcript
        self.speaker = speaker
        self.declaredDurationSeconds = declaredDurationSeconds
        self.location = location
    }
}
