/// The fixed links of one lexicon-tree HMM (a root or an inner node), packed into 16 bytes.
///
/// Pruning follows these for every surviving HMM and every child it enters; one record per node
/// costs one cache miss where four parallel arrays (first child, sibling, phone, word range) cost
/// up to four. Inner nodes are numbered so that a node's children are consecutive, which is what
/// lets `childCount` replace sibling links.
struct TreeLink {
    /// First child (an inner node), or −1.
    var firstChild: Int32
    /// Children at `firstChild ..< firstChild + childCount`.
    var childCount: Int16
    /// This node's base phone (its lookahead penalty applies when it is entered).
    var phone: Int16
    /// The words ending after this node's phone (their last phone comes next), as a range of the
    /// tree's word list.
    var wordStart: Int32
    var wordEnd: Int32

    /// One word of a node's list with its last phone (read together in the pruning loop).
    struct Word {
        var word: Int32
        var lastPhone: Int32
    }

    /// Links for nodes given as first child, sibling chain, phone and word ranges; checks that every
    /// sibling chain is a run of consecutive ids.
    static func pack(firstChild: [Int32], sibling: [Int32], phone: [Int32], wordStart: [Int32]) -> [TreeLink] {
        firstChild.indices.map { i in
            var count = 0
            var c = firstChild[i]
            while c >= 0 {
                precondition(Int(c) == Int(firstChild[i]) + count, "lexicon-tree siblings must be numbered consecutively")
                count += 1
                c = sibling[Int(c)]
            }
            return TreeLink(firstChild: firstChild[i], childCount: Int16(count), phone: Int16(phone[i]),
                            wordStart: wordStart[i], wordEnd: wordStart[i + 1])
        }
    }
}
