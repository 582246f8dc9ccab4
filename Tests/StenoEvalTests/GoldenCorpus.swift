import StenoCore
import Foundation
import StenoTestSupport

/// Reads the jiwer golden files made by `Fixtures/eval/make_golden.py`.
enum GoldenCorpus {
    struct Pair {
        var line: Int
        var reference: String
        var hypothesis: String
        var wordCounts: [Int]  // S D I H
        var characterCounts: [Int]  // S D I H
    }

    struct LongCase: Decodable {
        var seed: UInt64
        var words: Int
        var vocabulary: UInt64
        var substitutionPerMille: UInt64
        var deletionPerMille: UInt64
        var insertionPerMille: UInt64
        var referenceWords: Int
        var hypothesisWords: Int
        var substitutions: Int
        var deletions: Int
        var insertions: Int
        var hits: Int
    }

    static func pairs() throws -> [Pair] {
        let text = try String(contentsOf: Fixtures.url("eval/jiwer-pairs.golden.tsv"), encoding: .utf8)
        var pairs: [Pair] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 else { throw CocoaError(.fileReadCorruptFile) }
            pairs.append(Pair(
                line: index + 1, reference: String(fields[2]), hypothesis: String(fields[3]),
                wordCounts: fields[0].split(separator: " ").compactMap { Int($0) },
                characterCounts: fields[1].split(separator: " ").compactMap { Int($0) }))
        }
        return pairs
    }

    static func longCases() throws -> [LongCase] {
        struct File: Decodable { var cases: [LongCase] }
        let data = try Data(contentsOf: Fixtures.url("eval/jiwer-long.golden.json"))
        return try JSONDecoder().decode(File.self, from: data).cases
    }

    // make_golden.py draws from the same SplitMix64 as StenoCore's, so both sides build the same long pairs.
    /// make_golden.py's `long_pair`, as word ids (word "wK" is id K).
    static func longPair(_ c: LongCase) -> (reference: [Int32], hypothesis: [Int32]) {
        var g = SplitMix64(state: c.seed)
        let reference = (0..<c.words).map { _ in Int32(g.next() % c.vocabulary) }
        var hypothesis: [Int32] = []
        for word in reference {
            let r = g.next() % 1000
            if r < c.substitutionPerMille {
                hypothesis.append(Int32(g.next() % c.vocabulary))
            } else if r < c.substitutionPerMille + c.deletionPerMille {
                continue
            } else if r < c.substitutionPerMille + c.deletionPerMille + c.insertionPerMille {
                hypothesis.append(word)
                hypothesis.append(Int32(g.next() % c.vocabulary))
            } else {
                hypothesis.append(word)
            }
        }
        return (reference, hypothesis)
    }
}
