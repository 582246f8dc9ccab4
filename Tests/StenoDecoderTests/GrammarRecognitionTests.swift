import Foundation
import Steno
import StenoCore
import StenoDecoder
import StenoTestSupport
import Testing

/// Grammar files end to end: loaded by StenoDecoder's JSGF/FSG readers and decoded by the facade (the cards
/// recordings themselves are decoded in `GrammarRecognizerTests`).
struct GrammarRecognitionTests {
    @Test(.requiresSharedData) func hostileGrammarIsAClearError() {
        let url = SharedData.data("hostile/fuzzed.gram")
        #expect {
            try Recognizer(configuration: RecognizerConfiguration(modelDirectory: Fixtures.bundledModel, grammar: url))
        } throws: { error in
            "\(error)" == "\(url.path):9: expected a word, <rule>, '(' or '[', found '+'"
        }
    }
}
