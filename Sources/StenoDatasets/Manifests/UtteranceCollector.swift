import Foundation
import StenoCore

/// Gathers utterances in manifest order, keeping the first of each id and recording the problems the
/// readers share (duplicate ids, invalid UTF-8).
struct UtteranceCollector {
    private(set) var utterances: [Utterance] = []
    private(set) var issues: [ManifestIssue] = []
    private var indexByID: [UtteranceID: Int] = [:]

    /// Adds an utterance unless its id was seen; returns whether it was added.
    @discardableResult
    mutating func add(_ utterance: Utterance) -> Bool {
        if indexByID[utterance.id] != nil {
            issues.append(ManifestIssue(.duplicateID, at: utterance.location, utteranceID: utterance.id))
            return false
        }
        indexByID[utterance.id] = utterances.count
        utterances.append(utterance)
        return true
    }

    /// The utterance with this id, for readers that fill one in from several files.
    func index(of id: UtteranceID) -> Int? { indexByID[id] }

    mutating func update(at index: Int, _ body: (inout Utterance) -> Void) { body(&utterances[index]) }

    mutating func record(_ issue: ManifestIssue) { issues.append(issue) }

    /// Records invalid UTF-8 on a line, if so.
    mutating func checkEncoding(_ line: ManifestLines.Line, in file: ManifestLines, id: UtteranceID?) {
        if !line.isValidUTF8 { issues.append(ManifestIssue(.invalidUTF8, at: file.location(line), utteranceID: id)) }
    }

    func dataset(name: String, format: DatasetFormat, files: [String]) -> Dataset {
        Dataset(name: name, format: format, manifestFiles: files, utterances: utterances, issues: issues)
    }
}

/// Resolves a path written in a manifest against the manifest's folder (absolute paths stay as they are).
func resolveAudioPath(_ written: String, relativeTo folder: URL) -> URL {
    if written.hasPrefix("/") { return URL(fileURLWithPath: written).standardizedFileURL }
    return folder.appendingPathComponent(written).standardizedFileURL
}

/// The display path of a file inside a dataset folder given as `name`.
func displayPath(_ fileName: String, in folderName: String) -> String {
    folderName.hasSuffix("/") ? folderName + fileName : folderName + "/" + fileName
}
