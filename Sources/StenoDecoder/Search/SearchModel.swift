import StenoCore

/// Everything the N-gram search needs that does not change between utterances: phone tables,
/// the lexicon, cross-word context tables and the lexicon tree. Built once, shared by sessions.
final class SearchModel: Sendable {
    let tables: PhoneModelTables
    let lexicon: SearchLexicon
    let languageModel: any NGramScoring
    let parameters: IntegerSearchParameters
    /// Language-model id of each word's base form (−1: not in the model).
    let modelID: [Int32]

    // Cross-word context ("dict2pid").
    /// Row of left-context sequences for a (first phone, second phone) pair, indexed by left phone;
    /// a flat [first][second] table (−1: no such pair), as word entries look it up every frame.
    let leftContextRows: [Int32]
    let leftContextSequences: [Int32]
    /// Per word: its right-context fan-out (−1 for single-phone words).
    let wordFanout: [Int32]
    /// Per fan-out: distinct final sequences (rc order) at `fanoutSequences[fanoutStart[i]..<fanoutStart[i+1]]`.
    let fanoutStart: [Int32]
    let fanoutSequences: [Int32]
    /// Per fan-out × right phone: index into that fan-out's sequences.
    let fanoutMap: [UInt8]

    // Lexicon tree.
    let rootPhone: [Int32]
    let rootSecondPhone: [Int32]
    let rootTemplate: [SearchHMM]
    let nodeTemplate: [SearchHMM]
    /// The tree's links per root and per inner node (inner nodes renumbered depth-first so that
    /// siblings are consecutive), and its word lists with each word's last phone.
    let rootLinks: [TreeLink]
    let nodeLinks: [TreeLink]
    let rootWordList: [TreeLink.Word]
    let nodeWordList: [TreeLink.Word]
    /// Single-phone words searched: LM words in id order, then fillers outside the LM.
    let singlePhoneWords: [Int32]
    let languageModelSinglePhoneCount: Int
    /// Slot of each single-phone word in `singlePhoneWords` (−1 otherwise).
    let singlePhoneSlot: [Int32]
    let singlePhoneTemplate: [SearchHMM]

    init(tables: PhoneModelTables, lexicon: SearchLexicon, languageModel: any NGramScoring,
         parameters: SearchParameters) {
        self.tables = tables
        self.lexicon = lexicon
        self.languageModel = languageModel
        self.parameters = IntegerSearchParameters(parameters)
        let n = lexicon.count
        let phoneCount = tables.basePhoneCount
        let sil = Int32(tables.silencePhone)
        modelID = (0..<n).map { languageModel.languageModelWordID(lexicon.baseSpelling(Int32($0))) ?? -1 }

        // Context tables.
        // Row of left-context sequences per (first phone, second phone) key; -1 until a word needs it.
        var rows = [Int32](repeating: -1, count: phoneCount * phoneCount), rowValues = [Int32]()
        var fanoutKey = [Int32: Int32](), fanStart: [Int32] = [0], fanSeq = [Int32](), fanMap = [UInt8]()
        var wordFan = [Int32](repeating: -1, count: n)
        for w in 0..<n {
            let word = Int32(w)
            let count = lexicon.phoneCount(word)
            if count >= 2 {
                let b = lexicon.phone(word, 0), r = lexicon.phone(word, 1)
                let key = b * Int32(phoneCount) + r
                if rows[Int(key)] < 0 {
                    rows[Int(key)] = Int32(rowValues.count)
                    for l in 0..<phoneCount {
                        rowValues.append(tables.sequence(base: Int(b), left: l, right: Int(r), position: .begin))
                    }
                }
                let last = lexicon.phone(word, count - 1), before = lexicon.phone(word, count - 2)
                let fkey = last * Int32(phoneCount) + before
                if let f = fanoutKey[fkey] {
                    wordFan[w] = f
                } else {
                    var distinct = [Int32]()
                    for r in 0..<phoneCount {
                        let s = tables.sequence(base: Int(last), left: Int(before), right: r, position: .end)
                        if let i = distinct.firstIndex(of: s) {
                            fanMap.append(UInt8(i))
                        } else {
                            fanMap.append(UInt8(distinct.count)); distinct.append(s)
                        }
                    }
                    let f = Int32(fanStart.count - 1)
                    fanSeq.append(contentsOf: distinct)
                    fanStart.append(Int32(fanSeq.count))
                    fanoutKey[fkey] = f
                    wordFan[w] = f
                }
            } else if count == 1 {
                let b = lexicon.phone(word, 0)
                let key = b * Int32(phoneCount) + sil
                if rows[Int(key)] < 0 {
                    rows[Int(key)] = Int32(rowValues.count)
                    for l in 0..<phoneCount {
                        rowValues.append(tables.sequence(base: Int(b), left: l, right: Int(sil), position: .single))
                    }
                }
            }
        }
        leftContextRows = rows
        leftContextSequences = rowValues
        wordFanout = wordFan
        fanoutStart = fanStart
        fanoutSequences = fanSeq
        fanoutMap = fanMap

        // Single-phone words.
        var singles = [Int32](), slot = [Int32](repeating: -1, count: n), singleHMMs = [SearchHMM]()
        func addSingle(_ w: Int32) {
            let p = Int(lexicon.phone(w, 0))
            slot[Int(w)] = Int32(singles.count)
            singles.append(w)
            singleHMMs.append(SearchHMM(multiplexed: Int(tables.ciSequence[p]),
                                        transitionMatrix: Int(tables.phoneTransitionMatrix[p])))
        }
        // Lexicon tree.
        var rPhone = [Int32](), rSecond = [Int32](), rChild = [Int32](), rWords = [[Int32]](), rHMM = [SearchHMM]()
        var nPhone = [Int32](), nChild = [Int32](), nSibling = [Int32](), nWords = [[Int32]](), nHMM = [SearchHMM]()
        var rootIndex = [Int32: Int32]()
        func newNode(_ sequence: Int32, _ phone: Int32) -> Int32 {
            nPhone.append(phone); nChild.append(-1); nSibling.append(-1); nWords.append([])
            nHMM.append(SearchHMM(plain: Int(sequence), transitionMatrix: Int(tables.phoneTransitionMatrix[Int(phone)]),
                                  tables: tables))
            return Int32(nPhone.count - 1)
        }
        // A node's sequence, recovered from its senones is ambiguous; keep sequences alongside.
        var nSequence = [Int32]()
        func child(of first: Int32, sequence: Int32, phone: Int32, attach: (Int32) -> Void) -> Int32 {
            if first < 0 {
                let c = newNode(sequence, phone); nSequence.append(sequence); attach(c); return c
            }
            var node = first, previous: Int32 = -1
            while node >= 0 && nSequence[Int(node)] != sequence { previous = node; node = nSibling[Int(node)] }
            if node >= 0 { return node }
            let c = newNode(sequence, phone); nSequence.append(sequence)
            nSibling[Int(previous)] = c
            return c
        }
        for w in 0..<n {
            let word = Int32(w)
            guard modelID[w] >= 0 else { continue }
            let count = lexicon.phoneCount(word)
            if count == 1 { addSingle(word); continue }
            let p0 = lexicon.phone(word, 0), p1 = lexicon.phone(word, 1)
            let key = p0 * Int32(phoneCount) + p1
            let root: Int32
            if let r = rootIndex[key] {
                root = r
            } else {
                root = Int32(rPhone.count)
                rootIndex[key] = root
                rPhone.append(p0); rSecond.append(p1); rChild.append(-1); rWords.append([])
                rHMM.append(SearchHMM(multiplexed: Int(tables.ciSequence[Int(p0)]),
                                      transitionMatrix: Int(tables.phoneTransitionMatrix[Int(p0)])))
            }
            if count == 2 { rWords[Int(root)].append(word); continue }
            var node = child(of: rChild[Int(root)], sequence: Self.internalSequence(lexicon, tables, word, 1),
                             phone: p1, attach: { rChild[Int(root)] = $0 })
            if count > 3 {
                for k in 2..<(count - 1) {
                    let parent = node
                    node = child(of: nChild[Int(parent)], sequence: Self.internalSequence(lexicon, tables, word, k),
                                 phone: lexicon.phone(word, k), attach: { nChild[Int(parent)] = $0 })
                }
            }
            nWords[Int(node)].append(word)
        }
        languageModelSinglePhoneCount = singles.count
        for w in 0..<n {
            let word = Int32(w)
            if lexicon.phoneCount(word) == 1 && !lexicon.isReal(word) && modelID[w] < 0 { addSingle(word) }
        }
        singlePhoneWords = singles
        singlePhoneSlot = slot
        singlePhoneTemplate = singleHMMs
        // Renumber inner nodes depth-first from the roots so a node's children sit near it in memory
        // (the pruning loop follows child and sibling links); lists and links keep their order.
        var order = [Int32](), newIndex = [Int32](repeating: -1, count: nPhone.count)
        order.reserveCapacity(nPhone.count)
        var stack = [Int32]()
        for r in rChild.indices.reversed() where rChild[r] >= 0 { stack.append(rChild[r]) }
        while let first = stack.popLast() {
            // Visit a sibling chain in order, queueing each member's children after the chain.
            var chain = [Int32](), c = first
            while c >= 0 { chain.append(c); c = nSibling[Int(c)] }
            for n in chain { newIndex[Int(n)] = Int32(order.count); order.append(n) }
            for n in chain.reversed() where nChild[Int(n)] >= 0 { stack.append(nChild[Int(n)]) }
        }
        func renumber(_ i: Int32) -> Int32 { i < 0 ? -1 : newIndex[Int(i)] }
        nPhone = order.map { nPhone[Int($0)] }
        nChild = order.map { renumber(nChild[Int($0)]) }
        nSibling = order.map { renumber(nSibling[Int($0)]) }
        nWords = order.map { nWords[Int($0)] }
        nHMM = order.map { nHMM[Int($0)] }
        rChild = rChild.map(renumber)
        rootPhone = rPhone; rootSecondPhone = rSecond; rootTemplate = rHMM; nodeTemplate = nHMM
        let (rootWordStart, rootWords) = Self.flatten(rWords)
        let (nodeWordStart, nodeWords) = Self.flatten(nWords)
        rootLinks = TreeLink.pack(firstChild: rChild, sibling: nSibling, phone: rPhone, wordStart: rootWordStart)
        nodeLinks = TreeLink.pack(firstChild: nChild, sibling: nSibling, phone: nPhone, wordStart: nodeWordStart)
        rootWordList = rootWords.map { TreeLink.Word(word: $0, lastPhone: lexicon.lastPhone($0)) }
        nodeWordList = nodeWords.map { TreeLink.Word(word: $0, lastPhone: lexicon.lastPhone($0)) }
    }

    private static func flatten(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
        var start: [Int32] = [0], values = [Int32]()
        for l in lists { values.append(contentsOf: l); start.append(Int32(values.count)) }
        return (start, values)
    }

    /// The senone sequence of a word-internal phone (0 < k < count − 1).
    static func internalSequence(_ lexicon: SearchLexicon, _ tables: PhoneModelTables, _ w: Int32, _ k: Int) -> Int32 {
        tables.sequence(base: Int(lexicon.phone(w, k)), left: Int(lexicon.phone(w, k - 1)),
                        right: Int(lexicon.phone(w, k + 1)), position: .interior)
    }

    /// Left-context sequence of a word's first phone (or a single-phone word) after a word ending in `left`.
    @inline(__always)
    func leftContextSequence(first: Int32, second: Int32, left: Int32) -> Int32 {
        let row = leftContextRows[Int(first) * tables.basePhoneCount + Int(second)]
        precondition(row >= 0, "no left-context row for phones \(first), \(second)")
        return leftContextSequences[Int(row) + Int(left)]
    }

    /// Number of right-context HMMs of a multi-phone word.
    @inline(__always)
    func rightContextCount(_ w: Int32) -> Int {
        let f = Int(wordFanout[Int(w)])
        return Int(fanoutStart[f + 1] - fanoutStart[f])
    }

    /// Index of the right-context HMM a word's exit uses when followed by phone `right`.
    @inline(__always)
    func rightContextIndex(fanout: Int32, right: Int32) -> Int {
        Int(fanoutMap[Int(fanout) * tables.basePhoneCount + Int(right)])
    }

    /// The right-context HMM templates of a multi-phone word, in rc order.
    func rightContextHMMs(_ w: Int32) -> [SearchHMM] {
        let f = Int(wordFanout[Int(w)])
        let last = Int(lexicon.lastPhone(w))
        return (Int(fanoutStart[f])..<Int(fanoutStart[f + 1])).map {
            SearchHMM(plain: Int(fanoutSequences[$0]), transitionMatrix: Int(tables.phoneTransitionMatrix[last]),
                      tables: tables)
        }
    }
}
