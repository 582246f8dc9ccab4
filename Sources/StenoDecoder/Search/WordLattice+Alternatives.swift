extension WordLattice {
    /// Up to `count` distinct transcripts through the lattice, best first, by A* search with exact
    /// best-completion heuristics. Link scores are acoustic + bigram (best-path weight), so the first
    /// alternative's score can differ slightly from the trigram best path.
    func alternatives(count: Int, model: SearchModel, language: inout LanguageScorer) -> [(text: String, score: Int32)] {
        let lexicon = model.lexicon
        let ratio = model.parameters.bestPathWeightRatio
        var linkScore = [Int](repeating: 0, count: links.count)
        for (i, l) in links.enumerated() {
            var s = l.acousticScore
            let to = nodes[Int(l.to)], from = nodes[Int(l.from)]
            if l.to == end || !lexicon.isFiller(to.baseWord) {
                let history = (l.from == start || !lexicon.isFiller(from.baseWord)) ? from.baseWord : Int32(-1)
                s = SearchScore.addWeighted(s, ratio, language.score(to.baseWord, history, -1))
            }
            linkScore[i] = Int(s)
        }
        let order = nodes.indices.sorted { nodes[$0].startFrame > nodes[$1].startFrame }
        var toEnd = [Int?](repeating: nil, count: nodes.count)
        toEnd[Int(end)] = 0
        for n in order {
            for l in nodes[n].exits {
                guard let rest = toEnd[Int(links[Int(l)].to)] else { continue }
                let s = linkScore[Int(l)] + rest
                if toEnd[n] == nil || s > toEnd[n]! { toEnd[n] = s }
            }
        }
        struct Partial { var node: Int32; var score: Int; var words: [Int32] }
        var open = [Partial(node: start, score: 0, words: [])]
        var results = [(text: String, score: Int32)]()
        var seen = Set<String>()
        var expansions = 0
        while !open.isEmpty && results.count < count && expansions < 20000 {
            expansions += 1
            var bestIndex = 0, bestPriority = Int.min
            for (i, p) in open.enumerated() {
                let priority = p.score + (toEnd[Int(p.node)] ?? Int.min / 2)
                if priority > bestPriority { bestPriority = priority; bestIndex = i }
            }
            let p = open.remove(at: bestIndex)
            if p.node == end {
                let text = p.words.map { lexicon.baseSpelling($0) }.joined(separator: " ")
                if seen.insert(text).inserted { results.append((text, Int32(clamping: p.score))) }
                continue
            }
            for l in nodes[Int(p.node)].exits {
                let to = links[Int(l)].to
                guard toEnd[Int(to)] != nil else { continue }
                var words = p.words
                if to != end && lexicon.isReal(nodes[Int(to)].word) { words.append(nodes[Int(to)].word) }
                open.append(Partial(node: to, score: p.score + linkScore[Int(l)], words: words))
            }
        }
        return results
    }
}
