/// One three-state left-to-right phone HMM of the search, with its Viterbi scores and histories.
///
/// A plain HMM keeps the senone of each state in `id0...id2`. A multiplexed one (word-initial
/// phones whose left context changes, single-phone words) keeps a senone-sequence id per state
/// instead, so one HMM can carry different triphones in different states; ids travel with the
/// scores as they move right. Stored flat and small so the hot loops stay in cache.
struct SearchHMM {
    var score0: Int32 = SearchScore.worst
    var score1: Int32 = SearchScore.worst
    var score2: Int32 = SearchScore.worst
    var history0: Int32 = SearchScore.noHistory
    var history1: Int32 = SearchScore.noHistory
    var history2: Int32 = SearchScore.noHistory
    var exitScore: Int32 = SearchScore.worst
    var exitHistory: Int32 = SearchScore.noHistory
    var bestScore: Int32 = SearchScore.worst
    /// The frame this HMM is active in (−1: never).
    var frame: Int32 = -1
    var id0: Int32
    var id1: Int32
    var id2: Int32
    var transitionMatrix: Int32
    let isMultiplexed: Bool

    /// A plain HMM scoring the senones of `sequence`.
    init(plain sequence: Int, transitionMatrix: Int, tables: PhoneModelTables) {
        let base = sequence * 3
        id0 = tables.sequenceSenones[base]
        id1 = tables.sequenceSenones[base + 1]
        id2 = tables.sequenceSenones[base + 2]
        self.transitionMatrix = Int32(transitionMatrix)
        isMultiplexed = false
    }

    /// A multiplexed HMM whose first state starts with `sequence`.
    init(multiplexed sequence: Int, transitionMatrix: Int) {
        id0 = Int32(sequence)
        id1 = SearchScore.noSequence
        id2 = SearchScore.noSequence
        self.transitionMatrix = Int32(transitionMatrix)
        isMultiplexed = true
    }

    /// Forgets scores, histories and the frame stamp (multiplexed ids stay, as in Sphinx).
    @inline(__always)
    mutating func clear() {
        clearScores()
        history0 = SearchScore.noHistory; history1 = SearchScore.noHistory; history2 = SearchScore.noHistory
        exitHistory = SearchScore.noHistory
        frame = -1
    }

    /// Forgets the scores only.
    @inline(__always)
    mutating func clearScores() {
        score0 = SearchScore.worst; score1 = SearchScore.worst; score2 = SearchScore.worst
        exitScore = SearchScore.worst
        bestScore = SearchScore.worst
    }

    /// Starts a path in state 0.
    @inline(__always)
    mutating func enter(score: Int32, history: Int32, frame: Int32) {
        score0 = score
        history0 = history
        self.frame = frame
    }

    /// Whether an entry with `score` at `frame` (the current frame) is taken: the HMM is idle or
    /// the new score beats its state 0.
    @inline(__always)
    func accepts(_ score: Int32, currentFrame: Int32) -> Bool {
        frame < currentFrame || score > score0
    }

    /// Adds the senones this HMM needs now to `flags`.
    @inline(__always)
    func markActiveSenones(_ flags: UnsafeMutablePointer<UInt8>, sequences: UnsafePointer<Int32>) {
        if isMultiplexed {
            flags[Int(sequences[Int(id0) * 3])] = 1
            if id1 >= 0 { flags[Int(sequences[Int(id1) * 3 + 1])] = 1 }
            if id2 >= 0 { flags[Int(sequences[Int(id2) * 3 + 2])] = 1 }
        } else {
            flags[Int(id0)] = 1; flags[Int(id1)] = 1; flags[Int(id2)] = 1
        }
    }

    /// One Viterbi step on this frame's senone scores; returns and stores the best state score.
    ///
    /// `emissions[s]` is the normalised score of senone `s` (≤ 0); `transitions` holds, per matrix,
    /// 3 × 4 penalties (≤ 0, −255 = impossible). Order of updates and tie rules follow Sphinx.
    @inline(__always)
    @discardableResult
    mutating func evaluate(emissions: UnsafePointer<Int32>, sequences: UnsafePointer<Int32>,
                           transitions: UnsafePointer<Int32>) -> Int32 {
        let worst = SearchScore.worst
        let t = transitions + Int(transitionMatrix) * 12
        let t00 = t[0], t01 = t[1], t02 = t[2]
        let t11 = t[5], t12 = t[6], t13 = t[7]
        let t22 = t[10], t23 = t[11]
        var best: Int32
        if !isMultiplexed {
            let s2 = score2 + emissions[Int(id2)]
            let s1 = score1 + emissions[Int(id1)]
            let s0 = score0 + emissions[Int(id0)]
            best = worst
            var skip = Int32.min
            if s1 > worst {
                let fromLast = s2 + t23
                if t13 > SearchScore.impossibleTransition { skip = s1 + t13 }
                var exit: Int32
                if fromLast > skip { exit = fromLast; exitHistory = history2 } else { exit = skip; exitHistory = history1 }
                if exit < worst { exit = worst }
                exitScore = exit
                best = exit
            }
            let stay2 = s2 + t22, from1 = s1 + t12
            if t02 > SearchScore.impossibleTransition { skip = s0 + t02 }
            var new2: Int32
            if stay2 > from1 {
                if skip > stay2 { new2 = skip; history2 = history0 } else { new2 = stay2 }
            } else {
                if skip > from1 { new2 = skip; history2 = history0 } else { new2 = from1; history2 = history1 }
            }
            if new2 < worst { new2 = worst }
            if new2 > best { best = new2 }
            score2 = new2
            let stay1 = s1 + t11, from0 = s0 + t01
            var new1: Int32
            if stay1 > from0 { new1 = stay1 } else { new1 = from0; history1 = history0 }
            if new1 < worst { new1 = worst }
            if new1 > best { best = new1 }
            score1 = new1
            var new0 = s0 + t00
            if new0 < worst { new0 = worst }
            if new0 > best { best = new0 }
            score0 = new0
            bestScore = best
            return best
        }
        // Multiplexed: each state's senone comes from its own sequence id.
        var skip = Int32.min
        let s2: Int32, fromLast: Int32
        if id2 < 0 {
            s2 = worst; fromLast = worst
        } else {
            s2 = score2 + emissions[Int(sequences[Int(id2) * 3 + 2])]
            fromLast = s2 + t23
        }
        let s1: Int32
        if id1 < 0 {
            s1 = worst; skip = worst
        } else {
            s1 = score1 + emissions[Int(sequences[Int(id1) * 3 + 1])]
            if t13 > SearchScore.impossibleTransition { skip = s1 + t13 }
        }
        var exit: Int32
        if fromLast > skip { exit = fromLast; exitHistory = history2 } else { exit = skip; exitHistory = history1 }
        if exit < worst { exit = worst }
        exitScore = exit
        best = exit
        let s0 = score0 + emissions[Int(sequences[Int(id0) * 3])]
        let stay2 = s2 != worst ? s2 + t22 : worst
        let from1 = s1 != worst ? s1 + t12 : worst
        if t02 > SearchScore.impossibleTransition { skip = s0 + t02 }
        var new2: Int32
        if stay2 > from1 {
            if skip > stay2 { new2 = skip; history2 = history0; id2 = id0 } else { new2 = stay2 }
        } else {
            if skip > from1 {
                new2 = skip; history2 = history0; id2 = id0
            } else {
                new2 = from1; history2 = history1; id2 = id1
            }
        }
        if new2 < worst { new2 = worst }
        if new2 > best { best = new2 }
        score2 = new2
        let stay1 = s1 != worst ? s1 + t11 : worst
        let from0 = s0 + t01
        var new1: Int32
        if stay1 > from0 { new1 = stay1 } else { new1 = from0; history1 = history0; id1 = id0 }
        if new1 < worst { new1 = worst }
        if new1 > best { best = new1 }
        score1 = new1
        var new0 = s0 + t00
        if new0 < worst { new0 = worst }
        if new0 > best { best = new0 }
        score0 = new0
        bestScore = best
        return best
    }
}

extension SearchHMM {
    /// A plain HMM on explicit senones (for building small hand-checked cases).
    init(senones: (Int32, Int32, Int32), transitionMatrix: Int) {
        id0 = senones.0; id1 = senones.1; id2 = senones.2
        self.transitionMatrix = Int32(transitionMatrix)
        isMultiplexed = false
    }
}
