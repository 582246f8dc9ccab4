import StenoCore

/// The acoustic model's structure in the flat integer tables the search reads in its inner loops,
/// plus the phone-in-context lookups (Sphinx's "dict2pid") the lexicon needs.
struct PhoneModelTables: Sendable {
    let basePhoneCount: Int
    let silencePhone: Int
    let senoneCount: Int
    /// Senone of (sequence, state) at `sequence * 3 + state`.
    let sequenceSenones: [Int32]
    /// Per transition matrix 3 × 4 penalties (from, to), ≤ 0; −255 where impossible.
    let transitions: [Int32]
    /// Context-independent senone sequence of each base phone.
    let ciSequence: [Int32]
    /// Transition matrix of each base phone.
    let phoneTransitionMatrix: [Int32]
    /// Whether each base phone is a filler.
    let phoneIsFiller: [Bool]
    /// Senones of all context-independent phones, ascending (what the phone loop scores).
    let ciSenones: [Int32]
    let topology: any AcousticModelTopology

    init(topology: any AcousticModelTopology) {
        precondition(topology.emittingStateCount == 3, "the search supports 3-state HMMs")
        self.topology = topology
        basePhoneCount = topology.basePhoneCount
        silencePhone = topology.silencePhone
        senoneCount = topology.senoneCount
        var senones = [Int32]()
        senones.reserveCapacity(topology.senoneSequenceCount * 3)
        for s in 0..<topology.senoneSequenceCount {
            let seq = topology.senones(ofSequence: s)
            senones.append(contentsOf: seq.prefix(3))
        }
        sequenceSenones = senones
        var matrices = Set<Int>()
        var ci = [Int32](), tmat = [Int32](), filler = [Bool]()
        var ciSet = Set<Int32>()
        for p in 0..<basePhoneCount {
            let seq = topology.senoneSequence(ofBasePhone: p)
            ci.append(Int32(seq))
            let m = topology.transitionMatrix(ofBasePhone: p)
            tmat.append(Int32(m))
            matrices.insert(m)
            filler.append(topology.isFiller(p))
            for k in 0..<3 { ciSet.insert(senones[seq * 3 + k]) }
        }
        ciSequence = ci
        phoneTransitionMatrix = tmat
        phoneIsFiller = filler
        ciSenones = ciSet.sorted()
        let matrixCount = (matrices.max() ?? 0) + 1
        var tp = [Int32](repeating: SearchScore.impossibleTransition, count: matrixCount * 12)
        for m in matrices {
            for from in 0..<3 {
                for to in 0..<4 {
                    let v = topology.transitionScore(matrix: m, from: from, to: to)
                    tp[m * 12 + from * 4 + to] = max(v, SearchScore.impossibleTransition)
                }
            }
        }
        transitions = tp
    }

    /// Fillers are heard as silence when they are a neighbour's context.
    @inline(__always)
    func contextPhone(_ phone: Int) -> Int {
        phoneIsFiller[phone] ? silencePhone : phone
    }

    /// The senone sequence of `base` between `left` and `right` at `position`.
    func sequence(base: Int, left: Int, right: Int, position: WordPosition) -> Int32 {
        Int32(topology.senoneSequence(base: base, left: contextPhone(left), right: contextPhone(right),
                                      position: position))
    }
}
