import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport
import Testing

/// `steno transcribe` and `steno eval` run as subprocesses (issue 7, Done-when 4 and 5).
@Suite("steno transcribe")
struct TranscribeCommandTests {
    static let sample = Fixtures.url("audio/goforward.wav").path

    /// A manifest of the first `count` an4 utterances, optionally reversed, with absolute paths.
    static func an4Manifest(count: Int, reversed: Bool, in directory: URL) throws -> URL {
        let source = SharedData.data("dev/an4/manifest.tsv")
        let root = source.deletingLastPathComponent()
        var lines = try String(contentsOf: source, encoding: .utf8).split(separator: "\n").prefix(count).map { line in
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return root.appendingPathComponent(fields[0]).path + "\t" + (fields.count > 1 ? fields[1] : "")
        }
        if reversed { lines.reverse() }
        let url = directory.appendingPathComponent(reversed ? "reversed.tsv" : "manifest.tsv")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("folder and manifest inputs are named as the user would type them: relative stays relative")
    func outputPathsFollowTheArgument() throws {
        let root = try Fixtures.makeTemporaryDirectory(prefix: "steno-paths")
        defer { StenoProcess.removeScratch(root) }
        let clips = root.appendingPathComponent("data/clips")
        try FileManager.default.createDirectory(at: clips, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.url("audio/goforward.wav"), to: clips.appendingPathComponent("a.wav"))
        try "clips/a.wav\tgo forward ten meters\n".write(to: root.appendingPathComponent("data/m.tsv"),
                                                          atomically: true, encoding: .utf8)
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        let relative = try StenoProcess.run(["transcribe", "--format", "tsv", "--quiet", "../data/clips", "../data/m.tsv"],
                                            in: work)
        #expect(relative.status == 0)
        #expect(relative.standardOutput == "../data/clips/a.wav\tgo forward ten meters\n"
                                         + "../data/clips/a.wav\tgo forward ten meters\n")
        let absolute = try StenoProcess.run(["transcribe", "--format", "tsv", "--quiet", clips.path], in: work)
        #expect(absolute.status == 0, "\(absolute.standardError)")
        #expect(absolute.standardOutput == clips.standardizedFileURL.path + "/a.wav\tgo forward ten meters\n")
    }

    @Test func transcribesTheBundledSample() throws {
        let r = try StenoProcess.run(["transcribe", Self.sample])
        #expect(r.status == 0)
        #expect(r.standardOutput == "go forward ten meters\n")
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let r = try StenoProcess.run(["transcribe", "--format", "json", Self.sample])
        #expect(r.status == 0)
        let objects = try StenoProcess.jsonObjects(r)
        #expect(objects.count == 1)
        let o = try #require(objects.first)
        #expect(Set(o.keys) == ["path", "text", "words", "confidence"])
        let words = try #require(o["words"] as? [[String: Any]])
        #expect(words.map { $0["word"] as? String } == ["go", "forward", "ten", "meters"])
        for w in words {
            #expect(Set(w.keys) == ["word", "start", "end", "confidence"])
            let start = try #require(w["start"] as? Double), end = try #require(w["end"] as? Double)
            #expect(0 <= start && start < end && end <= 2.8)
        }
    }

    @Test func subtitleAndTableFormats() throws {
        let srt = try StenoProcess.run(["transcribe", "--format", "srt", Self.sample]).standardOutput
        #expect(srt.hasPrefix("1\n00:00:0"))
        #expect(srt.contains(" --> ") && srt.contains("go forward ten meters"))
        let vtt = try StenoProcess.run(["transcribe", "--format", "vtt", Self.sample]).standardOutput
        #expect(vtt.hasPrefix("WEBVTT\n\n00:00:0"))
        let ctm = try StenoProcess.run(["transcribe", "--format", "ctm", Self.sample]).standardOutput
        let rows = ctm.split(separator: "\n").map { $0.split(separator: " ") }
        #expect(rows.count == 4 && rows.allSatisfy { $0.count == 6 && $0[0] == "goforward" && $0[1] == "1" })
        let tsv = try StenoProcess.run(["transcribe", "--format", "tsv", Self.sample]).standardOutput
        #expect(tsv == "\(Self.sample)\tgo forward ten meters\n")
    }

    /// Done-when 4: `--jobs 2` output is byte-identical to `--jobs 1`; reversing the order changes no transcript.
    @Test(.requiresSharedData)
    func jobsAndOrderDoNotChangeResults() throws {
        let directory = try Fixtures.makeTemporaryDirectory(prefix: "steno-transcribe")
        defer { StenoProcess.removeScratch(directory) }
        let manifest = try Self.an4Manifest(count: 10, reversed: false, in: directory)
        let reversed = try Self.an4Manifest(count: 10, reversed: true, in: directory)
        let one = try StenoProcess.run(["transcribe", "--format", "json", "--jobs", "1", "--quiet", manifest.path])
        let two = try StenoProcess.run(["transcribe", "--format", "json", "--jobs", "2", "--quiet", manifest.path])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.standardOutput == two.standardOutput)
        let back = try StenoProcess.run(["transcribe", "--format", "tsv", "--jobs", "2", reversed.path])
        let forward = try StenoProcess.run(["transcribe", "--format", "tsv", "--jobs", "1", manifest.path])
        let a = Set(forward.standardOutput.split(separator: "\n")), b = Set(back.standardOutput.split(separator: "\n"))
        #expect(a.count == 10 && a == b)
    }

    /// Done-when 5: corrupt audio in a batch is reported, every good file is still transcribed, exit 1.
    @Test(.requiresSharedData)
    func corruptAudioInABatch() throws {
        let bad = ["bad.wav", "evil.wav", "null.wav", "awful.wav"].map { SharedData.data("hostile/\($0)").path }
        let r = try StenoProcess.run(["transcribe", "--format", "json", "--quiet", bad[0], Self.sample, bad[1], bad[2],
                                      bad[3], Self.sample])
        #expect(r.exitedNormally && r.status == 1)
        let objects = try StenoProcess.jsonObjects(r)
        #expect(objects.count == 6)
        let good = objects.filter { $0["text"] != nil }
        #expect(good.count >= 2)
        #expect(good.filter { ($0["path"] as? String) == Self.sample }.allSatisfy { ($0["text"] as? String) == "go forward ten meters" })
        for o in objects where o["error"] != nil {
            let path = try #require(o["path"] as? String)
            #expect(r.standardErrorLines.contains { $0.hasPrefix("steno: \(path): ") })
        }
    }

    @Test(.requiresSharedData)
    func hostileLanguageModelIsOneClearLine() throws {
        let lm = SharedData.data("hostile/not-enough-ngrams.arpa").path
        let r = try StenoProcess.run(["transcribe", "--lm", lm, Self.sample])
        #expect(r.status == 1)
        #expect(r.standardOutput.isEmpty)
        #expect(r.standardErrorLines.contains { $0.hasPrefix("steno: ") && $0.contains("not-enough-ngrams.arpa") })
    }

    @Test func usageErrorsExit64() throws {
        #expect(try StenoProcess.run(["transcribe"]).status == 64)
        #expect(try StenoProcess.run(["transcribe", "--jobs", "0", Self.sample]).status == 64)
    }

    @Test(.requiresSharedData)
    func evalJSONIsTheWERReportPlusTiming() throws {
        let directory = try Fixtures.makeTemporaryDirectory(prefix: "steno-eval")
        defer { StenoProcess.removeScratch(directory) }
        let manifest = try Self.an4Manifest(count: 4, reversed: false, in: directory)
        let hyp = directory.appendingPathComponent("hyp.tsv")
        let r = try StenoProcess.run(["eval", "--format", "json", "--quiet", "--hyp-out", hyp.path, manifest.path])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.standardOutput.utf8)) as? [String: Any])
        for key in ["wer", "substitutions", "deletions", "insertions", "audioSeconds", "decodeSeconds", "realTimeFactor"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let audio = try #require(object["audioSeconds"] as? Double), decode = try #require(object["decodeSeconds"] as? Double)
        let rtf = try #require(object["realTimeFactor"] as? Double)
        #expect(audio > 0 && abs(rtf - decode / audio) < 1e-9)
        #expect(try String(contentsOf: hyp, encoding: .utf8).split(separator: "\n").count == 4)
    }
}

@Suite("steno transcribe inputs")
struct TranscribeInputTests {
    @Test func standardInput() throws {
        // Audio on standard input, through a shell pipe as a user would.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let sample = Fixtures.url("audio/goforward.wav").path
        process.arguments = ["-c", "'\(StenoProcess.binary.path)' transcribe - < '\(sample)'"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == "go forward ten meters\n")
    }

    @Test(.requiresSharedData)
    func ownDictionaryFindingsAreShownWithTheirLines() throws {
        let dict = SharedData.data("hostile/defective.dic").path
        let r = try StenoProcess.run(["transcribe", "--dict", dict, Fixtures.url("audio/goforward.wav").path])
        #expect(r.standardErrorLines.contains { $0.hasPrefix("steno: warning: \(dict):") })
    }
}

@Suite("steno transcribe low-rate audio")
struct TranscribeLowRateTests {
    /// Audio below the model's 16 kHz is decoded (upsampled) with a warning naming the file.
    @Test func eightKilohertzAudioIsDecodedWithAWarning() throws {
        let directory = try Fixtures.makeTemporaryDirectory(prefix: "steno-lowrate")
        defer { StenoProcess.removeScratch(directory) }
        let audio = try AudioReader().read(Fixtures.url("audio/goforward.wav").path)
        let low = AudioBuffer(samples: stride(from: 0, to: audio.samples.count, by: 2).map { audio.samples[$0] },
                              sampleRate: SampleRate(uncheckedHertz: 8000))
        let path = directory.appendingPathComponent("gf8k.wav").path
        try AudioWriter().write(low, to: path)
        let r = try StenoProcess.run(["transcribe", path])
        #expect(r.status == 0)
        #expect(r.standardOutput.contains("forward"))
        #expect(r.standardErrorLines.contains { $0.hasPrefix("steno: \(path): warning: 8000 Hz") })
    }
}
