import Foundation
import StenoTestSupport
import Testing

/// Runs the built `steno` executable as a subprocess, as a user would.
///
/// Where the binary is found: `$STENO_BINARY` if set; otherwise beside the running test bundle
/// (`swift test` builds every product into the same folder as `StenoPackageTests.xctest`, e.g.
/// `.build/x86_64-unknown-linux-gnu/debug/`); otherwise `.build/debug/steno` under the repository.
enum StenoProcess {
    struct Result {
        var status: Int32
        /// True when the process ended by `exit`, false when a signal killed it.
        var exitedNormally: Bool
        var standardOutput: String
        var standardError: String

        var standardErrorLines: [String] {
            standardError.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }
    }

    static let binary: URL = {
        if let override = ProcessInfo.processInfo.environment["STENO_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            // Linux: .build/<triple>/debug/StenoPackageTests.xctest; macOS: …/StenoPackageTests.xctest/Contents/MacOS/….
            var folder = executable.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("steno"))
                folder = folder.deletingLastPathComponent()
            }
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("steno"))
        candidates.append(SharedData.repositoryRoot.appendingPathComponent(".build/debug/steno"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? SharedData.repositoryRoot.appendingPathComponent(".build/debug/steno")
    }()

    /// Runs `steno arguments…` to completion. Output goes through temporary files rather than
    /// pipes so that a large JSON report cannot block the child on a full pipe. `directory` is the
    /// child's working directory (the test process's own when nil).
    static func run(_ arguments: [String], in workingDirectory: URL? = nil) throws -> Result {
        let directory = try Fixtures.makeTemporaryDirectory(prefix: "steno-cli")
        defer { removeScratch(directory) }
        let outURL = directory.appendingPathComponent("stdout")
        let errURL = directory.appendingPathComponent("stderr")
        try #require(FileManager.default.createFile(atPath: outURL.path, contents: nil))
        try #require(FileManager.default.createFile(atPath: errURL.path, contents: nil))
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      exitedNormally: process.terminationReason == .exit,
                      standardOutput: try String(contentsOf: outURL, encoding: .utf8),
                      standardError: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// Parses stdout as the JSON array every `--format json` command prints.
    static func jsonObjects(_ result: Result) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        return try #require(value as? [[String: Any]], "stdout is not a JSON array of objects")
    }

    static func removeScratch(_ directory: URL) {
        // Scratch space; failing to delete it must not hide the test's result.
        do { try FileManager.default.removeItem(at: directory) } catch {}
    }
}
