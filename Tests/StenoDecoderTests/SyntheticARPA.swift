import StenoCore

/// The synthetic ARPA model of Fixtures/language-model/make_golden.py (`synthetic_arpa()`), regenerated
/// here from the same seeded SplitMix64 stream: too large to commit (~4 MB), large enough that
/// pocketsphinx's 16-bit quantiser has to merge values. Keep the two in step.
enum SyntheticARPA {
    /// −v/10000 with four decimals, from integers.
    static func decimal(_ value: Int) -> String {
        let fraction = String(value % 10000)
        return "-\(value / 10000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    static func text(seed: UInt64 = 2024, words: Int = 2000, bigramsPerWord: Int = 40, trigramAttempts: Int = 80000) -> String {
        var random = SplitMix64(state: seed)
        let vocabulary = ["<s>", "</s>"] + (0..<words).map { "w\($0)" }
        let n = vocabulary.count
        var bigrams: [(Int, Int)] = []
        var seen = Set<Int>()
        for a in 0..<n {
            for _ in 0..<bigramsPerWord {
                let b = random.below(n)
                if seen.insert(a * n + b).inserted { bigrams.append((a, b)) }
            }
        }
        var following = [[Int]](repeating: [], count: n)
        for (a, b) in bigrams { following[a].append(b) }
        var trigrams: [(Int, Int, Int)] = []
        var seenTrigrams = Set<Int>()
        for _ in 0..<trigramAttempts {
            let (a, b) = bigrams[random.below(bigrams.count)]
            guard !following[b].isEmpty else { continue }
            let c = following[b][random.below(following[b].count)]
            if seenTrigrams.insert((a * n + b) * n + c).inserted { trigrams.append((a, b, c)) }
        }
        var lines = ["\\data\\", "ngram 1=\(n)", "ngram 2=\(bigrams.count)", "ngram 3=\(trigrams.count)", "", "\\1-grams:"]
        for word in vocabulary {
            lines.append("\(decimal(random.below(40000) + 5000)) \(word) \(decimal(random.below(8000)))")
        }
        lines += ["", "\\2-grams:"]
        for (a, b) in bigrams {
            lines.append("\(decimal(random.below(30000) + 1)) \(vocabulary[a]) \(vocabulary[b]) \(decimal(random.below(8000)))")
        }
        lines += ["", "\\3-grams:"]
        for (a, b, c) in trigrams {
            lines.append("\(decimal(random.below(30000) + 1)) \(vocabulary[a]) \(vocabulary[b]) \(vocabulary[c])")
        }
        lines += ["", "\\end\\", ""]
        return lines.joined(separator: "\n")
    }
}

extension SplitMix64 {
    /// A value in 0..<n the way make_golden.py draws it (`next() % n`).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
