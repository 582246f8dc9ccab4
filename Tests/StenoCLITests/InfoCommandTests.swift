import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport
import Testing

/// `steno info` run as a subprocess.
@Suite("steno info")
struct InfoCommandTests {
    static let jsonKeys: Set<String> = [
        "path", "format", "encoding", "sampleRate", "channels", "frames", "duration", "peakDBFS", "rmsDBFS",
        "loudnessLUFS", "clippedRatio", "dcOffset", "leadingSilence", "trailingSilence",
    ]

    /// A JSON number (or null) against a golden value (or nil).
    static func close(_ value: Any?, _ expected: Double?, tolerance: Double) -> Bool {
        guard let expected else { return value is NSNull }
        guard let number = value as? Double else { return false }
        return abs(number - expected) <= tolerance
    }

    /// Done-when 2: rate, channels and frames agree with libsndfile (python-soundfile) for every
    /// audio file of the shared dev and pocketsphinx data. Golden: Fixtures/audio-info/info.tsv.
    @Test(.requiresSharedData)
    func everySharedAudioFileMatchesLibsndfile() throws {
        let golden = try GoldenInfo.load()
        #expect(golden.count >= 200)
        // The golden list must still cover every audio file there.
        #expect(Set(golden.map(\.relativePath)) == Set(try GoldenInfo.sharedAudioFiles()))

        let headered = golden.filter { $0.format != "RAW" }
        let raw = golden.filter { $0.format == "RAW" }
        var reported: [String: [String: Any]] = [:]
        for (rows, options) in [(headered, [String]()), (raw, ["--raw-rate", "16000", "--raw-encoding", "s16le"])] {
            let paths = rows.map { SharedData.data($0.relativePath).path }
            let result = try StenoProcess.run(["info", "--format", "json"] + options + paths)
            #expect(result.status == 0, "stderr: \(result.standardError)")
            for object in try StenoProcess.jsonObjects(result) {
                let path = try #require(object["path"] as? String)
                reported[path] = object
            }
        }
        for row in golden {
            let object = try #require(reported[SharedData.data(row.relativePath).path], "\(row.relativePath) missing")
            #expect(Set(object.keys) == Self.jsonKeys, "\(row.relativePath)")
            #expect(object["sampleRate"] as? Int == row.sampleRate, "\(row.relativePath)")
            #expect(object["channels"] as? Int == row.channels, "\(row.relativePath)")
            #expect(object["frames"] as? Int == row.frames, "\(row.relativePath)")
            #expect(object["format"] as? String == row.format, "\(row.relativePath)")
            #expect(object["encoding"] as? String == row.encoding, "\(row.relativePath)")
            let duration = try #require(object["duration"] as? Double)
            #expect(abs(duration - Double(row.frames) / Double(row.sampleRate)) < 1e-9)
            // Levels from the same samples (integer PCM decodes exactly to Float); only summation
            // order and Float-vs-Double accumulation differ, far below 1e-6 dB.
            #expect(Self.close(object["peakDBFS"], row.peakDBFS, tolerance: 1e-6), "\(row.relativePath) peak")
            #expect(Self.close(object["rmsDBFS"], row.rmsDBFS, tolerance: 1e-6), "\(row.relativePath) RMS")
            #expect(Self.close(object["dcOffset"], row.dcOffset, tolerance: 1e-9), "\(row.relativePath) DC")
        }
    }

    /// Done-when 3: each hostile file alone gives one line naming it on stderr, exit status 1, no signal.
    @Test(.requiresSharedData, arguments: ["awful.wav", "bad.wav", "evil.wav", "null.wav"])
    func hostileFileGivesOneLineAndStatusOne(_ name: String) throws {
        let path = SharedData.data("hostile/\(name)").path
        for format in ["text", "json"] {
            let result = try StenoProcess.run(["info", "--format", format, path])
            #expect(result.exitedNormally, "killed by a signal")
            #expect(result.status == 1)
            #expect(result.standardErrorLines.count == 1, "stderr: \(result.standardError)")
            #expect(result.standardErrorLines.first?.hasPrefix("steno: \(path): ") == true)
            if format == "json" {
                let objects = try StenoProcess.jsonObjects(result)
                #expect(objects.count == 1)
                #expect(objects.first?["path"] as? String == path)
                #expect((objects.first?["error"] as? String)?.isEmpty == false)
            } else {
                #expect(result.standardOutput.isEmpty)
            }
        }
    }

    /// Done-when 3 for the whole folder, non-audio files included: alone, each gives status 1 and one
    /// line; together in one batch, one line per file and a JSON error object for each.
    @Test(.requiresSharedData)
    func everyFileInTheHostileFolder() throws {
        let folder = SharedData.data("hostile")
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0).path }
        #expect(paths.count >= 4)
        for path in paths {
            let result = try StenoProcess.run(["info", path])
            #expect(result.exitedNormally && result.status == 1, "\(path)")
            #expect(result.standardErrorLines.count == 1 && result.standardErrorLines[0].hasPrefix("steno: \(path): "),
                    "\(result.standardError)")
        }
        let batch = try StenoProcess.run(["info", "--format", "json"] + paths)
        #expect(batch.exitedNormally && batch.status == 1)
        #expect(batch.standardErrorLines.count == paths.count)
        let objects = try StenoProcess.jsonObjects(batch)
        #expect(objects.map { $0["path"] as? String } == paths)
        #expect(objects.allSatisfy { $0["error"] is String && $0.count == 2 })
    }

    /// Done-when 3: a valid WAV truncated at many offsets; in one batch with a good file, the good
    /// file is still reported and every cut file gets its own error line.
    @Test func truncatedWAVsInABatch() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { StenoProcess.removeScratch(directory) }
        let source = Fixtures.url("audio/goforward.wav")
        let whole = try Data(contentsOf: source)
        let offsets = Array(0..<48) + Array(stride(from: 48, to: whole.count, by: whole.count / 40)) + [whole.count - 1]
        var cutPaths: [String] = []
        for offset in offsets {
            let url = directory.appendingPathComponent("cut-\(offset).wav")
            try whole.prefix(offset).write(to: url)
            cutPaths.append(url.path)
        }
        let result = try StenoProcess.run(["info", "--format", "json", source.path] + cutPaths)
        #expect(result.exitedNormally)
        #expect(result.status == 1)
        let lines = result.standardErrorLines
        #expect(lines.count == cutPaths.count)
        for path in cutPaths {
            #expect(lines.filter { $0.hasPrefix("steno: \(path): ") }.count == 1, "\(path)")
        }
        let objects = try StenoProcess.jsonObjects(result)
        #expect(objects.count == cutPaths.count + 1)
        #expect(objects.first?["frames"] as? Int == 44_580)
        #expect(objects.dropFirst().allSatisfy { $0["error"] is String && $0.count == 2 })

        // A few alone, checked for status 1 and a single line each.
        for path in [cutPaths[0], cutPaths[30], cutPaths[cutPaths.count - 1]] {
            let alone = try StenoProcess.run(["info", path])
            #expect(alone.exitedNormally && alone.status == 1)
            #expect(alone.standardErrorLines == alone.standardErrorLines.filter { $0.hasPrefix("steno: \(path): ") })
            #expect(alone.standardErrorLines.count == 1)
        }
    }

    @Test func reportsKnownLevelsLoudnessAndSilence() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { StenoProcess.removeScratch(directory) }
        // 0.5 s of noise at −60 dBFS, 1 s of a 1 kHz sine at amplitude 0.5, 0.7 s of the noise;
        // the same in both channels of a 44.1 kHz float WAV.
        let rate = SampleRate(uncheckedHertz: 44_100)
        var generator = SignalGenerator(seed: 11)
        let tone = SignalGenerator.sine(count: 44_100, frequencyHertz: 1_000, amplitude: 0.5, sampleRate: rate)
        var mono = generator.noise(count: 22_050, rmsDBFS: -60)
        mono += zip(tone, generator.noise(count: 44_100, rmsDBFS: -60)).map { $0 + $1 }
        mono += generator.noise(count: 30_870, rmsDBFS: -60)
        let path = directory.appendingPathComponent("tone.wav").path
        try AudioWriter(format: .wavFloat).write(interleaved: mono.flatMap { [$0, $0] }, channelCount: 2,
                                                  sampleRate: rate, to: path)
        let json = try StenoProcess.run(["info", "--format", "json", path])
        #expect(json.status == 0, "\(json.standardError)")
        let object = try #require(try StenoProcess.jsonObjects(json).first)
        #expect(Set(object.keys) == Self.jsonKeys)
        #expect(object["format"] as? String == "WAV")
        #expect(object["encoding"] as? String == "FLOAT")
        #expect(object["channels"] as? Int == 2)
        #expect(object["frames"] as? Int == mono.count)
        let number = { (key: String) throws -> Double in try #require(object[key] as? Double, "\(key)") }
        // Peak: 20 log10(0.5) = −6.02 dB; the −60 dBFS noise (σ = 0.001) adds at most ~5σ to the
        // 0.5 crest, +0.09 dB, so the peak lies in [−6.03, −5.92].
        let peak = try number("peakDBFS")
        #expect(peak > -6.03 && peak < -5.92, "peak \(peak)")
        // RMS over 2.2 s of which 1 s is the tone (mean square 0.125): 10 log10(0.125 / 2.2) = −12.46 dB.
        #expect(abs(try number("rmsDBFS") + 12.46) < 0.05)
        // BS.1770: a 1 kHz sine of amplitude A in one channel reads 20 log10(A) − 3.01 = −9.03 LUFS.
        // Gating with 400 ms blocks every 100 ms keeps the 7 blocks inside the tone and the 6 that
        // straddle its edges (holding 1/4, 1/2, 3/4 of it, twice); the noise-only blocks fall below
        // the relative gate. Mean energy 10/13 of the tone's: −9.03 + 10 log10(10/13) = −10.17 LUFS.
        // (pyloudnorm on the same signal: −10.21.) 0.1 LU covers the noise and K-filter start-up.
        #expect(abs(try number("loudnessLUFS") + 10.17) < 0.1)
        #expect(try number("clippedRatio") == 0)
        // Silence: 0.5 s and 0.7 s, found to within 10 ms.
        #expect(abs(try number("leadingSilence") - 0.5) <= 0.01)
        #expect(abs(try number("trailingSilence") - 0.7) <= 0.01)

        let text = try StenoProcess.run(["info", path])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains(path))
        #expect(text.standardOutput.contains("44100 Hz, 2 channel(s), \(mono.count) frames"))

        // --rate resamples before measuring: the header facts stay the file's own.
        let resampled = try StenoProcess.run(["info", "--format", "json", "--rate", "16000", "--channel", "1", path])
        #expect(resampled.status == 0)
        let resampledObject = try #require(try StenoProcess.jsonObjects(resampled).first)
        #expect(resampledObject["sampleRate"] as? Int == 44_100)
        #expect(abs((resampledObject["leadingSilence"] as? Double ?? 0) - 0.5) <= 0.01)
    }

    @Test func digitalSilenceHasNullLevels() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { StenoProcess.removeScratch(directory) }
        let path = directory.appendingPathComponent("zeros.wav").path
        try AudioWriter().write(AudioBuffer(samples: [Float](repeating: 0, count: 16_000), sampleRate: .speech16k), to: path)
        let result = try StenoProcess.run(["info", "--format", "json", path])
        #expect(result.status == 0)
        let object = try #require(try StenoProcess.jsonObjects(result).first)
        #expect(Set(object.keys) == Self.jsonKeys)
        for key in ["peakDBFS", "rmsDBFS", "loudnessLUFS"] { #expect(object[key] is NSNull, "\(key)") }
        // No speech: the whole second is both leading and trailing silence.
        #expect(object["leadingSilence"] as? Double == 1)
        #expect(object["trailingSilence"] as? Double == 1)
    }

    @Test func usageErrorsExitWith64() throws {
        for arguments in [["info"], ["info", "--raw-rate", "5", "x.raw"], ["info", "--rate", "999999", "x.wav"],
                          ["info", "--raw-encoding", "s12", "x.raw"], ["info", "--raw-encoding", "s8", "x.raw"], ["info", "--channel", "-1", "x.wav"]] {
            let result = try StenoProcess.run(arguments)
            #expect(result.exitedNormally)
            #expect(result.status == 64, "\(arguments)")
        }
    }

    @Test func missingFileInTheMiddleOfABatch() throws {
        let good = Fixtures.url("audio/goforward.wav").path
        let result = try StenoProcess.run(["info", good, "/nonexistent/clip.wav", good])
        #expect(result.status == 1)
        #expect(result.standardErrorLines == ["steno: /nonexistent/clip.wav: no such file"])
        #expect(result.standardOutput.components(separatedBy: good).count - 1 == 2)
    }
}
