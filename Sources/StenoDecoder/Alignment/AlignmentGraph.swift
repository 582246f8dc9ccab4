import StenoCore

/// The HMM network of one alignment: every phone HMM the text can use, with triphone contexts
/// expanded across word boundaries (one copy of a word-initial phone per possible left context,
/// one copy of a word-final phone per possible right context) and optional silence/filler slots.
struct AlignmentGraph {
    /// One phone HMM.
    struct Node {
        /// Senones of its emitting states.
        var senones: [Int32]
        /// Transition matrix.
        var matrix: Int
        /// Base phone id.
        var phone: Int
        /// The word instance it belongs to (index into `items`).
        var item: Int
        /// Whether entering this node starts a new word.
        var startsWord: Bool
        /// Nodes the exit may enter, with the penalty paid on entering them.
        var successors: [Int32] = []
        var entryPenalty: Int32 = 0
    }

    /// A word the path can go through: a pronunciation of a transcript word, or a silence/filler.
    struct Item {
        var spelling: String
        var isFiller: Bool
        var transcriptIndex: Int?
    }

    var nodes: [Node] = []
    var items: [Item] = []
    var startNodes: [Int32] = []
    var finalNodes: Set<Int32> = []

    /// A pronunciation instance's boundary nodes, keyed by context phone.
    private struct WordNodes {
        var entries: [Int: [Int32]] = [:]   // left context → entry nodes
        var exits: [Int: [Int32]] = [:]     // right context → exit nodes
        var firstPhone: Int
        var lastPhone: Int
    }

    init(words: [AlignmentWord], options: ForcedAlignmentOptions, topology: any AcousticModelTopology) throws {
        let silence = topology.silencePhone
        func phoneIDs(_ pronunciation: Pronunciation) throws -> [Int] {
            try pronunciation.phones.map { name in
                guard let id = topology.basePhone(named: name) else {
                    throw DecoderError(.inconsistent, path: nil,
                        reason: "pronunciation \"\(pronunciation.spelling)\" uses phone \"\(name)\", which the acoustic model lacks")
                }
                return id
            }
        }
        let fillerPronunciations = options.optionalSilence ? [options.silence] + options.fillers : []
        let fillerPhones = try fillerPronunciations.map(phoneIDs)
        let wordPhones = try words.map { try $0.pronunciations.map(phoneIDs) }

        // Filler slots 0...n: nodes that may follow each other (a chain of fillers) and then the next word.
        var fillerSlots: [[(first: Int32, last: Int32)]] = []
        for _ in 0...words.count {
            var slot: [(first: Int32, last: Int32)] = []
            for (k, pronunciation) in fillerPronunciations.enumerated() {
                let item = addItem(Item(spelling: pronunciation.spelling, isFiller: true, transcriptIndex: nil))
                var previous: Int32 = -1
                var first: Int32 = -1
                for (j, phone) in fillerPhones[k].enumerated() {
                    let node = addNode(sequence: topology.senoneSequence(ofBasePhone: phone), phone: phone,
                                       item: item, startsWord: j == 0, topology: topology)
                    nodes[Int(node)].entryPenalty = j == 0 ? (k == 0 ? options.silencePenalty : options.fillerPenalty) : 0
                    if previous >= 0 { nodes[Int(previous)].successors.append(node) } else { first = node }
                    previous = node
                }
                slot.append((first, previous))
            }
            for a in slot { for b in slot { nodes[Int(a.last)].successors.append(b.first) } }
            fillerSlots.append(slot)
        }

        // Word slots.
        var wordNodes: [[WordNodes]] = []
        for (i, word) in words.enumerated() {
            let leftContexts: Set<Int> = i == 0 ? [silence]
                : Set(wordPhones[i - 1].map { $0[$0.count - 1] }).union(fillerPronunciations.isEmpty ? [] : [silence])
            let rightContexts: Set<Int> = i == words.count - 1 ? [silence]
                : Set(wordPhones[i + 1].map { $0[0] }).union(fillerPronunciations.isEmpty ? [] : [silence])
            var slot: [WordNodes] = []
            for (p, pronunciation) in word.pronunciations.enumerated() {
                let phones = wordPhones[i][p]
                let item = addItem(Item(spelling: pronunciation.spelling, isFiller: false, transcriptIndex: i))
                var instance = WordNodes(firstPhone: phones[0], lastPhone: phones[phones.count - 1])
                func node(_ base: Int, _ left: Int, _ right: Int, _ position: WordPosition, starts: Bool) -> Int32 {
                    let created = addNode(sequence: topology.senoneSequence(base: base, left: left, right: right, position: position),
                                          phone: base, item: item, startsWord: starts, topology: topology)
                    if starts { nodes[Int(created)].entryPenalty = options.wordPenalty }
                    return created
                }
                if phones.count == 1 {
                    for left in leftContexts.sorted() {
                        for right in rightContexts.sorted() {
                            let n = node(phones[0], left, right, .single, starts: true)
                            instance.entries[left, default: []].append(n)
                            instance.exits[right, default: []].append(n)
                        }
                    }
                } else {
                    var interior: [Int32] = []
                    for j in 1..<(phones.count - 1) {
                        interior.append(node(phones[j], phones[j - 1], phones[j + 1], .interior, starts: false))
                    }
                    for k in interior.indices.dropLast() { nodes[Int(interior[k])].successors.append(interior[k + 1]) }
                    var lasts: [Int32] = []
                    for right in rightContexts.sorted() {
                        let n = node(phones[phones.count - 1], phones[phones.count - 2], right, .end, starts: false)
                        instance.exits[right, default: []].append(n)
                        lasts.append(n)
                    }
                    for left in leftContexts.sorted() {
                        let n = node(phones[0], left, phones[1], .begin, starts: true)
                        instance.entries[left, default: []].append(n)
                        nodes[Int(n)].successors += interior.isEmpty ? lasts : [interior[0]]
                    }
                    if let tail = interior.last { nodes[Int(tail)].successors += lasts }
                }
                slot.append(instance)
            }
            wordNodes.append(slot)
        }

        // Links between slots.
        for (i, slot) in wordNodes.enumerated() {
            let fillersBefore = fillerSlots[i], fillersAfter = fillerSlots[i + 1]
            for instance in slot {
                for entry in instance.entries[silence] ?? [] {
                    for filler in fillersBefore { nodes[Int(filler.last)].successors.append(entry) }
                }
                for exit in instance.exits[silence] ?? [] {
                    for filler in fillersAfter { nodes[Int(exit)].successors.append(filler.first) }
                }
                guard i + 1 < wordNodes.count else { continue }
                for (right, exits) in instance.exits {
                    for next in wordNodes[i + 1] where next.firstPhone == right {
                        for entry in next.entries[instance.lastPhone] ?? [] {
                            for exit in exits { nodes[Int(exit)].successors.append(entry) }
                        }
                    }
                }
            }
        }
        // Start and end.
        startNodes = fillerSlots[0].map(\.first)
        if let first = wordNodes.first {
            for instance in first { startNodes += instance.entries[silence] ?? [] }
        }
        finalNodes = Set(fillerSlots[words.count].map(\.last))
        if let last = wordNodes.last {
            for instance in last { finalNodes.formUnion(instance.exits[silence] ?? []) }
        }
        for k in nodes.indices { nodes[k].successors = Array(Set(nodes[k].successors)).sorted() }
    }

    private mutating func addItem(_ item: Item) -> Int {
        items.append(item)
        return items.count - 1
    }

    private mutating func addNode(sequence: Int, phone: Int, item: Int, startsWord: Bool,
                                  topology: any AcousticModelTopology) -> Int32 {
        nodes.append(Node(senones: topology.senones(ofSequence: sequence), matrix: topology.transitionMatrix(ofBasePhone: phone),
                          phone: phone, item: item, startsWord: startsWord))
        return Int32(nodes.count - 1)
    }
}
