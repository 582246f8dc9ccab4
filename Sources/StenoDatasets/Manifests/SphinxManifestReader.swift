import Foundation
import StenoCore

/// Reads CMU Sphinx training lists: a `fileids` file (one audio path a line, usually without extension)
/// and a `transcription` file (`<s> words </s> (uttid)` a line).
///
/// Transcripts pair with fileids by the `(uttid)` at the end of the line, which Sphinx requires to be
/// the last path component of the fileid; lines without one pair by position. Audio is looked for as
/// `<fileid>`, `<fileid>.wav`, then under a `wav/` folder, relative to the lists' folder.
struct SphinxManifestReader {
    func read(fileids fileidsURL: URL, transcription transcriptionURL: URL, name: String,
              fileidsPath: String, transcriptionPath: String) throws(DatasetError) -> Dataset
    {
        let folder = fileidsURL.deletingLastPathComponent()
        let fileids = try ManifestLines(url: fileidsURL, path: fileidsPath)
        let transcription = try ManifestLines(url: transcriptionURL, path: transcriptionPath)
        var issues: [ManifestIssue] = []

        struct Entry { let fileid: String; let location: SourceLocation }
        var entries: [Entry] = []
        var entryByID: [String: Int] = [:]
        for line in fileids.lines {
            let fileid = line.text.trimmingCharacters(in: .whitespaces)
            if fileid.isEmpty { continue }
            let key = lastComponent(fileid)
            if !line.isValidUTF8 { issues.append(ManifestIssue(.invalidUTF8, at: fileids.location(line), utteranceID: UtteranceID(key))) }
            if entryByID[key] != nil {
                issues.append(ManifestIssue(.duplicateID, at: fileids.location(line), utteranceID: UtteranceID(key)))
                continue
            }
            entryByID[key] = entries.count
            entries.append(Entry(fileid: fileid, location: fileids.location(line)))
        }

        var collector = UtteranceCollector()
        var paired = Set<String>()
        var position = 0
        for line in transcription.lines where !line.text.trimmingCharacters(in: .whitespaces).isEmpty {
            let location = transcription.location(line)
            let (words, explicitID) = parseTranscription(line.text)
            let key: String
            if let explicitID {
                key = explicitID
            } else if position < entries.count {
                key = lastComponent(entries[position].fileid)
            } else {
                collector.checkEncoding(line, in: transcription, id: nil)
                collector.record(ManifestIssue(.malformedLine("no (uttid) and no fileid at this position"), at: location))
                position += 1
                continue
            }
            position += 1
            let id = UtteranceID(key)
            collector.checkEncoding(line, in: transcription, id: id)
            let audio = entryByID[key].map { entries[$0].fileid }.map { AudioSource.file(url: locate($0, folder: folder), written: $0) }
            if collector.add(Utterance(id: id, audio: audio, transcript: words, location: location)) {
                paired.insert(key)
            }
        }
        for entry in entries where !paired.contains(lastComponent(entry.fileid)) {
            collector.add(Utterance(id: UtteranceID(lastComponent(entry.fileid)),
                                    audio: .file(url: locate(entry.fileid, folder: folder), written: entry.fileid),
                                    transcript: nil, location: entry.location))
        }
        return Dataset(name: name, format: .sphinx, manifestFiles: [fileidsPath, transcriptionPath],
                       utterances: collector.utterances, issues: issues + collector.issues)
    }

    /// Splits `<s> words </s> (uttid)` into the words (without sentence markers) and the id.
    private func parseTranscription(_ text: String) -> (String, String?) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var id: String?
        if body.hasSuffix(")"), let open = body.lastIndex(of: "(") {
            id = String(body[body.index(after: open)..<body.index(before: body.endIndex)])
                .trimmingCharacters(in: .whitespaces)
            body = body[..<open]
        }
        var words = body.split(separator: " ", omittingEmptySubsequences: true)
        if words.first == "<s>" { words.removeFirst() }
        if words.last == "</s>" { words.removeLast() }
        return (words.joined(separator: " "), id?.isEmpty == true ? nil : id)
    }

    private func lastComponent(_ fileid: String) -> String {
        fileid.split(separator: "/").last.map(String.init) ?? fileid
    }

    private func locate(_ fileid: String, folder: URL) -> URL {
        let candidates = [fileid, fileid + ".wav", "wav/" + fileid, "wav/" + fileid + ".wav"]
        for candidate in candidates {
            let url = resolveAudioPath(candidate, relativeTo: folder)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue { return url }
        }
        return resolveAudioPath(fileid + ".wav", relativeTo: folder)
    }
}
