/// The dictionary as the search sees it: word ids in dictionary order, pronunciations as base-phone
/// ids, base words of alternates, and the filler range.
///
/// Word ids follow Sphinx: main-dictionary words in file order, then the filler dictionary in its
/// order, with `<s>`, `</s>` and `<sil>` added (pronounced as silence) when missing. Tie-breaking in
/// the search depends on this order.
struct SearchLexicon: Sendable {
    let spellings: [String]
    /// Phones of word `w` are `phones[phoneStart[w] ..< phoneStart[w + 1]]`.
    let phones: [Int32]
    let phoneStart: [Int32]
    let baseWord: [Int32]
    let firstFiller: Int32
    let lastFiller: Int32
    let startWord: Int32
    let finishWord: Int32
    let silenceWord: Int32
    let index: [String: Int32]

    var count: Int { spellings.count }

    /// Builds the lexicon from already-parsed entries whose phones are base-phone ids.
    /// Entries with an alternate marker whose base word is missing, and duplicate spellings, are skipped
    /// (Sphinx does the same); the returned list names them.
    /// The lexicon of a loaded dictionary, keeping its word ids (its phone ids are the model's base phones).
    init(dictionary: PronunciationDictionary) {
        var phones = [Int32](), starts: [Int32] = [0], bases = [Int32](), spellings = [String]()
        var index = [String: Int32]()
        for id in dictionary.wordIDs {
            let word = dictionary.word(id)
            spellings.append(word)
            index[word] = Int32(id)
            bases.append(Int32(dictionary.baseWordID(of: id)))
            phones.append(contentsOf: dictionary.phoneIDs(of: id))
            starts.append(Int32(phones.count))
        }
        self.spellings = spellings
        self.phones = phones
        phoneStart = starts
        baseWord = bases
        firstFiller = Int32(dictionary.fillerIDs.lowerBound)
        lastFiller = Int32(dictionary.fillerIDs.upperBound - 1)
        startWord = Int32(dictionary.sentenceStartID)
        finishWord = Int32(dictionary.sentenceEndID)
        silenceWord = Int32(dictionary.silenceID)
        self.index = index
    }

    init(words: [(spelling: String, phones: [Int32])], fillers: [(spelling: String, phones: [Int32])],
         silencePhone: Int32) {
        var spellings = [String](), phones = [Int32](), starts: [Int32] = [0], bases = [Int32]()
        var index = [String: Int32]()
        func add(_ spelling: String, _ pron: [Int32]) {
            guard !pron.isEmpty, index[spelling] == nil else { return }
            var base = Int32(spellings.count)
            if let baseSpelling = PronunciationDictionary.baseSpelling(ofAlternate: spelling) {
                guard let b = index[String(baseSpelling)] else { return }
                base = b
            }
            index[spelling] = Int32(spellings.count)
            spellings.append(spelling)
            bases.append(base)
            phones.append(contentsOf: pron)
            starts.append(Int32(phones.count))
        }
        for (w, p) in words where !["<s>", "</s>", "<sil>"].contains(w) { add(w, p) }
        let first = Int32(spellings.count)
        for (w, p) in fillers { add(w, p) }
        for w in ["<s>", "</s>", "<sil>"] where index[w] == nil { add(w, [silencePhone]) }
        self.spellings = spellings
        self.phones = phones
        phoneStart = starts
        baseWord = bases
        firstFiller = first
        lastFiller = Int32(spellings.count - 1)
        startWord = index["<s>"]!
        finishWord = index["</s>"]!
        silenceWord = index["<sil>"]!
        self.index = index
    }

    @inline(__always) func phoneCount(_ w: Int32) -> Int { Int(phoneStart[Int(w) + 1] - phoneStart[Int(w)]) }
    @inline(__always) func phone(_ w: Int32, _ i: Int) -> Int32 { phones[Int(phoneStart[Int(w)]) + i] }
    @inline(__always) func firstPhone(_ w: Int32) -> Int32 { phones[Int(phoneStart[Int(w)])] }
    @inline(__always) func lastPhone(_ w: Int32) -> Int32 { phones[Int(phoneStart[Int(w) + 1]) - 1] }

    /// Noise and silence words (not `<s>`/`</s>`).
    @inline(__always) func isFiller(_ w: Int32) -> Bool {
        let b = baseWord[Int(w)]
        if b == startWord || b == finishWord { return false }
        return b >= firstFiller && b <= lastFiller
    }

    /// Words that appear in transcripts (neither fillers nor sentence markers).
    @inline(__always) func isReal(_ w: Int32) -> Bool {
        let b = baseWord[Int(w)]
        if b == startWord || b == finishWord { return false }
        return !(b >= firstFiller && b <= lastFiller)
    }

    /// The spelling of a word's base form.
    func baseSpelling(_ w: Int32) -> String { spellings[Int(baseWord[Int(w)])] }
}
