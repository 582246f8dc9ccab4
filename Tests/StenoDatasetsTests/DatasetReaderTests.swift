import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoDatasets

/// Each supported format, read from the committed examples under Fixtures/datasets/formats.
@Suite struct DatasetReaderTests {
    let formats = Fixtures.url("datasets/formats")

    private func load(_ relative: String, format: DatasetFormat? = nil) throws -> Dataset {
        try DatasetLoader().load(formats.appendingPathComponent(relative).path, format: format)
    }

    @Test func kaldiDataDirectoryWithSegmentsPipesAndArchives() throws {
        let dataset = try load("kaldi")
        #expect(dataset.format == .kaldi)
        #expect(dataset.utterances.map(\.id.rawValue) == ["utt1", "utt2", "utt3", "utt4", "utt5", "utt9"])
        let first = try #require(dataset.utterances.first)
        #expect(first.transcript == "hello world")
        #expect(first.speaker == "spk1")
        guard case .segment(let url, let written, let start, let end)? = first.audio else {
            Issue.record("utt1 should be a segment, got \(String(describing: first.audio))")
            return
        }
        #expect(written == "wav/a.wav")
        #expect(url.path.hasSuffix("formats/kaldi/wav/a.wav"))
        #expect(start == 0 && end == 0.5)
        #expect(first.declaredDurationSeconds == 0.5)
        // "0 -1" means to the end of the recording.
        if case .segment(_, _, _, let end)? = dataset.utterances[2].audio { #expect(end == nil) }
        else { Issue.record("utt3 should be an open-ended segment") }
        // The piped command and the archive offset are kept, unsupported.
        guard case .unsupported(let command, let reason)? = dataset.utterances[3].audio else {
            Issue.record("utt4 should be unsupported")
            return
        }
        #expect(command == "sox wav/c.wav -t wav - |")
        #expect(reason.contains("piped"))
        guard case .unsupported(_, let archiveReason)? = dataset.utterances[4].audio else {
            Issue.record("utt5 should be unsupported")
            return
        }
        #expect(archiveReason.contains("ark"))
        #expect(dataset.utterances[5].audio == nil)  // text without wav.scp/segments entry
        #expect(dataset.issues.isEmpty)
    }

    @Test func kaldiWithoutSegmentsUsesRecordingsAsUtterances() throws {
        let dataset = try load("kaldi-piped")
        #expect(dataset.utterances.map(\.id.rawValue) == ["a1", "a2", "a3"])
        #expect(dataset.utterances[2].transcript == nil)  // in wav.scp, not in text
        if case .unsupported? = dataset.utterances[1].audio {} else { Issue.record("a2 is piped") }
    }

    @Test func nemoJSONL() throws {
        let dataset = try load("nemo/manifest.jsonl")
        #expect(dataset.format == .jsonl)
        #expect(dataset.utterances.map(\.id.rawValue) == ["wav/a.wav", "wav/b.wav", "wav/long.wav@2.5", "/abs/path/c.wav"])
        #expect(dataset.utterances[0].declaredDurationSeconds == 1.25)
        #expect(dataset.utterances[0].speaker == "spk1")
        #expect(dataset.utterances[1].speaker == "7")
        guard case .segment(_, _, let start, let end)? = dataset.utterances[2].audio else {
            Issue.record("offset makes a segment")
            return
        }
        #expect(start == 2.5 && end == 4.0)
        #expect(dataset.utterances[3].audio?.url?.path == "/abs/path/c.wav")
        #expect(dataset.issues.isEmpty)
    }

    @Test func commonVoiceTSV() throws {
        let dataset = try load("commonvoice/train.tsv")
        #expect(dataset.format == .tsv)
        #expect(dataset.utterances.map(\.id.rawValue) == ["common_voice_en_1.mp3", "common_voice_en_2.mp3", "common_voice_en_3.mp3"])
        #expect(dataset.utterances.map(\.transcript) == ["Hello there.", "\"Quoted\" words stay as written", "A third sentence!"])
        #expect(dataset.utterances.map(\.speaker) == ["c1a2", "c1a2", "d3b4"])
        #expect(dataset.issues.isEmpty)
    }

    @Test func commonVoiceCSVWithQuotesAndMultilineField() throws {
        let dataset = try load("commonvoice/train.csv")
        #expect(dataset.format == .csv)
        #expect(dataset.utterances.map(\.transcript) == ["Hello, there.", "He said \"yes\"", "A sentence\nover two lines"])
        #expect(dataset.utterances[2].location.line == 4)
        #expect(dataset.issues.isEmpty)
    }

    @Test func sphinxFileidsAndTranscription() throws {
        let dataset = try load("sphinx")
        #expect(dataset.format == .sphinx)
        #expect(dataset.utterances.map(\.id.rawValue) == ["utt_a", "utt_b", "utt_c"])
        #expect(dataset.utterances.map(\.transcript) == ["hello world", "good morning", "no markers here"])
        #expect(dataset.utterances[0].audio?.written == "speaker1/utt_a")
        #expect(dataset.manifestFiles.count == 2)
    }

    @Test func stenoManifest() throws {
        let dataset = try load("manifest")
        #expect(dataset.format == .manifest)
        #expect(dataset.utterances.map(\.id.rawValue) == ["wav/a.wav", "wav/b.wav", "sub dir/c.wav"])
        #expect(dataset.utterances[2].audio?.url?.path.hasSuffix("formats/manifest/sub dir/c.wav") == true)
        #expect(dataset.utterances[2].location == SourceLocation(file: formats.appendingPathComponent("manifest").path + "/manifest.tsv", line: 3))
    }

    @Test func detectionAndOverride() throws {
        let loader = DatasetLoader()
        let cases: [(String, DatasetFormat)] = [
            ("kaldi", .kaldi), ("kaldi/wav.scp", .kaldi), ("nemo", .jsonl), ("nemo/manifest.jsonl", .jsonl),
            ("commonvoice/train.tsv", .tsv), ("commonvoice/train.csv", .csv), ("sphinx", .sphinx),
            ("sphinx/train.fileids", .sphinx), ("manifest", .manifest), ("manifest/manifest.tsv", .manifest),
        ]
        for (path, expected) in cases {
            #expect(try loader.detectFormat(formats.appendingPathComponent(path).path) == expected, "\(path)")
        }
        // Two tables in one folder: ambiguous unless overridden.
        #expect(throws: DatasetError.self) { try loader.detectFormat(formats.appendingPathComponent("commonvoice").path) }
        let forced = try load("commonvoice", format: .csv)
        #expect(forced.format == .csv && forced.utterances.count == 3)
        // A Common Voice TSV read as a Steno manifest: each line's first column is the path.
        let overridden = try load("commonvoice/train.tsv", format: .manifest)
        #expect(overridden.format == .manifest)
        #expect(overridden.utterances.first?.id.rawValue == "client_id")
    }

    @Test func missingPathIsAnError() {
        #expect(throws: DatasetError.self) { try DatasetLoader().load("/nonexistent/steno/dataset") }
    }
}
