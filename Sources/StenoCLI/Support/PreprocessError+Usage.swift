import ArgumentParser
import StenoPreprocess

extension PreprocessError {
    /// Runs a check of preprocessing options built from flags, reporting its failure as a usage
    /// error (exit 64 with the library's reason) rather than as a failed input.
    static func reportingAsUsage(_ check: () throws -> Void) throws {
        do { try check() } catch let error as PreprocessError { throw ValidationError(error.reason) }
    }
}
