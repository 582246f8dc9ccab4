import Foundation

/// A dataset as read from one manifest: its utterances in manifest order and the problems met on the way.
public struct Dataset: Sendable {
    /// The path the dataset was given as (a folder or a manifest file), used to name it in reports.
    public let name: String
    /// The format it was read as.
    public let format: DatasetFormat
    /// The manifest files read, in the order read.
    public let manifestFiles: [String]
    /// The utterances, in the order the manifest lists them (first occurrence of each id).
    public var utterances: [Utterance]
    /// Problems found while reading (bad lines, invalid UTF-8, duplicate ids).
    public var issues: [ManifestIssue]

    /// A dataset as a reader built it.
    public init(name: String, format: DatasetFormat, manifestFiles: [String], utterances: [Utterance],
                issues: [ManifestIssue]) {
        self.name = name
        self.format = format
        self.manifestFiles = manifestFiles
        self.utterances = utterances
        self.issues = issues
    }
}
