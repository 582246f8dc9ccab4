import Foundation

extension WordLattice {
    /// The best path from start to end with trigram rescoring (Sphinx's bestpath): the links on it in
    /// order and the path score Sphinx reports (best path + the final node's acoustic score).
    mutating func bestPath(model: SearchModel, language: inout LanguageScorer) -> (links: [Int32], score: Int32)? {
        let lexicon = model.lexicon
        let ratio = model.parameters.bestPathWeightRatio
        func isFiller(_ node: Int32) -> Bool { node != end && lexicon.isFiller(nodes[Int(node)].baseWord) }
        for i in links.indices { links[i].pathScore = Int32.min; links[i].bestPrevious = -1 }
        for l in nodes[Int(start)].exits {
            var path = links[Int(l)].acousticScore
            let to = links[Int(l)].to
            if !isFiller(to) {
                path = SearchScore.addWeighted(path, ratio, language.score(nodes[Int(to)].baseWord, lexicon.startWord, -1))
            }
            links[Int(l)].pathScore = path
        }
        var fanIn = [Int](repeating: 0, count: nodes.count)
        for l in links { fanIn[Int(l.to)] += 1 }
        var queue = nodes[Int(start)].exits
        var head = 0
        while head < queue.count {
            let l = queue[head]; head += 1
            let link = links[Int(l)]
            let to = link.to
            fanIn[Int(to)] -= 1
            var stop = false
            if fanIn[Int(to)] == 0 {
                if to == end { stop = true } else { queue.append(contentsOf: nodes[Int(to)].exits) }
            }
            var w3 = nodes[Int(link.from)].baseWord
            var w2 = nodes[Int(to)].baseWord
            var w3Filler = link.from != start && lexicon.isFiller(w3)
            var w2Filler = to != end && lexicon.isFiller(w2)
            var walk = l
            if w3Filler {
                while links[Int(walk)].bestPrevious >= 0 {
                    walk = links[Int(walk)].bestPrevious
                    let from = links[Int(walk)].from
                    w3 = nodes[Int(from)].baseWord
                    if !lexicon.isFiller(w3) || from == start { w3Filler = false; break }
                }
            }
            if w2Filler {
                w2Filler = w3Filler; w3Filler = true; w2 = w3
                while links[Int(walk)].bestPrevious >= 0 {
                    walk = links[Int(walk)].bestPrevious
                    let from = links[Int(walk)].from
                    w3 = nodes[Int(from)].baseWord
                    if !lexicon.isFiller(w3) || from == start { w3Filler = false; break }
                }
            }
            for x in nodes[Int(to)].exits {
                let next = links[Int(x)].to
                let w1 = nodes[Int(next)].baseWord
                var score = link.pathScore &+ links[Int(x)].acousticScore
                if !isFiller(next) && !w2Filler {
                    let lm = w3Filler ? language.score(w1, w2, -1) : language.score(w1, w2, w3)
                    score = SearchScore.addWeighted(score, ratio, lm)
                }
                if score > links[Int(x)].pathScore {
                    links[Int(x)].pathScore = score
                    links[Int(x)].bestPrevious = l
                }
            }
            if stop { break }
        }
        var best: Int32 = -1, bestScore = Int32.min
        for l in nodes[Int(end)].entries where links[Int(l)].pathScore > bestScore {
            bestScore = links[Int(l)].pathScore; best = l
        }
        guard best >= 0 else { return nil }
        var chain = [Int32]()
        var l = best
        while l >= 0 { chain.append(l); l = links[Int(l)].bestPrevious }
        return (chain.reversed(), bestScore &+ finalAcousticScore)
    }
}
