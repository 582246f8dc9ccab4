import Synchronization
import Testing
import StenoCore

@Suite("ParallelMap")
struct ParallelMapTests {
    @Test("results are in input order whatever the worker count", arguments: [0, 1, 2, 3, 8, 1_000])
    func inputOrder(workers: Int) {
        let inputs = Array(0..<500)
        // Uneven job lengths so that workers finish out of order.
        let outputs = ParallelMap.ordered(inputs, workers: workers) { n -> Int in
            var x = n
            for _ in 0..<((n * 7_919) % 2_000) { x = (x &* 31) &+ 7 }
            return n * 2 + (x == Int.min ? 1 : 0)
        }
        #expect(outputs == inputs.map { $0 * 2 })
    }

    @Test("onFinish sees every index once and counts 1...n in order")
    func finishReports() {
        let seen = Mutex<(counts: [Int], indices: [Int])>(([], []))
        _ = ParallelMap.ordered(Array(0..<300), workers: 4, onFinish: { finished, index in
            seen.withLock { $0.counts.append(finished); $0.indices.append(index) }
        }) { $0 }
        let (counts, indices) = seen.withLock { ($0.counts, $0.indices) }
        #expect(counts == Array(1...300))
        #expect(indices.sorted() == Array(0..<300))
    }

    @Test("an empty input gives an empty result without calling anything")
    func empty() {
        let calls = Mutex(0)
        let outputs = ParallelMap.ordered([Int](), workers: 4, onFinish: { _, _ in calls.withLock { $0 += 1 } }) { $0 }
        #expect(outputs.isEmpty)
        #expect(calls.withLock { $0 } == 0)
    }
}
