import Foundation
import Logging

/// Process-wide logging set-up for the CLI: swift-log to stderr, once.
enum StenoLogging {
    /// The bootstrap may run only once per process; later calls just adjust nothing.
    private static let once = BootstrapOnce()

    /// Routes all loggers to stderr at `level`. Safe to call more than once (the first call wins).
    static func bootstrap(level: Logger.Level) {
        once.run {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }

    /// A logger for a command (`steno.info`, ...).
    static func logger(_ command: String) -> Logger {
        Logger(label: "steno.\(command)")
    }
}

/// Runs a closure at most once per process.
private final class BootstrapOnce: @unchecked Sendable {
    // Guarded by `lock`, hence @unchecked.
    private let lock = NSLock()
    private var done = false

    func run(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        body()
    }
}
