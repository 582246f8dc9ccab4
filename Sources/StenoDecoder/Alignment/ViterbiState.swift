import StenoCore

/// The per-utterance Viterbi state of a forced alignment: scores and histories of every HMM state
/// of the graph, and the record of every phone exit, from which the best path is traced back.
struct ViterbiState {
    /// A phone HMM leaving at `frame` with `score`, reached from the exit record `previous`.
    struct Exit {
        var node: Int32
        var frame: Int32
        var previous: Int32
        var score: Int
    }

    private let stateCount: Int
    /// [node][state] scores and histories (index of the exit record that entered the node).
    private var scores: [Int]
    private var histories: [Int32]
    /// Exit score and history of each node at the current frame.
    private var exitScores: [Int]
    private var exitHistories: [Int32]
    /// Transition scores [node][from][to], `worst`-clamped; `Int.min` marks an impossible skip.
    private var transitions: [Int]
    private(set) var exits: [Exit] = []
    private let worst = ForcedAligner.worst

    init(graph: AlignmentGraph, topology: any AcousticModelTopology) {
        let n = topology.emittingStateCount
        stateCount = n
        scores = [Int](repeating: ForcedAligner.worst, count: graph.nodes.count * n)
        histories = [Int32](repeating: -1, count: graph.nodes.count * n)
        exitScores = [Int](repeating: ForcedAligner.worst, count: graph.nodes.count)
        exitHistories = [Int32](repeating: -1, count: graph.nodes.count)
        transitions = []
        transitions.reserveCapacity(graph.nodes.count * n * (n + 1))
        for node in graph.nodes {
            for from in 0..<n {
                for to in 0...n {
                    let t = topology.transitionScore(matrix: node.matrix, from: from, to: to)
                    transitions.append(t == Int32.min ? Int.min : Int(t))
                }
            }
        }
        for start in graph.startNodes {
            scores[Int(start) * n] = 0
        }
    }

    @inline(__always)
    private func transition(_ node: Int, _ from: Int, _ to: Int) -> Int {
        transitions[(node * stateCount + from) * (stateCount + 1) + to]
    }

    /// One frame: emissions, HMM-internal transitions, pruning to `beam` below the frame's best
    /// state (nil: no pruning), exits, and entries into successors.
    mutating func step(frame: Int, emissions: [Int32], graph: AlignmentGraph, beam: Int?) {
        let n = stateCount
        var anyExit: [Int32] = []
        var frameBest = worst
        var s = [Int](repeating: worst, count: n)
        for (index, node) in graph.nodes.enumerated() {
            let base = index * n
            // Emissions.
            var any = false
            for k in 0..<n {
                if scores[base + k] > worst {
                    s[k] = max(worst, scores[base + k] + Int(emissions[Int(node.senones[k])]))
                    any = true
                } else {
                    s[k] = worst
                }
            }
            exitScores[index] = worst
            guard any else { continue }
            // Exit (from the last state; ties prefer the earlier state, as Sphinx does).
            var bestExit = worst
            var exitFrom = -1
            for k in (0..<n).reversed() where s[k] > worst {
                let t = transition(index, k, n)
                guard t != Int.min else { continue }
                let candidate = s[k] + t
                if candidate >= bestExit && candidate > worst { bestExit = candidate; exitFrom = k }
            }
            if exitFrom >= 0 {
                exitScores[index] = bestExit
                exitHistories[index] = histories[base + exitFrom]
                anyExit.append(Int32(index))
            }
            // States, last first so each reads the previous frame's values.
            for to in (0..<n).reversed() {
                var best = worst
                var from = -1
                for k in 0...to where s[k] > worst {
                    let t = transition(index, k, to)
                    guard t != Int.min else { continue }
                    let candidate = s[k] + t
                    // Strictly better wins: on ties the earlier source state is kept, as in Sphinx.
                    if candidate > best { best = candidate; from = k }
                }
                if from >= 0 {
                    scores[base + to] = max(worst, best)
                    histories[base + to] = histories[base + from]
                    frameBest = max(frameBest, scores[base + to])
                } else {
                    scores[base + to] = worst
                    histories[base + to] = -1
                }
            }
        }
        // Beam pruning: states and exits far below the frame's best are dropped.
        if let beam {
            let threshold = max(frameBest, anyExit.map { exitScores[Int($0)] }.max() ?? worst) + beam
            for k in scores.indices where scores[k] > worst && scores[k] < threshold {
                scores[k] = worst
                histories[k] = -1
            }
            anyExit.removeAll { exitScores[Int($0)] < threshold }
        }
        // Exits enter their successors' first state for the next frame.
        for index in anyExit {
            let node = Int(index)
            let record = Int32(exits.count)
            exits.append(Exit(node: index, frame: Int32(frame), previous: exitHistories[node], score: exitScores[node]))
            for successor in graph.nodes[node].successors {
                let target = Int(successor) * n
                let entry = exitScores[node] + Int(graph.nodes[Int(successor)].entryPenalty)
                if entry > scores[target] {
                    scores[target] = entry
                    histories[target] = record
                }
            }
        }
        lastExitStart = exits.count - anyExit.count
    }

    /// Exit records of the last frame stepped start here.
    private var lastExitStart = 0

    /// The best exit of a final node at the last frame.
    func bestFinalExit(graph: AlignmentGraph) -> Int32? {
        var best: Int32?
        var bestScore = Int.min
        for k in lastExitStart..<exits.count where graph.finalNodes.contains(exits[k].node) && exits[k].score > bestScore {
            best = Int32(k)
            bestScore = exits[k].score
        }
        return best
    }

    func backtrace(from last: Int32, graph: AlignmentGraph, topology: any AcousticModelTopology, frames: Int,
                   framesPerSecond: Double) -> ForcedAlignment {
        var chain: [Exit] = []
        var k = last
        while k >= 0 {
            chain.append(exits[Int(k)])
            k = exits[Int(k)].previous
        }
        chain.reverse()
        var words: [AlignedWord] = []
        var previousFrame = -1
        var previousScore = 0
        for exit in chain {
            let node = graph.nodes[Int(exit.node)]
            let phone = AlignedPhone(phone: topology.phoneName(node.phone), startFrame: previousFrame + 1,
                                     endFrame: Int(exit.frame), score: exit.score - previousScore)
            if node.startsWord || words.isEmpty {
                let item = graph.items[node.item]
                words.append(AlignedWord(spelling: item.spelling, isFiller: item.isFiller, transcriptIndex: item.transcriptIndex,
                                         startFrame: phone.startFrame, endFrame: phone.endFrame, score: phone.score,
                                         phones: [phone]))
            } else {
                words[words.count - 1].endFrame = phone.endFrame
                words[words.count - 1].score += phone.score
                words[words.count - 1].phones.append(phone)
            }
            previousFrame = Int(exit.frame)
            previousScore = exit.score
        }
        return ForcedAlignment(words: words, score: chain.last?.score ?? 0, frameCount: frames, framesPerSecond: framesPerSecond)
    }
}
