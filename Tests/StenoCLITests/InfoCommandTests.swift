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

    @Test func textReportDescribesAKnownSignal() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { StenoProcess.removeScratch(directory) }
        // 1 s of a 1 kHz sine at amplitude 0.5 (peak −6.02 dBFS) in stereo 44.1 kHz float.
        let rate = SampleRate(uncheckedHertz: 44_100)
        let sine = SignalGenerator.sine(count: 44_100, frequencyHertz: 1_000, amplitude: 0.5, sampleRate: rate)
        let path = directory.appendingPathComponent("tone.wav").path
        try AudioWriter(format: .wavFloat).write(interleaved: sine.flatMap { [$0, $0] }, channelCount: 2,
                                                  sampleRate: rate, to: path)
        let json = try StenoProcess.run(["info", "--format", "json", path])
        #expect(json.status == 0)
        let object = try #require(try StenoProcess.jsonObjects(json).first)
        #expect(object["format"] as? String == "WAV")
        #expect(object["encoding"] as? String == "FLOAT")
        #expect(object["channels"] as? Int == 2)
        #expect(object["frames"] as? Int == 44_100)
        // 20 log10(0.5) = −6.0206; the sampled sine reaches its peak to within 1e-3 dB at 44.1 kHz.
        #expect(abs((object["peakDBFS"] as? Double ?? 0) + 6.0206) < 1e-3)
        #expect(object["clippedRatio"] as? Double == 0)

        let text = try StenoProcess.run(["info", path])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains(path))
        #expect(text.standardOutput.contains("44100 Hz, 2 channel(s), 44100 frames"))

        // --channel selects, --rate resamples before measuring.
        let resampled = try StenoProcess.run(["info", "--format", "json", "--rate", "16000", "--channel", "1", path])
        #expect(resampled.status == 0)
        #expect(try StenoProcess.jsonObjects(resampled).first?["sampleRate"] as? Int == 44_100)
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
