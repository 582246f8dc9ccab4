import StenoCore

/// One utterance's word alignment, for REF/HYP/EVAL output.
public struct UtteranceAlignment: Sendable, Hashable, Codable {
    /// The utterance.
    public var id: UtteranceID
    /// Reference words after normalisation.
    public var reference: [String]
    /// Hypothesis words after normalisation.
    public var hypothesis: [String]
    /// The alignment columns, in order.
    public var operations: [AlignmentOperation]

    /// An alignment; `operations` must consume `reference` and `hypothesis` exactly.
    public init(id: UtteranceID, reference: [String], hypothesis: [String], operations: [AlignmentOperation]) {
        self.id = id
        self.reference = reference
        self.hypothesis = hypothesis
        self.operations = operations
    }

    /// sclite-style lines: `id: ...`, `REF:`, `HYP:`, `EVAL:`. Correct words are lower-case, errors
    /// upper-case, gaps `***`, columns padded to the wider word; EVAL marks S, D and I.
    public var scliteLines: [String] {
        var ref: [String] = []
        var hyp: [String] = []
        var eval: [String] = []
        var i = 0
        var j = 0
        for operation in operations {
            let r: String
            let h: String
            let mark: String
            switch operation {
            case .match:
                r = reference[i]; h = hypothesis[j]; mark = ""; i += 1; j += 1
            case .substitution:
                r = reference[i].uppercased(); h = hypothesis[j].uppercased(); mark = "S"; i += 1; j += 1
            case .deletion:
                r = reference[i].uppercased(); h = String(repeating: "*", count: max(3, reference[i].count)); mark = "D"
                i += 1
            case .insertion:
                r = String(repeating: "*", count: max(3, hypothesis[j].count)); h = hypothesis[j].uppercased(); mark = "I"
                j += 1
            }
            let width = max(r.count, h.count, mark.count)
            ref.append(r.padding(to: width))
            hyp.append(h.padding(to: width))
            eval.append(mark.padding(to: width))
        }
        func line(_ label: String, _ columns: [String]) -> String {
            var text = label + " " + columns.joined(separator: " ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return ["id: (\(id))", line("REF: ", ref), line("HYP: ", hyp), line("EVAL:", eval)]
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
