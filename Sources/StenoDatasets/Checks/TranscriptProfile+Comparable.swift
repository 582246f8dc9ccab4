/// An order on the convention styles, so `ConventionTally` breaks ties between equally common
/// styles the same way on every run.
extension TranscriptProfile.LetterCase: Comparable {
    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
extension TranscriptProfile.NumberStyle: Comparable {
    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
extension TranscriptProfile.SpellingStyle: Comparable {
    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
extension TranscriptProfile.FillerMarking: Comparable {
    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
