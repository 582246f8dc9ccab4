import Foundation
import Steno
import StenoCore
import StenoDecoder
import StenoTestSupport
import Testing

/// The `Steno` facade: sessions, state isolation, long audio, and bad model files.
struct RecognizerTests {
    static let recognizer: Recognizer = {
        do {
            return try Recognizer(configuration: RecognizerConfiguration(modelDirectory: Fixtures.bundledModel))
        } catch {
            fatalError("cannot load the bundled model: \(error)")
        }
    }()

    static func goforward() throws -> AudioBuffer {
        try DecoderTestModel.pcm16(Fixtures.url("audio/goforward.wav"))
    }

    @Test func streamingSessionGivesTheWholeFileResultAndStartsClean() throws {
        let audio = try Self.goforward()
        let session = Self.recognizer.makeSession()
        for chunk in stride(from: 0, to: audio.samples.count, by: 1024) {
            session.accept(samples: audio.samples[chunk..<min(chunk + 1024, audio.samples.count)])
        }
        let first = try session.finish()
        #expect(first.text == "go forward ten meters")
        #expect(first.pathScores == [-7226])
        // Same session, same audio again: nothing carried over.
        session.accept(samples: audio.samples)
        let second = try session.finish()
        #expect(second == first)
        // Times increase, lie inside the audio, and confidences are probabilities.
        for (a, b) in zip(first.words, first.words.dropFirst()) { #expect(a.endSeconds <= b.startSeconds) }
        for w in first.words {
            #expect(w.startSeconds < w.endSeconds && w.endSeconds <= audio.durationSeconds + 0.01)
            #expect((0...1).contains(w.confidence))
        }
        #expect((0...1).contains(first.confidence))
    }

    @Test(.requiresSharedData)
    func resultsDoNotDependOnOrder() throws {
        let other = try DecoderTestModel.pcm16(
            SharedData.data("pocketsphinx/librivox/sense_and_sensibility_01_austen_64kb-0930.wav"))
        let gf = try Self.goforward()
        let a1 = try Self.recognizer.transcribe(gf), b1 = try Self.recognizer.transcribe(other)
        let b2 = try Self.recognizer.transcribe(other), a2 = try Self.recognizer.transcribe(gf)
        #expect(a1 == a2 && b1 == b2)
        #expect(b1.text == "he might even have been made the amiable himself")
    }

    @Test func resampledInputIsDecoded() throws {
        // goforward at 16 kHz → decimated by 2 to 8 kHz; the recognizer upsamples it back.
        let audio = try Self.goforward()
        let low = AudioBuffer(samples: stride(from: 0, to: audio.samples.count, by: 2).map { audio.samples[$0] },
                              sampleRate: SampleRate(uncheckedHertz: 8000))
        let h = try Self.recognizer.transcribe(low)
        #expect(abs(h.durationSeconds - audio.durationSeconds) < 0.01)
        #expect(h.text.contains("forward"))
    }

    @Test func longAudioIsSplitOnSilenceAndTimesAreOffset() throws {
        let audio = try Self.goforward()
        let silence = [Float](repeating: 0, count: 8000)
        let twice = audio.samples + silence + audio.samples
        var configuration = RecognizerConfiguration(modelDirectory: Fixtures.bundledModel)
        configuration.maximumSegmentSeconds = audio.durationSeconds + 0.4
        let splitting = try Recognizer(configuration: configuration)
        let h = try splitting.transcribe(samples: twice)
        #expect(h.pathScores.count == 2)
        #expect(h.text.hasPrefix("go forward ten"))
        #expect(h.words.filter { $0.word == "forward" }.count == 2)
        for (a, b) in zip(h.words, h.words.dropFirst()) { #expect(a.startSeconds <= b.startSeconds) }
        #expect((h.words.last?.endSeconds ?? 0) > audio.durationSeconds)
    }

    @Test func emptyAudioGivesAnEmptyHypothesis() throws {
        let h = try Self.recognizer.transcribe(samples: [])
        #expect(h.words.isEmpty && h.text.isEmpty)
    }

    @Test(.requiresSharedData)
    func hostileLanguageModelsAreClearErrors() throws {
        for name in ["not-enough-ngrams.arpa", "too-many-ngrams.arpa"] {
            let url = SharedData.data("hostile/\(name)")
            #expect {
                _ = try Recognizer(configuration: RecognizerConfiguration(modelDirectory: Fixtures.bundledModel,
                                                                          languageModel: url))
            } throws: { error in
                String(describing: error).contains(name)
            }
        }
    }

    @Test(.requiresSharedData)
    func defectiveDictionaryLinesAreReportedWithTheirLine() throws {
        let url = SharedData.data("hostile/defective.dic")
        let r = try Recognizer(configuration: RecognizerConfiguration(modelDirectory: Fixtures.bundledModel, dictionary: url))
        #expect(!r.warnings.isEmpty)
        #expect(r.warnings.contains { $0.contains("defective.dic:") })
    }

    @Test func missingModelDirectoryIsAClearError() {
        #expect(throws: (any Error).self) {
            _ = try Recognizer(configuration: RecognizerConfiguration(modelDirectory: URL(fileURLWithPath: "/nonexistent/model")))
        }
    }

    @Test func modelLocatorOrder() throws {
        let explicit = URL(fileURLWithPath: "/explicit")
        #expect(try ModelLocator.locate(explicit: explicit, environment: ["STENO_MODEL_DIR": "/env"]) == explicit)
        #expect(try ModelLocator.locate(environment: ["STENO_MODEL_DIR": "/env"]).path == "/env")
        let executable = Fixtures.bundledModel.deletingLastPathComponent().appendingPathComponent(".build/release/steno")
        #expect(try ModelLocator.locate(environment: [:], executable: executable).standardizedFileURL
                == Fixtures.bundledModel.standardizedFileURL)
    }
}

/// Grammar decoding through the facade.
struct GrammarRecognizerTests {
    /// Done-when 2 (cards part): the cards grammar gives 0% WER on its five recordings.
    @Test(.requiresSharedData)
    func cardsGrammarTranscribesEveryFileExactly() throws {
        let folder = SharedData.data("pocketsphinx/cards")
        let recognizer = try Recognizer(configuration: RecognizerConfiguration(
            modelDirectory: Fixtures.bundledModel, grammar: folder.appendingPathComponent("cards.gram")))
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        for line in manifest.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            let audio = try DecoderTestModel.pcm16(folder.appendingPathComponent(fields[0]))
            let h = try recognizer.transcribe(audio)
            #expect(h.text == fields[1], "\(fields[0])")
            for w in h.words { #expect((0...1).contains(w.confidence)) }
        }
    }

    @Test(.requiresSharedData)
    func fsgFileAndJSGFAgreeOnGoForward() throws {
        let audio = try DecoderTestModel.pcm16(Fixtures.url("audio/goforward.wav"))
        for name in ["goforward.gram", "goforward.fsg"] {
            let r = try Recognizer(configuration: RecognizerConfiguration(
                modelDirectory: Fixtures.bundledModel, grammar: SharedData.data("pocketsphinx/\(name)")))
            #expect(try r.transcribe(audio).text == "go forward ten meters", "\(name)")
        }
    }

    /// Done-when 5 (grammars): hostile grammar files are errors naming the file.
    @Test(.requiresSharedData, arguments: ["defective.gram", "fuzzed.gram", "invalid.gram"])
    func hostileGrammarsAreClearErrors(_ name: String) throws {
        let url = SharedData.data("hostile/\(name)")
        #expect {
            _ = try Recognizer(configuration: RecognizerConfiguration(modelDirectory: Fixtures.bundledModel, grammar: url))
        } throws: { error in
            String(describing: error).contains(name)
        }
    }

    @Test func grammarWordsMissingFromTheDictionaryAreNamed() throws {
        let directory = try Fixtures.makeTemporaryDirectory(prefix: "steno-grammar")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("odd.gram")
        try "#JSGF V1.0;\ngrammar odd;\npublic <s> = go zzyzxq;\n".write(to: url, atomically: true, encoding: .utf8)
        #expect {
            _ = try Recognizer(configuration: RecognizerConfiguration(modelDirectory: Fixtures.bundledModel, grammar: url))
        } throws: { error in
            (error as? RecognizerError)?.kind == .unknownWords && String(describing: error).contains("zzyzxq")
        }
    }
}
