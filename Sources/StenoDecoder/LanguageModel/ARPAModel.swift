import Foundation

/// The content of an ARPA file: counts, vocabulary and n-grams with values in log base 1.0001.
struct ARPAModel {
    struct Level {
        /// Word ids of each n-gram, newest first (the trie's key order), `order` per n-gram.
        var keys: [Int32] = []
        var probabilities: [Float] = []
        var backoffs: [Float] = []
        var lines: [Int32] = []
    }

    var counts: [Int] = []
    var vocabulary: [String] = []
    var unigramProbabilities: [Float] = []
    var unigramBackoffs: [Float] = []
    /// Orders 2 … N.
    var levels: [Level] = []
}
