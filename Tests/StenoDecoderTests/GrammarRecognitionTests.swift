import Foundation
import Steno
import StenoCore
import StenoDecoder
import StenoTestSupport
import Testing

/// Grammar files end to end: loaded by StenoDecoder's JSGF/FSG readers and decoded by the facade.
struct GrammarRecognitionTests {
    @Test(.requiresSharedData) func cardsWithTheirGrammarAreTranscribedExactly() throws {
        let folder = SharedData.data("pocketsphinx/cards")
        let recognizer = try Recognizer(configuration: RecognizerConfiguration(
            modelDirectory: Fixtures.bundledModel, grammar: folder.appendingPathComponent("cards.gram")))
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        for line in manifest.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            let audio = try DecoderTestModel.pcm16(folder.appendingPathComponent(fields[0]))
            let hypothesis = try recognizer.transcribe(audio)
            #expect(hypothesis.text == fields[1], "\(fields[0])")
        }
    }

    @Test(.requiresSharedData) func hostileGrammarIsAClearError() {
        let url = SharedData.data("hostile/fuzzed.gram")
        #expect {
            try Recognizer(configuration: RecognizerConfiguration(modelDirectory: Fixtures.bundledModel, grammar: url))
        } throws: { error in
            "\(error)" == "\(url.path):9: expected a word, <rule>, '(' or '[', found '+'"
        }
    }
}
