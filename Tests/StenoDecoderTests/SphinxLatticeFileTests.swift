import StenoCore
import Foundation
import StenoDecoder
import StenoTestSupport
import Testing

@Suite struct SphinxLatticeFileTests {
    @Test(.requiresSharedData) func unreachableNodesAreDroppedAsPocketsphinxDoes() throws {
        let lattice = try SphinxLatticeFile(contentsOf: SharedData.data("hostile/unreachable.lat"))
        #expect(lattice.frameCount == 10 && lattice.nodes.count == 6 && lattice.edges.count == 4)
        #expect(lattice.isConnected)
        let pruned = try #require(lattice.removingUnreachableNodes())
        let reference = try SphinxLatticeFile(contentsOf: Fixtures.url("lattice/golden/unreachable.lat"))
        #expect(pruned.nodes == reference.nodes)
        #expect(pruned.nodes.map(\.word) == ["</s>", "test", "<s>"])
        #expect(pruned.initialNode == reference.initialNode && pruned.finalNode == reference.finalNode)
        #expect(pruned.edges.map { [$0.from, $0.to] } == reference.edges.map { [$0.from, $0.to] })
        // pocketsphinx prints the scores it read shifted left by 10 bits.
        #expect(pruned.edges.map { $0.acousticScore << 10 } == reference.edges.map(\.acousticScore))
    }

    static let valid = """
        # a comment
        Frames 4
        Nodes 3 (NODEID WORD STARTFRAME FIRST-ENDFRAME LAST-ENDFRAME)
        0 <s> 0 1 1
        1 hello 2 3 3
        2 </s> 4 4 4
        Initial 0
        Final 2
        BestSegAscr 0 (NODEID ENDFRAME ASCORE)
        Edges (FROM-NODEID TO-NODEID ASCORE)
        0 1 -5
        1 2 -7
        End
        """

    @Test func malformedLatticesAreErrorsWithTheLine() throws {
        let lattice = try SphinxLatticeFile(text: Self.valid)
        #expect(lattice.removingUnreachableNodes() == lattice)
        let lines = Self.valid.components(separatedBy: "\n")
        func replacing(_ line: Int, with text: String) -> String {
            var copy = lines
            copy[line - 1] = text
            return copy.joined(separator: "\n")
        }
        let cases: [(String, Int, String)] = [
            (replacing(5, with: "7 hello 2 3 3"), 5, "out of sequence"),
            (replacing(5, with: "1 hello 2"), 5, "a node needs"),
            (replacing(8, with: "Final 9"), 8, "does not exist"),
            (replacing(12, with: "1 5 -7"), 12, "refers to a node"),
            (replacing(12, with: "1 2 abc"), 12, "not an integer"),
            (replacing(2, with: "Frames many"), 2, "not a non-negative integer"),
            (replacing(3, with: "Nodes 4"), 7, "expected 4 nodes, found 3"),
            (replacing(13, with: ""), 12, "missing 'End'"),
            ("", 0, "missing 'Frames'"),
        ]
        for (text, line, phrase) in cases {
            #expect {
                try SphinxLatticeFile(text: text, name: "bad.lat")
            } throws: { error in
                guard let error = error as? DecoderError else { return false }
                return error.path == "bad.lat" && error.line == line && error.reason.contains(phrase)
            }
        }
        // A lattice whose final node cannot be reached has no complete path.
        let broken = try SphinxLatticeFile(text: replacing(12, with: "1 1 -7"))
        #expect(!broken.isConnected && broken.removingUnreachableNodes() == nil)
    }

    @Test(.requiresSharedData) func fuzzedLatticesNeverCrash() throws {
        let seed = Array(try Data(contentsOf: SharedData.data("hostile/unreachable.lat")))
        var generator = SplitMix64(state: 9)
        for _ in 0..<400 {
            var bytes = Array(seed[..<Int.random(in: 0...seed.count, using: &generator)])
            for _ in 0..<Int.random(in: 0...5, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = Array("0123456789 \n-#".utf8).randomElement(using: &generator)!
            }
            if let lattice = try? SphinxLatticeFile(text: String(decoding: bytes, as: UTF8.self)) {
                _ = lattice.removingUnreachableNodes()
            }
        }
    }
}
