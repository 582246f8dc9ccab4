import Foundation

/// Runs independent jobs on a fixed number of threads and returns results in input order, so output
/// never depends on scheduling. Progress (`[done/total]`) goes to stderr when asked for.
enum ParallelRunner {
    private final class State<Result: Sendable>: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var done = 0
        var results: [Result?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
    }

    static func map<Input: Sendable, Result: Sendable>(
        _ inputs: [Input], jobs: Int, progress: Bool, _ body: @escaping @Sendable (Input) -> Result
    ) -> [Result] {
        let state = State<Result>(count: inputs.count)
        let total = inputs.count
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, total))) { _ in
            while true {
                state.lock.lock()
                let index = state.next
                state.next += 1
                state.lock.unlock()
                guard index < total else { return }
                let result = body(inputs[index])
                state.lock.lock()
                state.results[index] = result
                state.done += 1
                let done = state.done
                state.lock.unlock()
                if progress { FileHandle.standardError.write(Data("\rsteno: [\(done)/\(total)]".utf8)) }
            }
        }
        if progress && total > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        return state.results.map { $0! }
    }
}
