import Foundation
import StenoAudio
import StenoCore
import StenoTestSupport

@testable import StenoDatasets

/// A Kaldi data directory built from the shared dev clips (AN4 and Speech Commands) with one
/// planted problem per planted utterance; see Fixtures/datasets/planted/README.md for the list.
///
/// Clean utterances are real clips with their real transcripts. Each planted utterance uses its own
/// source clip (never one of the clean ones), so that audio-hash checks do not pair it with a clean item.
struct PlantedDataset {
    /// The data directory (train) and a second one (test) for the split checks.
    let train: URL
    let test: URL
    /// check id → utterance ids that must be in its finding (train and test together).
    let expected: [String: Set<String>]
    /// Utterances that must appear in no finding at all.
    let clean: [String]
    /// Real clips used only to make a word frequent; they may carry the natural findings listed in
    /// ``supportingAllowedChecks`` and no other.
    let supporting: [String]
    /// Utterances that set a convention (the majority style) and must not be flagged for it.
    let conventionSetters: [String]
    /// Words for a lexicon: every word of the clean transcripts (the planted OOV words are left out).
    let lexiconWords: Set<String>

    static let dev = SharedData.data("dev")

    /// Clean clips: (id, path under dev/, transcript, speaker).
    static let cleanClips: [(id: String, path: String, text: String, speaker: String)] = [
        ("sc-bed-a8cb", sc("bed/a8cb6dda_nohash_0"), "bed", "a8cb6dda"),
        ("sc-cat-a9ab", sc("cat/a9abc695_nohash_1"), "cat", "a9abc695"),
        ("sc-down-439c", sc("down/439c84f4_nohash_1"), "down", "439c84f4"),
        ("sc-five-439c", sc("five/439c84f4_nohash_1"), "five", "439c84f4"),
        ("sc-go-a9ab", sc("go/a9abc695_nohash_1"), "go", "a9abc695"),
        ("sc-left-a754", sc("left/a7545b9f_nohash_1"), "left", "a7545b9f"),
        ("sc-nine-439c", sc("nine/439c84f4_nohash_1"), "nine", "439c84f4"),
        ("sc-no-b87b", sc("no/b87bdb22_nohash_1"), "no", "b87bdb22"),
        ("sc-right-6272", sc("right/6272b231_nohash_1"), "right", "6272b231"),
        ("sc-seven-b87b", sc("seven/b87bdb22_nohash_1"), "seven", "b87bdb22"),
        ("sc-stop-6a27", sc("stop/6a27a9bf_nohash_0"), "stop", "6a27a9bf"),
        ("sc-up-b87b", sc("up/b87bdb22_nohash_1"), "up", "b87bdb22"),
        ("sc-yes-5105", sc("yes/51055bda_nohash_4"), "yes", "51055bda"),
        ("sc-zero-5105", sc("zero/51055bda_nohash_4"), "zero", "51055bda"),
        ("sc-marvin-bf8d", sc("marvin/bf8d5617_nohash_0"), "marvin", "bf8d5617"),
        ("sc-marvin-e4a2", sc("marvin/e4a2cf79_nohash_0"), "marvin", "e4a2cf79"),
        ("an4-howell", "an4/wav/train_fbbh_cen1-fbbh-b.wav", "h o w e l l", "fbbh"),
        ("an4-beverly", "an4/wav/train_fbbh_cen2-fbbh-b.wav", "b e v e r l y", "fbbh"),
        ("an4-prince", "an4/wav/train_fbbh_cen4-fbbh-b.wav", "p r i n c e", "fbbh"),
        ("an4-gibsonia", "an4/wav/train_fbbh_cen5-fbbh-b.wav", "g i b s o n i a", "fbbh"),
        ("an4-digits", "an4/wav/train_fbbh_cen6-fbbh-b.wav", "one five oh four four", "fbbh"),
        ("an4-fifty", "an4/wav/train_fbbh_cen3-fbbh-b.wav", "fifty one fifty six", "fbbh"),
        ("an4-enter", "an4/wav/train_fbbh_an87-fbbh-b.wav", "enter six two four", "fbbh"),
        ("an4-yes-flrp", "an4/wav/train_flrp_an22-flrp-b.wav", "yes", "flrp"),
        ("an4-help", "an4/wav/train_fnsv_an185-fnsv-b.wav", "help", "fnsv"),
    ]

    /// Real clips with their real transcripts that are there to make "marvin" frequent (for the typo
    /// case), but whose speech touches the clip edge: the only finding allowed on them.
    static let supportingClips: [(id: String, path: String, text: String, speaker: String)] = [
        ("s-marvin-6a27", sc("marvin/6a27a9bf_nohash_0"), "marvin", "6a27a9bf"),
        ("s-marvin-a8ee", sc("marvin/a8ee11c7_nohash_1"), "marvin", "a8ee11c7"),
    ]
    static let supportingAllowedChecks: Set<String> = ["edge-silence-inconsistent"]

    static func sc(_ clip: String) -> String { "speech_commands/speech_commands_v0.01/\(clip).wav" }

    /// Builds the two data directories under `folder`.
    static func build(in folder: URL) throws -> PlantedDataset {
        let train = folder.appendingPathComponent("train")
        let test = folder.appendingPathComponent("test")
        var builder = KaldiDirectoryBuilder(folder: train)
        var expected: [String: Set<String>] = [:]
        func plant(_ check: String, _ id: String) { expected[check, default: []].insert(id) }
        let reader = AudioReader()
        func source(_ path: String) throws -> AudioBuffer { try reader.read(dev.appendingPathComponent(path).path) }
        var noise = SignalGenerator(seed: 42)

        for clip in cleanClips + supportingClips {
            try builder.copy(dev.appendingPathComponent(clip.path), as: clip.id)
            builder.add(clip.id, text: clip.text, speaker: clip.speaker)
        }

        // Structure.
        builder.textLines.append("sc-bed-a8cb bed again")  // a second text line for a clean id
        plant("duplicate-id", "sc-bed-a8cb")
        try builder.write(source(sc("bird/6a27a9bf_nohash_0")), as: "p-no-label")
        builder.add("p-no-label", text: nil, speaker: "planted")
        plant("audio-without-label", "p-no-label")
        builder.add("p-no-audio", text: "house", speaker: "planted", audio: false)
        plant("label-without-audio", "p-no-audio")
        builder.wavLines.append("p-missing-file wav/not-there.wav")
        builder.add("p-missing-file", text: "happy", speaker: "planted", audio: false, segment: true)
        plant("label-without-audio", "p-missing-file")
        builder.wavLines.append("p-piped sox wav/p-no-label.wav -t wav - |")
        builder.add("p-piped", text: "bird", speaker: "planted", audio: false, segment: true)
        plant("unsupported-audio-source", "p-piped")
        try FileManager.default.copyItem(at: SharedData.data("hostile/bad.wav"),
                                         to: train.appendingPathComponent("wav/p-unreadable.wav"))
        builder.wavLines.append("p-unreadable wav/p-unreadable.wav")
        builder.add("p-unreadable", text: "dog", speaker: "planted", audio: false, segment: true)
        plant("unreadable-audio", "p-unreadable")
        try builder.write(source(sc("dog/6a27a9bf_nohash_0")), as: "p-empty")
        builder.add("p-empty", text: "", speaker: "planted")
        plant("empty-transcript", "p-empty")
        try builder.write(source(sc("dog/a7545b9f_nohash_1")), as: "p-control")
        builder.add("p-control", text: "dog\u{07}", speaker: "planted")
        plant("control-characters", "p-control")
        try builder.write(source(sc("dog/a9abc695_nohash_1")), as: "p-latin1")
        builder.add("p-latin1", text: "caf\u{FFFD}", speaker: "planted")  // written as the byte 0xE9 below
        plant("invalid-utf8", "p-latin1")
        try builder.write(source(sc("dog/bf8d5617_nohash_0")), as: "p-malformed")
        builder.add("p-malformed", text: "dog", speaker: "planted", audio: false)
        builder.segmentLines.append("p-malformed p-malformed 2.0 1.0")  // end before start
        plant("manifest-malformed", "p-malformed")
        try builder.write(source(sc("bird/d9b50b8b_nohash_1")), as: "p-no-speaker")
        builder.add("p-no-speaker", text: "bird", speaker: nil)
        plant("missing-speaker", "p-no-speaker")

        // Audio.
        try builder.write(AudioReader(options: AudioReadOptions(targetSampleRate: SampleRate(uncheckedHertz: 8000)))
            .read(dev.appendingPathComponent(sc("happy/6a27a9bf_nohash_0")).path), as: "p-rate")
        builder.add("p-rate", text: "happy", speaker: "planted")
        plant("sample-rate-mismatch", "p-rate")
        let stereoSource = try source(sc("happy/a7545b9f_nohash_1"))
        let stereo = stereoSource.samples.flatMap { [$0, $0 * 0.5] }
        try AudioWriter().write(interleaved: stereo, channelCount: 2, sampleRate: stereoSource.sampleRate,
                                to: train.appendingPathComponent("wav/p-stereo.wav").path)
        builder.addRecording("p-stereo")
        builder.add("p-stereo", text: "happy", speaker: "planted")
        plant("channel-mismatch", "p-stereo")
        try builder.write(source(sc("happy/a8cb6dda_nohash_0")), as: "p-float", format: .wavFloat)
        builder.add("p-float", text: "happy", speaker: "planted")
        plant("encoding-mismatch", "p-float")
        try builder.write(AudioBuffer(samples: [Float](repeating: 0, count: 16_000), sampleRate: .speech16k), as: "p-zero")
        builder.add("p-zero", text: "house", speaker: "planted")
        plant("all-zero-audio", "p-zero")
        try builder.write(source(sc("house/6272b231_nohash_1")).mapped { max(-1, min(1, $0 * 20)) }, as: "p-clip")
        builder.add("p-clip", text: "house", speaker: "planted")
        plant("clipping", "p-clip")
        try builder.write(source(sc("house/6a27a9bf_nohash_0")).mapped { $0 + 0.05 }, as: "p-dc")
        builder.add("p-dc", text: "house", speaker: "planted")
        plant("dc-offset", "p-dc")
        try builder.write(source(sc("off/439c84f4_nohash_1")).mapped { $0 * 0.002 }, as: "p-quiet")
        builder.add("p-quiet", text: "off", speaker: "planted")
        plant("low-level", "p-quiet")
        plant("level-inconsistent", "p-quiet")
        let lead = try source(sc("off/51055bda_nohash_4"))
        try builder.write(AudioBuffer(samples: noise.noise(count: 48_000, rmsDBFS: -70) + lead.samples,
                                      sampleRate: lead.sampleRate), as: "p-lead")
        builder.add("p-lead", text: "off", speaker: "planted")
        plant("long-leading-silence", "p-lead")
        let trail = try source(sc("off/a8cb6dda_nohash_0"))
        try builder.write(AudioBuffer(samples: trail.samples + noise.noise(count: 48_000, rmsDBFS: -70),
                                      sampleRate: trail.sampleRate), as: "p-trail")
        builder.add("p-trail", text: "off", speaker: "planted")
        plant("long-trailing-silence", "p-trail")
        let edgeURL = dev.appendingPathComponent(sc("on/439c84f4_nohash_1"))
        let edgeSpeechStart = try AudioFileMeasurer().measure(.file(url: edgeURL, written: "")).leadingSilenceSeconds
        let edge = try source(sc("on/439c84f4_nohash_1"))
        try builder.write(edge.slice(fromSeconds: edgeSpeechStart + 0.03, toSeconds: nil), as: "p-edge")
        builder.add("p-edge", text: "on", speaker: "planted")
        plant("edge-silence-inconsistent", "p-edge")
        try builder.write(source(sc("on/51055bda_nohash_4")), as: "p-short")
        builder.add("p-short", text: Array(repeating: "on and on", count: 10).joined(separator: " "), speaker: "planted")
        plant("duration-implausible", "p-short")
        let long = try ["an4/wav/train_fbbh_an88-fbbh-b.wav", "an4/wav/train_fbbh_an89-fbbh-b.wav"]
            .map(source).flatMap(\.samples)
        try builder.write(AudioBuffer(samples: long, sampleRate: .speech16k), as: "p-long")
        builder.add("p-long", text: "erase", speaker: "planted")
        plant("duration-implausible", "p-long")
        try builder.write(source(sc("on/6a27a9bf_nohash_0")), as: "p-declared")
        builder.add("p-declared", text: "on", speaker: "planted", audio: false)
        builder.segmentLines.append("p-declared p-declared 0.0 5.0")
        plant("declared-duration-mismatch", "p-declared")
        try builder.write(source("an4/wav/train_fbbh_cen8-fbbh-b.wav"), as: "p-slow")
        builder.add("p-slow", text: "march", speaker: "planted")
        plant("speaking-rate-outlier", "p-slow")

        // Labels.
        let shared = try source(sc("one/439c84f4_nohash_1"))
        try builder.write(shared, as: "p-conflict-a")
        try builder.write(shared, as: "p-conflict-b")
        builder.add("p-conflict-a", text: "one", speaker: "planted")
        builder.add("p-conflict-b", text: "won", speaker: "planted")
        plant("audio-hash-conflict", "p-conflict-a")
        plant("audio-hash-conflict", "p-conflict-b")
        let twice = try source(sc("one/51055bda_nohash_4"))
        try builder.write(twice, as: "p-twice-a")
        try builder.write(twice, as: "p-twice-b")
        builder.add("p-twice-a", text: "one", speaker: "planted")
        builder.add("p-twice-b", text: "one", speaker: "planted")
        plant("duplicate-audio", "p-twice-a")
        plant("duplicate-audio", "p-twice-b")
        try builder.write(source(sc("wow/6a27a9bf_nohash_0")), as: "p-case")
        builder.add("p-case", text: "Wow", speaker: "planted")
        plant("mixed-case", "p-case")
        try builder.write(source(sc("off/6a27a9bf_nohash_0")), as: "p-punctuation")
        builder.add("p-punctuation", text: "off.", speaker: "planted")
        plant("mixed-punctuation", "p-punctuation")
        try builder.write(source(sc("eight/439c84f4_nohash_1")), as: "p-digits")
        builder.add("p-digits", text: "8", speaker: "planted")
        plant("mixed-number-style", "p-digits")
        try builder.write(source("an4/wav/train_ffmm_cen4-ffmm-b.wav"), as: "p-dotted")
        builder.add("p-dotted", text: "p. h. i. l. l. i. p. s.", speaker: "planted")
        plant("mixed-spelled-letters", "p-dotted")
        try builder.write(source(sc("seven/439c84f4_nohash_1")), as: "p-whole-word")
        builder.add("p-whole-word", text: "gibsonia", speaker: "planted")
        plant("mixed-spelled-letters", "p-whole-word")
        try builder.write(source(sc("wow/a8cb6dda_nohash_0")), as: "p-square-tag")
        builder.add("p-square-tag", text: "[noise] wow", speaker: "planted")
        plant("mixed-filler-marking", "p-square-tag")
        try builder.write(source(sc("wow/e4a2cf79_nohash_0")), as: "c-angle-tag-1")
        builder.add("c-angle-tag-1", text: "<noise> wow", speaker: "planted")
        try builder.write(source(sc("wow/dc75148d_nohash_0")), as: "c-angle-tag-2")
        builder.add("c-angle-tag-2", text: "wow <breath>", speaker: "planted")
        try builder.write(source(sc("seven/6a27a9bf_nohash_0")), as: "p-typo")
        builder.add("p-typo", text: "marvyn", speaker: "planted")
        plant("near-duplicate-spelling", "p-typo")
        plant("oov-words", "p-typo")
        try builder.write(source(sc("seven/a7545b9f_nohash_1")), as: "p-oov")
        builder.add("p-oov", text: "zorblax", speaker: "planted")
        plant("oov-words", "p-oov")
        try builder.finish()

        // The test split.
        var testBuilder = KaldiDirectoryBuilder(folder: test)
        try testBuilder.copy(dev.appendingPathComponent(sc("two/439c84f4_nohash_1")), as: "t-known-speaker")
        testBuilder.add("t-known-speaker", text: "two", speaker: "439c84f4")
        plant("split-speaker-overlap", "t-known-speaker")
        try testBuilder.copy(dev.appendingPathComponent(sc("stop/a8cb6dda_nohash_0")), as: "t-known-text")
        testBuilder.add("t-known-text", text: "stop", speaker: "test-speaker-1")
        plant("split-text-overlap", "t-known-text")
        try testBuilder.copy(dev.appendingPathComponent(sc("sheila/a9abc695_nohash_1")), as: "t-clean")
        testBuilder.add("t-clean", text: "sheila", speaker: "test-speaker-2")
        try testBuilder.finish()

        // Every word of the clean and convention transcripts, and the planted words that are real.
        var words = Set(cleanClips.flatMap { TranscriptProfile($0.text).words })
        words.formUnion(["bed", "again", "bird", "house", "happy", "dog", "off", "on", "and", "erase", "march", "one",
                         "won", "wow", "eight", "gibsonia", "seven", "two", "stop", "sheila", "p", "h", "i", "l", "s"])
        return PlantedDataset(train: train, test: test, expected: expected,
                              clean: cleanClips.map(\.id) + ["t-clean"],
                              supporting: supportingClips.map(\.id),
                              conventionSetters: ["c-angle-tag-1", "c-angle-tag-2"], lexiconWords: words)
    }
}

/// Writes a Kaldi data directory: audio under wav/, then wav.scp, segments, text, utt2spk.
struct KaldiDirectoryBuilder {
    let folder: URL
    var wavLines: [String] = []
    var segmentLines: [String] = []
    var textLines: [String] = []
    var speakerLines: [String] = []

    init(folder: URL) {
        self.folder = folder
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("wav"), withIntermediateDirectories: true)
    }

    mutating func copy(_ source: URL, as id: String) throws {
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("wav/\(id).wav"))
        addRecording(id)
    }

    mutating func write(_ buffer: AudioBuffer, as id: String, format: AudioFileFormat = .wav16) throws {
        try AudioWriter(format: format).write(buffer, to: folder.appendingPathComponent("wav/\(id).wav").path)
        addRecording(id)
    }

    mutating func addRecording(_ id: String) { wavLines.append("\(id) wav/\(id).wav") }

    /// Adds the utterance's text, speaker and (unless `audio` is false) a whole-file segment.
    mutating func add(_ id: String, text: String?, speaker: String?, audio: Bool = true, segment: Bool = false) {
        if audio || segment { segmentLines.append("\(id) \(id) 0 -1") }
        if let text { textLines.append(text.isEmpty ? id : "\(id) \(text)") }
        if let speaker { speakerLines.append("\(id) \(speaker)") }
    }

    func finish() throws {
        func write(_ lines: [String], _ name: String) throws {
            var data = Data((lines.joined(separator: "\n") + "\n").utf8)
            // The planted invalid UTF-8: U+FFFD in a line stands for the Latin-1 byte 0xE9.
            data = data.replacing(Data("\u{FFFD}".utf8), with: Data([0xE9]))
            try data.write(to: folder.appendingPathComponent(name))
        }
        try write(wavLines, "wav.scp")
        try write(segmentLines, "segments")
        try write(textLines, "text")
        try write(speakerLines, "utt2spk")
    }
}

extension AudioBuffer {
    func mapped(_ transform: (Float) -> Float) -> AudioBuffer {
        AudioBuffer(samples: samples.map(transform), sampleRate: sampleRate)
    }
}
