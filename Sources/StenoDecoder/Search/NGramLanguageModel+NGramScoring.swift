extension NGramLanguageModel: NGramScoring {
    public func languageModelWordID(_ spelling: String) -> Int32? { wordID(for: spelling) }

    public func rawLogProbability(word: Int32, previous: Int32, beforePrevious: Int32) -> Int32 {
        score(word, previous: previous, beforePrevious: beforePrevious).score
    }
}
