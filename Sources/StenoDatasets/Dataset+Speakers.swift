import Foundation

extension Dataset {
    /// A copy in which utterances without a speaker get one from `pattern`'s first capture group,
    /// matched against the audio path as written (or the id when there is no audio). Useful when
    /// speakers are encoded in file names (`an4/wav/test_fcaw_an409-fcaw-b.wav` → `fcaw` with
    /// `_([a-z]+)_an`). Utterances the pattern does not match keep no speaker.
    public func assigningSpeakers(pattern: NSRegularExpression) -> Dataset {
        var copy = self
        for index in copy.utterances.indices where copy.utterances[index].speaker == nil {
            let subject = copy.utterances[index].audio?.written ?? copy.utterances[index].id.rawValue
            let range = NSRange(subject.startIndex..., in: subject)
            guard let match = pattern.firstMatch(in: subject, range: range), match.numberOfRanges > 1,
                  let captured = Range(match.range(at: 1), in: subject) else { continue }
            copy.utterances[index].speaker = String(subject[captured])
        }
        return copy
    }
}
