import StenoDecoder

extension DatasetChecker {
    /// The words of a pronunciation dictionary as `oov-words` compares them: base words (not
    /// alternates like `read(2)`), fillers left out, lower-cased.
    public static func lexiconWords(of dictionary: PronunciationDictionary) -> Set<String> {
        Set(dictionary.wordIDs.lazy.filter { !dictionary.isAlternate($0) && dictionary.isRealWord($0) }
            .map { dictionary.word($0).lowercased() })
    }
}
