import Foundation

/// `near-duplicate-spelling`: a frequent word also written another way (color/colour, ok/okay, a typo).
///
/// Variants are found by known pairs, British/American endings (-our/-or, -ise/-ize, -re/-er), joined
/// or hyphenated forms, a dropped apostrophe, and, for words of six letters or more, a one-letter
/// difference from a word ``CheckOptions/typoFrequencyRatio`` times as frequent that occurs at most twice.
public struct NearDuplicateSpellingCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "near-duplicate-spelling", category: .labels, severity: .warning,
        title: "Near-duplicate spellings of a frequent word",
        rationale: "One spoken word written two ways splits its training data and counts as an error when scored.")

    static let knownVariants: [(String, String)] = [
        ("ok", "okay"), ("o.k.", "okay"), ("alright", "all-right"), ("gray", "grey"), ("doughnut", "donut"),
        ("catalog", "catalogue"), ("judgment", "judgement"), ("mhm", "mm-hmm"), ("uhhuh", "uh-huh"),
        ("till", "til"), ("cannot", "can't"), ("whisky", "whiskey"), ("program", "programme"),
        ("analog", "analogue"), ("dialog", "dialogue"), ("ageing", "aging"), ("yeah", "yea"),
    ]

    public func run(in context: CheckContext) -> [Finding] {
        var counts: [String: Int] = [:]
        for entry in context.entries { for word in entry.profile?.words ?? [] { counts[word, default: 0] += 1 } }
        let minimum = context.options.frequentWordMinimumCount
        // rare variant → (frequent variant)
        var pairs: [String: String] = [:]
        func consider(_ a: String, _ b: String) {
            guard a != b, let countA = counts[a], let countB = counts[b] else { return }
            let (rare, frequent) = countA < countB || (countA == countB && a > b) ? (a, b) : (b, a)
            guard counts[frequent, default: 0] >= minimum, pairs[rare] == nil else { return }
            pairs[rare] = frequent
        }
        for (a, b) in Self.knownVariants { consider(a, b) }
        let vocabulary = counts.keys.sorted()
        for word in vocabulary {
            for variant in Self.ruleVariants(of: word) { consider(word, variant) }
        }
        // One-letter typos of much more frequent long words.
        let byLength = Dictionary(grouping: vocabulary.filter { $0.count >= 6 }, by: \.count)
        for word in vocabulary where word.count >= 6 && counts[word, default: 0] <= 2 {
            for length in (word.count - 1)...(word.count + 1) {
                for other in byLength[length] ?? [] where other != word {
                    let frequentCount = counts[other, default: 0]
                    guard Double(frequentCount) >= max(Double(minimum), context.options.typoFrequencyRatio * Double(counts[word, default: 0])),
                          !Self.isInflection(word, other), Self.withinOneEdit(word, other) else { continue }
                    if pairs[word] == nil { pairs[word] = other }
                }
            }
        }
        guard !pairs.isEmpty else { return [] }
        var items: [FindingItem] = []
        for entry in context.entries {
            guard let words = entry.profile?.words else { continue }
            let found = Set(words).filter { pairs[$0] != nil }.sorted()
            guard !found.isEmpty else { continue }
            let detail = found.map { "'\($0)' (\(counts[$0, default: 0])×) vs '\(pairs[$0] ?? "")' (\(counts[pairs[$0] ?? "", default: 0])×)" }
            items.append(context.item(entry, detail.joined(separator: "; ")))
        }
        let summary = pairs.keys.sorted().prefix(8).map { "\($0)/\(pairs[$0] ?? "")" }.joined(separator: ", ")
        return [descriptor.finding(items, summary: "\(counted(pairs.count, "variant spelling")) (\(summary)) in \(counted(items.count, "transcript"))")]
    }

    /// Spellings of the same word under regular variation rules.
    static func ruleVariants(of word: String) -> [String] {
        var variants: [String] = []
        let replacements: [(String, String)] = [("our", "or"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"),
                                                ("isation", "ization"), ("tre", "ter"), ("lled", "led"), ("lling", "ling")]
        for (british, american) in replacements {
            if word.hasSuffix(british) && word.count > british.count + 2 {
                variants.append(String(word.dropLast(british.count)) + american)
            }
            if word.hasSuffix(american) && word.count > american.count + 2 {
                variants.append(String(word.dropLast(american.count)) + british)
            }
        }
        if word.contains("-") { variants.append(word.replacingOccurrences(of: "-", with: "")) }
        if word.contains("'") { variants.append(word.replacingOccurrences(of: "'", with: "")) }
        if word.contains("’") { variants.append(word.replacingOccurrences(of: "’", with: "'")) }
        return variants
    }

    /// Plural, possessive and common endings make different words, not misspellings.
    static func isInflection(_ a: String, _ b: String) -> Bool {
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.hasPrefix(short) else { return false }
        return ["s", "d", "'s", "r", "y", "n"].contains(String(long.dropFirst(short.count)))
    }

    /// Whether one insertion, deletion or substitution turns `a` into `b`.
    static func withinOneEdit(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > 1 { return false }
        var i = 0, j = 0, edits = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if x.count > y.count { i += 1 } else if x.count < y.count { j += 1 } else { i += 1; j += 1 }
        }
        edits += (x.count - i) + (y.count - j)
        return edits <= 1
    }
}
