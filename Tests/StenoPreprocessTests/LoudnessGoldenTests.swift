import Foundation
import StenoCore
import StenoPreprocess
import StenoTestSupport
import Testing

/// libebur128 (through ``LoudnessMeter``) against pyloudnorm's readings in Fixtures/loudness/golden.json.
@Suite("Loudness against pyloudnorm")
struct LoudnessGoldenTests {
    struct Golden: Decodable {
        struct Tone: Decodable { var frequencyHertz: Double; var amplitude: Double }
        struct Segment: Decodable { var seconds: Double; var tones: [Tone] }
        struct Case: Decodable { var name: String; var rateHertz: Int; var segments: [Segment]; var loudnessLUFS: Double }
        var tool: String
        var cases: [Case]
    }

    static func load() throws -> Golden {
        let data = try Data(contentsOf: Fixtures.url("loudness/golden.json"))
        return try JSONDecoder().decode(Golden.self, from: data)
    }

    /// The same signal as make_golden.py: sines at the global sample index, summed in double, then float32.
    static func render(_ goldenCase: Golden.Case) throws -> AudioBuffer {
        let rate = try #require(SampleRate(hertz: goldenCase.rateHertz))
        var samples: [Float] = []
        var start = 0
        for segment in goldenCase.segments {
            let count = Int((segment.seconds * Double(goldenCase.rateHertz)).rounded())
            for n in start..<(start + count) {
                var value = 0.0
                for tone in segment.tones {
                    value += tone.amplitude * sin(2 * .pi * tone.frequencyHertz * Double(n) / Double(goldenCase.rateHertz))
                }
                samples.append(Float(value))
            }
            start += count
        }
        return AudioBuffer(samples: samples, sampleRate: rate)
    }

    @Test("every golden case agrees with pyloudnorm (0.05 LU at 44.1/48 kHz, 0.25 LU below)")
    func matchesPyloudnorm() throws {
        let golden = try Self.load()
        try #require(golden.cases.count >= 5)
        for goldenCase in golden.cases {
            let measured = try #require(try LoudnessMeter.integratedLoudness(of: Self.render(goldenCase)),
                                        "\(goldenCase.name) has no loudness")
            // BS.1770-4 defines the K-weighting filter at 48 kHz only. At 44.1/48 kHz the two meters agree
            // to 0.05 LU: pyloudnorm's cookbook filters read a 1 kHz tone 0.04 LU low (libebur128 matches
            // the standard's -3.01 LKFS for a full-scale 1 kHz sine, see `referenceTone`). At other rates each
            // re-derives the filter its own way (libebur128 from the analog prototype, pyloudnorm from
            // cookbook biquads fitted at 48 kHz) and they differ by about 0.1 LU at 16 kHz and 0.2 LU at
            // 8 kHz, measured here; 0.25 LU bounds that without hiding a real error (which moves LUFS by dBs).
            let tolerance = goldenCase.rateHertz >= 44_100 ? 0.05 : 0.25
            #expect(abs(measured - goldenCase.loudnessLUFS) < tolerance,
                    "\(goldenCase.name): libebur128 \(measured) vs \(golden.tool) \(goldenCase.loudnessLUFS)")
        }
    }

    @Test("a 1 kHz sine at -20 dBFS peak reads -23.01 LUFS, as BS.1770 defines")
    func referenceTone() throws {
        let tone = SignalGenerator.sine(count: 48_000 * 5, frequencyHertz: 1_000, amplitude: 0.1,
                                        sampleRate: SampleRate(uncheckedHertz: 48_000))
        let loudness = try #require(try LoudnessMeter.integratedLoudness(
            of: AudioBuffer(samples: tone, sampleRate: SampleRate(uncheckedHertz: 48_000))))
        // BS.1770: a full-scale 1 kHz sine in one channel reads -3.01 LKFS (the -0.691 constant cancels the
        // K-filter's gain at 1 kHz), so -20 dBFS reads 10·log10(0.1²/2) = -23.01. 0.02 LU: the standard
        // quotes the constant to three decimals.
        #expect(abs(loudness - 10 * log10(0.005)) < 0.02)
    }

    @Test("undefined loudness is nil: silence, under 400 ms, below 8 kHz")
    func undefined() throws {
        let silence = AudioBuffer(samples: [Float](repeating: 0, count: 32_000), sampleRate: .speech16k)
        #expect(try LoudnessMeter.integratedLoudness(of: silence) == nil)
        let short = AudioBuffer(samples: SignalGenerator.sine(count: 6_000, frequencyHertz: 440, amplitude: 0.5,
                                                               sampleRate: .speech16k), sampleRate: .speech16k)
        #expect(try LoudnessMeter.integratedLoudness(of: short) == nil)
        for hertz in [1_000, 2_000, 4_000, 7_999] {
            let rate = try #require(SampleRate(hertz: hertz))
            let tone = SignalGenerator.sine(count: hertz * 3, frequencyHertz: 200, amplitude: 0.5, sampleRate: rate)
            #expect(try LoudnessMeter.integratedLoudness(of: AudioBuffer(samples: tone, sampleRate: rate)) == nil)
        }
        let empty = AudioBuffer(samples: [], sampleRate: .speech16k)
        #expect(try LoudnessMeter.integratedLoudness(of: empty) == nil)
    }

    @Test("defined across the supported rates from 8 kHz to 384 kHz", arguments: [8_000, 11_025, 96_000, 384_000])
    func rates(hertz: Int) throws {
        let rate = try #require(SampleRate(hertz: hertz))
        let tone = SignalGenerator.sine(count: hertz * 2, frequencyHertz: 1_000, amplitude: 0.1, sampleRate: rate)
        let loudness = try #require(try LoudnessMeter.integratedLoudness(of: AudioBuffer(samples: tone, sampleRate: rate)))
        // At 8 kHz the 1 kHz tone sits nearer the shelf's warped corner: pyloudnorm reads -23.19 there.
        #expect(abs(loudness - -23.05) < 0.2)
    }
}
