/// Which senones a search wants scored for one frame.
public enum SenoneSet: Sendable, Equatable {
    /// Every senone of the model.
    case all
    /// These senone ids, ascending and without duplicates.
    case active([Int32])
}
