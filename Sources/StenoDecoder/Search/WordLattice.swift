import Foundation

/// The word lattice built from the last pass's backpointer table: one node per (word, start frame),
/// links between nodes that meet in time with their acoustic scores. Best-path rescoring with the
/// trigram model and posterior probabilities (confidences) are computed on it.
struct WordLattice {
    struct Node {
        var word: Int32
        var startFrame: Int32
        var firstEntry: Int32
        var lastEntry: Int32
        var firstEndFrame: Int32 = 0
        var lastEndFrame: Int32 = 0
        var baseWord: Int32 = 0
        var isReachable = false
        /// Link ids, most recent first (Sphinx prepends).
        var exits: [Int32] = []
        var entries: [Int32] = []
    }

    struct Link {
        var from: Int32
        var to: Int32
        var acousticScore: Int32
        var endFrame: Int32
        var pathScore: Int32 = Int32.min
        var bestPrevious: Int32 = -1
        var alpha: Double = -.infinity
        var beta: Double = -.infinity
    }

    var nodes: [Node] = []
    var links: [Link] = []
    let start: Int32
    let end: Int32
    /// Acoustic score of the final node's own segment (added to the path score Sphinx reports).
    let finalAcousticScore: Int32

    /// Builds the lattice; nil when the table has no usable start or end.
    init?(table: BackpointerTable, frames: Int, model: SearchModel, language: inout LanguageScorer) {
        let lexicon = model.lexicon
        let p = model.parameters
        let ratio: Float = p.runsFlatPass ? p.flatWeightRatio : 1.0
        // Nodes, in Sphinx's list order (newest first).
        var created = [Node]()
        var key = [Int64: Int]()
        for i in 0..<table.count {
            let e = table[Int32(i)]
            guard e.isValid else { continue }
            let sf = e.predecessor < 0 ? 0 : table[e.predecessor].frame + 1
            if e.word == lexicon.finishWord && Int(e.frame) < frames - 1 { continue }
            if !lexicon.isFiller(e.word) && model.modelID[Int(e.word)] < 0 { continue }
            let k = Int64(e.word) << 32 | Int64(sf)
            if let n = key[k] {
                created[n].lastEntry = Int32(i)
            } else {
                key[k] = created.count
                created.append(Node(word: e.word, startFrame: sf, firstEntry: Int32(i), lastEntry: Int32(i)))
            }
        }
        var all = Array(created.reversed())
        guard let startIndex = all.firstIndex(where: { $0.word == lexicon.startWord && $0.startFrame == 0 }) else {
            return nil
        }
        var endIndex = all.firstIndex { $0.word == lexicon.finishWord && Int(table[$0.lastEntry].frame) == frames - 1 }
        if endIndex == nil {
            var ef = frames - 1
            while ef >= 0 && Int(table.frameStart[ef]) == table.count { ef -= 1 }
            guard ef >= 0 else { return nil }
            var best = SearchScore.worst, chosen: Int32 = -1
            for b in table.range(ofFrame: ef) {
                let e = table[Int32(b)]
                if e.realWord == lexicon.finishWord { chosen = Int32(b); break }
                let l = SearchScore.scaled(language.score(lexicon.finishWord, e.realWord, e.previousRealWord),
                                           p.bestPathWeightRatio)
                if e.score + l > best { best = e.score + l; chosen = Int32(b) }
            }
            endIndex = all.firstIndex { $0.lastEntry == chosen }
        }
        guard let endAt = endIndex, endAt <= startIndex else { return nil }
        finalAcousticScore = Self.segmentScore(table[all[endAt].lastEntry], table: table, model: model,
                                               ratio: ratio, language: &language).acoustic
        all.removeFirst(endAt)
        let startAt = startIndex - endAt
        all[0].isReachable = true
        // Entries of each word, in table order, to find where a node's word ended.
        var entriesOfWord = [Int32: [Int32]]()
        for node in all where entriesOfWord[node.word] == nil { entriesOfWord[node.word] = [] }
        for i in 0..<table.count where entriesOfWord[table[Int32(i)].word] != nil {
            entriesOfWord[table[Int32(i)].word]!.append(Int32(i))
        }
        for i in all.indices {
            all[i].firstEndFrame = table[all[i].firstEntry].frame
            all[i].lastEndFrame = table[all[i].lastEntry].frame
        }
        var links = [Link]()
        var linkOf = [Int64: Int32]()
        for to in all.indices where all[to].isReachable {
            let sf = all[to].startFrame
            let firstPhone = lexicon.firstPhone(all[to].word)
            for from in (to + 1)..<all.count {
                let node = all[from]
                if sf <= node.firstEndFrame || sf > node.lastEndFrame + 1 { continue }
                let list = entriesOfWord[node.word]!
                var lo = 0, hi = list.count
                while lo < hi { let mid = (lo + hi) / 2; if list[mid] < node.firstEntry { lo = mid + 1 } else { hi = mid } }
                var found: Int32 = -1
                var j = lo
                while j < list.count && list[j] <= node.lastEntry {
                    if table[list[j]].frame >= sf - 1 { found = list[j]; break }
                    j += 1
                }
                guard found >= 0, table[found].frame == sf - 1 else { continue }
                let fb = table[found]
                let ascr = Self.segmentScore(fb, table: table, model: model, ratio: ratio, language: &language).acoustic
                var score = table.exitScore(fb, rightPhone: firstPhone, model: model)
                if score == SearchScore.worst { continue }
                score = ascr + (score - fb.score)
                if score > 0 { score = -424242 } else if !(score > SearchScore.worst) { continue }
                let k = Int64(from) << 32 | Int64(to)
                if let existing = linkOf[k] {
                    if score > links[Int(existing)].acousticScore {
                        links[Int(existing)].acousticScore = score
                        links[Int(existing)].endFrame = fb.frame
                    }
                } else {
                    let id = Int32(links.count)
                    links.append(Link(from: Int32(from), to: Int32(to), acousticScore: score, endFrame: fb.frame))
                    linkOf[k] = id
                    all[from].exits.insert(id, at: 0)
                    all[to].entries.insert(id, at: 0)
                }
                all[from].isReachable = true
            }
        }
        for i in all.indices { all[i].baseWord = lexicon.baseWord[Int(all[i].word)] }
        if lexicon.isFiller(all[0].word) { all[0].baseWord = lexicon.finishWord }
        // Keep reachable nodes only, renumbering nodes and links.
        var newIndex = [Int32](repeating: -1, count: all.count)
        var kept = [Node]()
        for i in all.indices where all[i].isReachable { newIndex[i] = Int32(kept.count); kept.append(all[i]) }
        guard newIndex[startAt] >= 0 else { return nil }
        var linkIndex = [Int32](repeating: -1, count: links.count)
        var keptLinks = [Link]()
        for (i, l) in links.enumerated() where newIndex[Int(l.from)] >= 0 && newIndex[Int(l.to)] >= 0 {
            linkIndex[i] = Int32(keptLinks.count)
            var m = l
            m.from = newIndex[Int(l.from)]; m.to = newIndex[Int(l.to)]
            keptLinks.append(m)
        }
        for i in kept.indices {
            kept[i].exits = kept[i].exits.compactMap { linkIndex[Int($0)] >= 0 ? linkIndex[Int($0)] : nil }
            kept[i].entries = kept[i].entries.compactMap { linkIndex[Int($0)] >= 0 ? linkIndex[Int($0)] : nil }
        }
        start = newIndex[startAt]
        end = 0
        for i in kept.indices where i != Int(start) && i != Int(end) && lexicon.isFiller(kept[i].baseWord) {
            let penalty = kept[i].baseWord == lexicon.silenceWord ? p.silencePenalty : p.fillerPenalty
            for l in kept[i].entries { keptLinks[Int(l)].acousticScore += penalty }
        }
        nodes = kept
        self.links = keptLinks
    }

    /// A backpointer entry's own acoustic and language parts (Sphinx's lattice seg_score).
    static func segmentScore(_ e: Backpointer, table: BackpointerTable, model: SearchModel, ratio: Float,
                             language: inout LanguageScorer) -> (acoustic: Int32, language: Int32) {
        guard e.predecessor >= 0 else { return (e.score, 0) }
        let lexicon = model.lexicon
        let previous = table[e.predecessor]
        let start = table.exitScore(previous, rightPhone: lexicon.firstPhone(e.word), model: model)
        let l: Int32
        if e.word == lexicon.silenceWord {
            l = model.parameters.silencePenalty
        } else if lexicon.isFiller(e.word) {
            l = model.parameters.fillerPenalty
        } else {
            l = SearchScore.scaled(language.score(e.realWord, previous.realWord, previous.previousRealWord), ratio)
        }
        return (e.score - start - l, l)
    }
}
