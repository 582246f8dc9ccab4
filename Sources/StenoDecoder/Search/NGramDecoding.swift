import StenoCore

/// One utterance through all passes: schedules senone scoring and the passes frame by frame.
struct NGramDecoding {
    let model: SearchModel
    let features: FeatureMatrix
    let session: any SenoneScoringSession
    var language: LanguageScorer

    init(model: SearchModel, features: FeatureMatrix, session: any SenoneScoringSession, language: LanguageScorer) {
        self.model = model
        self.features = features
        self.session = session
        self.language = language
    }

    mutating func run(alternatives: Int) -> DecodingResult {
        let frames = features.frameCount
        guard frames > 0 else { return .empty(frames: 0) }
        let p = model.parameters
        let window = p.lookaheadFrames
        var loopScores = [Int32](repeating: 0, count: model.tables.senoneCount)
        var scores = [Int32](repeating: 0, count: model.tables.senoneCount)
        var loop = PhoneLoop(tables: model.tables, window: max(window, 1))
        var tree = TreeSearch(model: model, languageScorer: language)
        let ciSet = SenoneSet.active(model.tables.ciSenones)
        let noPenalties = [Int32]()
        func treeStep(_ f: Int) {
            let list = tree.activeSenones(frame: Int32(f))
            session.score(frame: f, of: features, senones: .active(list), into: &scores)
            scores.withUnsafeBufferPointer { s in
                tree.step(frame: Int32(f), emissions: s.baseAddress!, penalties: window > 0 ? loop.penalties : noPenalties)
            }
        }
        for t in 0..<frames {
            if window > 0 {
                session.score(frame: t, of: features, senones: ciSet, into: &loopScores)
                loopScores.withUnsafeBufferPointer { s in
                    loop.step(frame: Int32(t), emissions: s.baseAddress!, tables: model.tables, parameters: p)
                }
            }
            if t >= window { treeStep(t - window) }
        }
        for t in max(frames - window, 0)..<frames where window > 0 { treeStep(t) }
        tree.finish(frames: frames)
        language = tree.languageScorer
        var table = tree.table
        if p.runsFlatPass {
            // The second pass scores every frame afresh; the scorer's history carries on.
            session.rewind()
            var flat = FlatSearch(model: model, firstPass: tree.table, frames: frames, singleHMMs: tree.singleHMMs,
                                  languageScorer: language)
            for t in 0..<frames {
                let list = flat.activeSenones(frame: Int32(t))
                session.score(frame: t, of: features, senones: .active(list), into: &scores)
                scores.withUnsafeBufferPointer { s in flat.step(frame: Int32(t), emissions: s.baseAddress!) }
            }
            flat.finish()
            language = flat.languageScorer
            table = flat.table
        }
        if p.runsBestPath, var lattice = WordLattice(table: table, frames: frames, model: model, language: &language),
           let best = lattice.bestPath(model: model, language: &language) {
            let posteriors = lattice.nodePosteriors(model: model, language: &language)
            var result = DecodingResult(segments: segments(of: best.links, in: lattice, posteriors: posteriors),
                                        pathScore: best.score, frameCount: frames)
            if alternatives > 0 {
                // The exact best path first, then the lattice's next-best distinct transcripts.
                let others = lattice.alternatives(count: alternatives + 1, model: model, language: &language)
                    .filter { $0.text != result.text }
                result.alternatives = Array(([(result.text, result.pathScore)] + others).prefix(alternatives))
            }
            return result
        }
        return backtrace(table: table, frames: frames)
    }

    private func segment(_ w: Int32, start: Int32, end: Int32, confidence: Double) -> RecognizedWord {
        let lexicon = model.lexicon
        return RecognizedWord(entry: lexicon.spellings[Int(w)], word: lexicon.baseSpelling(w), startFrame: Int(start),
                              endFrame: Int(end), confidence: confidence, isFiller: !lexicon.isReal(w))
    }

    private func segments(of path: [Int32], in lattice: WordLattice, posteriors: [Double]) -> [RecognizedWord] {
        var out = [RecognizedWord]()
        for l in path {
            let link = lattice.links[Int(l)]
            let node = lattice.nodes[Int(link.from)]
            out.append(segment(node.word, start: node.startFrame, end: link.endFrame, confidence: posteriors[Int(link.from)]))
        }
        let end = lattice.nodes[Int(lattice.end)]
        out.append(segment(end.word, start: end.startFrame, end: end.lastEndFrame, confidence: posteriors[Int(lattice.end)]))
        return out
    }

    /// The hypothesis straight from the backpointer table when there is no lattice.
    private func backtrace(table: BackpointerTable, frames: Int) -> DecodingResult {
        guard let last = TreeSearch.bestFinalEntry(table, frames: frames, finishWord: model.lexicon.finishWord) else {
            return .empty(frames: frames)
        }
        var out = [RecognizedWord]()
        var b = last
        while b >= 0 {
            let e = table[b]
            let start = e.predecessor < 0 ? 0 : table[e.predecessor].frame + 1
            out.append(segment(e.word, start: start, end: e.frame, confidence: 1))
            b = e.predecessor
        }
        return DecodingResult(segments: out.reversed(), pathScore: table[last].score, frameCount: frames)
    }
}
