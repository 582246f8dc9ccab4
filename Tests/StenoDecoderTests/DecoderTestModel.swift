import Foundation
import StenoAcoustic
import StenoCore
import StenoDecoder
import StenoFeatures
import StenoTestSupport

/// The bundled en-us model, dictionary and LM loaded once for all decoder tests.
final class DecoderTestModel: Sendable {
    static let shared: DecoderTestModel = {
        do { return try DecoderTestModel() } catch { fatalError("cannot load the bundled model: \(error)") }
    }()

    let scorer: TiedMixtureScorer
    let features: FeaturePipeline
    let dictionary: PronunciationDictionary
    let languageModel: NGramLanguageModel
    let search: NGramSearch

    init() throws {
        let acoustic = Fixtures.bundledModel.appendingPathComponent("acoustic")
        let model = try AcousticModel(directory: acoustic)
        scorer = try TiedMixtureScorer(model: model)
        features = try FeaturePipeline(modelDirectory: acoustic)
        dictionary = try PronunciationDictionary(
            contentsOf: Fixtures.bundledModel.appendingPathComponent("cmudict-en-us.dict"),
            fillers: acoustic.appendingPathComponent("noisedict"), phones: PhoneInventory(topology: model))
        languageModel = try NGramLanguageModel(contentsOf: Fixtures.bundledModel.appendingPathComponent("en-us.lm.bin"))
        search = NGramSearch(topology: model, dictionary: dictionary, languageModel: languageModel)
    }

    /// 16-bit little-endian PCM: a raw file, or the data chunk of a plain WAV file.
    static func pcm16(_ url: URL) throws -> AudioBuffer {
        var bytes = [UInt8](try Data(contentsOf: url))
        if url.pathExtension == "wav" {
            var offset = 12
            while offset + 8 <= bytes.count {
                let id = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
                let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16
                    | Int(bytes[offset + 7]) << 24
                if id == "data" { bytes = Array(bytes[(offset + 8)..<min(bytes.count, offset + 8 + size)]); break }
                offset += 8 + size + (size & 1)
            }
        }
        let samples = stride(from: 0, to: bytes.count - 1, by: 2).map { i in
            Float(Int16(bitPattern: UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)) / 32768
        }
        return AudioBuffer(samples: samples, sampleRate: .speech16k)
    }

    func decode(_ url: URL, parameters: SearchParameters? = nil) throws -> DecodingResult {
        let audio = try Self.pcm16(url)
        let matrix = try features.features(from: audio)
        return search.decode(features: matrix, scorer: scorer)
    }
}
