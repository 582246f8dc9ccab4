import Foundation
import StenoAudio
import StenoCore
import StenoPreprocess
import StenoTestSupport
import Testing

/// `steno trim`, `normalize` and `preprocess` run as subprocesses.
@Suite("steno trim / normalize / preprocess")
struct PreprocessCommandTests {
    let scratch: URL
    init() throws { scratch = try Fixtures.makeTemporaryDirectory(prefix: "steno-preprocess") }

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    func writeWAV(_ buffer: AudioBuffer, _ name: String) throws -> String {
        let file = path(name)
        try AudioWriter(format: .wav16).write(buffer, to: file)
        return file
    }

    /// Done-when 4: a 44.1 kHz stereo 24-bit FLAC becomes a 16 kHz mono WAV at -23 LUFS, same duration.
    /// (scripts/verify_preprocess_loudness.py checks the same with pyloudnorm as the meter.)
    @Test("44.1 kHz stereo 24-bit FLAC → --rate 16000 --lufs -23 → 16 kHz mono WAV at -23 LUFS", arguments: [1, 2, 3] as [UInt64])
    func flacToRecognizerWAV(seed: UInt64) throws {
        defer { StenoProcess.removeScratch(scratch) }
        let input = path("in.flac")
        let inputDuration = try PreprocessFixtures.writeStereoFLAC(try PreprocessFixtures.speech(seed: seed), to: input)
        let inputInfo = try AudioReader().info(input)
        try #require(inputInfo.sampleRate.hertz == 44_100 && inputInfo.channelCount == 2)

        let output = path("out.wav")
        let result = try StenoProcess.run(["preprocess", input, "-o", output, "--rate", "16000", "--lufs", "-23",
                                           "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let info = try AudioReader().info(output)
        #expect(info.sampleRate.hertz == 16_000)
        #expect(info.channelCount == 1)
        #expect(info.container.lowercased().contains("wav"))
        // Resampling keeps the duration: the output has round(duration × 16000) samples, so it differs by
        // less than one output sample.
        #expect(abs(info.durationSeconds - inputDuration) <= 1.0 / 16_000)

        // Measured independently of the command's report, on the file as written (16-bit): libebur128 here,
        // pyloudnorm in the script. 16-bit quantisation and the 16 kHz meter difference stay well under 0.2 LU.
        let loudness = try #require(try LoudnessMeter.integratedLoudness(of: try AudioReader().read(output)))
        #expect(abs(loudness - -23) < 0.2, "output loudness \(loudness) LUFS")

        let report = try #require(try StenoProcess.jsonObjects(result).first)
        let normalization = try #require(report["normalization"] as? [String: Any])
        let measured = try #require(normalization["measuredLevel"] as? Double)
        let gain = try #require(normalization["gainDecibels"] as? Double)
        #expect(normalization["limit"] as? String == "none")
        #expect(abs(measured + gain - -23) < 1e-6)
        #expect(report["outputPath"] as? String == output)
        #expect(report["sampleRate"] as? Int == 16_000)
    }

    /// Done-when 6: 20 good and 3 corrupt files in a folder → 20 outputs, 3 errors, exit status 1.
    @Test("a folder of 20 good and 3 corrupt files through --output-dir")
    func batchWithCorruptFiles() throws {
        defer { StenoProcess.removeScratch(scratch) }
        let inputs = scratch.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        var good: [String] = []
        for index in 0..<20 {
            let file = inputs.appendingPathComponent(String(format: "good-%02d.wav", index)).path
            try AudioWriter(format: .wav16).write(try PreprocessFixtures.speech(seed: UInt64(index)), to: file)
            good.append(file)
        }
        let corrupt = try PreprocessFixtures.writeCorruptFiles(in: inputs)
        let all = try FileManager.default.contentsOfDirectory(atPath: inputs.path).sorted()
            .map { inputs.appendingPathComponent($0).path }
        #expect(all.count == 23)

        let outputs = scratch.appendingPathComponent("outputs")
        let result = try StenoProcess.run(["preprocess", "--output-dir", outputs.path, "--trim", "--lufs", "-23",
                                           "--format", "json"] + all)
        #expect(result.exitedNormally)
        #expect(result.status == 1)

        let written = try FileManager.default.contentsOfDirectory(atPath: outputs.path).sorted()
        #expect(written == good.map { URL(fileURLWithPath: $0).lastPathComponent })
        for name in written {
            let info = try AudioReader().info(outputs.appendingPathComponent(name).path)
            #expect(info.sampleRate.hertz == 16_000 && info.channelCount == 1 && info.frameCount > 0)
        }

        let objects = try StenoProcess.jsonObjects(result)
        #expect(objects.count == 23)
        let errors = objects.filter { $0["error"] != nil }
        #expect(Set(errors.compactMap { $0["path"] as? String }) == Set(corrupt))
        #expect(errors.allSatisfy { Set($0.keys) == ["path", "error"] })
        // One stderr line per bad file, naming it.
        #expect(result.standardErrorLines.count == 3, "stderr: \(result.standardError)")
        for file in corrupt {
            #expect(result.standardErrorLines.contains { $0.hasPrefix("steno: \(file): ") })
        }
    }

    @Test("trimming a trimmed file changes nothing (through 16-bit WAV files)")
    func trimTwiceThroughFiles() throws {
        defer { StenoProcess.removeScratch(scratch) }
        let input = try writeWAV(try PreprocessFixtures.speech(seed: 5), "speech.wav")
        let once = path("once.wav")
        let twice = path("twice.wav")
        let first = try StenoProcess.run(["trim", input, "-o", once, "--format", "json"])
        #expect(first.status == 0, "stderr: \(first.standardError)")
        let second = try StenoProcess.run(["trim", once, "-o", twice, "--format", "json"])
        #expect(second.status == 0, "stderr: \(second.standardError)")
        // 16-bit samples read back exactly, and the trimmed file is a run of the input's samples.
        let onceSamples = try AudioReader().read(once).samples
        let unchanged = try AudioReader().read(twice).samples == onceSamples
        #expect(unchanged)
        let trim = try #require(try StenoProcess.jsonObjects(second).first?["trim"] as? [String: Any])
        #expect(trim["removedLeading"] as? Double == 0)
        #expect(trim["removedTrailing"] as? Double == 0)
    }

    @Test("normalize --peak and --rms reach their targets in the written file")
    func normalizeTargets() throws {
        defer { StenoProcess.removeScratch(scratch) }
        let tone = AudioBuffer(samples: SignalGenerator.sine(count: 32_000, frequencyHertz: 440, amplitude: 0.05,
                                                             sampleRate: .speech16k), sampleRate: .speech16k)
        let input = try writeWAV(tone, "tone.wav")
        for (flag, target) in [("--peak", -3.0), ("--rms", -12.0)] {
            let output = path("tone\(flag).wav")
            let result = try StenoProcess.run(["normalize", input, "-o", output, flag, String(target)])
            #expect(result.status == 0, "stderr: \(result.standardError)")
            let levels = try AudioLevels(measuring: try AudioReader().read(output))
            let level = try #require(flag == "--peak" ? levels.peakDBFS : levels.rmsDBFS)
            // 16-bit quantisation of a -3 dBFS sine moves its level by under 0.001 dB; 0.01 dB is ample.
            #expect(abs(level - target) < 0.01, "\(flag): \(level)")
        }
    }

    @Test("never overwrites an input: same path, symbolic link, hard link, even with --force")
    func neverOverwritesInput() throws {
        defer { StenoProcess.removeScratch(scratch) }
        let input = try writeWAV(try PreprocessFixtures.speech(seed: 2), "input.wav")
        let original = try Data(contentsOf: URL(fileURLWithPath: input))
        let symlink = path("symlink.wav")
        let hardlink = path("hardlink.wav")
        try FileManager.default.createSymbolicLink(atPath: symlink, withDestinationPath: input)
        try FileManager.default.linkItem(atPath: input, toPath: hardlink)
        let viaDots = scratch.appendingPathComponent("sub").path
        try FileManager.default.createDirectory(atPath: viaDots, withIntermediateDirectories: true)

        for output in [input, symlink, hardlink, viaDots + "/../input.wav"] {
            for force in [[], ["--force"]] {
                let result = try StenoProcess.run(["normalize", input, "-o", output, "--lufs", "-20"] + force)
                #expect(result.status == 1, "\(output) \(force)")
                #expect(result.standardErrorLines.count == 1)
                #expect(result.standardError.contains("steno: \(input): "))
            }
        }
        // --output-dir pointing at the input's own folder would write input.wav over itself.
        let result = try StenoProcess.run(["trim", input, "--output-dir", scratch.path, "--force"])
        #expect(result.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original)
    }

    @Test("refuses an existing output unless --force; two inputs never share an output")
    func existingOutputs() throws {
        defer { StenoProcess.removeScratch(scratch) }
        let input = try writeWAV(try PreprocessFixtures.speech(seed: 4), "input.wav")
        let output = path("output.wav")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: output))
        let refused = try StenoProcess.run(["trim", input, "-o", output])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("already exists"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me")

        let forced = try StenoProcess.run(["trim", input, "-o", output, "--force"])
        #expect(forced.status == 0, "stderr: \(forced.standardError)")
        #expect(try AudioReader().info(output).frameCount > 0)

        // a/x.wav and b/x.wav both map to OUT/x.wav: the second is refused, the first written.
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: path(folder), withIntermediateDirectories: true)
            try AudioWriter().write(try PreprocessFixtures.speech(seed: 6), to: path("\(folder)/x.wav"))
        }
        let clash = try StenoProcess.run(["trim", path("a/x.wav"), path("b/x.wav"), "--output-dir", path("out")])
        #expect(clash.status == 1)
        #expect(clash.standardErrorLines.count == 1)
        #expect(clash.standardError.contains("steno: \(path("b/x.wav")): "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("out")) == ["x.wav"])
    }

    @Test("format and encoding: FLAC from the extension, float WAV from --encoding")
    func outputFormats() throws {
        defer { StenoProcess.removeScratch(scratch) }
        let input = try writeWAV(try PreprocessFixtures.speech(seed: 7), "input.wav")
        let flac = try StenoProcess.run(["preprocess", input, "-o", path("out.flac"), "--rate", "8000"])
        #expect(flac.status == 0, "stderr: \(flac.standardError)")
        let flacInfo = try AudioReader().info(path("out.flac"))
        #expect(flacInfo.container.lowercased().contains("flac") && flacInfo.sampleRate.hertz == 8_000)
        let float = try StenoProcess.run(["preprocess", input, "-o", path("out.wav"), "--encoding", "float32"])
        #expect(float.status == 0, "stderr: \(float.standardError)")
        #expect(try AudioReader().info(path("out.wav")).encoding.lowercased().contains("float"))
    }

    @Test("hostile files: one line each, exit 1, no signal, good inputs still written", .requiresSharedData)
    func hostileFiles() throws {
        defer { StenoProcess.removeScratch(scratch) }
        let hostile = ["awful.wav", "bad.wav", "evil.wav", "null.wav"].map { SharedData.data("hostile/\($0)").path }
        let good = try writeWAV(try PreprocessFixtures.speech(seed: 8), "good.wav")
        for command in [["trim"], ["normalize", "--lufs", "-23"], ["preprocess", "--trim", "--lufs", "-23"]] {
            let outputs = path("out-\(command[0])")
            let result = try StenoProcess.run(command + ["--output-dir", outputs, "--format", "json", good] + hostile)
            #expect(result.exitedNormally, "\(command[0]) killed by a signal")
            #expect(result.status == 1)
            #expect(result.standardErrorLines.count == hostile.count, "stderr: \(result.standardError)")
            for file in hostile {
                #expect(result.standardErrorLines.contains { $0.hasPrefix("steno: \(file): ") })
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: outputs) == ["good.wav"])
            #expect(try StenoProcess.jsonObjects(result).filter { $0["error"] != nil }.count == hostile.count)
        }
    }

    @Test("usage errors exit 64", arguments: [
        ["normalize", "in.wav", "-o", "out.wav"],
        ["normalize", "in.wav", "-o", "out.wav", "--lufs", "-23", "--peak", "-1"],
        ["normalize", "in.wav", "-o", "out.wav", "--peak", "3"],
        ["trim", "a.wav", "b.wav", "-o", "out.wav"],
        ["trim", "in.wav"],
        ["trim", "in.wav", "-o", "out.wav", "--output-dir", "dir"],
        ["trim", "in.wav", "-o", "out.unknown"],
        ["trim", "in.wav", "-o", "out.wav", "--padding", "-1"],
        ["preprocess", "in.wav", "-o", "out.wav", "--rate", "500"],
        ["preprocess", "in.wav", "-o", "out.wav", "--encoding", "mp3"],
    ])
    func usageErrors(arguments: [String]) throws {
        defer { StenoProcess.removeScratch(scratch) }
        let result = try StenoProcess.run(arguments)
        #expect(result.status == 64, "stderr: \(result.standardError)")
    }
}
