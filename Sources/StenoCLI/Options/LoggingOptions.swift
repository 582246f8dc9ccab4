import ArgumentParser
import Logging

/// `--verbose` / `--quiet`: how much the command logs on stderr. Include with `@OptionGroup`
/// and call ``bootstrap()`` first thing in `run()`.
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log progress and details on stderr.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Log only errors on stderr.")
    var quiet = false

    func validate() throws {
        if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
    }

    /// The level these flags select: debug, error, or warning by default.
    var level: Logger.Level {
        if verbose { return .debug }
        if quiet { return .error }
        return .warning
    }

    /// Sends swift-log output to stderr at the selected level.
    func bootstrap() {
        StenoLogging.bootstrap(level: level)
    }
}
