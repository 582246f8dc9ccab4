import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoEval

@Suite struct TranscriptReaderTests {
    private func read(_ text: String, path: String = "t.txt", format: TranscriptFormat? = nil) throws -> Transcript {
        try TranscriptReader(format: format).read(data: Data(text.utf8), path: path)
    }

    private func expectError(_ kind: EvalError.Kind, line: Int?, path: String = "t.txt",
                             _ body: () throws -> Transcript, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try body()
            Issue.record("expected \(kind) error", sourceLocation: sourceLocation)
        } catch let error as EvalError {
            #expect(error.kind == kind, sourceLocation: sourceLocation)
            #expect(error.line == line, sourceLocation: sourceLocation)
            #expect(error.path == path, sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("\(path): "), sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func kaldiText() throws {
        let t = try read("utt1 hello world\n\nutt2\tgo  forward\r\nutt3\n")
        #expect(t.format == .kaldi)
        #expect(t.entries.map(\.id) == ["utt1", "utt2", "utt3"])
        #expect(t["utt2"]?.text == "go  forward")
        #expect(t["utt3"]?.text == "")
        #expect(t["utt2"]?.line == 3)
    }

    @Test func sphinxTranscription() throws {
        let t = try read("<s> go forward ten meters </s> (goforward)\nhello <sil> world (utt 2)\n".replacingOccurrences(of: "utt 2", with: "utt2"))
        #expect(t.format == .sphinx)
        #expect(t["goforward"]?.text == "go forward ten meters")
        #expect(t["utt2"]?.text == "hello world")
    }

    @Test func sphinxSharedTranscriptionReads() throws {
        let url = SharedData.data("pocketsphinx/librivox/transcription")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let t = try TranscriptReader(format: .sphinx).read(contentsOf: url)
        #expect(t.count == 5)
        #expect(t.entries.allSatisfy { !$0.text.contains("<s>") && !$0.text.isEmpty })
    }

    @Test(.requiresSharedData) func sharedManifestReadsAsTSV() throws {
        let t = try TranscriptReader().read(contentsOf: SharedData.data("dev/an4/manifest.tsv"))
        #expect(t.format == .tsv)
        #expect(t.count == 38)
        #expect(t.entries.allSatisfy { $0.id.rawValue.hasSuffix(".wav") })
    }

    @Test func tsvManifestWithHeader() throws {
        let t = try read("path\ttext\nwav/a.wav\thello there\nwav/b.wav\t\n", path: "m.tsv")
        #expect(t.format == .tsv)
        #expect(t.entries.map(\.id) == ["wav/a.wav", "wav/b.wav"])
        #expect(t["wav/b.wav"]?.text == "")
    }

    @Test func jsonLines() throws {
        let t = try read(#"""
            {"id": "a", "text": "hello", "speaker": "s1", "duration": 1.5, "ok": true, "tags": [1]}
            {"audio_filepath": "b.wav", "text": "world", "speaker": 7}
            """#, path: "m.jsonl")
        #expect(t.format == .jsonl)
        #expect(t["a"]?.fields["speaker"] == "s1")
        #expect(t["a"]?.fields["duration"] == "1.5")
        #expect(t["a"]?.fields["ok"] == "true")
        #expect(t["a"]?.fields["tags"] == nil)
        #expect(t["b.wav"]?.fields["speaker"] == "7")
    }

    @Test func detectionAndOverride() throws {
        #expect(TranscriptFormat.detect(path: "x.txt", firstLine: "{\"id\": 1}") == .jsonl)
        #expect(TranscriptFormat.detect(path: "x.txt", firstLine: "a.wav\tok") == .tsv)
        #expect(TranscriptFormat.detect(path: "x.txt", firstLine: "hello (u1)") == .sphinx)
        #expect(TranscriptFormat.detect(path: "text", firstLine: "u1 hello") == .kaldi)
        #expect(TranscriptFormat.detect(path: "x.jsonl", firstLine: "u1 hello") == .jsonl)
        // Override: a Kaldi line that looks like Sphinx is read as Kaldi when told so.
        let t = try read("u1 hello (there)\n", format: .kaldi)
        #expect(t["u1"]?.text == "hello (there)")
    }

    @Test func byteOrderMarkIsIgnored() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("u1 hi\n".utf8))
        let t = try TranscriptReader().read(data: data, path: "bom.txt")
        #expect(t.entries.map(\.id) == ["u1"])
    }

    // MARK: Hostile input

    @Test(arguments: TranscriptFormat.allCases)
    func invalidUTF8NamesFileAndLine(_ format: TranscriptFormat) {
        var data = Data("first line (u0)\n".utf8)
        data.append(contentsOf: [0x75, 0x31, 0x20, 0xC3, 0x28, 0x0A])  // "u1 " + broken 2-byte sequence
        expectError(.invalidUTF8, line: 2) { try TranscriptReader(format: format).read(data: data, path: "t.txt") }
    }

    @Test func duplicateIDNamesBothLines() {
        expectError(.duplicateID, line: 3) { try read("u1 a\nu2 b\nu1 c\n") }
        do {
            _ = try read("u1 a\nu2 b\nu1 c\n")
        } catch let error as EvalError {
            #expect(error.reason.contains("first seen on line 1"))
        } catch { Issue.record("\(error)") }
    }

    @Test func tsvWithoutTab() {
        expectError(.malformedLine, line: 2) { try read("a.wav\tok\nb.wav no tab here\n", format: .tsv) }
        expectError(.malformedLine, line: 1) { try read("a.wav\tx\ty\n", format: .tsv) }
    }

    @Test func sphinxWithoutID() {
        expectError(.malformedLine, line: 2) { try read("hi (u1)\nno id here\n", format: .sphinx) }
        expectError(.malformedLine, line: 1) { try read("hi ()\n", format: .sphinx) }
    }

    @Test func malformedJSONLines() {
        expectError(.malformedLine, line: 2) { try read("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":", format: .jsonl) }
        expectError(.malformedLine, line: 1) { try read("[1,2]\n", format: .jsonl) }
        expectError(.malformedLine, line: 1) { try read("{\"id\":\"a\"}\n", format: .jsonl) }
        expectError(.malformedLine, line: 1) { try read("{\"text\":\"x\"}\n", format: .jsonl) }
        expectError(.malformedLine, line: 1) { try read("{\"id\":\"a\",\"text\":null}\n", format: .jsonl) }
    }

    @Test(arguments: TranscriptFormat.allCases)
    func emptyFileIsAnEmptyTranscript(_ format: TranscriptFormat) throws {
        #expect(try TranscriptReader(format: format).read(data: Data(), path: "e.txt").count == 0)
        #expect(try TranscriptReader(format: format).read(data: Data("\n \n\t\n".utf8), path: "e.txt").count == 0)
    }

    @Test func hugeLine() throws {
        let words = Array(repeating: "word", count: 250_000).joined(separator: " ")  // ~1.2 MB line
        let t = try read("u1 \(words)\nu2 short\n")
        #expect(t["u1"]?.text.utf8.count == words.utf8.count)
        #expect(t["u2"]?.text == "short")
    }

    @Test func missingFileIsAnError() {
        expectError(.unreadableFile, line: nil, path: "/nonexistent/steno/ref.txt") {
            try TranscriptReader().read(contentsOf: URL(fileURLWithPath: "/nonexistent/steno/ref.txt"))
        }
    }

    /// Binary files (the shared hostile WAVs) and seeded random garbage either parse or throw an
    /// `EvalError`; truncations of a valid file never crash.
    @Test(.requiresSharedData) func hostileFilesNeverCrash() throws {
        let hostile = SharedData.data("hostile")
        for name in try FileManager.default.contentsOfDirectory(atPath: hostile.path) {
            for format in TranscriptFormat.allCases {
                do {
                    _ = try TranscriptReader(format: format).read(contentsOf: hostile.appendingPathComponent(name))
                } catch let error as EvalError {
                    #expect(error.path?.hasSuffix(name) == true)
                }
            }
        }
    }

    @Test func garbageAndTruncationsNeverCrash() throws {
        var random = SplitMix64(state: 5)
        let valid = Data("{\"id\": \"a\", \"text\": \"héllo wörld\"}\n{\"id\": \"b\", \"text\": \"x\"}\n".utf8)
        var inputs: [Data] = (0...valid.count).map { valid.prefix($0) }
        for _ in 0..<200 {
            inputs.append(Data((0..<Int(random.next() % 200)).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
        }
        for data in inputs {
            for format in TranscriptFormat.allCases {
                do {
                    _ = try TranscriptReader(format: format).read(data: data, path: "g")
                } catch let error as EvalError {
                    #expect(error.path == "g")
                }
            }
        }
    }

    @Test func utt2spk() throws {
        let map = try TranscriptReader.readKeyValueFile(contentsOf: Fixtures.url("eval/kaldi-utt2spk"))
        #expect(map["spk2-utt1"] == "spk2")
        #expect(map.count == 6)
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("utt2spk")
        try Data("u1 s1\nu2\n".utf8).write(to: bad)
        do {
            _ = try TranscriptReader.readKeyValueFile(contentsOf: bad)
            Issue.record("expected an error")
        } catch let error as EvalError {
            #expect(error.kind == .malformedLine && error.line == 2)
        }
    }
}
