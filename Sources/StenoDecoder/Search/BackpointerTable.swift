/// One word exit recorded by a pass: the word, the frame it ended in, its best path score over right
/// contexts and the entry it came from.
struct Backpointer {
    var frame: Int32
    var word: Int32
    var predecessor: Int32
    var score: Int32
    /// First slot of this entry's per-right-context scores in the score stack (−1: single-phone word).
    var stackIndex: Int32
    /// Right-context fan-out of the word (−1: single-phone word, one exit for all contexts).
    var fanout: Int32
    var lastPhone: Int32
    /// The last non-filler word on this path and the one before it (LM histories).
    var realWord: Int32
    var previousRealWord: Int32
    var isValid: Bool
}

/// The backpointer table shared by the tree and flat passes (Sphinx's bptable), with the
/// per-right-context score stack and the index of each frame's first entry.
struct BackpointerTable {
    private(set) var entries: [Backpointer] = []
    private(set) var stack: [Int32] = []
    /// `frameStart[f]` = index of the first entry of frame f (filled as frames are marked).
    private(set) var frameStart: [Int32] = []
    /// Entry of each word in the frame being saved (−1: none).
    private var entryOfWord: [Int32]

    init(wordCount: Int) {
        entryOfWord = [Int32](repeating: -1, count: wordCount)
        entries.reserveCapacity(4096)
        stack.reserveCapacity(4096 * 8)
    }

    var count: Int { entries.count }

    @inline(__always) subscript(_ i: Int32) -> Backpointer { entries[Int(i)] }

    /// Records that frame `f`'s entries start here.
    mutating func markFrame(_ f: Int) {
        if frameStart.count <= f { frameStart.append(contentsOf: repeatElement(Int32(entries.count), count: f + 1 - frameStart.count)) }
        frameStart[f] = Int32(entries.count)
    }

    /// Entries of frame f (valid after frames f and f + 1 are marked, or f is the current frame).
    @inline(__always) func range(ofFrame f: Int) -> Range<Int> {
        let start = Int(frameStart[f])
        let end = f + 1 < frameStart.count ? Int(frameStart[f + 1]) : entries.count
        return start..<end
    }

    /// Forgets which words have an entry in the frame just finished.
    @inline(__always) mutating func forgetWordEntry(_ w: Int32) { entryOfWord[Int(w)] = -1 }

    /// The exit score of an entry when the next word starts with `rightPhone` (worst if none).
    @inline(__always)
    func exitScore(_ e: Backpointer, rightPhone: Int32, model: SearchModel) -> Int32 {
        if e.fanout < 0 { return e.score }
        return stack[Int(e.stackIndex) + model.rightContextIndex(fanout: e.fanout, right: rightPhone)]
    }

    @inline(__always)
    func exitScore(entry: Int32, rightPhone: Int32, model: SearchModel) -> Int32 {
        exitScore(entries[Int(entry)], rightPhone: rightPhone, model: model)
    }

    /// Saves a word exit of frame `f` through right context `rc` (Sphinx's save_bp).
    mutating func save(frame f: Int32, word w: Int32, score: Int32, predecessor: Int32, rightContext rc: Int,
                       model: SearchModel) {
        let existing = entryOfWord[Int(w)]
        if existing >= 0 {
            let i = Int(existing)
            if entries[i].score < score {
                if entries[i].predecessor != predecessor {
                    if historyPair(entries[i].predecessor) != historyPair(predecessor) {
                        entries[i].predecessor = predecessor
                        setRealWords(i, lexicon: model.lexicon)
                    }
                    entries[i].predecessor = predecessor
                }
                entries[i].score = score
            }
            if entries[i].stackIndex >= 0 { stack[Int(entries[i].stackIndex) + rc] = score }
            return
        }
        let fanout = model.wordFanout[Int(w)]
        var e = Backpointer(frame: f, word: w, predecessor: predecessor, score: score, stackIndex: -1, fanout: -1,
                            lastPhone: model.lexicon.lastPhone(w), realWord: -1, previousRealWord: -1, isValid: true)
        if model.lexicon.phoneCount(w) > 1 {
            e.fanout = fanout
            e.stackIndex = Int32(stack.count)
            stack.append(contentsOf: repeatElement(SearchScore.worst, count: model.rightContextCount(w)))
            stack[stack.count - model.rightContextCount(w) + rc] = score
        }
        entryOfWord[Int(w)] = Int32(entries.count)
        entries.append(e)
        setRealWords(entries.count - 1, lexicon: model.lexicon)
    }

    private func historyPair(_ p: Int32) -> (Int32, Int32) {
        p < 0 ? (-1, -1) : (entries[Int(p)].previousRealWord, entries[Int(p)].realWord)
    }

    private mutating func setRealWords(_ i: Int, lexicon: SearchLexicon) {
        let p = entries[i].predecessor
        let w = entries[i].word
        if lexicon.isFiller(w) {
            if p >= 0 {
                entries[i].realWord = entries[Int(p)].realWord
                entries[i].previousRealWord = entries[Int(p)].previousRealWord
            } else {
                entries[i].realWord = lexicon.baseWord[Int(w)]
                entries[i].previousRealWord = -1
            }
        } else {
            entries[i].realWord = lexicon.baseWord[Int(w)]
            entries[i].previousRealWord = p >= 0 ? entries[Int(p)].realWord : -1
        }
    }
}
