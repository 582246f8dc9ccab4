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
        struct Partial {
            var node: Int32; var score: Int; var priority: Int; var words: [Int32]
            /// Push order: among equal priorities the earlier partial comes out first.
            var sequence = 0
            func precedes(_ other: Partial) -> Bool {
                priority != other.priority ? priority > other.priority : sequence < other.sequence
            }
        }
        // A binary heap, best priority (score so far + best completion) first, ties in push order.
        var heap = [Partial(node: start, score: 0, priority: toEnd[Int(start)] ?? 0, words: [])]
        var pushed = 0
        func push(_ p: Partial) {
            pushed += 1
            var p = p
            p.sequence = pushed
            heap.append(p)
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard heap[i].precedes(heap[parent]) else { break }
                heap.swapAt(parent, i); i = parent
            }
        }
        func pop() -> Partial {
            let top = heap[0]
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var m = i
                    if l < heap.count && heap[l].precedes(heap[m]) { m = l }
                    if r < heap.count && heap[r].precedes(heap[m]) { m = r }
                    if m == i { break }
                    heap.swapAt(i, m); i = m
                }
            }
            return top
        }
        var results = [(text: String, score: Int32)]()
        var seen = Set<String>()
        var expansions = 0
        while !heap.isEmpty && results.count < count && expansions < 50_000 {
            expansions += 1
            let p = pop()
            if p.node == end {
                let text = p.words.map { lexicon.baseSpelling($0) }.joined(separator: " ")
                if seen.insert(text).inserted { results.append((text, Int32(clamping: p.score))) }
                continue
            }
            for l in nodes[Int(p.node)].exits {
                let to = links[Int(l)].to
                guard let rest = toEnd[Int(to)] else { continue }
                var words = p.words
                if to != end && lexicon.isReal(nodes[Int(to)].word) { words.append(nodes[Int(to)].word) }
                let score = p.score + linkScore[Int(l)]
                push(Partial(node: to, score: score, priority: score + rest, words: words))
            }
        }
        return results
    }
}
