import Foundation
import StenoCore

/// Reads a Kaldi data directory: `wav.scp` (recording → file), `text` (utterance → transcript),
/// `utt2spk` (utterance → speaker) and, when present, `segments` (utterance → recording, start, end).
///
/// Without `segments`, recording ids are utterance ids. A `wav.scp` entry that is a command
/// (ends with `|`) or an archive offset (`file.ark:123`) is kept as ``AudioSource/unsupported(written:reason:)``:
/// Steno does not run shell commands from a manifest. Relative paths are looked up beside the data
/// directory, then (as Kaldi's scripts do) from the current directory.
struct KaldiDataDirectoryReader {
    func read(folder: URL, name: String) throws(DatasetError) -> Dataset {
        let wavPath = displayPath("wav.scp", in: name)
        let wavURL = folder.appendingPathComponent("wav.scp")
        guard FileManager.default.fileExists(atPath: wavURL.path) else {
            throw DatasetError(.missingFile("wav.scp"), path: name, reason: "not a Kaldi data directory: no wav.scp")
        }
        var issues: [ManifestIssue] = []
        var files = [wavPath]

        // Recordings.
        var recordings: [String: (source: AudioSource, location: SourceLocation)] = [:]
        var recordingOrder: [String] = []
        let wavFile = try ManifestLines(url: wavURL, path: wavPath)
        for (line, key, value) in keyValueLines(wavFile, issues: &issues) {
            let location = wavFile.location(line)
            if recordings[key] != nil {
                issues.append(ManifestIssue(.duplicateID, at: location, utteranceID: UtteranceID(key)))
                continue
            }
            recordings[key] = (source(value, folder: folder), location)
            recordingOrder.append(key)
        }

        // Transcripts.
        let textURL = folder.appendingPathComponent("text")
        var texts: [String: (text: String, location: SourceLocation)] = [:]
        var textOrder: [String] = []
        if FileManager.default.fileExists(atPath: textURL.path) {
            let textPath = displayPath("text", in: name)
            files.append(textPath)
            let textFile = try ManifestLines(url: textURL, path: textPath)
            for (line, key, value) in keyValueLines(textFile, issues: &issues, allowEmptyValue: true) {
                let location = textFile.location(line)
                if texts[key] != nil {
                    issues.append(ManifestIssue(.duplicateID, at: location, utteranceID: UtteranceID(key)))
                    continue
                }
                texts[key] = (value, location)
                textOrder.append(key)
            }
        }

        // Speakers.
        var speakers: [String: String] = [:]
        let speakerURL = folder.appendingPathComponent("utt2spk")
        if FileManager.default.fileExists(atPath: speakerURL.path) {
            let speakerPath = displayPath("utt2spk", in: name)
            files.append(speakerPath)
            let speakerFile = try ManifestLines(url: speakerURL, path: speakerPath)
            for (line, key, value) in keyValueLines(speakerFile, issues: &issues) {
                if speakers[key] != nil {
                    issues.append(ManifestIssue(.duplicateID, at: speakerFile.location(line), utteranceID: UtteranceID(key)))
                    continue
                }
                speakers[key] = value
            }
        }

        // Segments map utterances onto recordings; without them each recording is an utterance.
        var audioByUtterance: [String: (source: AudioSource, duration: Double?, location: SourceLocation)] = [:]
        var audioOrder: [String] = []
        let segmentsURL = folder.appendingPathComponent("segments")
        if FileManager.default.fileExists(atPath: segmentsURL.path) {
            let segmentsPath = displayPath("segments", in: name)
            files.append(segmentsPath)
            let segmentsFile = try ManifestLines(url: segmentsURL, path: segmentsPath)
            for (line, key, value) in keyValueLines(segmentsFile, issues: &issues) {
                let location = segmentsFile.location(line)
                let parts = value.split(whereSeparator: \.isWhitespace).map(String.init)
                guard parts.count == 3, let start = Double(parts[1]), let end = Double(parts[2]),
                      start.isFinite, end.isFinite, start >= 0, end == -1 || end > start else {
                    issues.append(ManifestIssue(
                        .malformedLine("expected <utterance> <recording> <start> <end> with 0 ≤ start < end"),
                        at: location, utteranceID: UtteranceID(key)))
                    continue
                }
                if audioByUtterance[key] != nil {
                    issues.append(ManifestIssue(.duplicateID, at: location, utteranceID: UtteranceID(key)))
                    continue
                }
                let recording = parts[0]
                let audio: AudioSource
                if let entry = recordings[recording] {
                    switch entry.source {
                    case .file(let url, let written), .segment(let url, let written, _, _):
                        audio = .segment(url: url, written: written, startSeconds: start,
                                         endSeconds: end == -1 ? nil : end)
                    case .unsupported:
                        audio = entry.source
                    }
                } else {
                    issues.append(ManifestIssue(.malformedLine("recording '\(recording)' is not in wav.scp"),
                                                at: location, utteranceID: UtteranceID(key)))
                    continue
                }
                audioByUtterance[key] = (audio, end == -1 ? nil : end - start, location)
                audioOrder.append(key)
            }
        } else {
            for key in recordingOrder {
                guard let entry = recordings[key] else { continue }
                audioByUtterance[key] = (entry.source, nil, entry.location)
                audioOrder.append(key)
            }
        }

        // Utterances in text order, then audio entries that have no transcript.
        var collector = UtteranceCollector()
        for key in textOrder {
            guard let text = texts[key] else { continue }
            let audio = audioByUtterance[key]
            collector.add(Utterance(id: UtteranceID(key), audio: audio?.source, transcript: text.text,
                                    speaker: speakers[key], declaredDurationSeconds: audio?.duration,
                                    location: text.location))
        }
        for key in audioOrder where texts[key] == nil {
            guard let audio = audioByUtterance[key] else { continue }
            collector.add(Utterance(id: UtteranceID(key), audio: audio.source, transcript: nil,
                                    speaker: speakers[key], declaredDurationSeconds: audio.duration,
                                    location: audio.location))
        }
        return Dataset(name: name, format: .kaldi, manifestFiles: files, utterances: collector.utterances,
                       issues: issues + collector.issues)
    }

    /// `key value...` lines: the key is the first whitespace-separated token, the value the rest.
    private func keyValueLines(_ file: ManifestLines, issues: inout [ManifestIssue], allowEmptyValue: Bool = false)
        -> [(ManifestLines.Line, String, String)]
    {
        var result: [(ManifestLines.Line, String, String)] = []
        for line in file.lines {
            let trimmed = line.text.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty { continue }
            let keyEnd = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? trimmed.endIndex
            let key = String(trimmed[..<keyEnd])
            let value = String(trimmed[keyEnd...].drop(while: { $0 == " " || $0 == "\t" }))
            if !line.isValidUTF8 {
                issues.append(ManifestIssue(.invalidUTF8, at: file.location(line), utteranceID: UtteranceID(key)))
            }
            if value.trimmingCharacters(in: .whitespaces).isEmpty && !allowEmptyValue {
                issues.append(ManifestIssue(.malformedLine("'\(key)' has no value"), at: file.location(line),
                                            utteranceID: UtteranceID(key)))
                continue
            }
            result.append((line, key, value))
        }
        return result
    }

    private func source(_ value: String, folder: URL) -> AudioSource {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("|") {
            return .unsupported(written: trimmed, reason: "piped command (Steno never runs commands from a manifest)")
        }
        if trimmed.hasPrefix("-") || trimmed.contains(" ") && !FileManager.default.fileExists(atPath:
            resolveAudioPath(trimmed, relativeTo: folder).path)
        {
            return .unsupported(written: trimmed, reason: "not a plain file path")
        }
        if let colon = trimmed.lastIndex(of: ":"), trimmed[trimmed.index(after: colon)...].allSatisfy(\.isNumber),
           colon != trimmed.index(before: trimmed.endIndex)
        {
            return .unsupported(written: trimmed, reason: "archive offset (ark:offset) is not supported")
        }
        return .file(url: resolveKaldiPath(trimmed, folder: folder), written: trimmed)
    }

    /// Kaldi scripts resolve relative `wav.scp` paths against the directory they run in (the recipe),
    /// not the data directory; Steno tries the data directory first, then the current directory.
    private func resolveKaldiPath(_ written: String, folder: URL) -> URL {
        let besideManifest = resolveAudioPath(written, relativeTo: folder)
        if written.hasPrefix("/") || FileManager.default.fileExists(atPath: besideManifest.path) { return besideManifest }
        let fromWorkingDirectory = resolveAudioPath(written, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return FileManager.default.fileExists(atPath: fromWorkingDirectory.path) ? fromWorkingDirectory : besideManifest
    }
}
