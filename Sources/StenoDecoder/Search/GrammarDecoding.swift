import Foundation
import StenoCore

/// One utterance through the grammar search.
struct GrammarDecoding {
    let search: GrammarSearch
    private var hmms: [SearchHMM]
    private var chainStart: [Int]
    private var active: [[Int32]] = [[], []]
    private var arcFlag: [Bool]
    private var entries: [Entry] = []
    private var stack: [Int32] = []
    private var frameStart: [Int] = []
    private var entryOfArc: [Int32]
    private var bestScore: Int32 = 0
    private var senones: ActiveSenones
    /// Best score among all word exits of each frame (for confidences).
    private var bestExit: [Int32] = []

    struct Entry {
        var frame: Int32
        var arc: Int32
        var predecessor: Int32
        var score: Int32
        var stackIndex: Int32
    }

    init(search: GrammarSearch) {
        self.search = search
        var all = [SearchHMM](), starts = [Int]()
        for c in search.chains { starts.append(all.count); all.append(contentsOf: c) }
        starts.append(all.count)
        hmms = all
        chainStart = starts
        arcFlag = [Bool](repeating: false, count: search.arcs.count)
        entryOfArc = [Int32](repeating: -1, count: search.arcs.count)
        senones = ActiveSenones(senoneCount: search.tables.senoneCount)
    }

    private func exitScore(_ e: Entry, rightPhone: Int32) -> Int32 {
        if e.stackIndex < 0 { return e.score }
        return stack[Int(e.stackIndex) + Int(search.rightContextMaps[Int(e.arc)][Int(rightPhone)])]
    }

    private mutating func enterArc(_ a: Int32, score: Int32, history: Int32, leftPhone: Int32, frame f: Int32) {
        let i = chainStart[Int(a)]
        guard hmms[i].accepts(score, currentFrame: f) else { return }
        hmms[i].enter(score: score, history: history, frame: f + 1)
        hmms[i].id0 = search.firstSequence(search.arcs[Int(a)].word, left: leftPhone)
        if !arcFlag[Int(a)] { arcFlag[Int(a)] = true; active[Int((f + 1) & 1)].append(a) }
    }

    private mutating func save(frame f: Int32, arc a: Int32, score: Int32, history: Int32, rightContext rc: Int) {
        let existing = entryOfArc[Int(a)]
        if existing >= 0 {
            let i = Int(existing)
            if entries[i].score < score { entries[i].score = score; entries[i].predecessor = history }
            if entries[i].stackIndex >= 0 { stack[Int(entries[i].stackIndex) + rc] = score }
            return
        }
        let count = search.lexicon.phoneCount(search.arcs[Int(a)].word)
        var stackIndex: Int32 = -1
        if count > 1 {
            stackIndex = Int32(stack.count)
            let n = chainStart[Int(a) + 1] - chainStart[Int(a)] - 1 - search.internalCounts[Int(a)]
            stack.append(contentsOf: repeatElement(SearchScore.worst, count: n))
            stack[Int(stackIndex) + rc] = score
        }
        entryOfArc[Int(a)] = Int32(entries.count)
        entries.append(Entry(frame: f, arc: a, predecessor: history, score: score, stackIndex: stackIndex))
    }

    mutating func run(features: FeatureMatrix, session: any SenoneScoringSession) -> DecodingResult {
        let frames = features.frameCount
        guard frames > 0 else { return .empty(frames: 0) }
        let sil = Int32(search.tables.silencePhone)
        for (state, nullScore) in search.closure[Int(search.startState)] {
            for a in search.arcsFrom[Int(state)] {
                enterArc(a, score: nullScore + search.arcs[Int(a)].score, history: -1, leftPhone: sil, frame: -1)
            }
        }
        var scores = [Int32](repeating: 0, count: search.tables.senoneCount)
        for t in 0..<frames {
            let f = Int32(t)
            frameStart.append(entries.count)
            let list = activeSenones(frame: f)
            session.score(frame: t, of: features, senones: .active(list), into: &scores)
            scores.withUnsafeBufferPointer { s in step(frame: f, emissions: s.baseAddress!) }
        }
        frameStart.append(entries.count)
        return backtrace(frames: frames)
    }

    private mutating func activeSenones(frame f: Int32) -> [Int32] {
        var collector = ActiveSenones(senoneCount: 0)
        swap(&collector, &senones)
        let seq = search.tables.sequenceSenones
        collector.mark { flags in
            seq.withUnsafeBufferPointer { sp in
                for a in active[Int(f & 1)] {
                    for i in chainStart[Int(a)]..<chainStart[Int(a) + 1] where hmms[i].frame == f {
                        hmms[i].markActiveSenones(flags, sequences: sp.baseAddress!)
                    }
                }
            }
        }
        let list = collector.takeList()
        swap(&collector, &senones)
        return list
    }

    private mutating func step(frame f: Int32, emissions: UnsafePointer<Int32>) {
        let current = active[Int(f & 1)]
        active[Int((f + 1) & 1)].removeAll(keepingCapacity: true)
        for a in current { arcFlag[Int(a)] = false }
        var best = SearchScore.worst
        search.tables.sequenceSenones.withUnsafeBufferPointer { sp in
            search.tables.transitions.withUnsafeBufferPointer { tp in
                for a in current {
                    for i in chainStart[Int(a)]..<chainStart[Int(a) + 1] where hmms[i].frame == f {
                        let v = hmms[i].evaluate(emissions: emissions, sequences: sp.baseAddress!, transitions: tp.baseAddress!)
                        if v > best { best = v }
                    }
                }
            }
        }
        bestScore = best
        guard best > SearchScore.worst else { bestExit.append(SearchScore.worst); return }
        let p = search.parameters
        let threshold = best + p.beam
        let wordThreshold = best + p.wordBeam
        let next = f + 1
        for a in current {
            let start = chainStart[Int(a)], end = chainStart[Int(a) + 1]
            let internalEnd = start + 1 + search.internalCounts[Int(a)]
            let single = end - start == 1
            var alive = false
            for i in start..<end where hmms[i].frame >= f {
                guard hmms[i].bestScore > threshold else {
                    if hmms[i].frame != next { hmms[i].clearScores() }
                    continue
                }
                hmms[i].frame = next
                alive = true
                if single {
                    if hmms[i].exitScore > wordThreshold {
                        save(frame: f, arc: a, score: hmms[i].exitScore, history: hmms[i].exitHistory, rightContext: 0)
                    }
                } else if i < internalEnd {
                    let s = hmms[i].exitScore + p.phoneInsertion
                    guard s > threshold else { continue }
                    let history = hmms[i].exitHistory
                    let targets = i + 1 < internalEnd ? (i + 1)..<(i + 2) : internalEnd..<end
                    for j in targets where hmms[j].accepts(s, currentFrame: f) {
                        hmms[j].enter(score: s, history: history, frame: next)
                    }
                } else if hmms[i].exitScore > wordThreshold {
                    save(frame: f, arc: a, score: hmms[i].exitScore, history: hmms[i].exitHistory,
                         rightContext: i - internalEnd)
                }
            }
            if alive && !arcFlag[Int(a)] { arcFlag[Int(a)] = true; active[Int(next & 1)].append(a) }
        }
        // Word transitions from this frame's exits.
        var frameBest = SearchScore.worst
        let lexicon = search.lexicon
        for b in frameStart[Int(f)]..<entries.count {
            let e = entries[b]
            entryOfArc[Int(e.arc)] = -1
            frameBest = max(frameBest, e.score)
            let arc = search.arcs[Int(e.arc)]
            let lastPhone = lexicon.lastPhone(arc.word)
            for (state, nullScore) in search.closure[Int(arc.to)] {
                for a in search.arcsFrom[Int(state)] {
                    let target = search.arcs[Int(a)]
                    let exit = exitScore(e, rightPhone: lexicon.firstPhone(target.word))
                    guard exit > SearchScore.worst else { continue }
                    let s = exit + nullScore + target.score + p.phoneInsertion
                    if s > threshold { enterArc(a, score: s, history: Int32(b), leftPhone: lastPhone, frame: f) }
                }
            }
        }
        bestExit.append(frameBest)
    }

    /// Best complete path: an exit reaching the final state in the latest frame that has one.
    private func backtrace(frames: Int) -> DecodingResult {
        var chosen: Int32 = -1, chosenScore = SearchScore.worst
        var f = frames - 1
        while f >= 0 && chosen < 0 {
            for b in frameStart[f]..<frameStart[f + 1] {
                let e = entries[b]
                guard let toFinal = search.closure[Int(search.arcs[Int(e.arc)].to)]
                    .first(where: { $0.state == search.finalState }) else { continue }
                let s = e.score + toFinal.score
                if s > chosenScore { chosenScore = s; chosen = Int32(b) }
            }
            f -= 1
        }
        guard chosen >= 0 else { return .empty(frames: frames) }
        let lexicon = search.lexicon
        let unit = 1024.0 * Foundation.log(1.0001) * search.parameters.posteriorAcousticScale
        var out = [RecognizedWord]()
        var b = chosen
        while b >= 0 {
            let e = entries[Int(b)]
            let w = search.arcs[Int(e.arc)].word
            let start = e.predecessor < 0 ? 0 : Int(entries[Int(e.predecessor)].frame) + 1
            // Confidence: how close this exit is to the best exit of its frame.
            let gap = Double(Int(e.score) - Int(bestExit[Int(e.frame)]))
            let confidence = min(1, max(0, Foundation.exp(gap * unit)))
            out.append(RecognizedWord(entry: lexicon.spellings[Int(w)], word: lexicon.baseSpelling(w),
                                      startFrame: start, endFrame: Int(e.frame), confidence: confidence,
                                      isFiller: !lexicon.isReal(w)))
            b = e.predecessor
        }
        return DecodingResult(segments: out.reversed(), pathScore: chosenScore, frameCount: frames)
    }
}
