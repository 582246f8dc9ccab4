import Foundation
import StenoDecoder

extension DatasetChecker {
    /// The words of a pronunciation dictionary as `oov-words` compares them: base words (not
    /// alternates like `read(2)`), fillers left out, lower-cased.
    public static func lexiconWords(of dictionary: PronunciationDictionary) -> Set<String> {
        Set(dictionary.wordIDs.lazy.filter { !dictionary.isAlternate($0) && dictionary.isRealWord($0) }
            .map { dictionary.word($0).lowercased() })
    }

    /// Reads a CMU-format dictionary file (`WORD PHONE ...` a line) with StenoDecoder's reader, any
    /// phone set accepted, and returns its words as ``lexiconWords(of:)``.
    /// - Throws: StenoDecoder's `DecoderError` when the file cannot be read.
    public static func lexiconWords(contentsOf url: URL) throws -> Set<String> {
        lexiconWords(of: try PronunciationDictionary(contentsOf: url, phones: .open()))
    }
}
