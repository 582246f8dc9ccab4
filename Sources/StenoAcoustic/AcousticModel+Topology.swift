import StenoCore

extension AcousticModel: AcousticModelTopology {
    public var basePhoneCount: Int { definition.basePhoneCount }
    public func phoneName(_ basePhone: Int) -> String { definition.basePhoneNames[basePhone] }
    public func basePhone(named name: String) -> Int? { definition.basePhone(named: name) }
    public func isFiller(_ basePhone: Int) -> Bool { definition.isFiller[basePhone] }
    public var silencePhone: Int { definition.silencePhone }
    public var emittingStateCount: Int { definition.emittingStateCount }
    public var senoneCount: Int { definition.senoneCount }
    public var senoneSequenceCount: Int { definition.senoneSequenceCount }

    public func senones(ofSequence sequence: Int) -> [Int32] {
        let n = definition.emittingStateCount
        return definition.senoneSequences[(sequence * n)..<((sequence + 1) * n)].map { Int32($0) }
    }

    public func basePhone(ofSenone senone: Int) -> Int { Int(definition.senoneBasePhone[senone]) }

    /// The "nearest" triphone's senone sequence (see `ModelDefinition.nearestPhone`).
    public func senoneSequence(base: Int, left: Int, right: Int, position: WordPosition) -> Int {
        Int(definition.phoneSequence[definition.nearestPhone(base: base, left: left, right: right, position: position)])
    }

    public func senoneSequence(ofBasePhone basePhone: Int) -> Int { Int(definition.phoneSequence[basePhone]) }

    public func transitionMatrix(ofBasePhone basePhone: Int) -> Int { Int(definition.phoneTransitionMatrix[basePhone]) }

    /// −penalty of the transition. Backward transitions, and forward skips (more than one state
    /// ahead) whose penalty is 255, are impossible (`Int32.min`), as in pocketsphinx's HMM update;
    /// self-loops and next-state transitions always return −penalty, 255 included.
    public func transitionScore(matrix: Int, from: Int, to: Int) -> Int32 {
        guard to >= from else { return Int32.min }
        let penalty = transitionMatrices.penalty(matrix: matrix, from: from, to: to)
        if to > from + 1 && penalty == 255 { return Int32.min }
        return -Int32(penalty)
    }
}
