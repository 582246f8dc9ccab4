import Foundation

/// A word lattice in Sphinx's text format (`pocketsphinx` `ps_lattice_write`/`ps_lattice_read`):
/// `Frames`, `Nodes` (id, word, start frame, first and last end frame), `Initial`, `Final`,
/// `BestSegAscr`, `Edges` (from, to, acoustic score), `End`; `#` comment lines.
///
/// Reading validates every reference (node ids in sequence, edges and the initial/final nodes
/// pointing at existing nodes) and reports problems with file and line;
/// ``removingUnreachableNodes()`` then keeps only nodes on some path from the initial to the final
/// node, as pocketsphinx does after reading.
public struct SphinxLatticeFile: Sendable, Equatable {
    /// A word hypothesis.
    public struct Node: Sendable, Equatable {
        /// The dictionary spelling ("and(2)", "<sil>").
        public var word: String
        /// First frame of the word.
        public var startFrame: Int
        /// Earliest last frame any of its hypotheses ends on (inclusive).
        public var firstEndFrame: Int
        /// Latest last frame any of its hypotheses ends on (inclusive).
        public var lastEndFrame: Int
    }

    /// A link between two nodes.
    public struct Edge: Sendable, Equatable {
        /// Id of the earlier node.
        public var from: Int
        /// Id of the later node.
        public var to: Int
        /// The acoustic score as written in the file (integer log base 1.0001 units).
        public var acousticScore: Int32
    }

    /// Number of frames of the utterance.
    public var frameCount: Int
    /// Nodes, by id.
    public var nodes: [Node]
    /// Edges in file order.
    public var edges: [Edge]
    /// The start node (usually `<s>`).
    public var initialNode: Int
    /// The end node (usually `</s>`).
    public var finalNode: Int

    /// Reads a lattice file.
    /// - Throws: ``DecoderError`` with file and line for anything malformed or inconsistent.
    public init(contentsOf url: URL) throws {
        try self.init(bytes: try PronunciationDictionary.readBytes(url), path: url.path)
    }

    /// Reads lattice text held in memory (`name` stands in for a path in errors).
    public init(text: String, name: String = "<lattice>") throws {
        try self.init(bytes: Array(text.utf8), path: name)
    }

    init(bytes: [UInt8], path: String) throws {
        var lines: [(number: Int, fields: [String])] = []
        for (index, raw) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let fields = raw.split(whereSeparator: { JSGFLexer.isSpace($0) }).map { String(decoding: $0, as: UTF8.self) }
            if let first = fields.first, !first.hasPrefix("#") { lines.append((index + 1, fields)) }
        }
        var cursor = 0
        /// The line being interpreted (the last one when the file ended early).
        var currentLine = lines.first?.number ?? 0
        func fail(_ reason: String, line: Int? = nil) -> DecoderError {
            DecoderError(.malformed, path: path, line: line ?? currentLine, reason: reason)
        }
        func integer(_ text: String, _ what: String) throws -> Int {
            guard let value = Int(text), value >= 0 else { throw fail("\(what) '\(text)' is not a non-negative integer") }
            return value
        }
        func keyword(_ name: String) throws -> [String] {
            guard cursor < lines.count else { throw fail("missing '\(name)' (end of file)") }
            currentLine = lines[cursor].number
            guard lines[cursor].fields[0] == name else {
                throw fail("expected '\(name)', found '\(lines[cursor].fields[0])'")
            }
            defer { cursor += 1 }
            return lines[cursor].fields
        }
        let framesLine = try keyword("Frames")
        guard framesLine.count >= 2 else { throw fail("'Frames' needs a count") }
        frameCount = try integer(framesLine[1], "frame count")
        let nodesLine = try keyword("Nodes")
        guard nodesLine.count >= 2 else { throw fail("'Nodes' needs a count") }
        let nodeCount = try integer(nodesLine[1], "node count")
        guard nodeCount <= 10_000_000 else { throw fail("node count \(nodeCount) is too large") }
        nodes = []
        for id in 0..<nodeCount {
            guard cursor < lines.count, Int(lines[cursor].fields[0]) != nil else {
                if cursor < lines.count { currentLine = lines[cursor].number }
                throw fail("expected \(nodeCount) nodes, found \(id)")
            }
            currentLine = lines[cursor].number
            let fields = lines[cursor].fields
            guard fields.count >= 5 else { throw fail("a node needs: id word start-frame first-end-frame last-end-frame") }
            guard try integer(fields[0], "node id") == id else { throw fail("node ids out of sequence: expected \(id), found \(fields[0])") }
            nodes.append(Node(word: fields[1], startFrame: try integer(fields[2], "start frame"),
                              firstEndFrame: try integer(fields[3], "end frame"), lastEndFrame: try integer(fields[4], "end frame")))
            cursor += 1
        }
        func nodeReference(_ fields: [String], _ name: String) throws -> Int {
            guard fields.count >= 2 else { throw fail("'\(name)' needs a node id") }
            let id = try integer(fields[1], "\(name) node")
            guard id < nodeCount else { throw fail("\(name) node \(id) does not exist") }
            return id
        }
        initialNode = try nodeReference(try keyword("Initial"), "Initial")
        finalNode = try nodeReference(try keyword("Final"), "Final")
        let bestLine = try keyword("BestSegAscr")
        let bestCount = bestLine.count >= 2 ? try integer(bestLine[1], "BestSegAscr count") : 0
        for _ in 0..<bestCount {
            guard cursor < lines.count, lines[cursor].fields.count >= 3 else { throw fail("expected \(bestCount) BestSegAscr entries") }
            currentLine = lines[cursor].number
            cursor += 1
        }
        _ = try keyword("Edges")
        edges = []
        while true {
            guard cursor < lines.count else { throw fail("missing 'End' (end of file)") }
            let fields = lines[cursor].fields
            currentLine = lines[cursor].number
            if fields[0] == "End" { break }
            guard fields.count >= 3 else { throw fail("an edge needs: from-node to-node acoustic-score") }
            let from = try integer(fields[0], "edge source"), to = try integer(fields[1], "edge destination")
            guard from < nodeCount, to < nodeCount else { throw fail("edge \(from) → \(to) refers to a node that does not exist") }
            guard let score = Int32(fields[2]) else { throw fail("acoustic score '\(fields[2])' is not an integer") }
            edges.append(Edge(from: from, to: to, acousticScore: score))
            cursor += 1
        }
    }

    /// The nodes reachable from `start` along edges (forward) or against them (backward).
    func reachable(from start: Int, forward: Bool) -> [Bool] {
        var adjacency = [[Int]](repeating: [], count: nodes.count)
        for edge in edges {
            if forward { adjacency[edge.from].append(edge.to) } else { adjacency[edge.to].append(edge.from) }
        }
        var seen = [Bool](repeating: false, count: nodes.count)
        var stack = [start]
        seen[start] = true
        while let node = stack.popLast() {
            for next in adjacency[node] where !seen[next] {
                seen[next] = true
                stack.append(next)
            }
        }
        return seen
    }

    /// Whether some path leads from the initial to the final node.
    public var isConnected: Bool { reachable(from: initialNode, forward: true)[finalNode] }

    /// The lattice without nodes that lie on no path from ``initialNode`` to ``finalNode`` (and their
    /// edges); surviving nodes keep their order and are renumbered from 0. Nil when no path exists.
    public func removingUnreachableNodes() -> SphinxLatticeFile? {
        let fromStart = reachable(from: initialNode, forward: true)
        guard fromStart[finalNode] else { return nil }
        let toEnd = reachable(from: finalNode, forward: false)
        var newID = [Int](repeating: -1, count: nodes.count)
        var kept: [Node] = []
        for (id, node) in nodes.enumerated() where fromStart[id] && toEnd[id] {
            newID[id] = kept.count
            kept.append(node)
        }
        var copy = self
        copy.nodes = kept
        copy.edges = edges.compactMap { edge in
            guard newID[edge.from] >= 0, newID[edge.to] >= 0 else { return nil }
            return Edge(from: newID[edge.from], to: newID[edge.to], acousticScore: edge.acousticScore)
        }
        copy.initialNode = newID[initialNode]
        copy.finalNode = newID[finalNode]
        return copy
    }
}
