import Foundation

extension NGramLanguageModel {
    /// Reads an ARPA text language model held in memory and builds pocketsphinx's quantised trie from it.
    ///
    /// Values are converted from log10 to log base 1.0001 in f32 as pocketsphinx does; positive
    /// log-probabilities become 0; a missing back-off is 0.
    ///
    /// - Throws: ``DecoderError`` with the file and line: no `\data\` section, counts out of order or
    ///   above order 5, a section holding more or fewer n-grams than its count, malformed lines, words
    ///   missing from the unigrams, duplicate n-grams, an n-gram whose lower-order suffix is missing,
    ///   or no `\end\`.
    public init(arpa bytes: [UInt8], path: String = "<arpa>") throws {
        var parser = ARPAParser(bytes: bytes, path: path)
        let text = try parser.parse()
        let trie = try ARPATrieBuilder(model: text, path: path).build()
        try self.init(order: text.counts.count, counts: text.counts, vocabulary: text.vocabulary, trie: trie, path: path)
    }

    /// Reads an ARPA model from a string (`name` stands in for a path in errors).
    public init(arpaText: String, name: String = "<arpa>") throws {
        try self.init(arpa: Array(arpaText.utf8), path: name)
    }
}
