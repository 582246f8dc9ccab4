import StenoCore
import Foundation
import StenoAcoustic
import StenoDecoder
import StenoTestSupport
import Testing

@Suite struct PronunciationDictionaryTests {
    static let bundledDictionary = Fixtures.bundledModel.appendingPathComponent("cmudict-en-us.dict")
    static let bundledFillers = Fixtures.bundledModel.appendingPathComponent("acoustic/noisedict")

    static func loadBundled() throws -> PronunciationDictionary {
        try PronunciationDictionary(
            contentsOf: bundledDictionary, fillers: bundledFillers, phones: ModelPhones.inventory)
    }

    @Test func bundledDictionaryHasPocketsphinxWordIDs() throws {
        let dictionary = try Self.loadBundled()
        // SPHINX_NOTES §9: 134,860 main entries, then the noisedict in file order.
        #expect(dictionary.count == 134_865)
        #expect(dictionary.skippedLines.isEmpty)
        #expect(dictionary.wordID(for: "'bout") == 0)
        #expect(dictionary.sentenceStartID == 134_860)
        #expect(dictionary.sentenceEndID == 134_861)
        #expect(dictionary.silenceID == 134_862)
        #expect(dictionary.wordID(for: "[NOISE]") == 134_863)
        #expect(dictionary.wordID(for: "[SPEECH]") == 134_864)
        #expect(dictionary.fillerIDs == 134_860..<134_865)
        #expect(dictionary.isFiller(134_862) && dictionary.isFiller(134_863))
        #expect(!dictionary.isFiller(134_860) && !dictionary.isRealWord(134_860))
        #expect(dictionary.isRealWord(0) && !dictionary.isFiller(0))
        // Line 17 of the file is "a(2) EY": an alternate of "a" with its own id.
        let a = try #require(dictionary.wordID(for: "a"))
        let a2 = try #require(dictionary.wordID(for: "a(2)"))
        #expect(a2 == a + 1)
        #expect(dictionary.baseWordID(of: a2) == a && dictionary.baseWord(of: a2) == "a")
        #expect(dictionary.isAlternate(a2) && !dictionary.isAlternate(a))
        #expect(dictionary.phoneNames(of: a) == ["AH"])
        #expect(dictionary.phoneNames(of: a2) == ["EY"])
        #expect(dictionary.pronunciationIDs(of: "a(2)") == [a, a2])
        #expect(dictionary.phoneNames(of: dictionary.silenceID) == ["SIL"])
        #expect(dictionary.phoneNames(of: 134_863) == ["+NSN+"])
        // Lookup is case-sensitive.
        #expect(dictionary.wordID(for: "A") == nil)
    }

    @Test func everyLineOfTheBundledFileIsAnEntryWithItsPhones() throws {
        let dictionary = try Self.loadBundled()
        let text = try String(contentsOf: Self.bundledDictionary, encoding: .utf8)
        var id = 0
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            #expect(dictionary.word(id) == fields[0])
            #expect(dictionary.phoneNames(of: id) == Array(fields.dropFirst()))
            id += 1
        }
        #expect(id == dictionary.fillerIDs.lowerBound)
    }

    @Test func alternatesChainBaseThenNewestFirst() throws {
        let text = "read R IY D\nred R EH D\nread(2) R EH D\nread(3) R AY D\n"
        let dictionary = try PronunciationDictionary(text: text, phones: ModelPhones.inventory)
        // pocketsphinx links each alternate right after its base.
        #expect(dictionary.pronunciationIDs(of: "read").map(dictionary.word) == ["read", "read(3)", "read(2)"])
        #expect(dictionary.pronunciationIDs(of: "red").map(dictionary.word) == ["red"])
        #expect(dictionary.pronunciationIDs(of: "blue").isEmpty)
        #expect(dictionary.nextAlternate(after: 0).map(dictionary.word) == "read(3)")
        #expect(dictionary.nextAlternate(after: 3).map(dictionary.word) == "read(2)")
        #expect(dictionary.nextAlternate(after: 2) == nil)
        // Without a filler dictionary the three markers are still added, pronounced SIL.
        #expect(dictionary.count == 7)
        #expect(dictionary.word(dictionary.sentenceStartID) == "<s>")
        #expect(dictionary.fillerIDs == 4..<7)
    }

    @Test func badLinesAreSkippedWithTheirLineAndReason() throws {
        let text = """
            ## a comment
            ;; another comment
            hello HH AH L OW

            lonely
            hello HH EH L OW
            world(2) W ER L D
            world W ER L D
            strange S T R EY N JH QQ
            crlf K R\r
              indented IH N D EH N T IH D
            (paren) P ER EH N
            """
        let dictionary = try PronunciationDictionary(text: text, name: "test.dic", phones: ModelPhones.inventory)
        #expect(dictionary.wordID(for: "hello") == 0)
        #expect(dictionary.phoneNames(of: 0) == ["HH", "AH", "L", "OW"])
        #expect(dictionary.wordID(for: "world") == 1)
        #expect(dictionary.phoneNames(of: try #require(dictionary.wordID(for: "crlf"))) == ["K", "R"])
        #expect(dictionary.contains("indented"))
        // A leading '(' does not make an alternate.
        let paren = try #require(dictionary.wordID(for: "(paren)"))
        #expect(!dictionary.isAlternate(paren))
        #expect(!dictionary.contains("world(2)") && !dictionary.contains("strange") && !dictionary.contains("lonely"))
        #expect(dictionary.skippedLines.map(\.line) == [5, 6, 7, 9])
        #expect(dictionary.skippedLines.map(\.word) == ["lonely", "hello", "world(2)", "strange"])
        let reasons = dictionary.skippedLines.map(\.description)
        #expect(reasons[0].hasPrefix("test.dic:5: no pronunciation"))
        #expect(reasons[1].contains("duplicate word 'hello' (first defined on line 3)"))
        #expect(reasons[2].contains("before its base word 'world'"))
        #expect(reasons[3].contains("phone 'QQ'"))
    }

    @Test(.requiresSharedData) func hostileDefectiveDictionarySkipsEveryLine() throws {
        let url = SharedData.data("hostile/defective.dic")
        let dictionary = try PronunciationDictionary(contentsOf: url, phones: ModelPhones.inventory)
        // Every entry mixes in lower-case phones, which the model does not have.
        #expect(dictionary.skippedLines.map(\.line) == [1, 2, 3, 4, 5])
        #expect(dictionary.skippedLines.allSatisfy { $0.path == url.path && $0.reason.contains("not in the phone set") })
        #expect(dictionary.skippedLines[0].reason.contains("'g'"))
        #expect(dictionary.count == 3)
        // An open phone set takes them all, numbering new phones in order of appearance.
        let open = try PronunciationDictionary(contentsOf: url, phones: .open())
        #expect(open.skippedLines.isEmpty)
        #expect(open.count == 8)
        #expect(open.phones.names.prefix(3) == ["g", "ow", "f"])
        #expect(open.phoneNames(of: try #require(open.wordID(for: "years"))) == ["Y", "IH", "r", "z"])
    }

    @Test func phoneSetsGiveSortedIDs() throws {
        let inventory = PhoneInventory(phoneSet: Set(ModelPhones.names))
        // The bundled model lists its phones in sorted order, so a set gives the model's ids.
        #expect(inventory == ModelPhones.inventory)
        #expect(inventory.id(of: "SIL") == 32 && inventory.name(of: 2) == "AA" && inventory.id(of: "sil") == nil)
    }

    @Test func bundledModelPhonesAreTheTestList() throws {
        let model = try AcousticModel(directory: Fixtures.bundledModel.appendingPathComponent("acoustic"))
        #expect(PhoneInventory(topology: model) == ModelPhones.inventory)
    }

    @Test func sentenceMarkersInTheMainDictionaryAreAnError() {
        let text = "hello HH AH L OW\n<s> SIL\n"
        #expect {
            try PronunciationDictionary(text: text, name: "main.dic", phones: ModelPhones.inventory)
        } throws: { error in
            let error = error as? DecoderError
            return error?.path == "main.dic" && error?.line == 2 && error?.reason.contains("<s>") == true
        }
    }

    @Test func missingSilencePhoneIsAnError() {
        #expect(throws: DecoderError.self) {
            try PronunciationDictionary(text: "a AH\n", phones: PhoneInventory(names: ["AH"]))
        }
    }

    @Test func unreadableFileNamesThePath() {
        let url = URL(fileURLWithPath: "/nonexistent/steno.dic")
        #expect {
            try PronunciationDictionary(contentsOf: url, phones: ModelPhones.inventory)
        } throws: { error in
            (error as? DecoderError)?.path == url.path && (error as? DecoderError)?.kind == .unreadable
        }
    }

    @Test func missingWordsAreReportedOnceInOrder() throws {
        let dictionary = try Self.loadBundled()
        let words = ["the", "zzyzzx", "cat", "Steno", "zzyzzx", "<s>", "[NOISE]"]
        #expect(dictionary.missingWords(in: words) == ["zzyzzx", "Steno"])
    }

    @Test func truncatedAndRandomInputNeverCrashes() throws {
        let whole = try [UInt8](Data(contentsOf: Self.bundledDictionary).prefix(4000))
        var generator = SplitMix64(state: 7)
        for _ in 0..<200 {
            let cut = Int.random(in: 0...whole.count, using: &generator)
            var bytes = Array(whole[..<cut])
            // Flip a few bytes to anything, including invalid UTF-8 and NULs.
            for _ in 0..<Int.random(in: 0...8, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            let dictionary = try PronunciationDictionary(
                text: String(decoding: bytes, as: UTF8.self), phones: ModelPhones.inventory)
            // Whatever survived is consistent: every accepted entry has phones from the set.
            for id in dictionary.wordIDs {
                #expect(dictionary.phoneCount(of: id) > 0)
                #expect(dictionary.wordID(for: dictionary.word(id)) == id)
            }
        }
    }
}
