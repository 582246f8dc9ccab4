/// One consistency check over the datasets being checked.
///
/// A check reads the ``CheckContext`` (utterances, their audio measurements, options) and returns its
/// findings, normally zero or one. Checks are pure: the same context gives the same findings, in
/// manifest order, which keeps reports identical whatever the parallelism of the audio scan.
public protocol DatasetCheck: Sendable {
    /// Its id, severity and rationale.
    var descriptor: CheckDescriptor { get }
    /// The findings on this context (empty when everything is fine).
    func run(in context: CheckContext) -> [Finding]
}
