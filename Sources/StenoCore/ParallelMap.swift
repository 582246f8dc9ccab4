import Dispatch
import Synchronization

/// Runs independent jobs on a fixed number of threads and returns their results in input order.
///
/// Batch commands (transcribe, align, check) use this so that their output never depends on how
/// the work was scheduled: result `i` always belongs to input `i`, whatever `workers` is. Workers
/// take the next unclaimed input one at a time, so a slow file does not hold up a whole share.
public enum ParallelMap {
    /// `body` applied to every input on up to `workers` threads (at least one), results in input order.
    ///
    /// - Parameters:
    ///   - inputs: the jobs.
    ///   - workers: how many threads to use; clamped to 1...`inputs.count`.
    ///   - onFinish: called after each job with the number finished so far and the job's index (for
    ///     progress reports); called from the worker threads, one call at a time.
    ///   - body: the work for one input; runs concurrently with itself.
    public static func ordered<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], workers: Int,
        onFinish: (@Sendable (_ finished: Int, _ index: Int) -> Void)? = nil,
        _ body: @Sendable (Input) -> Output
    ) -> [Output] {
        let progress = Mutex(Progress<Output>(count: inputs.count))
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, inputs.count))) { _ in
            while true {
                let index = progress.withLock { $0.claim() }
                guard index < inputs.count else { return }
                let output = body(inputs[index])
                // Reporting inside the lock keeps progress lines whole and their counts in order.
                progress.withLock { state in
                    state.results[index] = output
                    state.finished += 1
                    onFinish?(state.finished, index)
                }
            }
        }
        return progress.withLock { state in state.results.map { $0! } }
    }

    /// The shared bookkeeping of one run.
    private struct Progress<Output> {
        var next = 0
        var finished = 0
        var results: [Output?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        mutating func claim() -> Int {
            defer { next += 1 }
            return next
        }
    }
}
