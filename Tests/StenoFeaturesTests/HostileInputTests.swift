import Foundation
import StenoCore
import StenoFeatures
import StenoTestSupport
import Testing

/// Bad audio, bad options and bad files give a ``FeatureError`` naming the problem, never a crash or NaN.
@Suite("Hostile input")
struct HostileInputTests {
    static let presets: [MFCCOptions] = [MFCCOptions(), .kaldi, .htk]

    @Test("empty audio", arguments: presets)
    func empty(options: MFCCOptions) throws {
        let error = #expect(throws: FeatureError.self) {
            try FeaturePipeline(options: options).features(from: AudioBuffer(samples: [], sampleRate: .speech16k))
        }
        #expect(error?.kind == .emptyAudio)
    }

    @Test("audio shorter than one frame", arguments: presets)
    func tooShort(options: MFCCOptions) throws {
        let samples = [Float](repeating: 0.1, count: options.frameLengthSamples - 1)
        let error = #expect(throws: FeatureError.self) {
            try FeaturePipeline(options: options).features(from: AudioBuffer(samples: samples, sampleRate: .speech16k))
        }
        #expect(error?.kind == .tooShort)
        #expect(error?.reason.contains("\(options.frameLengthSamples)") == true)
    }

    @Test("exactly one frame of audio works (Sphinx adds its trailing partial frame)", arguments: presets)
    func oneFrame(options: MFCCOptions) throws {
        var generator = SignalGenerator(seed: 7)
        let samples = generator.noise(count: options.frameLengthSamples, rmsDBFS: -30)
        let features = try FeaturePipeline(options: options).features(from: AudioBuffer(samples: samples,
                                                                                         sampleRate: .speech16k))
        #expect(features.frameCount == (options.framing == .sphinx ? 2 : 1))
        #expect(features.values.allSatisfy { $0.isFinite })
    }

    @Test("NaN and infinite samples", arguments: [Float.nan, .infinity, -.infinity])
    func nonFinite(bad: Float) throws {
        var samples = [Float](repeating: 0.01, count: 16000)
        samples[1234] = bad
        let error = #expect(throws: FeatureError.self) {
            try FeaturePipeline(options: MFCCOptions()).features(from: AudioBuffer(samples: samples,
                                                                                   sampleRate: .speech16k))
        }
        #expect(error?.kind == .nonFiniteSample)
        #expect(error?.reason.contains("1234") == true)
    }

    @Test("a sample rate the preset cannot use")
    func wrongRate() throws {
        let audio = AudioBuffer(samples: [Float](repeating: 0, count: 8000), sampleRate: SampleRate(uncheckedHertz: 8000))
        let error = #expect(throws: FeatureError.self) { try FeaturePipeline(options: .kaldi).features(from: audio) }
        #expect(error?.kind == .sampleRateMismatch)
        #expect(error?.reason.contains("8000 Hz") == true)
    }

    @Test("digital silence gives finite features in every preset", arguments: presets)
    func silence(options: MFCCOptions) throws {
        var options = options
        options.cmn = .batch
        options.featureType = .cepstraDeltasDoubleDeltas
        let audio = AudioBuffer(samples: [Float](repeating: 0, count: 16000), sampleRate: .speech16k)
        let features = try FeaturePipeline(options: options).features(from: audio)
        #expect(features.frameCount > 90)
        #expect(features.values.allSatisfy { $0.isFinite })
    }

    @Test("clipped full-scale square wave gives finite features")
    func fullScale() throws {
        let samples = (0..<16000).map { $0 / 40 % 2 == 0 ? Float(1) : -1 }
        let features = try MFCCExtractor(options: MFCCOptions()).cepstra(from: AudioBuffer(samples: samples,
                                                                                           sampleRate: .speech16k))
        #expect(features.values.allSatisfy { $0.isFinite })
    }

    @Test("invalid options are rejected up front")
    func invalidOptions() {
        var options = MFCCOptions()
        options.cepstrumCount = 40
        #expect(throws: FeatureError.self) { try MFCCExtractor(options: options) }
        options = MFCCOptions()
        options.highFrequencyHertz = 9000
        #expect(throws: FeatureError.self) { try MFCCExtractor(options: options) }
        options = MFCCOptions()
        options.fftSize = 300
        #expect(throws: FeatureError.self) { try MFCCExtractor(options: options) }
        options = MFCCOptions()
        options.frameShiftSeconds = 0.05
        #expect(throws: FeatureError.self) { try MFCCExtractor(options: options) }
    }

    @Test("truncated and garbage .mfc files")
    func badMFC() {
        let good = SphinxFeatureFile.encode(FeatureMatrix(values: [Float](repeating: 1, count: 26), dimension: 13))
        for length in [0, 3, 4 + 4, good.count - 1] {
            #expect(throws: FeatureError.self) { try SphinxFeatureFile.decode(good.prefix(length)) }
        }
        #expect(throws: FeatureError.self) { try SphinxFeatureFile.decode(Data(repeating: 0xFF, count: 57)) }
        // A count that does not make whole frames.
        let partial = SphinxFeatureFile.encode(FeatureMatrix(values: [1, 2, 3], dimension: 3))
        #expect(throws: FeatureError.self) { try SphinxFeatureFile.decode(partial, dimension: 13) }
        #expect((try? SphinxFeatureFile.decode(good))?.frameCount == 2)
    }

    @Test("hostile WAV files from shared data never reach NaN features", .requiresSharedData,
          arguments: ["bad.wav", "evil.wav", "awful.wav", "null.wav"])
    func hostileWAVBytes(name: String) throws {
        // Whatever bytes these hold, read as raw 16-bit samples they are finite: features must be too,
        // or a clean error for too little data.
        let data = try Data(contentsOf: SharedData.data("hostile/\(name)"))
        let audio = AudioBuffer(samples: TestAudio.samples(data), sampleRate: .speech16k)
        do {
            let features = try FeaturePipeline(options: MFCCOptions()).features(from: audio)
            #expect(features.values.allSatisfy { $0.isFinite })
        } catch let error as FeatureError {
            #expect([.emptyAudio, .tooShort].contains(error.kind))
        }
    }
}
