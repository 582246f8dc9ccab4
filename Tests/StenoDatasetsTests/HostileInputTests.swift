import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoDatasets

/// Every reader fed garbage: truncations of the committed examples, random bytes, binary files,
/// huge lines, NUL and control bytes. Reading either returns a dataset (problems as findings) or
/// throws a DatasetError; it never crashes, and checking what was read never crashes either.
@Suite struct HostileInputTests {
    private func readAndCheck(_ url: URL, as format: DatasetFormat) {
        do {
            let dataset = try DatasetLoader().load(url.path, format: format)
            _ = DatasetChecker(measurer: nil).check([dataset])
        } catch {
            #expect(!error.reason.isEmpty)
        }
    }

    private static let manifestFiles: [(String, DatasetFormat)] = [
        ("formats/nemo/manifest.jsonl", .jsonl), ("formats/commonvoice/train.csv", .csv),
        ("formats/commonvoice/train.tsv", .tsv), ("formats/manifest/manifest.tsv", .manifest),
        ("labels/manifest.tsv", .manifest), ("malformed/broken.jsonl", .jsonl),
    ]

    @Test(arguments: manifestFiles)
    func everyTruncationIsHandled(relative: String, format: DatasetFormat) throws {
        let bytes = try Data(contentsOf: Fixtures.url("datasets/" + relative))
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(URL(fileURLWithPath: relative).lastPathComponent)
        for length in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 97)) {
            try bytes.prefix(length).write(to: url)
            readAndCheck(url, as: format)
        }
    }

    @Test(arguments: DatasetFormat.allCases)
    func randomBytesInEveryFormat(format: DatasetFormat) throws {
        var generator = SignalGenerator(seed: 5)
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for round in 0..<20 {
            // Bytes biased towards separators so that parsers get past their first token.
            let alphabet: [UInt8] = Array("\t\n\r ,\"{}[]:|<>()".utf8) + [0, 0xFF, 0xC3, 0x80, 0x07]
            let bytes = (0..<(50 + round * 40)).map { _ -> UInt8 in
                generator.nextUnit() < 0.5 ? alphabet[Int(generator.nextUnit() * Double(alphabet.count))]
                    : UInt8(generator.nextUnit() * 256)
            }
            let url: URL
            switch format {
            case .kaldi:
                url = folder.appendingPathComponent("kaldi\(round)")
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                for (index, name) in ["wav.scp", "text", "utt2spk", "segments"].enumerated() {
                    // Each file a different rotation of the same bytes.
                    let shift = index * bytes.count / 4
                    try Data(bytes[shift...] + bytes[..<shift]).write(to: url.appendingPathComponent(name))
                }
            case .sphinx:
                url = folder.appendingPathComponent("sphinx\(round)")
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                try Data(bytes).write(to: url.appendingPathComponent("fileids"))
                try Data(bytes.reversed()).write(to: url.appendingPathComponent("transcription"))
            default:
                url = folder.appendingPathComponent("garbage\(round).\(format.rawValue)")
                try Data(bytes).write(to: url)
            }
            readAndCheck(url, as: format)
        }
    }

    @Test(.requiresSharedData, arguments: ["awful.wav", "bad.wav", "evil.wav", "null.wav", "defective.dic", "fuzzed.gram"])
    func sharedHostileFilesReadAsManifests(name: String) {
        let url = SharedData.data("hostile/" + name)
        for format in [DatasetFormat.manifest, .jsonl, .csv, .tsv] {
            readAndCheck(url, as: format)
        }
    }

    @Test func hugeLineAndControlCharacters() throws {
        let folder = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("manifest.tsv")
        let huge = String(repeating: "word ", count: 200_000)  // a 1 MB transcript
        var bytes = Data("a.wav\t\(huge)\n".utf8)
        bytes.append(Data("b.wav\tnul\u{0}inside\u{1B}[31m escape\n".utf8))
        bytes.append(Data("c.wav\tzero\u{200B}width\n".utf8))
        try bytes.write(to: url)
        let dataset = try DatasetLoader().load(url.path)
        #expect(dataset.utterances.count == 3)
        let report = DatasetChecker(measurer: nil).check([dataset])
        let control = try #require(report.findings.first { $0.check == "control-characters" })
        #expect(control.items.map(\.id) == ["b.wav", "c.wav"])
        #expect(control.items[0].detail == "contains U+0000, U+001B")
        #expect(control.items[1].detail == "contains U+200B")
        // Details stay one short line even for the 1 MB transcript.
        for finding in report.findings {
            for item in finding.items { #expect(item.detail.count < 400) }
        }
    }
}
