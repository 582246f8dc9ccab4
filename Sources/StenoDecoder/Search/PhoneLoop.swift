/// The phone-loop lookahead: a loop of context-independent phone HMMs run a few frames ahead of the
/// tree search. Its per-phone penalties (how far each phone trails the best over the window) tighten
/// the tree's beam tests without touching stored scores.
struct PhoneLoop {
    private var hmms: [SearchHMM]
    private var ring: [Int32]
    private var ringRow = 0
    private let window: Int
    private let phoneCount: Int
    /// Current penalty per base phone (≤ 0).
    private(set) var penalties: [Int32]
    private var best: Int32 = 0

    init(tables: PhoneModelTables, window: Int) {
        phoneCount = tables.basePhoneCount
        self.window = window
        hmms = (0..<phoneCount).map {
            var h = SearchHMM(plain: Int(tables.ciSequence[$0]), transitionMatrix: Int(tables.phoneTransitionMatrix[$0]),
                              tables: tables)
            h.enter(score: 0, history: -1, frame: 0)
            return h
        }
        ring = [Int32](repeating: 0, count: max(window, 1) * phoneCount)
        penalties = [Int32](repeating: 0, count: phoneCount)
    }

    /// Advances the loop over frame `frame` with that frame's (context-independent) senone scores.
    mutating func step(frame: Int32, emissions: UnsafePointer<Int32>, tables: PhoneModelTables,
                       parameters: IntegerSearchParameters) {
        let worst = SearchScore.worst
        tables.sequenceSenones.withUnsafeBufferPointer { seq in
            tables.transitions.withUnsafeBufferPointer { tp in
                var b = worst
                for i in 0..<phoneCount where hmms[i].frame >= frame {
                    let s = hmms[i].evaluate(emissions: emissions, sequences: seq.baseAddress!, transitions: tp.baseAddress!)
                    if s > b { b = s }
                }
                best = b
            }
        }
        let row = ringRow * phoneCount
        for i in 0..<phoneCount {
            ring[row + i] = Int32(Double(hmms[i].bestScore - best) * parameters.lookaheadWeight)
        }
        ringRow = (ringRow + 1) % window
        for i in 0..<phoneCount {
            var m = ring[i]
            for r in 1..<window { m = max(m, ring[r * phoneCount + i]) }
            penalties[i] = m
        }
        let next = frame + 1
        let keep = best + parameters.lookaheadBeam
        for i in 0..<phoneCount where hmms[i].frame >= frame {
            if hmms[i].bestScore > keep { hmms[i].frame = next } else { hmms[i].clearScores() }
        }
        let enterThreshold = best + parameters.lookaheadPhoneBeam
        for i in 0..<phoneCount where hmms[i].frame == next {
            let s = hmms[i].exitScore + parameters.lookaheadPhoneInsertion
            guard s > enterThreshold else { continue }
            let history = hmms[i].exitHistory
            for j in 0..<phoneCount where hmms[j].accepts(s, currentFrame: frame) {
                hmms[j].enter(score: s, history: history, frame: next)
            }
        }
    }
}
