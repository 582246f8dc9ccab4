import StenoCore
import Foundation
import StenoDecoder
import StenoTestSupport
import Testing

@Suite struct JSGFGrammarTests {
    static let golden = Fixtures.url("grammar/golden")

    static func goldenText(_ name: String) throws -> String {
        try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
    }

    /// (grammar file, public rules) pairs the golden script converted.
    static let grammars: [(URL, [String])] = [
        (Fixtures.url("grammar/features.gram"), ["command", "numbers", "chatter", "mixed"]),
        (Fixtures.url("grammar/voided.gram"), ["top"]),
        (Fixtures.url("grammar/importer.gram"), ["count"]),
        (Fixtures.url("grammar/stress.gram"), ["a1", "a2", "a3", "a4", "zeta", "alpha", "b", "q7"]),
        (SharedData.data("pocketsphinx/goforward.gram"), ["move", "move2"]),
        (SharedData.data("pocketsphinx/cards/cards.gram"), ["cards"]),
    ]

    @Test(.requiresSharedData) func conversionsAreByteIdenticalToPocketsphinx() throws {
        var compared = 0
        for (url, rules) in Self.grammars {
            let base = url.deletingPathExtension().lastPathComponent
            let grammar = try JSGFGrammar(contentsOf: url)
            let defaultFSG = try grammar.finiteStateGrammar()
            #expect(defaultFSG.sphinxText() == (try Self.goldenText("\(base).default.fsg")), "\(base) default rule")
            compared += 1
            for rule in rules {
                for (weight, label) in [(Float(6.5), "6.5"), (Float(7.5), "7.5")] {
                    let fsg = try grammar.finiteStateGrammar(rule: rule, languageWeight: weight)
                    #expect(fsg.sphinxText() == (try Self.goldenText("\(base).\(rule).lw\(label).fsg")), "\(base).\(rule) lw \(label)")
                    compared += 1
                }
            }
        }
        #expect(compared == 40)
    }

    @Test(.requiresSharedData) func goforwardMatchesTheSharedReference() throws {
        let grammar = try JSGFGrammar(contentsOf: SharedData.data("pocketsphinx/goforward.gram"))
        // pocketsphinx's default is the first public rule in its hash order: <move> here.
        #expect(grammar.defaultRuleName == "<goforward.move>")
        #expect(Set(grammar.publicRuleNames) == ["<goforward.move>", "<goforward.move2>"])
        let fsg = try grammar.finiteStateGrammar(rule: "goforward.move2", languageWeight: 7.5)
        let reference = try String(contentsOf: SharedData.data("sphinx-reference/goforward_from_jsgf.fsg"), encoding: .utf8)
        #expect(fsg.sphinxText() == reference)
        #expect(fsg.stateCount == 24 && fsg.startState == 0 && fsg.finalState == 1)
        // Weights: two alternatives → ln(0.5)/ln(1.0001), truncated; JSGF weights are not scaled by lw.
        let backward = try #require(fsg.transitions(from: 3).first)
        #expect(fsg.words[try #require(backward.word)] == "backward")
        #expect(backward.logProbability == Int32(log(0.5) / log(1.0001)))
    }

    @Test(.requiresSharedData) func fsgFilesReadAsPocketsphinxReadsThem() throws {
        var files = [Fixtures.url("grammar/chain.fsg"), SharedData.data("pocketsphinx/goforward.fsg")]
        let tidigits = SharedData.data("pocketsphinx/tidigits")
        files += try FileManager.default.contentsOfDirectory(atPath: tidigits.path).filter { $0.hasSuffix(".fsg") }
            .sorted().map { tidigits.appendingPathComponent($0) }
        for url in files {
            let base = url.deletingPathExtension().lastPathComponent
            for (weight, label) in [(Float(6.5), "6.5"), (Float(7.5), "7.5")] {
                let fsg = try FiniteStateGrammar(contentsOf: url, languageWeight: weight)
                #expect(fsg.sphinxText() == (try Self.goldenText("\(base).read.lw\(label).fsg")), "\(base) lw \(label)")
                // What we write, we read back to the same grammar.
                let reread = try FiniteStateGrammar(sphinxText: Array(fsg.sphinxText().utf8), languageWeight: weight)
                #expect(reread.stateCount == fsg.stateCount && Set(reread.words) == Set(fsg.words))
                #expect(reread.allTransitions.count == fsg.allTransitions.count)
            }
        }
    }

    @Test(.requiresSharedData) func searchGrammarsEqualPocketsphinxDecoders() throws {
        let dictionary = try PronunciationDictionary(
            contentsOf: Fixtures.bundledModel.appendingPathComponent("cmudict-en-us.dict"),
            fillers: Fixtures.bundledModel.appendingPathComponent("acoustic/noisedict"), phones: ModelPhones.inventory)
        let sources: [(String, FiniteStateGrammar)] = [
            ("alternates.jsgf", try JSGFGrammar(contentsOf: Fixtures.url("grammar/alternates.gram")).finiteStateGrammar()),
            ("goforward.jsgf", try JSGFGrammar(contentsOf: SharedData.data("pocketsphinx/goforward.gram")).finiteStateGrammar()),
            ("cards.jsgf", try JSGFGrammar(contentsOf: SharedData.data("pocketsphinx/cards/cards.gram")).finiteStateGrammar()),
            // pocketsphinx's decoder reads FSG files unweighted (lw 1), like JSGF grammars.
            ("goforward.fsg", try FiniteStateGrammar(contentsOf: SharedData.data("pocketsphinx/goforward.fsg"), languageWeight: 1)),
        ]
        for (name, grammar) in sources {
            let prepared = grammar.preparedForSearch(dictionary: dictionary)
            #expect(prepared.sphinxText() == (try Self.goldenText("\(name).search.fsg")), "\(name)")
        }
        let alternates = sources[0].1.preparedForSearch(dictionary: dictionary)
        #expect(alternates.words.contains("read(2)") && !alternates.words.contains("[SPEECH]"))
        let bare = sources[0].1.preparedForSearch(
            dictionary: dictionary, additions: .init(usesFillers: false, usesAlternatePronunciations: false))
        #expect(bare == sources[0].1)
    }

    @Test func chainedNullTransitionsAreClosedWithBestScores() throws {
        let fsg = try FiniteStateGrammar(contentsOf: Fixtures.url("grammar/chain.fsg"), languageWeight: 1)
        func null(_ from: Int, _ to: Int) -> Int32? {
            fsg.nullTransitions(from: from).first { $0.to == to }?.logProbability
        }
        let half = Int32(log(0.5) / log(1.0001)), nine = Int32(log(0.9) / log(1.0001))
        #expect(null(1, 3) == half + half)
        #expect(null(1, 4) == half + half + nine)
        #expect(null(2, 4) == half + nine)
        // The duplicate "a" transition kept the better probability.
        let a = try #require(fsg.wordTransitions(from: 0).first)
        #expect(fsg.wordTransitions(from: 0).count == 1 && a.logProbability == Int32(log(0.7) / log(1.0001)))
    }

    @Test func unknownWordsAreReported() throws {
        let grammar = try JSGFGrammar(text: """
            #JSGF V1.0;
            grammar g;
            public <a> = hello (world | zzyzzx) [qqq];
            """)
        let fsg = try grammar.finiteStateGrammar()
        let dictionary = try PronunciationDictionary(text: "hello HH AH L OW\nworld W ER L D\n", phones: ModelPhones.inventory)
        #expect(fsg.missingWords(in: dictionary) == ["zzyzzx", "qqq"])
    }

    // MARK: hostile input

    static func error(parsing text: String, rule: String? = nil) -> DecoderError? {
        do {
            _ = try JSGFGrammar(text: text, name: "test.gram").finiteStateGrammar(rule: rule)
            return nil
        } catch {
            return error as? DecoderError
        }
    }

    @Test(.requiresSharedData) func hostileGrammarsAreErrorsWithFileAndLine() throws {
        for (name, line, phrase) in [
            ("fuzzed.gram", 9, "found '+'"),
            ("invalid.gram", 5, "expected '<package.rule>' after import"),
            ("defective.gram", 5, "cannot find goforward.gram"),
        ] {
            let url = SharedData.data("hostile/\(name)")
            #expect {
                _ = try JSGFGrammar(contentsOf: url).finiteStateGrammar()
            } throws: { error in
                guard let error = error as? DecoderError else { return false }
                return error.path == url.path && error.line == line && error.reason.contains(phrase)
            }
        }
        // With the grammar it imports on the search path, defective.gram loads; its word is unknown.
        let grammar = try JSGFGrammar(contentsOf: SharedData.data("hostile/defective.gram"),
                                      searchPaths: [SharedData.data("pocketsphinx")])
        let fsg = try grammar.finiteStateGrammar(rule: "defective")
        #expect(fsg.words == ["really_bad_word"])
    }

    @Test func malformedGrammarsAreErrors() {
        let header = "#JSGF V1.0;\ngrammar g;\n"
        let cases: [(String, Int?, String)] = [
            ("grammar g; public <a> = x;", 1, "#JSGF"),
            (header + "public <a> = x", 3, "expected ';'"),
            (header + "public <a> = ;", 3, "expected a word"),
            (header + "public <a> = (x | y;", 3, "expected ')'"),
            (header + "public <a> = [x;", 3, "expected ']'"),
            (header + "public <a> = x <b>;", 3, "undefined rule <g.b>"),
            (header + "public <a> = x /abc/ y;", 3, "malformed weight"),
            (header + "public <a> = x {tag;", 3, "unterminated {tag}"),
            (header + "/* open comment\npublic <a> = x;", 3, "unterminated /* comment"),
            (header + "public <a> = <a> x;", 3, "only right recursion"),
            (header + "<a> = x;", nil, "no public rule"),
            (header + "public <a = x;", 3, "malformed rule name"),
            (header + "public <a> = x;\n<b> = y;", nil, "no rule <g.c>"),
        ]
        for (text, line, phrase) in cases {
            let rule: String? = phrase.hasPrefix("no rule") ? "c" : nil
            guard let error = Self.error(parsing: text, rule: rule) else {
                Issue.record("no error for \(text)")
                continue
            }
            #expect(error.reason.contains(phrase), "\(error)")
            #expect(error.path == "test.gram")
            if let line { #expect(error.line == line, "\(error)") }
        }
    }

    @Test func exponentialGrammarsAreRefused() {
        var text = "#JSGF V1.0;\ngrammar g;\npublic <r0> = <r1> <r1>;\n"
        for level in 1..<40 { text += "<r\(level)> = <r\(level + 1)> <r\(level + 1)>;\n" }
        text += "<r40> = x;\n"
        #expect(Self.error(parsing: text)?.reason.contains("more than") == true)
    }

    @Test func fuzzedGrammarsNeverCrash() throws {
        let seed = Array(try Data(contentsOf: Fixtures.url("grammar/features.gram")))
        let alphabet = Array("<>()[]{}|*+/;=\"# \nab.".utf8)
        var generator = SplitMix64(state: 3)
        var parsed = 0
        for _ in 0..<500 {
            var bytes = Array(seed[..<Int.random(in: 0...seed.count, using: &generator)])
            for _ in 0..<Int.random(in: 0...6, using: &generator) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = Bool.random(using: &generator)
                    ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            if let grammar = try? JSGFGrammar(text: String(decoding: bytes, as: UTF8.self)) {
                parsed += 1
                _ = try? grammar.finiteStateGrammar()
            }
        }
        #expect(parsed > 0)
    }
}

@Suite struct GrammarGraphConversionTests {
    @Test(.requiresSharedData) func graphsKeepEveryTransitionInOrder() throws {
        let url = SharedData.data("pocketsphinx/goforward.gram")
        let fsg = try JSGFGrammar(contentsOf: url).finiteStateGrammar()
        let graph = try GrammarGraph(contentsOf: url)
        #expect(graph.stateCount == fsg.stateCount && graph.startState == fsg.startState && graph.finalState == fsg.finalState)
        #expect(graph.transitions.map(\.from) == fsg.allTransitions.map(\.from))
        #expect(graph.transitions.map(\.logProbability) == fsg.allTransitions.map(\.logProbability))
        #expect(graph.words == ["go", "forward", "ten", "meters"])
        // An FSG file: unweighted log-probabilities, as pocketsphinx's decoder reads it.
        let file = try GrammarGraph(contentsOf: SharedData.data("pocketsphinx/goforward.fsg"))
        let meter = try #require(file.transitions.first { $0.word == "meter" })
        #expect(meter.logProbability == Int32(log(0.1) / log(1.0001)))
        #expect(throws: DecoderError.self) { try GrammarGraph(contentsOf: SharedData.data("hostile/fuzzed.gram")) }
    }
}
