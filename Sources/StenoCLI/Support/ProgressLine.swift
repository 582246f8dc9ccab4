import Foundation

/// A progress line on stderr for long runs: redrawn in place on a terminal, one line every few
/// seconds otherwise; silent for short runs.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    // Guarded by `lock`.
    private var lastPrinted = Date.distantPast
    private var printedAny = false
    private let interactive = isatty(STDERR_FILENO) != 0
    private let start = Date()

    init(label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        guard total >= 200 else { return }
        lock.withLock {
            let now = Date()
            let interval: TimeInterval = interactive ? 0.2 : 5
            guard now.timeIntervalSince(lastPrinted) >= interval || done == total else { return }
            lastPrinted = now
            printedAny = true
            let rate = Double(done) / max(now.timeIntervalSince(start), 1e-3)
            let text = "steno: \(label) \(done)/\(total) (\(Int(rate)) clips/s)"
            FileHandle.standardError.write(Data((interactive ? "\r\(text)" : "\(text)\n").utf8))
        }
    }

    func finish() {
        lock.withLock {
            if printedAny && interactive { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }
}
