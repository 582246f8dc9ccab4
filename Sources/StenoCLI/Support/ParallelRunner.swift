import Foundation

/// Runs independent jobs on a fixed number of threads and returns results in input order, so output
/// never depends on scheduling. Progress goes to stderr when asked for: one `[done/total]` line
/// rewritten in place on a terminal, else a `[done/total] label` line per finished input.
enum ParallelRunner {
    private final class State<Result: Sendable>: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var done = 0
        var results: [Result?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
    }

    static func map<Input: Sendable, Result: Sendable>(
        _ inputs: [Input], jobs: Int, progress: Bool, label: @escaping @Sendable (Input) -> String = { _ in "" },
        _ body: @escaping @Sendable (Input) -> Result
    ) -> [Result] {
        let terminal = isatty(STDERR_FILENO) != 0
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
                if progress {
                    let line = terminal ? "\rsteno: [\(done)/\(total)]" : "steno: [\(done)/\(total)] \(label(inputs[index]))\n"
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
        }
        if progress && terminal && total > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        return state.results.map { $0! }
    }
}
