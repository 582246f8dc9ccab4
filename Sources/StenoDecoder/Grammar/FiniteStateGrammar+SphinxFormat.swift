import Foundation

extension FiniteStateGrammar {
    /// Reads a Sphinx FSG text file (`FSG_BEGIN`, `NUM_STATES`, `START_STATE`, `FINAL_STATE`,
    /// `TRANSITION from to prob [word]`, `FSG_END`; short forms `N`, `S`, `F`, `T`; `#` comments).
    ///
    /// Probabilities become `(int)(log(p) · languageWeight)` as in pocketsphinx's `fsg_model_readfile`;
    /// null transitions are closed transitively.
    ///
    /// - Parameters:
    ///   - url: the FSG file.
    ///   - languageWeight: 1 (the default) is what pocketsphinx 5.1.1's decoder uses for
    ///     `Decoder(fsg=...)`: unscaled log-probabilities, as for JSGF grammars (checked against its
    ///     `get_fsg()`); pass 6.5 to reproduce `FsgModel.readfile(path, logmath, 6.5)`.
    /// - Throws: ``DecoderError`` with file and line for anything malformed.
    public init(contentsOf url: URL, languageWeight: Float = 1) throws {
        try self.init(sphinxText: try PronunciationDictionary.readBytes(url), path: url.path, languageWeight: languageWeight)
    }

    /// Reads Sphinx FSG text held in memory (`path` names it in errors).
    public init(sphinxText bytes: [UInt8], path: String = "<fsg>", languageWeight: Float = 1) throws {
        var lineNumber = 0
        var name: String?
        var counts: (states: Int?, start: Int?, final: Int?) = (nil, nil, nil)
        var grammar: FiniteStateGrammar?
        var ended = false
        func fail(_ reason: String) -> DecoderError { DecoderError(.malformed, path: path, line: lineNumber, reason: reason) }
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = rawLine.split(whereSeparator: { JSGFLexer.isSpace($0) }).map { String(decoding: $0, as: UTF8.self) }
            guard let keyword = fields.first, !keyword.hasPrefix("#"), !ended else { continue }
            func integer(_ index: Int) throws -> Int {
                guard index < fields.count, let value = Int(fields[index]), value >= 0 else {
                    throw fail("\(keyword) needs a non-negative integer")
                }
                return value
            }
            if name == nil {
                guard keyword == "FSG_BEGIN" else { throw fail("expected FSG_BEGIN, found '\(keyword)'") }
                name = fields.count > 1 ? fields[1] : ""
                continue
            }
            switch keyword {
            case "NUM_STATES", "N":
                guard counts.states == nil else { throw fail("NUM_STATES given twice") }
                let states = try integer(1)
                guard states > 0 && states <= 10_000_000 else { throw fail("NUM_STATES \(states) out of range") }
                counts.states = states
            case "START_STATE", "S":
                counts.start = try integer(1)
            case "FINAL_STATE", "F":
                counts.final = try integer(1)
            case "TRANSITION", "T":
                guard let states = counts.states, let start = counts.start, let final = counts.final else {
                    throw fail("TRANSITION before NUM_STATES, START_STATE and FINAL_STATE")
                }
                if grammar == nil {
                    guard start < states, final < states else { throw fail("start or final state outside 0..<\(states)") }
                    grammar = FiniteStateGrammar(name: name ?? "", stateCount: states, startState: start,
                                                 finalState: final, languageWeight: languageWeight)
                }
                guard fields.count == 4 || fields.count == 5 else {
                    throw fail("expected 'TRANSITION from to probability [word]'")
                }
                let from = try integer(1), to = try integer(2)
                guard from < states, to < states else { throw fail("transition \(from) → \(to) leaves 0..<\(states)") }
                guard let probability = Double(fields[3]), probability > 0, probability <= 1 else {
                    throw fail("transition probability '\(fields[3])' is not in (0, 1]")
                }
                let logProbability = Int32(Float(Self.logProbability(probability)) * languageWeight)
                if fields.count == 5 {
                    let word = grammar!.addWord(fields[4])
                    grammar!.addTransition(from: from, to: to, word: word, logProbability: logProbability)
                } else {
                    grammar!.addNullTransition(from: from, to: to, logProbability: logProbability)
                }
            case "FSG_END":
                ended = true
            default:
                throw fail("unknown keyword '\(keyword)'")
            }
        }
        guard name != nil else { throw DecoderError(.malformed, path: path, reason: "no FSG_BEGIN") }
        guard ended else { throw DecoderError(.malformed, path: path, line: lineNumber, reason: "no FSG_END") }
        if grammar == nil {
            guard let states = counts.states, let start = counts.start, let final = counts.final, start < states, final < states else {
                throw DecoderError(.malformed, path: path, reason: "missing or invalid NUM_STATES, START_STATE or FINAL_STATE")
            }
            grammar = FiniteStateGrammar(name: name ?? "", stateCount: states, startState: start, finalState: final,
                                         languageWeight: languageWeight)
        }
        grammar!.closeNullTransitions()
        self = grammar!
    }

    static func logProbability(_ probability: Double) -> Int32 {
        guard probability > 0 else { return NGramLanguageModel.unknownWordScore }
        return Int32(log(probability) * (1.0 / log(1.0001)))
    }

    /// The grammar in Sphinx FSG text, byte for byte as pocketsphinx's `fsg_model_write` prints it
    /// (probabilities `1.0001^((int)(logp / lw))` with 6 decimals; null transitions end with a space).
    public func sphinxText() -> String {
        var out = "FSG_BEGIN \(name)\nNUM_STATES \(stateCount)\nSTART_STATE \(startState)\nFINAL_STATE \(finalState)\n"
        for state in 0..<stateCount {
            for transition in transitions(from: state) {
                let scaled = Int32(Float(transition.logProbability) / languageWeight)
                let probability = pow(1.0001, Double(scaled))
                let word = transition.word.map { words[$0] } ?? ""
                out += "TRANSITION \(transition.from) \(transition.to) \(String(format: "%f", probability)) \(word)\n"
            }
        }
        out += "FSG_END\n"
        return out
    }

    /// The grammar's words that the dictionary cannot pronounce, in word-id order.
    public func missingWords(in dictionary: PronunciationDictionary) -> [String] {
        words.filter { !dictionary.contains($0) }
    }
}
