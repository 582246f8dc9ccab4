import Foundation
import StenoTestSupport
import Testing

/// End-to-end tests of `steno wer`, running the built `steno` executable.
@Suite struct WERCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `steno` binary beside the test bundle (SwiftPM builds it with the tests).
    static let executable: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("steno")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return SharedData.repositoryRoot.appendingPathComponent(".build/debug/steno")
    }()

    func steno(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    let ref = Fixtures.url("eval/kaldi-ref.txt").path
    let hyp = Fixtures.url("eval/kaldi-hyp.txt").path

    @Test func textReportStartsWithKaldiLine() throws {
        let run = try steno(["wer", "--ref", ref, "--hyp", hyp, "--missing", "present", "--normalize", "none"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "%WER 38.89 [ 7 / 18, 3 ins, 1 del, 3 sub ] [PARTIAL]")
        #expect(run.stdout.contains("normalization: none (steno-normalize-1): whitespace"))
        #expect(run.stdout.contains("missing hypotheses (2, not scored): spk1-utt2, spk3-utt2"))
        #expect(run.stdout.contains("hypotheses without a reference (1, not scored): spk9-utt1"))
        #expect(run.stderr.contains("1 hypothesis id(s) not in the reference"))
    }

    @Test func strictModeFailsNamingTheMissingIDs() throws {
        let run = try steno(["wer", "--ref", ref, "--hyp", hyp])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("steno: \(hyp): no hypothesis for 2 reference utterance(s): spk1-utt2, spk3-utt2"))
    }

    @Test func jsonHasStableKeysAndBreakdown() throws {
        let run = try steno(["wer", "--ref", ref, "--hyp", hyp, "--missing", "empty", "--format", "json",
                             "--utt2spk", Fixtures.url("eval/kaldi-utt2spk").path])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        for key in ["wer", "cer", "ser", "substitutions", "deletions", "insertions", "hits", "referenceWords",
                    "utterances", "normalization", "perUtterance"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["utterances"] as? Int == 6)
        #expect(object["referenceWords"] as? Int == 26)
        let breakdown = try #require(object["breakdown"] as? [String: Any])
        #expect(breakdown["field"] as? String == "speaker")
        #expect((breakdown["groups"] as? [[String: Any]])?.map { $0["value"] as? String } == ["spk1", "spk2", "spk3"])
    }

    @Test func twoSystemsAreCompared() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let better = directory.appendingPathComponent("better.txt")
        try Data(try String(contentsOfFile: ref, encoding: .utf8).utf8).write(to: better)
        let run = try steno(["wer", "--ref", ref, "--hyp", hyp, "--hyp", better.path, "--missing", "present"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("== \(hyp)"))
        #expect(run.stdout.contains("== \(better.path)"))
        #expect(run.stdout.contains("WER difference (\(better.path) - \(hyp)) on 4 common utterances: -38.89 points"))
        let json = try steno(["wer", "--ref", ref, "--hyp", hyp, "--hyp", better.path, "--missing", "present",
                              "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["systems"] as? [Any])?.count == 2)
        let comparison = try #require((object["comparisons"] as? [[String: Any]])?.first)
        #expect(comparison["werDifference"] as? Double ?? 0 < 0)
    }

    @Test func badInputsAreReportedAndGoodOnesStillScored() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.txt")
        var data = Data("spk1-utt1 fine\n".utf8)
        data.append(contentsOf: [0x73, 0x32, 0x20, 0xFF, 0xFE, 0x0A])
        try data.write(to: broken)
        let run = try steno(["wer", "--ref", ref, "--hyp", hyp, "--hyp", broken.path, "--missing", "present",
                             "--format", "json"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("steno: \(broken.path): line 2: invalid UTF-8"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["systems"] as? [Any])?.count == 1)
        let errors = try #require(object["errors"] as? [[String: String]])
        #expect(errors == [["path": broken.path, "error": "line 2: invalid UTF-8"]])

        let duplicate = directory.appendingPathComponent("dup.txt")
        try Data("a x\nb y\na z\n".utf8).write(to: duplicate)
        let dupRun = try steno(["wer", "--ref", duplicate.path, "--hyp", hyp])
        #expect(dupRun.status == 1)
        #expect(dupRun.stderr.contains("steno: \(duplicate.path): line 3: duplicate utterance id 'a'"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try steno(["wer", "--ref", ref]).status == 64)
        #expect(try steno(["wer", "--ref", ref, "--hyp", hyp, "--missing", "sometimes"]).status == 64)
        let help = try steno(["wer", "--help"])
        #expect(help.stdout.contains("default: strict"))
        #expect(help.stdout.contains("default: 1000"))
    }
}
