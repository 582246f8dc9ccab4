import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport
import Testing

/// `steno features` run as a subprocess.
@Suite("steno features")
struct FeaturesCommandTests {
    /// Reads a Sphinx .mfc (little-endian) written by the command.
    static func readMFC(_ url: URL) throws -> [Float] {
        let bytes = [UInt8](try Data(contentsOf: url))
        try #require(bytes.count >= 4)
        let count = Int(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
        try #require(bytes.count == 4 + 4 * count)
        return (0..<count).map { i in
            let o = 4 + 4 * i
            return Float(bitPattern: UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16
                         | UInt32(bytes[o + 3]) << 24)
        }
    }

    @Test("bundled model, cepstra without CMN: bit-identical to pocketsphinx's dump of goforward.raw",
          .requiresSharedData)
    func sphinxCepstraMatchPocketsphinx() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { StenoProcess.removeScratch(directory) }
        let output = directory.appendingPathComponent("gf.mfc")
        let result = try StenoProcess.run(["features", SharedData.data("pocketsphinx/goforward.raw").path,
                                           "--raw-rate", "16000", "--type", "cepstra", "--cmn", "none",
                                           "--model", Fixtures.bundledModel.appendingPathComponent("acoustic").path,
                                           "-o", output.path])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let ours = try Self.readMFC(output)
        // The reference dump is big-endian (pocketsphinx -mfclogdir).
        let reference = [UInt8](try Data(contentsOf: SharedData.data("sphinx-reference/gf_noise/000000000.mfc")))
        let values = (0..<((reference.count - 4) / 4)).map { i -> Float in
            let o = 4 + 4 * i
            return Float(bitPattern: UInt32(reference[o]) << 24 | UInt32(reference[o + 1]) << 16
                         | UInt32(reference[o + 2]) << 8 | UInt32(reference[o + 3]))
        }
        #expect(ours.count == 278 * 13)
        #expect(ours.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test("default sphinx preset writes 39-dim features; --report json summarises; formats agree")
    func formatsAndReport() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { StenoProcess.removeScratch(directory) }
        let input = Fixtures.url("audio/goforward.wav").path
        var byFormat: [String: Data] = [:]
        for format in ["sphinx", "htk", "npy", "csv", "json"] {
            let out = directory.appendingPathComponent(format)
            let result = try StenoProcess.run(["features", input, "--format", format, "--report", "json",
                                               "--output-dir", out.path])
            #expect(result.status == 0, "stderr: \(result.standardError)")
            let objects = try StenoProcess.jsonObjects(result)
            #expect(objects.count == 1)
            #expect(objects.first?["frameCount"] as? Int == 278)
            #expect(objects.first?["dimension"] as? Int == 39)
            #expect(objects.first?["path"] as? String == input)
            let written = try #require(objects.first?["output"] as? String)
            byFormat[format] = try Data(contentsOf: URL(fileURLWithPath: written))
        }
        let mfc = try #require(byFormat["sphinx"])
        #expect(mfc.count == 4 + 278 * 39 * 4)
        let htk = try #require(byFormat["htk"])
        #expect(htk.count == 12 + 278 * 39 * 4)
        let csv = String(decoding: try #require(byFormat["csv"]), as: UTF8.self)
        let csvValues = csv.split(separator: "\n").flatMap { $0.split(separator: ",").compactMap { Float($0) } }
        let mfcValues = try Self.readMFC(directory.appendingPathComponent("sphinx/goforward.mfc"))
        #expect(csvValues == mfcValues)
    }

    @Test("usage errors exit 64; bad inputs exit 1 with one line each while good ones are still written")
    func errors() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { StenoProcess.removeScratch(directory) }
        let good = Fixtures.url("audio/goforward.wav").path
        #expect(try StenoProcess.run(["features", good]).status == 64)  // no output
        #expect(try StenoProcess.run(["features", good, good, "-o", "x.mfc"]).status == 64)
        #expect(try StenoProcess.run(["features", good, "-o", "x", "--format", "mp3"]).status == 64)
        #expect(try StenoProcess.run(["features", good, "-o", "x", "--preset", "kaldi", "--model", "/m"]).status == 64)

        let empty = directory.appendingPathComponent("empty.raw")
        try Data().write(to: empty)
        let short = directory.appendingPathComponent("short.raw")
        try Data(count: 200).write(to: short)
        // The good input as headerless 16-bit samples, since --raw-rate applies to every input.
        let goodRaw = directory.appendingPathComponent("goforward.raw")
        var rawBytes = Data()
        for sample in try AudioReader().read(good).samples {
            withUnsafeBytes(of: Int16(sample * 32768).littleEndian) { rawBytes.append(contentsOf: $0) }
        }
        try rawBytes.write(to: goodRaw)
        let out = directory.appendingPathComponent("out")
        let result = try StenoProcess.run(["features", empty.path, goodRaw.path, short.path, "--output-dir", out.path,
                                           "--preset", "kaldi", "--raw-rate", "16000"])
        #expect(result.status == 1)
        #expect(result.standardErrorLines.count == 2, "stderr: \(result.standardError)")
        #expect(result.standardErrorLines.contains { $0.hasPrefix("steno: \(short.path): ") && $0.contains("400") })
        #expect(result.standardErrorLines.contains { $0.hasPrefix("steno: \(empty.path): ") })
        #expect(result.standardOutput.split(separator: "\n").count == 1)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("goforward.mfc").path))

        // Never overwrite an input; refuse an existing output without --force.
        let copy = directory.appendingPathComponent("in.wav")
        try FileManager.default.copyItem(atPath: good, toPath: copy.path)
        let same = try StenoProcess.run(["features", copy.path, "-o", copy.path])
        #expect(same.status == 1)
        #expect(try Data(contentsOf: copy) == Data(contentsOf: URL(fileURLWithPath: good)))
        let target = directory.appendingPathComponent("t.mfc")
        #expect(try StenoProcess.run(["features", good, "-o", target.path]).status == 0)
        #expect(try StenoProcess.run(["features", good, "-o", target.path]).status == 1)
        #expect(try StenoProcess.run(["features", good, "-o", target.path, "--force"]).status == 0)
    }

    @Test("an 8 kHz input is refused for the 16 kHz presets unless --resample")
    func wrongRate() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { StenoProcess.removeScratch(directory) }
        let raw = directory.appendingPathComponent("tone.raw")
        var bytes = Data()
        for i in 0..<8000 {
            let sample = Int16(8000 * sin(Double(i) * 0.3))
            withUnsafeBytes(of: sample.littleEndian) { bytes.append(contentsOf: $0) }
        }
        try bytes.write(to: raw)
        let refused = try StenoProcess.run(["features", raw.path, "--raw-rate", "8000", "-o",
                                            directory.appendingPathComponent("a.mfc").path])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("8000 Hz"))
        let resampled = try StenoProcess.run(["features", raw.path, "--raw-rate", "8000", "--resample", "-o",
                                              directory.appendingPathComponent("b.mfc").path])
        #expect(resampled.status == 0, "stderr: \(resampled.standardError)")
    }

    @Test("--model accepts a model folder or its acoustic/ folder and other Sphinx models; unusable ones exit 64",
          .requiresSharedData)
    func models() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { StenoProcess.removeScratch(directory) }
        let input = Fixtures.url("audio/goforward.wav").path
        var outputs: [Data] = []
        for model in [Fixtures.bundledModel.path, Fixtures.bundledModel.appendingPathComponent("acoustic").path] {
            let out = directory.appendingPathComponent("\(outputs.count).mfc")
            let result = try StenoProcess.run(["features", input, "--model", model, "-o", out.path])
            #expect(result.status == 0, "stderr: \(result.standardError)")
            outputs.append(try Data(contentsOf: out))
        }
        #expect(outputs[0] == outputs[1])
        let an4 = try StenoProcess.run(["features", input, "--model", SharedData.data("pocketsphinx/an4_ci_cont").path,
                                        "-o", directory.appendingPathComponent("an4.mfc").path, "--report", "json"])
        #expect(an4.status == 0)
        #expect(try StenoProcess.jsonObjects(an4).first?["dimension"] as? Int == 39)
        let tidigits = SharedData.data("pocketsphinx/tidigits/hmm").path
        let refused = try StenoProcess.run(["features", input, "--model", tidigits, "-o",
                                            directory.appendingPathComponent("t.mfc").path])
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("s2_4x"))
        let cepstra = try StenoProcess.run(["features", input, "--model", tidigits, "--type", "cepstra", "-o",
                                            directory.appendingPathComponent("t.mfc").path])
        #expect(cepstra.status == 0, "stderr: \(cepstra.standardError)")
        let missing = try StenoProcess.run(["features", input, "--model", "/nonexistent", "-o",
                                            directory.appendingPathComponent("m.mfc").path])
        #expect(missing.status == 64)
        #expect(missing.standardErrorLines.count == 1)
    }
}
