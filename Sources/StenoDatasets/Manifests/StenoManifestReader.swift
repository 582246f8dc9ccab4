import Foundation
import StenoCore

/// Reads Steno's `manifest.tsv`: `path<TAB>transcript` a line, no header; the path is the id.
struct StenoManifestReader {
    func read(file url: URL, name: String, displayPath: String) throws(DatasetError) -> Dataset {
        let file = try ManifestLines(url: url, path: displayPath)
        let folder = url.deletingLastPathComponent()
        var collector = UtteranceCollector()
        for line in file.lines where !line.text.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let tab = line.text.firstIndex(of: "\t") else {
                collector.checkEncoding(line, in: file, id: nil)
                collector.record(ManifestIssue(.malformedLine("no tab: expected path<TAB>transcript"),
                                               at: file.location(line)))
                continue
            }
            let written = String(line.text[..<tab])
            let text = String(line.text[line.text.index(after: tab)...])
            let id = UtteranceID(written)
            collector.checkEncoding(line, in: file, id: id)
            guard !written.isEmpty else {
                collector.record(ManifestIssue(.malformedLine("empty audio path"), at: file.location(line)))
                continue
            }
            collector.add(Utterance(id: id, audio: .file(url: resolveAudioPath(written, relativeTo: folder),
                                                         written: written),
                                    transcript: text, location: file.location(line)))
        }
        return collector.dataset(name: name, format: .manifest, files: [displayPath])
    }
}
