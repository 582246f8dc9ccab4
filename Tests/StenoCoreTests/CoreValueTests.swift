import Foundation
import Testing
import StenoCore

@Suite("Core values")
struct CoreValueTests {
    @Test("SampleRate accepts 1 kHz to 384 kHz and nothing outside", arguments: [
        (0, false), (-16_000, false), (999, false), (1_000, true), (8_000, true), (16_000, true),
        (384_000, true), (384_001, false), (Int.max, false),
    ])
    func sampleRateBounds(hertz: Int, valid: Bool) {
        #expect((SampleRate(hertz: hertz) != nil) == valid)
    }

    @Test("SampleRate is a plain number in JSON and rejects out-of-range values there")
    func sampleRateCodable() throws {
        let encoded = try JSONEncoder().encode([SampleRate.speech16k])
        #expect(String(decoding: encoded, as: UTF8.self) == "[16000]")
        #expect(try JSONDecoder().decode([SampleRate].self, from: Data("[44100]".utf8)) == [SampleRate(hertz: 44_100)!])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([SampleRate].self, from: Data("[12]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([SampleRate].self, from: Data("[\"16k\"]".utf8)) }
    }

    @Test("AudioBuffer duration and slices clamp to the buffer")
    func audioBufferSlices() {
        let rate = SampleRate(hertz: 1_000)!
        let buffer = AudioBuffer(samples: (0..<2_000).map { Float($0) }, sampleRate: rate)
        #expect(buffer.frameCount == 2_000)
        #expect(buffer.durationSeconds == 2)
        let middle = buffer.slice(fromSeconds: 0.5, toSeconds: 0.75)
        #expect(middle.samples == (500..<750).map { Float($0) })
        #expect(middle.sampleRate == rate)
        #expect(buffer.slice(fromSeconds: -3, toSeconds: 0.01).samples == (0..<10).map { Float($0) })
        #expect(buffer.slice(fromSeconds: 1.999, toSeconds: 99).frameCount == 1)
        #expect(buffer.slice(fromSeconds: 1.5, toSeconds: 1.0).frameCount == 0)
        #expect(buffer.slice(fromSeconds: 5, toSeconds: 6).frameCount == 0)
        #expect(buffer.slice(fromSeconds: 1.5, toSeconds: nil).samples == (1_500..<2_000).map { Float($0) })
    }

    @Test("FeatureMatrix stores frames row-major and reads them back without copying")
    func featureMatrixRows() {
        var matrix = FeatureMatrix(dimension: 3)
        #expect(matrix.frameCount == 0)
        matrix.append(frame: [1, 2, 3])
        matrix.append(frame: [4, 5, 6] as ArraySlice<Float>)
        #expect(matrix.frameCount == 2)
        #expect(Array(matrix[frame: 1]) == [4, 5, 6])
        #expect(matrix.values == [1, 2, 3, 4, 5, 6])
        let sum = matrix.withFrame(0) { $0.reduce(0, +) }
        #expect(sum == 6)
        #expect(matrix == FeatureMatrix(values: [1, 2, 3, 4, 5, 6], dimension: 3))
    }

    @Test("UtteranceID orders by text and is a plain string in JSON")
    func utteranceIDs() throws {
        let ids: [UtteranceID] = ["b", "a10", "a2"]
        #expect(ids.sorted().map(\.rawValue) == ["a10", "a2", "b"])
        let encoded = try JSONEncoder().encode(ids)
        #expect(String(decoding: encoded, as: UTF8.self) == #"["b","a10","a2"]"#)
        #expect(try JSONDecoder().decode([UtteranceID].self, from: encoded) == ids)
    }

    private struct SampleError: StenoError {
        var path: String?
        var reason: String
    }

    @Test("a StenoError prints as 'path: reason', or the reason alone")
    func errorDescription() {
        #expect(SampleError(path: "a.wav", reason: "truncated data chunk").description == "a.wav: truncated data chunk")
        #expect(SampleError(path: nil, reason: "no input").description == "no input")
    }
}
