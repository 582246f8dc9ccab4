import Testing
@testable import StenoDecoder

/// The Viterbi update against cases worked out by hand from the rules in SPHINX_NOTES.md §8.1.
struct SearchHMMTests {
    /// One matrix: self-loops −1, 0, −1; next-state −17, −28, −22; skips impossible.
    let transitions: [Int32] = [-1, -17, -255, -255, -255, 0, -28, -255, -255, -255, -1, -22]
    /// Senones 0, 1, 2 score −10, −20, −30; one sequence (0, 1, 2).
    let emissions: [Int32] = [-10, -20, -30]
    let sequences: [Int32] = [0, 1, 2]

    func run(_ hmm: inout SearchHMM, frames: Int) {
        for _ in 0..<frames {
            emissions.withUnsafeBufferPointer { e in
                sequences.withUnsafeBufferPointer { s in
                    transitions.withUnsafeBufferPointer { t in
                        _ = hmm.evaluate(emissions: e.baseAddress!, sequences: s.baseAddress!, transitions: t.baseAddress!)
                    }
                }
            }
        }
    }

    @Test func plainHMMThreeFrames() {
        var hmm = SearchHMM(senones: (0, 1, 2), transitionMatrix: 0)
        hmm.enter(score: 0, history: 5, frame: 0)
        run(&hmm, frames: 1)
        #expect(hmm.score0 == -11 && hmm.score1 == -27 && hmm.score2 == SearchScore.worst)
        #expect(hmm.exitScore == SearchScore.worst && hmm.bestScore == -11 && hmm.history1 == 5)
        run(&hmm, frames: 1)
        #expect(hmm.score0 == -22 && hmm.score1 == -38 && hmm.score2 == -75)
        #expect(hmm.exitScore == SearchScore.worst && hmm.history2 == 5)
        run(&hmm, frames: 1)
        #expect(hmm.score0 == -33 && hmm.score1 == -49 && hmm.score2 == -86)
        #expect(hmm.exitScore == -127 && hmm.exitHistory == 5 && hmm.bestScore == -33)
    }

    @Test func exitKeepsOldValueWhileStateOneIsDead() {
        var hmm = SearchHMM(senones: (0, 1, 2), transitionMatrix: 0)
        hmm.exitScore = -7
        hmm.exitHistory = 9
        hmm.enter(score: 0, history: 1, frame: 0)
        run(&hmm, frames: 1)
        // State 1 was at worst before the update, so a plain HMM does not recompute its exit.
        #expect(hmm.exitScore == -7 && hmm.exitHistory == 9)
    }

    @Test func multiplexedHMMCarriesSequenceIDs() {
        var hmm = SearchHMM(multiplexed: 0, transitionMatrix: 0)
        hmm.exitScore = -7
        hmm.enter(score: 0, history: 3, frame: 0)
        run(&hmm, frames: 1)
        // A multiplexed HMM always recomputes its exit: worst here.
        #expect(hmm.exitScore == SearchScore.worst)
        #expect(hmm.score1 == -27 && hmm.id1 == 0 && hmm.history1 == 3)
        #expect(hmm.score2 == SearchScore.worst && hmm.id2 == -1)
        run(&hmm, frames: 2)
        #expect(hmm.score0 == -33 && hmm.score1 == -49 && hmm.score2 == -86 && hmm.id2 == 0)
        #expect(hmm.exitScore == -127 && hmm.exitHistory == 3)
    }

    @Test func tieBetweenStayingAndAdvancingTakesTheAdvance() {
        var hmm = SearchHMM(senones: (0, 1, 2), transitionMatrix: 0)
        // Staying in state 2: −117 − 30 − 1 = −148; coming from state 1: −100 − 20 − 28 = −148.
        hmm.score2 = -117; hmm.history2 = 7
        hmm.score1 = -100; hmm.history1 = 8
        run(&hmm, frames: 1)
        #expect(hmm.score2 == -148)
        #expect(hmm.history2 == 8)
    }

    @Test func activeSenoneListBridgesLongGaps() {
        var active = ActiveSenones(senoneCount: 1000)
        active.mark { $0[300] = 1 }
        #expect(active.takeList() == [255, 300])
        active.mark { $0[0] = 1; $0[600] = 1 }
        #expect(active.takeList() == [0, 255, 510, 600])
        #expect(active.takeList().isEmpty)
    }

    @Test func integerParametersMatchSphinx() {
        let p = IntegerSearchParameters(SearchParameters())
        #expect(p.beam == -1080 && p.wordBeam == -634 && p.lastPhoneBeam == -900 && p.flatBeam == -1440)
        #expect(p.lookaheadBeam == -225 && p.silencePenalty == -52 && p.fillerPenalty == -180)
        #expect(p.logWordInsertion == -4308)
        #expect(p.bestPathWeightRatio == Float(9.5) / Float(6.5))
    }
}
