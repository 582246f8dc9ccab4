import Foundation
import StenoCore

/// Runs a batch command's inputs on `jobs` threads (results in input order, see StenoCore's
/// `ParallelMap`) and reports progress on stderr when asked: one `[done/total]` line rewritten in
/// place on a terminal, else a `[done/total] label` line per finished input.
enum ParallelRunner {
    static func map<Input: Sendable, Result: Sendable>(
        _ inputs: [Input], jobs: Int, progress: Bool, label: @escaping @Sendable (Input) -> String,
        _ body: @escaping @Sendable (Input) -> Result
    ) -> [Result] {
        let terminal = isatty(STDERR_FILENO) != 0
        let total = inputs.count
        var report: (@Sendable (Int, Int) -> Void)?
        if progress {
            report = { finished, index in
                let line = terminal ? "\rsteno: [\(finished)/\(total)]"
                                    : "steno: [\(finished)/\(total)] \(label(inputs[index]))\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        let results = ParallelMap.ordered(inputs, workers: jobs, onFinish: report, body)
        if progress && terminal && total > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        return results
    }
}
