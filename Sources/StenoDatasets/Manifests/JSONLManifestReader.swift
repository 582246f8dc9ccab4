import Foundation
import StenoCore

/// Reads a NeMo JSON-lines manifest: `{"audio_filepath": ..., "text": ..., "duration": ...}` a line.
///
/// The id is `audio_filepath` as written, with `@offset` appended when the line has an `offset`
/// (several segments of one file). Unknown fields are ignored. `speaker`, `speaker_id` or `client_id`
/// give the speaker.
struct JSONLManifestReader {
    func read(file url: URL, name: String, displayPath: String) throws(DatasetError) -> Dataset {
        let file = try ManifestLines(url: url, path: displayPath)
        let folder = url.deletingLastPathComponent()
        var collector = UtteranceCollector()
        for line in file.lines where !line.text.trimmingCharacters(in: .whitespaces).isEmpty {
            let location = file.location(line)
            let object: [String: Any]
            do {
                let parsed = try JSONSerialization.jsonObject(with: Data(line.text.utf8), options: [])
                guard let dictionary = parsed as? [String: Any] else {
                    collector.checkEncoding(line, in: file, id: nil)
                    collector.record(ManifestIssue(.malformedLine("not a JSON object"), at: location))
                    continue
                }
                object = dictionary
            } catch {
                collector.checkEncoding(line, in: file, id: nil)
                collector.record(ManifestIssue(.malformedLine("invalid JSON"), at: location))
                continue
            }
            guard let written = object["audio_filepath"] as? String, !written.isEmpty else {
                collector.checkEncoding(line, in: file, id: nil)
                let reason = object["audio_filepath"] == nil ? "missing field audio_filepath"
                    : "audio_filepath is not a non-empty string"
                collector.record(ManifestIssue(.malformedLine(reason), at: location))
                continue
            }
            let offset = number(object["offset"])
            let duration = number(object["duration"])
            let id = UtteranceID(offset.map { "\(written)@\(format($0))" } ?? written)
            collector.checkEncoding(line, in: file, id: id)
            var transcript: String?
            switch object["text"] {
            case nil: transcript = nil
            case let text as String: transcript = text
            default:
                collector.record(ManifestIssue(.malformedLine("text is not a string"), at: location, utteranceID: id))
                continue
            }
            let audioURL = resolveAudioPath(written, relativeTo: folder)
            let audio: AudioSource
            if let offset {
                audio = .segment(url: audioURL, written: written, startSeconds: offset,
                                 endSeconds: duration.map { offset + $0 })
            } else {
                audio = .file(url: audioURL, written: written)
            }
            let speaker = (object["speaker"] ?? object["speaker_id"] ?? object["client_id"]).flatMap { value in
                value as? String ?? (value as? NSNumber).map { "\($0)" }
            }
            collector.add(Utterance(id: id, audio: audio, transcript: transcript, speaker: speaker,
                                    declaredDurationSeconds: duration, location: location))
        }
        return collector.dataset(name: name, format: .jsonl, files: [displayPath])
    }

    private func number(_ value: Any?) -> Double? {
        // JSON booleans arrive as NSNumber too (and on Linux 0 and 1 also answer `is Bool`), so
        // tell them apart by their boxed type.
        guard let number = value as? NSNumber, String(describing: type(of: number)) != "__NSCFBoolean" else {
            return nil
        }
        let double = number.doubleValue
        return double.isFinite ? double : nil
    }

    private func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
