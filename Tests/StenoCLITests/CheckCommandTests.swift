import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport
import Testing

/// `steno check` run as a subprocess.
@Suite("steno check")
struct CheckCommandTests {
    static let labels = Fixtures.url("datasets/labels/manifest.tsv").path

    private func json(_ result: StenoProcess.Result) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        return try #require(value as? [String: Any], "stdout is not a JSON object: \(result.standardOutput.prefix(200))")
    }

    @Test func jsonHasExactlyTheDocumentedShape() throws {
        let result = try StenoProcess.run(["check", "--no-audio", "--format", "json", Self.labels])
        #expect(result.status == 1)  // error-level findings, default --fail-on error
        let document = try json(result)
        #expect(Set(document.keys) == ["findings", "summary"])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(Set(finding.keys) == ["check", "severity", "message", "items"])
            #expect(["error", "warning", "info"].contains(finding["severity"] as? String ?? ""))
            let items = try #require(finding["items"] as? [[String: Any]])
            for item in items {
                #expect(Set(item.keys) == ["id", "detail"])
            }
        }
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["utterances"] as? Int == 26)
        #expect(summary["failed"] as? Bool == true)
        #expect(summary["failOn"] as? String == "error")
        let ids = findings.compactMap { $0["check"] as? String }
        #expect(ids.contains("mixed-case") && ids.contains("empty-transcript"))
        // The item id of a manifest.tsv utterance is its path as written.
        let caseItems = findings.first { $0["check"] as? String == "mixed-case" }?["items"] as? [[String: Any]]
        #expect(caseItems?.first?["id"] as? String == "planted/case.wav")
    }

    @Test func failOnSetsTheExitStatus() throws {
        let train = Fixtures.url("datasets/splits/train").path
        let test = Fixtures.url("datasets/splits/test").path
        // Only warnings (shared speaker and text): fine by default, a failure from --fail-on warning.
        let byDefault = try StenoProcess.run(["check", "--no-audio", train, test])
        #expect(byDefault.status == 0, "\(byDefault.standardOutput)")
        #expect(byDefault.standardOutput.contains("split-speaker-overlap (1)"))
        let strict = try StenoProcess.run(["check", "--no-audio", "--fail-on", "warning", train, test])
        #expect(strict.status == 1)
        let never = try StenoProcess.run(["check", "--no-audio", "--fail-on", "never", Self.labels])
        #expect(never.status == 0)
    }

    @Test func textSummaryIsGroupedByCheckWithExamples() throws {
        let result = try StenoProcess.run(["check", "--no-audio", "--examples", "1", Self.labels])
        let output = result.standardOutput
        #expect(output.contains("Structure:") && output.contains("Labels:"))
        #expect(output.contains("ERROR   empty-transcript (2): Empty transcripts: 2 utterances."))
        #expect(output.contains("          planted/empty.wav: empty"))
        #expect(output.contains("… and 1 more"))
        #expect(output.contains("fail-on error: FAILED."))
    }

    @Test func usageErrorsExit64() throws {
        for arguments in [["check"], ["check", "--rate", "5", Self.labels], ["check", "--fix-out", "/tmp/x.tsv", Self.labels, Self.labels],
                          ["check", "--dataset-format", "mp3", Self.labels], ["check", "--jobs", "0", Self.labels]] {
            let result = try StenoProcess.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.standardError)")
        }
    }

    @Test func unreadableDatasetIsOneLineAndTheOthersAreStillChecked() throws {
        let missing = "/nonexistent/steno/dataset"
        let result = try StenoProcess.run(["check", "--no-audio", "--format", "json", missing, Self.labels])
        #expect(result.status == 1)
        #expect(result.standardErrorLines == ["steno: \(missing): no such file or directory"])
        let summary = try #require(try json(result)["summary"] as? [String: Any])
        #expect(summary["utterances"] as? Int == 26)
        let failures = try #require(summary["unreadableDatasets"] as? [[String: String]])
        #expect(failures == [["path": missing, "error": "no such file or directory"]])
    }

    @Test func listChecksNamesEveryCheck() throws {
        let result = try StenoProcess.run(["check", "--list-checks", "--format", "json"])
        #expect(result.status == 0)
        let checks = try #require(try json(result)["checks"] as? [[String: String]])
        #expect(checks.count == 35)
        #expect(Set(checks.compactMap { $0["id"] }).count == checks.count)
        for check in checks {
            #expect(Set(check.keys) == ["id", "category", "severity", "requires", "title", "rationale"])
        }
        let text = try StenoProcess.run(["check", "--list-checks"])
        #expect(text.standardOutput.contains("near-duplicate-spelling"))
    }

    /// Done-when 3: the --fix-out manifest passes with no error-level finding, and the input is
    /// byte-identical afterwards.
    @Test func fixOutPassesAndLeavesTheInputAlone() throws {
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { StenoProcess.removeScratch(folder) }
        let input = folder.appendingPathComponent("manifest.tsv")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.labels), to: input)
        let before = try Data(contentsOf: input)
        let output = folder.appendingPathComponent("fixed.tsv").path
        let fix = try StenoProcess.run(["check", "--no-audio", "--fix-out", output, input.path])
        #expect(fix.status == 1)  // the input itself has errors
        #expect(try Data(contentsOf: input) == before)
        #expect(fix.standardErrorLines.contains("fix: wrote 23 of 26 utterances to \(output)"))
        #expect(fix.standardErrorLines.contains("fix: drop-unusable: 3 dropped, 0 changed"))
        #expect(fix.standardErrorLines.contains("fix: normalise-case: 0 dropped, 1 changed"))
        let recheck = try StenoProcess.run(["check", "--no-audio", "--format", "json", output])
        #expect(recheck.status == 0, "\(recheck.standardOutput)")
        let findings = try #require(try json(recheck)["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["severity"] as? String == "error" })
        // Overwriting the input is refused.
        let refused = try StenoProcess.run(["check", "--no-audio", "--fix-out", input.path, input.path])
        #expect(refused.status == 1)
        #expect(refused.standardErrorLines.contains { $0.contains("never overwrites its input") })
        #expect(try Data(contentsOf: input) == before)
    }

    /// Audio read through the real measurer: a small generated set with one all-zero clip and one at
    /// another rate; with and without --rate.
    @Test func audioFindingsFromGeneratedClips() throws {
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { StenoProcess.removeScratch(folder) }
        var generator = SignalGenerator(seed: 9)
        var lines: [String] = []
        for index in 0..<4 {
            // Quiet noise, a tone burst, quiet noise: 0.3 s + 0.5 s + 0.3 s.
            let tone = SignalGenerator.sine(count: 8_000, frequencyHertz: 220 + 40 * Double(index), amplitude: 0.3,
                                            sampleRate: .speech16k)
            let samples = generator.noise(count: 4_800, rmsDBFS: -70) + tone + generator.noise(count: 4_800, rmsDBFS: -70)
            try AudioWriter().write(AudioBuffer(samples: samples, sampleRate: .speech16k),
                                    to: folder.appendingPathComponent("clip\(index).wav").path)
            lines.append("clip\(index).wav\tword")
        }
        try AudioWriter().write(AudioBuffer(samples: [Float](repeating: 0, count: 16_000), sampleRate: .speech16k),
                                to: folder.appendingPathComponent("zero.wav").path)
        lines.append("zero.wav\tword")
        let tone = SignalGenerator.sine(count: 8_000, frequencyHertz: 300, amplitude: 0.3, sampleRate: SampleRate(uncheckedHertz: 8_000))
        try AudioWriter().write(AudioBuffer(samples: tone, sampleRate: SampleRate(uncheckedHertz: 8_000)),
                                to: folder.appendingPathComponent("narrow.wav").path)
        lines.append("narrow.wav\tword")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("manifest.tsv"))

        let result = try StenoProcess.run(["check", "--format", "json", "--jobs", "2", folder.path])
        #expect(result.status == 1)
        let findings = try #require(try json(result)["findings"] as? [[String: Any]])
        func items(_ check: String) -> [String] {
            (findings.first { $0["check"] as? String == check }?["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        }
        #expect(items("all-zero-audio") == ["zero.wav"])
        #expect(items("sample-rate-mismatch") == ["narrow.wav"])
        // With --rate 8000 the majority no longer decides: every 16 kHz clip is off.
        let forced = try StenoProcess.run(["check", "--format", "json", "--rate", "8000", folder.path])
        let forcedFindings = try #require(try json(forced)["findings"] as? [[String: Any]])
        let rateItems = (forcedFindings.first { $0["check"] as? String == "sample-rate-mismatch" }?["items"] as? [[String: Any]])?
            .compactMap { $0["id"] as? String }
        #expect(rateItems == ["clip0.wav", "clip1.wav", "clip2.wav", "clip3.wav", "zero.wav"])
    }
}
