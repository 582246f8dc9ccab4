/// The second pass: Viterbi search over a flat lexicon (one HMM chain per word) restricted to the
/// words the tree pass found, re-entering each word with full trigram scores (Sphinx's fwdflat).
struct FlatSearch {
    let model: SearchModel
    private(set) var table: BackpointerTable
    var singleHMMs: [SearchHMM]
    var languageScorer: LanguageScorer
    private let frames: Int
    /// Words found by the first pass, per start frame: (word, first end frame, last end frame).
    private var startLists: [[(word: Int32, firstEnd: Int32, lastEnd: Int32)]]
    /// Distinct words of the start lists in frame order.
    private(set) var vocabulary: [Int32] = []
    /// Per word: first HMM of its chain in `pool` (−1: single-phone or not in the vocabulary).
    private var chainBase: [Int32]
    private var chainInternalCount: [Int32]
    private var pool: [SearchHMM] = []
    private var activeWords: [[Int32]] = [[], []]
    private var wordFlag: [Bool]
    /// The words whose flag is set, so that clearing them each frame does not sweep the whole
    /// lexicon (135k flags per frame was most of this pass's pruning time).
    private var flaggedWords: [Int32] = []
    private var bestScore: Int32 = 0
    private var senones: ActiveSenones
    private var expandSeen: [Bool]

    init(model: SearchModel, firstPass: BackpointerTable, frames: Int, singleHMMs: [SearchHMM],
         languageScorer: LanguageScorer) {
        self.model = model
        self.frames = frames
        self.languageScorer = languageScorer
        let lexicon = model.lexicon
        let n = lexicon.count
        var lists = [[(word: Int32, firstEnd: Int32, lastEnd: Int32)]](repeating: [], count: frames + 1)
        for i in 0..<firstPass.count {
            let e = firstPass[Int32(i)]
            guard model.modelID[Int(e.word)] >= 0 else { continue }
            let sf = e.predecessor < 0 ? 0 : Int(firstPass[e.predecessor].frame) + 1
            guard sf < lists.count else { continue }
            if let k = lists[sf].firstIndex(where: { $0.word == e.word }) {
                lists[sf][k].lastEnd = e.frame
            } else {
                lists[sf].insert((e.word, e.frame, e.frame), at: 0)
            }
        }
        let minimum = Int32(model.parameters.flatMinimumEndFrames)
        for f in lists.indices {
            lists[f].removeAll { $0.lastEnd - $0.firstEnd < minimum
                || ($0.word == lexicon.finishWord && Int($0.lastEnd) < frames - 1) }
        }
        startLists = lists
        var seen = [Bool](repeating: false, count: n)
        var words = [Int32]()
        for f in 0..<frames { for node in lists[f] where !seen[Int(node.word)] { seen[Int(node.word)] = true; words.append(node.word) } }
        vocabulary = words
        chainBase = [Int32](repeating: -1, count: n)
        chainInternalCount = [Int32](repeating: 0, count: n)
        for w in words where lexicon.phoneCount(w) > 1 {
            chainBase[Int(w)] = Int32(pool.count)
            let first = Int(lexicon.firstPhone(w))
            pool.append(SearchHMM(multiplexed: Int(model.tables.ciSequence[first]),
                                  transitionMatrix: Int(model.tables.phoneTransitionMatrix[first])))
            let count = lexicon.phoneCount(w)
            for k in 1..<(count - 1) where count > 2 {
                let phone = Int(lexicon.phone(w, k))
                pool.append(SearchHMM(plain: Int(SearchModel.internalSequence(lexicon, model.tables, w, k)),
                                      transitionMatrix: Int(model.tables.phoneTransitionMatrix[phone]),
                                      tables: model.tables))
            }
            chainInternalCount[Int(w)] = Int32(max(0, count - 2))
            pool.append(contentsOf: model.rightContextHMMs(w))
        }
        table = BackpointerTable(wordCount: n)
        var singles = singleHMMs
        for i in singles.indices { singles[i].clear() }
        let start = Int(model.singlePhoneSlot[Int(lexicon.startWord)])
        singles[start].enter(score: 0, history: SearchScore.noHistory, frame: 0)
        self.singleHMMs = singles
        activeWords[0] = [lexicon.startWord]
        wordFlag = [Bool](repeating: false, count: n)
        senones = ActiveSenones(senoneCount: model.tables.senoneCount)
        expandSeen = [Bool](repeating: false, count: n)
    }

    /// Marks `w` active for the next frame.
    @inline(__always) private mutating func flag(_ w: Int32) {
        if !wordFlag[Int(w)] {
            wordFlag[Int(w)] = true
            flaggedWords.append(w)
        }
    }

    @inline(__always) private func chainLength(_ w: Int32) -> Int {
        1 + Int(chainInternalCount[Int(w)]) + model.rightContextCount(w)
    }

    /// The senones frame `f` needs.
    mutating func activeSenones(frame f: Int32) -> [Int32] {
        let seq = model.tables.sequenceSenones
        var collector = ActiveSenones(senoneCount: 0)
        swap(&collector, &senones)
        collector.mark { flags in
            seq.withUnsafeBufferPointer { sp in
                let s = sp.baseAddress!
                for w in activeWords[Int(f & 1)] {
                    let base = Int(chainBase[Int(w)])
                    if base < 0 {
                        let slot = Int(model.singlePhoneSlot[Int(w)])
                        if singleHMMs[slot].frame == f { singleHMMs[slot].markActiveSenones(flags, sequences: s) }
                    } else {
                        for k in base..<(base + chainLength(w)) where pool[k].frame == f {
                            pool[k].markActiveSenones(flags, sequences: s)
                        }
                    }
                }
            }
        }
        let list = collector.takeList()
        swap(&collector, &senones)
        return list
    }

    mutating func step(frame f: Int32, emissions: UnsafePointer<Int32>) {
        table.markFrame(Int(f))
        guard bestScore > SearchScore.worst else { return }
        let finish = model.lexicon.finishWord
        var best = SearchScore.worst
        let current = activeWords[Int(f & 1)]
        model.tables.sequenceSenones.withUnsafeBufferPointer { sp in
            model.tables.transitions.withUnsafeBufferPointer { tp in
                let s = sp.baseAddress!, t = tp.baseAddress!
                for w in current {
                    let base = Int(chainBase[Int(w)])
                    if base < 0 {
                        let slot = Int(model.singlePhoneSlot[Int(w)])
                        if singleHMMs[slot].frame == f {
                            let v = singleHMMs[slot].evaluate(emissions: emissions, sequences: s, transitions: t)
                            if v > best && w != finish { best = v }
                        }
                    } else {
                        if pool[base].frame == f {
                            let v = pool[base].evaluate(emissions: emissions, sequences: s, transitions: t)
                            if v > best && w != finish { best = v }
                        }
                        for k in (base + 1)..<(base + chainLength(w)) where pool[k].frame == f {
                            let v = pool[k].evaluate(emissions: emissions, sequences: s, transitions: t)
                            if v > best { best = v }
                        }
                    }
                }
            }
        }
        bestScore = best
        prune(frame: f, words: current)
        wordTransition(frame: f, words: current)
        var nextList = [Int32]()
        let start = model.lexicon.startWord
        for w in vocabulary where wordFlag[Int(w)] && w < start { nextList.append(w) }
        for w in start..<Int32(model.lexicon.count) where wordFlag[Int(w)] { nextList.append(w) }
        activeWords[Int((f + 1) & 1)] = nextList
    }

    /// Enters the HMM(s) after position `k` of `w`'s chain: the next internal phone, or every right-context HMM.
    private mutating func enterSuccessors(of w: Int32, after k: Int, score: Int32, history: Int32, frame f: Int32) {
        let base = Int(chainBase[Int(w)])
        let internalEnd = 1 + Int(chainInternalCount[Int(w)])
        if k + 1 < internalEnd {
            let i = base + k + 1
            if pool[i].accepts(score, currentFrame: f) { pool[i].enter(score: score, history: history, frame: f + 1) }
        } else {
            for i in (base + internalEnd)..<(base + chainLength(w)) where pool[i].accepts(score, currentFrame: f) {
                pool[i].enter(score: score, history: history, frame: f + 1)
            }
        }
    }

    private mutating func prune(frame f: Int32, words: [Int32]) {
        let p = model.parameters
        let next = f + 1
        let threshold = bestScore + p.flatBeam
        let wordThreshold = bestScore + p.flatWordBeam
        for w in flaggedWords { wordFlag[Int(w)] = false }
        flaggedWords.removeAll(keepingCapacity: true)
        for w in words {
            let base = Int(chainBase[Int(w)])
            if base < 0 {
                let slot = Int(model.singlePhoneSlot[Int(w)])
                if singleHMMs[slot].frame == f && singleHMMs[slot].bestScore > threshold {
                    singleHMMs[slot].frame = next
                    flag(w)
                    let s = singleHMMs[slot].exitScore
                    if s > wordThreshold {
                        table.save(frame: f, word: w, score: s, predecessor: singleHMMs[slot].exitHistory,
                                   rightContext: 0, model: model)
                    }
                }
                continue
            }
            if pool[base].frame == f && pool[base].bestScore > threshold {
                pool[base].frame = next
                flag(w)
                let s = pool[base].exitScore + p.phoneInsertion
                if s > threshold { enterSuccessors(of: w, after: 0, score: s, history: pool[base].exitHistory, frame: f) }
            }
            let internalEnd = 1 + Int(chainInternalCount[Int(w)])
            for k in 1..<chainLength(w) {
                let i = base + k
                guard pool[i].frame >= f else { continue }
                if pool[i].bestScore > threshold {
                    pool[i].frame = next
                    flag(w)
                    if k < internalEnd {
                        let s = pool[i].exitScore + p.phoneInsertion
                        if s > threshold { enterSuccessors(of: w, after: k, score: s, history: pool[i].exitHistory, frame: f) }
                    } else if pool[i].exitScore > wordThreshold {
                        table.save(frame: f, word: w, score: pool[i].exitScore, predecessor: pool[i].exitHistory,
                                   rightContext: k - internalEnd, model: model)
                    }
                } else if pool[i].frame != next {
                    pool[i].clearScores()
                }
            }
        }
    }

    /// Enters `w`'s first HMM.
    @discardableResult
    private mutating func enterWord(_ w: Int32, score: Int32, history: Int32, frame f: Int32, leftPhone: Int32?) -> Bool {
        let lexicon = model.lexicon
        let base = Int(chainBase[Int(w)])
        if base < 0 {
            let slot = Int(model.singlePhoneSlot[Int(w)])
            guard slot >= 0, singleHMMs[slot].accepts(score, currentFrame: f) else { return false }
            singleHMMs[slot].enter(score: score, history: history, frame: f + 1)
            if let left = leftPhone {
                singleHMMs[slot].id0 = model.leftContextSequence(first: lexicon.firstPhone(w),
                                                                 second: Int32(model.tables.silencePhone), left: left)
            }
        } else {
            guard pool[base].accepts(score, currentFrame: f) else { return false }
            pool[base].enter(score: score, history: history, frame: f + 1)
            if let left = leftPhone {
                pool[base].id0 = model.leftContextSequence(first: lexicon.firstPhone(w), second: lexicon.phone(w, 1),
                                                           left: left)
            }
        }
        flag(w)
        return true
    }

    private mutating func wordTransition(frame f: Int32, words: [Int32]) {
        let lexicon = model.lexicon
        let p = model.parameters
        let threshold = bestScore + p.flatBeam
        let window = p.flatStartWindowFrames
        var expand = [Int32]()
        for fr in max(Int(f) - window, 0)..<min(Int(f) + window, frames) {
            for node in startLists[fr] where !expandSeen[Int(node.word)] {
                expandSeen[Int(node.word)] = true
                expand.append(node.word)
            }
        }
        for w in expand { expandSeen[Int(w)] = false }
        var bestSilence = SearchScore.worst, bestSilenceEntry: Int32 = 0
        let sil = Int32(model.tables.silencePhone)
        let language = languageScorer
        for b in table.range(ofFrame: Int(f)) {
            let e = table[Int32(b)]
            table.forgetWordEntry(e.word)
            if e.word == lexicon.finishWord { continue }
            for w in expand {
                var s = table.exitScore(e, rightPhone: lexicon.firstPhone(w), model: model)
                if s == SearchScore.worst { continue }
                s = SearchScore.addWeighted(s, p.flatWeightRatio,
                                            language.score(lexicon.baseWord[Int(w)], e.realWord, e.previousRealWord))
                s += p.phoneInsertion
                if s > threshold {
                    enterWord(w, score: s, history: Int32(b), frame: f, leftPhone: e.lastPhone)
                }
            }
            let intoSilence = table.exitScore(e, rightPhone: sil, model: model)
            if intoSilence > bestSilence { bestSilence = intoSilence; bestSilenceEntry = Int32(b) }
        }
        let silenceScore = bestSilence + p.silencePenalty + p.phoneInsertion
        if silenceScore > threshold && silenceScore > SearchScore.worst {
            enterWord(lexicon.silenceWord, score: silenceScore, history: bestSilenceEntry, frame: f, leftPhone: nil)
        }
        let fillerScore = bestSilence + p.fillerPenalty + p.phoneInsertion
        if fillerScore > threshold && fillerScore > SearchScore.worst {
            for w in lexicon.firstFiller...lexicon.lastFiller where w != lexicon.silenceWord {
                guard model.singlePhoneSlot[Int(w)] >= 0 else { continue }
                enterWord(w, score: fillerScore, history: bestSilenceEntry, frame: f, leftPhone: nil)
            }
        }
        for w in words {
            let base = Int(chainBase[Int(w)])
            if base < 0 {
                let slot = Int(model.singlePhoneSlot[Int(w)])
                if singleHMMs[slot].frame == f { singleHMMs[slot].clearScores() }
            } else if pool[base].frame == f {
                pool[base].clearScores()
            }
        }
    }

    mutating func finish() {
        table.markFrame(frames)
    }
}
