import Foundation
import StenoAcoustic
import StenoTestSupport
import Testing

/// Done-when 4 of issue 6: broken model files give an `AcousticError` naming the file (and the
/// byte offset or line), never a crash.
@Suite("Hostile model files")
struct HostileModelTests {
    static let bundled = Fixtures.bundledModel.appendingPathComponent("acoustic")
    static let files = ["mdef", "means", "variances", "sendump", "transition_matrices", "feat.params", "noisedict"]

    /// A copy of the bundled model folder in which `name` is replaced by `contents`.
    func modelFolder(replacing name: String, with contents: Data) throws -> URL {
        let folder = try Fixtures.makeTemporaryDirectory(prefix: "steno-hostile-model")
        for file in Self.files {
            try FileManager.default.copyItem(at: Self.bundled.appendingPathComponent(file),
                                             to: folder.appendingPathComponent(file))
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        try contents.write(to: folder.appendingPathComponent(name))
        return folder
    }

    func loadError(replacing name: String, with contents: Data) throws -> AcousticError? {
        let folder = try modelFolder(replacing: name, with: contents)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try AcousticModel(directory: folder)
            return nil
        } catch let error as AcousticError {
            return error
        }
    }

    func original(_ name: String) throws -> Data { try Data(contentsOf: Self.bundled.appendingPathComponent(name)) }

    @Test("truncated means names the file and the offset where data ran out")
    func truncatedMeans() throws {
        let means = try original("means")
        let error = try #require(try loadError(replacing: "means", with: means.prefix(400_000)))
        #expect(error.path?.hasSuffix("/means") == true)
        #expect(error.byteOffset != nil)
        #expect(error.description.contains("means"))
        #expect(error.description.contains("ends early"))
    }

    @Test("wrong header")
    func wrongHeader() throws {
        var means = try original("means")
        means[0] = UInt8(ascii: "x")
        let error = try #require(try loadError(replacing: "means", with: means))
        #expect(error.path?.hasSuffix("/means") == true)
        #expect(error.problem.contains("s3"))
        var magic = try original("variances")
        let position = magic.firstRange(of: Data("endhdr\n".utf8))!.upperBound
        magic[position] ^= 0xFF
        let magicError = try #require(try loadError(replacing: "variances", with: magic))
        #expect(magicError.problem.contains("magic"))
        #expect(magicError.byteOffset == position)
    }

    @Test("a flipped data byte fails the checksum")
    func checksum() throws {
        var means = try original("means")
        means[500_000] ^= 0x01
        let error = try #require(try loadError(replacing: "means", with: means))
        #expect(error.problem.contains("checksum"))
        #expect(error.byteOffset == means.count - 4)
    }

    @Test("mdef / senone count mismatch", .requiresSharedData)
    func senoneMismatch() throws {
        let an4 = try Data(contentsOf: SharedData.data("pocketsphinx/an4_ci_cont/mdef"))
        let error = try #require(try loadError(replacing: "mdef", with: an4))
        #expect(error.path?.hasSuffix("/sendump") == true)
        #expect(error.problem.contains("5126") && error.problem.contains("102"))
    }

    @Test("every file truncated at 25 points: an error naming that file, never a crash")
    func truncations() throws {
        for name in ["mdef", "means", "sendump", "transition_matrices"] {
            let data = try original(name)
            for k in 0..<25 {
                let length = data.count * k / 25
                let error = try #require(try loadError(replacing: name, with: data.prefix(length)), "\(name) cut at \(length)")
                #expect(error.path?.hasSuffix("/" + name) == true, "\(name) cut at \(length): \(error)")
            }
        }
    }

    @Test("seeded garbage in every binary file, and garbage after a valid header")
    func garbage() throws {
        var generator = SignalGenerator(seed: 6)
        for name in ["mdef", "means", "sendump", "transition_matrices"] {
            for trial in 0..<4 {
                let length = 64 + Int(generator.nextUnit() * 4000)
                var bytes = Data((0..<length).map { _ in UInt8(generator.nextUnit() * 256) })
                if trial >= 2 { bytes = try original(name).prefix(trial == 2 ? 8 : 700) + bytes }
                let error = try #require(try loadError(replacing: name, with: bytes), "\(name) trial \(trial)")
                #expect(error.path?.hasSuffix("/" + name) == true)
            }
        }
    }

    @Test("text mdef and feat.params errors name the line")
    func textErrors() throws {
        let mdef = """
        0.3
        2 n_base
        0 n_tri
        8 n_state_map
        6 n_tied_state
        6 n_tied_ci_state
        2 n_tied_tmat
        AA - - - n/a 0 0 1 2 N
        SIL - - - filler 1 3 4 9 N
        """
        let error = try #require(try loadError(replacing: "mdef", with: Data(mdef.utf8)))
        #expect(error.line == 9)
        #expect(error.description.contains("line 9"))
        let params = try #require(try loadError(replacing: "feat.params", with: Data("-lowerf 130\n-upperf\n".utf8)))
        #expect(params.line == 2)
        let noise = try #require(try loadError(replacing: "noisedict", with: Data("<s> SIL\n[NOISE] +XYZ+\n".utf8)))
        #expect(noise.line == 2)
        #expect(noise.problem.contains("+XYZ+"))
    }

    @Test("missing file")
    func missing() throws {
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: AcousticError.self) { try AcousticModel(directory: folder) }
    }
}

extension HostileModelTests {
    /// Recomputes the trailing Sphinx checksum (rotate left 20, add each 32-bit word) after an edit.
    func resealed(_ data: Data) -> Data {
        var data = data
        let start = data.firstRange(of: Data("endhdr\n".utf8))!.upperBound + 4
        var sum: UInt32 = 0
        for offset in stride(from: start, to: data.count - 4, by: 4) {
            let word = data[offset..<(offset + 4)].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
            sum = ((sum << 20) | (sum >> 12)) &+ word
        }
        withUnsafeBytes(of: sum.littleEndian) { data.replaceSubrange((data.count - 4)..<data.count, with: $0) }
        return data
    }

    @Test("non-finite means, variances and transition values are errors at their offset, not traps")
    func nonFinite() throws {
        for name in ["means", "variances", "transition_matrices"] {
            var data = try original(name)
            let position = data.count - 4 - 4 * 7  // a payload value near the end
            withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) { data.replaceSubrange(position..<(position + 4), with: $0) }
            // Unsealed, the checksum catches the change; resealed, the value check does.
            let checksum = try #require(try loadError(replacing: name, with: data), "\(name)")
            #expect(checksum.problem.contains("checksum"))
            let error = try #require(try loadError(replacing: name, with: resealed(data)), "\(name)")
            #expect(error.path?.hasSuffix("/" + name) == true)
            #expect(error.problem.contains("finite"), "\(error)")
            #expect(error.byteOffset == position)
        }
    }
}
