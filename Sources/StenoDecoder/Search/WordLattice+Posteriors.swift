import Foundation

extension WordLattice {
    /// Posterior probability of every node (the probability that the utterance passes through that
    /// word at that time), by forward-backward over the links. Link scores are acoustic + bigram
    /// language scores (weighted as in best-path rescoring), scaled by `acousticScale` into natural logs.
    mutating func nodePosteriors(model: SearchModel, language: inout LanguageScorer) -> [Double] {
        let lexicon = model.lexicon
        let ratio = model.parameters.bestPathWeightRatio
        // One unit of the integer scores is 1024 · ln(1.0001) nats.
        let unit = 1024.0 * Foundation.log(1.0001) * model.parameters.posteriorAcousticScale
        func linkScore(_ l: Link) -> Double {
            var s = l.acousticScore
            let to = nodes[Int(l.to)]
            if l.to == end || !lexicon.isFiller(to.baseWord) {
                let from = nodes[Int(l.from)]
                let history = (l.from == start || !lexicon.isFiller(from.baseWord)) ? from.baseWord : Int32(-1)
                s = SearchScore.addWeighted(s, ratio, language.score(to.baseWord, history, -1))
            }
            return Double(s) * unit
        }
        let scores = links.map(linkScore)
        // Topological order of nodes: links always go forward in start frame.
        let order = nodes.indices.sorted { nodes[$0].startFrame < nodes[$1].startFrame }
        var forward = [Double](repeating: -.infinity, count: nodes.count)
        forward[Int(start)] = 0
        for n in order where forward[n] > -.infinity {
            for l in nodes[n].exits {
                let t = Int(links[Int(l)].to)
                forward[t] = Self.logAdd(forward[t], forward[n] + scores[Int(l)])
            }
        }
        var backward = [Double](repeating: -.infinity, count: nodes.count)
        backward[Int(end)] = 0
        for n in order.reversed() {
            for l in nodes[n].exits {
                let t = Int(links[Int(l)].to)
                backward[n] = Self.logAdd(backward[n], scores[Int(l)] + backward[t])
            }
        }
        let total = forward[Int(end)]
        guard total > -.infinity else { return [Double](repeating: 0, count: nodes.count) }
        return nodes.indices.map { i in
            let v = forward[i] + backward[i] - total
            return v > -.infinity ? min(1, max(0, Foundation.exp(v))) : 0
        }
    }

    static func logAdd(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        let m = max(a, b)
        return m + Foundation.log(Foundation.exp(a - m) + Foundation.exp(b - m))
    }
}
