/// The first pass: Viterbi search over the lexicon tree with cross-word triphones (Sphinx's fwdtree).
///
/// Roots are multiplexed first-phone HMMs shared by all words with the same first two phones; inner
/// nodes are shared prefixes; each word's last phone fans out into one HMM per distinct right
/// context. Word exits go to the backpointer table, from which new words are entered every frame.
struct TreeSearch {
    let model: SearchModel
    private(set) var table: BackpointerTable
    var singleHMMs: [SearchHMM]
    private var roots: [SearchHMM]
    private var nodes: [SearchHMM]
    private var activeNodes: [[Int32]] = [[], []]
    private var activeWords: [[Int32]] = [[], []]
    private var wordIsActive: [Bool]
    /// Right-context HMMs of words in their last phone: slot base per word (−1: none yet).
    private var rcBase: [Int32]
    private var rcPool: [SearchHMM] = []
    private var rcAllocated: [Bool] = []
    /// Per word: the cached best entry into its last phone for one start frame.
    private var cacheStartFrame: [Int32]
    private var cacheScore: [Int32]
    private var cacheEntry: [Int32]
    private var candidates: [Candidate] = []
    private var bestScore: Int32 = 0
    private var lastPhoneBestScore: Int32 = 0
    private var dynamicBeam: Int32 = 0
    private var evaluationCount = 0
    private(set) var frameCount = 0
    private var senones: ActiveSenones
    private var bestExitByPhone: [(score: Int32, entry: Int32, lastPhone: Int32)]
    private var singleBest: [(score: Int32, entry: Int32)]

    private struct Candidate {
        var word: Int32
        var score: Int32
        var entry: Int32
        var next: Int32
    }

    init(model: SearchModel, languageScorer: LanguageScorer) {
        self.model = model
        self.languageScorer = languageScorer
        let n = model.lexicon.count
        table = BackpointerTable(wordCount: n)
        singleHMMs = model.singlePhoneTemplate
        roots = model.rootTemplate
        nodes = model.nodeTemplate
        wordIsActive = [Bool](repeating: false, count: n)
        rcBase = [Int32](repeating: -1, count: n)
        cacheStartFrame = [Int32](repeating: -1, count: n)
        cacheScore = [Int32](repeating: 0, count: n)
        cacheEntry = [Int32](repeating: 0, count: n)
        senones = ActiveSenones(senoneCount: model.tables.senoneCount)
        bestExitByPhone = Array(repeating: (SearchScore.worst, 0, 0), count: model.tables.basePhoneCount)
        singleBest = Array(repeating: (Int32.min, 0), count: model.languageModelSinglePhoneCount)
        let start = model.singlePhoneSlot[Int(model.lexicon.startWord)]
        singleHMMs[Int(start)].enter(score: 0, history: SearchScore.noHistory, frame: 0)
    }

    // MARK: Per frame

    /// The senones frame `f` needs (call before `step`).
    mutating func activeSenones(frame f: Int32) -> [Int32] {
        let seq = model.tables.sequenceSenones
        let parity = Int(f & 1)
        var collector = ActiveSenones(senoneCount: 0)
        swap(&collector, &senones)
        collector.mark { flags in
            seq.withUnsafeBufferPointer { sp in
                let s = sp.baseAddress!
                for r in roots.indices where roots[r].frame == f { roots[r].markActiveSenones(flags, sequences: s) }
                for c in activeNodes[parity] { nodes[Int(c)].markActiveSenones(flags, sequences: s) }
                for w in activeWords[parity] {
                    let base = Int(rcBase[Int(w)])
                    for k in 0..<model.rightContextCount(w) where rcAllocated[base + k] {
                        rcPool[base + k].markActiveSenones(flags, sequences: s)
                    }
                }
                for i in singleHMMs.indices where singleHMMs[i].frame == f {
                    singleHMMs[i].markActiveSenones(flags, sequences: s)
                }
            }
        }
        let list = collector.takeList()
        swap(&collector, &senones)
        return list
    }

    /// Runs frame `f` on its senone scores, with the lookahead penalties per base phone.
    mutating func step(frame f: Int32, emissions: UnsafePointer<Int32>, penalties: [Int32]) {
        table.markFrame(Int(f))
        frameCount = Int(f) + 1
        guard bestScore > SearchScore.worst else { return }
        evaluate(frame: f, emissions: emissions)
        computeDynamicBeam(frame: f)
        candidates.removeAll(keepingCapacity: true)
        pruneRoots(frame: f, penalties: penalties)
        pruneNodes(frame: f, penalties: penalties)
        lastPhoneTransition(frame: f)
        pruneWords(frame: f)
        wordTransition(frame: f, penalties: penalties)
        for r in roots.indices where roots[r].frame == f { roots[r].clear() }
        for i in singleHMMs.indices where singleHMMs[i].frame == f { singleHMMs[i].clear() }
    }

    private mutating func evaluate(frame f: Int32, emissions: UnsafePointer<Int32>) {
        let parity = Int(f & 1)
        let finishSlot = Int(model.singlePhoneSlot[Int(model.lexicon.finishWord)])
        var best = SearchScore.worst
        var wordBest = SearchScore.worst
        var evaluated = 0
        model.tables.sequenceSenones.withUnsafeBufferPointer { sp in
            model.tables.transitions.withUnsafeBufferPointer { tp in
                let s = sp.baseAddress!, t = tp.baseAddress!
                roots.withUnsafeMutableBufferPointer { r in
                    for i in r.indices where r[i].frame == f {
                        let v = r[i].evaluate(emissions: emissions, sequences: s, transitions: t)
                        evaluated += 1
                        if v > best { best = v }
                    }
                }
                nodes.withUnsafeMutableBufferPointer { n in
                    for c in activeNodes[parity] {
                        let v = n[Int(c)].evaluate(emissions: emissions, sequences: s, transitions: t)
                        if v > best { best = v }
                    }
                }
                evaluated += activeNodes[parity].count
                for w in activeWords[parity] {
                    wordIsActive[Int(w)] = false
                    let base = Int(rcBase[Int(w)])
                    for k in 0..<model.rightContextCount(w) where rcAllocated[base + k] {
                        let v = rcPool[base + k].evaluate(emissions: emissions, sequences: s, transitions: t)
                        evaluated += 1
                        if v > wordBest { wordBest = v }
                    }
                }
                singleHMMs.withUnsafeMutableBufferPointer { h in
                    for i in h.indices where h[i].frame >= f {
                        let v = h[i].evaluate(emissions: emissions, sequences: s, transitions: t)
                        evaluated += 1
                        if v > wordBest && i != finishSlot { wordBest = v }
                    }
                }
            }
        }
        evaluationCount += evaluated
        if wordBest > best { best = wordBest }
        bestScore = best
        lastPhoneBestScore = wordBest
    }

    private mutating func computeDynamicBeam(frame f: Int32) {
        let p = model.parameters
        dynamicBeam = p.beam
        guard p.maxHMMsPerFrame >= 0, evaluationCount > p.maxHMMsPerFrame else { return }
        let width = Int(-p.beam) / 256
        guard width > 0 else { return }
        // A histogram of the HMMs' distances from the best score, in 256 bins of the beam.
        let best = Int(bestScore)
        let lastBinStart = 255 * width
        @inline(__always) func bin(_ score: Int32) -> Int {
            let distance = best - Int(score)
            // Idle HMMs (score `worst`) land in the last bin without a division.
            if distance >= lastBinStart { return 255 }
            let b = distance / width
            return b < 0 ? 255 : b
        }
        let cut = withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { bins -> Int in
            bins.initialize(repeating: 0)
            roots.withUnsafeBufferPointer { r in for i in r.indices { bins[bin(r[i].bestScore)] += 1 } }
            nodes.withUnsafeBufferPointer { n in
                for c in activeNodes[Int(f & 1)] { bins[bin(n[Int(c)].bestScore)] += 1 }
            }
            var total = 0
            for i in 0..<256 {
                total += bins[i]
                if total > p.maxHMMsPerFrame { return i }
            }
            return 256
        }
        dynamicBeam = Int32(-(cut * width))
    }

    @inline(__always)
    private static func penalty<Phone: BinaryInteger>(_ penalties: [Int32], _ phone: Phone) -> Int32 {
        penalties.isEmpty ? 0 : penalties[Int(phone)]
    }

    /// Prunes the roots and then this frame's inner nodes, entering children and collecting
    /// last-phone candidates (Sphinx's prune_root_chan and prune_nonroot_chan).
    private mutating func pruneRoots(frame f: Int32, penalties: [Int32]) {
        let next = f + 1
        let keep = bestScore + dynamicBeam
        activeNodes[Int(next & 1)].removeAll(keepingCapacity: true)
        var nextList = [Int32]()
        swap(&nextList, &activeNodes[Int(next & 1)])
        var found = candidates
        candidates = []
        let context = ExpansionContext(search: self, frame: f)
        // The nodes are moved out for the sweep so that one buffer pointer serves every expansion
        // (no uniqueness check per surviving HMM).
        var nodeStore = [SearchHMM]()
        swap(&nodeStore, &nodes)
        nodeStore.withUnsafeMutableBufferPointer { n in
        model.nodeLinks.withUnsafeBufferPointer { nodeLinks in
        model.rootLinks.withUnsafeBufferPointer { rootLinks in
        model.rootWordList.withUnsafeBufferPointer { words in
            for r in roots.indices where roots[r].frame >= f {
                guard roots[r].bestScore > keep else { continue }
                roots[r].frame = next
                Self.expand(exitScore: roots[r].exitScore, history: roots[r].exitHistory, link: rootLinks[r],
                            nodes: n, nodeLinks: nodeLinks, words: words, context: context, penalties: penalties,
                            nextList: &nextList, candidates: &found, checkListed: false)
            }
        }
        }
        }
        }
        swap(&nodeStore, &nodes)
        candidates = found
        swap(&nextList, &activeNodes[Int(next & 1)])
    }

    private mutating func pruneNodes(frame f: Int32, penalties: [Int32]) {
        let next = f + 1
        let keep = bestScore + dynamicBeam
        let current = activeNodes[Int(f & 1)]
        var nextList = [Int32]()
        swap(&nextList, &activeNodes[Int(next & 1)])
        var found = candidates
        candidates = []
        let context = ExpansionContext(search: self, frame: f)
        var nodeStore = [SearchHMM]()
        swap(&nodeStore, &nodes)
        nodeStore.withUnsafeMutableBufferPointer { n in
        model.nodeLinks.withUnsafeBufferPointer { nodeLinks in
        model.nodeWordList.withUnsafeBufferPointer { words in
            for c in current {
                let ci = Int(c)
                if n[ci].bestScore > keep {
                    if n[ci].frame != next {
                        n[ci].frame = next
                        nextList.append(c)
                    }
                    Self.expand(exitScore: n[ci].exitScore, history: n[ci].exitHistory, link: nodeLinks[ci],
                                nodes: n, nodeLinks: nodeLinks, words: words, context: context, penalties: penalties,
                                nextList: &nextList, candidates: &found, checkListed: true)
                } else if n[ci].frame != next {
                    n[ci].clear()
                }
            }
        }
        }
        }
        swap(&nodeStore, &nodes)
        candidates = found
        swap(&nextList, &activeNodes[Int(next & 1)])
    }

    /// What `expand` needs that is fixed for one pruning sweep (fetched once, not per HMM).
    private struct ExpansionContext {
        let frame: Int32
        let phoneInsertion: Int32
        let newWordPenalty: Int32
        let phoneThreshold: Int32
        let lastPhoneThreshold: Int32

        init(search: TreeSearch, frame: Int32) {
            let p = search.model.parameters
            self.frame = frame
            phoneInsertion = p.phoneInsertion
            newWordPenalty = p.newWordPenalty
            phoneThreshold = search.bestScore + p.phoneBeam
            lastPhoneThreshold = search.bestScore + p.lastPhoneBeam
        }
    }

    /// From a surviving HMM's exit: enter its children and add its words' last-phone candidates.
    @inline(__always)
    private static func expand(exitScore: Int32, history: Int32, link: TreeLink, nodes n: UnsafeMutableBufferPointer<SearchHMM>,
                               nodeLinks: UnsafeBufferPointer<TreeLink>, words: UnsafeBufferPointer<TreeLink.Word>,
                               context: ExpansionContext, penalties: [Int32], nextList: inout [Int32],
                               candidates found: inout [Candidate], checkListed: Bool) {
        let f = context.frame
        let next = f + 1
        let s = exitScore + context.phoneInsertion
        let phoneThreshold = context.phoneThreshold
        // Children are consecutive, in the order Sphinx visits its sibling chain.
        let first = Int(link.firstChild)
        for k in first..<(first + Int(link.childCount)) {
            let pen = Self.penalty(penalties, nodeLinks[k].phone)
            if s + pen > phoneThreshold && (n[k].frame < f || s > n[k].score0) {
                if !checkListed || n[k].frame != next { nextList.append(Int32(k)) }
                n[k].enter(score: s, history: history, frame: next)
            }
        }
        guard link.wordEnd > link.wordStart else { return }
        for i in Int(link.wordStart)..<Int(link.wordEnd) {
            let pen = Self.penalty(penalties, words[i].lastPhone)
            if s + pen > context.lastPhoneThreshold {
                found.append(Candidate(word: words[i].word, score: s - context.newWordPenalty, entry: history, next: -1))
            }
        }
    }

    /// Makes sure every right-context HMM of `w` exists (new ones start cleared).
    private mutating func allocateRightContexts(_ w: Int32) {
        let count = model.rightContextCount(w)
        if rcBase[Int(w)] < 0 {
            rcBase[Int(w)] = Int32(rcPool.count)
            rcPool.append(contentsOf: model.rightContextHMMs(w))
            rcAllocated.append(contentsOf: repeatElement(true, count: count))
            return
        }
        let base = Int(rcBase[Int(w)])
        var templates: [SearchHMM]? = nil
        for k in 0..<count where !rcAllocated[base + k] {
            if templates == nil { templates = model.rightContextHMMs(w) }
            rcPool[base + k] = templates![k]
            rcAllocated[base + k] = true
        }
    }

    private mutating func lastPhoneTransition(frame f: Int32) {
        let lexicon = model.lexicon
        let next = f + 1
        activeWords[Int(next & 1)].removeAll(keepingCapacity: true)
        var groups: [(endFrame: Int32, head: Int32)] = []
        for i in candidates.indices {
            let entry = candidates[i].entry
            guard entry >= 0 else { continue }
            let w = candidates[i].word
            let e = table[entry]
            candidates[i].score -= table.exitScore(e, rightPhone: lexicon.firstPhone(w), model: model)
            if cacheStartFrame[Int(w)] != e.frame + 1 {
                if let j = groups.firstIndex(where: { $0.endFrame == e.frame }) {
                    candidates[i].next = groups[j].head
                    groups[j].head = Int32(i)
                } else {
                    candidates[i].next = -1
                    groups.append((e.frame, Int32(i)))
                }
                cacheScore[Int(w)] = SearchScore.worst
                cacheStartFrame[Int(w)] = e.frame + 1
            }
        }
        let language = languageScorer
        do {
            // Read-only here; local copies (no copying of storage) let the loop write the cache
            // through buffer pointers, free of uniqueness checks per store. Scoped so that they are
            // gone before `candidates` is written again below (no copy-on-write).
            let table = self.table, candidateList = candidates, model = self.model
            var groupWords: [(word: Int32, baseWord: Int32, firstPhone: Int32)] = []
            cacheScore.withUnsafeMutableBufferPointer { cacheScore in
            cacheEntry.withUnsafeMutableBufferPointer { cacheEntry in
                for g in groups {
                    // The group's words gathered once, in list order: the loop below runs them for
                    // every entry of the group's end frame, and a short body over a contiguous list
                    // keeps more language-cache probes in flight than walking the candidate links.
                    groupWords.removeAll(keepingCapacity: true)
                    var j = g.head
                    while j >= 0 {
                        let w = candidateList[Int(j)].word
                        groupWords.append((w, lexicon.baseWord[Int(w)], lexicon.firstPhone(w)))
                        j = candidateList[Int(j)].next
                    }
                    for b in table.range(ofFrame: Int(g.endFrame)) {
                        let e = table[Int32(b)]
                        guard e.isValid else { continue }
                        for item in groupWords {
                            var d = table.exitScore(e, rightPhone: item.firstPhone, model: model)
                            if d > SearchScore.worst {
                                d += language.score(item.baseWord, e.realWord, e.previousRealWord)
                            }
                            if d > cacheScore[Int(item.word)] {
                                cacheScore[Int(item.word)] = d
                                cacheEntry[Int(item.word)] = Int32(b)
                            }
                        }
                    }
                }
            }
            }
        }
        var best = lastPhoneBestScore
        for i in candidates.indices {
            let w = Int(candidates[i].word)
            candidates[i].score += cacheScore[w]
            candidates[i].entry = cacheEntry[w]
            if candidates[i].score > best { best = candidates[i].score }
        }
        lastPhoneBestScore = best
        let threshold = best + model.parameters.lastPhoneOnlyBeam
        for c in candidates where c.score > threshold {
            allocateRightContexts(c.word)
            let base = Int(rcBase[Int(c.word)])
            var entered = 0
            for k in 0..<model.rightContextCount(c.word) where rcPool[base + k].accepts(c.score, currentFrame: f) {
                rcPool[base + k].enter(score: c.score, history: c.entry, frame: next)
                entered += 1
            }
            if entered > 0 {
                activeWords[Int(next & 1)].append(c.word)
                wordIsActive[Int(c.word)] = true
            }
        }
    }

    /// Language scores for this utterance (cached).
    var languageScorer: LanguageScorer

    private mutating func pruneWords(frame f: Int32) {
        let p = model.parameters
        let next = f + 1
        let wordThreshold = lastPhoneBestScore + p.wordBeam
        let keep = lastPhoneBestScore + p.lastPhoneOnlyBeam
        for w in activeWords[Int(f & 1)] {
            let base = Int(rcBase[Int(w)])
            var kept = 0
            for k in 0..<model.rightContextCount(w) where rcAllocated[base + k] {
                if rcPool[base + k].bestScore > keep {
                    rcPool[base + k].frame = next
                    kept += 1
                    if rcPool[base + k].exitScore > wordThreshold {
                        table.save(frame: f, word: w, score: rcPool[base + k].exitScore,
                                   predecessor: rcPool[base + k].exitHistory, rightContext: k, model: model)
                    }
                } else if rcPool[base + k].frame != next {
                    rcAllocated[base + k] = false
                }
            }
            if kept > 0 && !wordIsActive[Int(w)] {
                activeWords[Int(next & 1)].append(w)
                wordIsActive[Int(w)] = true
            }
        }
        for i in singleHMMs.indices where singleHMMs[i].frame >= f {
            if singleHMMs[i].bestScore > keep {
                singleHMMs[i].frame = next
                if singleHMMs[i].exitScore > wordThreshold {
                    table.save(frame: f, word: model.singlePhoneWords[i], score: singleHMMs[i].exitScore,
                               predecessor: singleHMMs[i].exitHistory, rightContext: 0, model: model)
                }
            }
        }
    }

    private mutating func wordTransition(frame f: Int32, penalties: [Int32]) {
        let lexicon = model.lexicon
        let p = model.parameters
        let next = f + 1
        let phoneCount = model.tables.basePhoneCount
        for r in 0..<phoneCount { bestExitByPhone[r] = (SearchScore.worst, 0, 0) }
        let frameEntries = table.range(ofFrame: Int(f))
        var nonFinal = 0
        for b in frameEntries {
            let e = table[Int32(b)]
            table.forgetWordEntry(e.word)
            if e.word == lexicon.finishWord { continue }
            nonFinal += 1
            if e.fanout < 0 {
                for r in 0..<phoneCount where e.score > bestExitByPhone[r].score {
                    bestExitByPhone[r] = (e.score, Int32(b), e.lastPhone)
                }
            } else {
                let base = Int(e.stackIndex)
                let mapBase = Int(e.fanout) * phoneCount
                for r in 0..<phoneCount {
                    let s = table.stack[base + Int(model.fanoutMap[mapBase + r])]
                    if s > bestExitByPhone[r].score { bestExitByPhone[r] = (s, Int32(b), e.lastPhone) }
                }
            }
        }
        guard nonFinal > 0 else { return }
        let threshold = bestScore + dynamicBeam
        for r in roots.indices {
            let phone = model.rootPhone[r]
            let best = bestExitByPhone[Int(phone)]
            let s = best.score + p.newWordPenalty + p.phoneInsertion
            if s + Self.penalty(penalties, phone) > threshold && roots[r].accepts(s, currentFrame: f) {
                roots[r].enter(score: s, history: best.entry, frame: next)
                roots[r].id0 = model.leftContextSequence(first: phone, second: model.rootSecondPhone[r],
                                                         left: best.lastPhone)
            }
        }
        // Single-phone LM words: best predecessor including the language score.
        let singleCount = model.languageModelSinglePhoneCount
        for i in 0..<singleCount { singleBest[i] = (Int32.min, 0) }
        let language = languageScorer
        for b in frameEntries {
            let e = table[Int32(b)]
            guard e.isValid else { continue }
            for i in 0..<singleCount {
                let w = model.singlePhoneWords[i]
                var s = table.exitScore(e, rightPhone: lexicon.firstPhone(w), model: model)
                if s != SearchScore.worst { s += language.score(lexicon.baseWord[Int(w)], e.realWord, e.previousRealWord) }
                if s > singleBest[i].score { singleBest[i] = (s, Int32(b)) }
            }
        }
        let sil = Int32(model.tables.silencePhone)
        for i in 0..<singleCount {
            let w = model.singlePhoneWords[i]
            if w == lexicon.startWord { continue }
            let phone = lexicon.firstPhone(w)
            let s = singleBest[i].score &+ p.phoneInsertion
            if s &+ Self.penalty(penalties, phone) > threshold && singleHMMs[i].accepts(s, currentFrame: f) {
                let from = table[singleBest[i].entry]
                singleHMMs[i].enter(score: s, history: singleBest[i].entry, frame: next)
                singleHMMs[i].id0 = model.leftContextSequence(first: phone, second: sil, left: from.lastPhone)
            }
        }
        // Silence and noise words, from the best exit into silence.
        let intoSilence = bestExitByPhone[Int(sil)]
        let silenceSlot = Int(model.singlePhoneSlot[Int(lexicon.silenceWord)])
        let silenceScore = intoSilence.score + p.silencePenalty + p.phoneInsertion
        if silenceSlot >= 0, silenceScore + Self.penalty(penalties, lexicon.firstPhone(lexicon.silenceWord)) > threshold,
           singleHMMs[silenceSlot].accepts(silenceScore, currentFrame: f) {
            singleHMMs[silenceSlot].enter(score: silenceScore, history: intoSilence.entry, frame: next)
        }
        let fillerScore = intoSilence.score + p.fillerPenalty + p.phoneInsertion
        for w in lexicon.firstFiller...lexicon.lastFiller where w != lexicon.silenceWord && w != lexicon.startWord {
            let slot = Int(model.singlePhoneSlot[Int(w)])
            guard slot >= 0 else { continue }
            if fillerScore + Self.penalty(penalties, lexicon.firstPhone(w)) > threshold
                && singleHMMs[slot].accepts(fillerScore, currentFrame: f) {
                singleHMMs[slot].enter(score: fillerScore, history: intoSilence.entry, frame: next)
            }
        }
    }

    /// Ends the pass after `frames` frames.
    mutating func finish(frames: Int) {
        table.markFrame(frames)
    }

    /// The best final entry without the later passes: `</s>` in the last frame with entries before
    /// the final one, else that frame's best (Sphinx ignores exits in the very last frame here).
    func bestFinalEntry() -> Int32? {
        Self.bestFinalEntry(table, frames: frameCount, finishWord: model.lexicon.finishWord)
    }

    static func bestFinalEntry(_ table: BackpointerTable, frames: Int, finishWord: Int32) -> Int32? {
        guard frames > 0 else { return nil }
        var f = frames - 1
        let end = table.frameStart.count > f ? table.frameStart[f] : Int32(table.count)
        while f >= 0 && table.frameStart[f] == end { f -= 1 }
        guard f >= 0 else { return nil }
        var best = SearchScore.worst, found: Int32? = nil
        for b in Int(table.frameStart[f])..<Int(end) {
            let e = table[Int32(b)]
            if e.word == finishWord || e.score > best { best = e.score; found = Int32(b) }
            if e.word == finishWord { break }
        }
        return found
    }
}
