import Foundation

/// Opens a dataset from a path, detecting its format or using the one given.
///
/// Detection, for a folder: `wav.scp` → Kaldi; `manifest.tsv` → Steno manifest; a `fileids` and a
/// `transcription` (or `*.fileids` and `*.transcription`) → Sphinx; a single `*.jsonl`, `*.csv` or
/// Common Voice `*.tsv` → that. For a file: by extension (`.jsonl`/`.json`, `.csv`, `.fileids`,
/// `.transcription`); a `.tsv` whose first line is a header with `path` and `sentence` is Common Voice,
/// any other `.tsv` a Steno manifest; a file named `wav.scp`, `text` or `utt2spk` opens its Kaldi folder.
public struct DatasetLoader: Sendable {
    /// A loader; it holds no state, so one can read any number of datasets.
    public init() {}

    /// Reads the dataset at `path`.
    /// - Parameters:
    ///   - path: a folder or manifest file, as the user wrote it; it names the dataset in reports.
    ///   - format: the format to read it as; nil detects it.
    /// - Throws: ``DatasetError`` when the path cannot be read or its format cannot be told.
    public func load(_ path: String, format: DatasetFormat? = nil) throws(DatasetError) -> Dataset {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw DatasetError(.unreadable, path: path, reason: "no such file or directory")
        }
        let resolved: DatasetFormat
        if let format { resolved = format } else { resolved = try detectFormat(path) }
        if isFolder.boolValue {
            return try loadFolder(url, name: path, format: resolved)
        }
        return try loadFile(url, name: path, format: resolved)
    }

    /// The format the dataset at `path` would be read as.
    public func detectFormat(_ path: String) throws(DatasetError) -> DatasetFormat {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw DatasetError(.unreadable, path: path, reason: "no such file or directory")
        }
        if isFolder.boolValue {
            let names = Set((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
            if names.contains("wav.scp") { return .kaldi }
            if names.contains("manifest.tsv") { return .manifest }
            if sphinxPair(in: url, names: names) != nil { return .sphinx }
            let tables = names.filter { $0.hasSuffix(".jsonl") || $0.hasSuffix(".csv") || $0.hasSuffix(".tsv") }
            if tables.count == 1, let only = tables.first {
                return try detectFormat(url.appendingPathComponent(only).path)
            }
            let reason = tables.count > 1
                ? "several manifests here (\(tables.sorted().joined(separator: ", "))): name one file, or use --format"
                : "no wav.scp, manifest.tsv, fileids+transcription, .jsonl, .csv or .tsv here"
            throw DatasetError(.unknownFormat, path: path, reason: reason)
        }
        let name = url.lastPathComponent
        switch url.pathExtension.lowercased() {
        case "jsonl", "json": return .jsonl
        case "csv": return .csv
        case "fileids", "transcription": return .sphinx
        case "tsv":
            return isCommonVoiceHeader(url) ? .tsv : .manifest
        default:
            if ["wav.scp", "text", "utt2spk", "segments", "spk2utt"].contains(name) { return .kaldi }
            if ["fileids", "transcription"].contains(name) { return .sphinx }
            throw DatasetError(.unknownFormat, path: path,
                               reason: "cannot tell the manifest format from the name; use --format")
        }
    }

    private func loadFolder(_ url: URL, name: String, format: DatasetFormat) throws(DatasetError) -> Dataset {
        switch format {
        case .kaldi:
            return try KaldiDataDirectoryReader().read(folder: url, name: name)
        case .sphinx:
            let names = Set((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
            guard let (fileids, transcription) = sphinxPair(in: url, names: names) else {
                throw DatasetError(.missingFile("fileids"), path: name, reason: "no fileids and transcription files here")
            }
            return try SphinxManifestReader().read(
                fileids: url.appendingPathComponent(fileids), transcription: url.appendingPathComponent(transcription),
                name: name, fileidsPath: displayPath(fileids, in: name),
                transcriptionPath: displayPath(transcription, in: name))
        case .manifest:
            return try StenoManifestReader().read(file: url.appendingPathComponent("manifest.tsv"), name: name,
                                                  displayPath: displayPath("manifest.tsv", in: name))
        case .jsonl, .csv, .tsv:
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
                .filter { $0.lowercased().hasSuffix("." + format.rawValue) }.sorted()
            guard names.count == 1, let only = names.first else {
                throw DatasetError(.missingFile("*.\(format.rawValue)"), path: name,
                                   reason: names.isEmpty ? "no .\(format.rawValue) file here"
                                       : "several .\(format.rawValue) files here: name one")
            }
            return try loadFile(url.appendingPathComponent(only), name: displayPath(only, in: name), format: format)
        }
    }

    private func loadFile(_ url: URL, name: String, format: DatasetFormat) throws(DatasetError) -> Dataset {
        switch format {
        case .kaldi:
            return try KaldiDataDirectoryReader().read(folder: url.deletingLastPathComponent(),
                                                       name: parentName(of: name))
        case .sphinx:
            let folder = url.deletingLastPathComponent()
            let stem = url.deletingPathExtension().lastPathComponent
            let base = url.pathExtension.isEmpty ? nil : stem
            let fileidsName = base.map { $0 + ".fileids" } ?? "fileids"
            let transcriptionName = base.map { $0 + ".transcription" } ?? "transcription"
            let parent = parentName(of: name)
            return try SphinxManifestReader().read(
                fileids: folder.appendingPathComponent(fileidsName),
                transcription: folder.appendingPathComponent(transcriptionName), name: name,
                fileidsPath: displayPath(fileidsName, in: parent), transcriptionPath: displayPath(transcriptionName, in: parent))
        case .manifest:
            return try StenoManifestReader().read(file: url, name: name, displayPath: name)
        case .jsonl:
            return try JSONLManifestReader().read(file: url, name: name, displayPath: name)
        case .csv:
            return try DelimitedManifestReader(separator: ",").read(file: url, name: name, displayPath: name)
        case .tsv:
            return try DelimitedManifestReader(separator: "\t").read(file: url, name: name, displayPath: name)
        }
    }

    private func parentName(of name: String) -> String {
        let parent = (name as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    private func sphinxPair(in folder: URL, names: Set<String>) -> (String, String)? {
        if names.contains("fileids") && names.contains("transcription") { return ("fileids", "transcription") }
        for name in names.sorted() where name.hasSuffix(".fileids") {
            let transcription = String(name.dropLast(".fileids".count)) + ".transcription"
            if names.contains(transcription) { return (name, transcription) }
        }
        return nil
    }

    private func isCommonVoiceHeader(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        let firstLine = String(decoding: head.prefix { $0 != 0x0A }, as: UTF8.self)
        let columns = Set(firstLine.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() })
        return columns.contains("path") && !columns.isDisjoint(with: ["sentence", "text", "transcript"])
    }
}
