import Foundation

/// Finds the project's shared development data (`../shared` beside the checkout).
///
/// Users who clone Steno do not have it, so tests that need it are skipped with a message then.
/// CI always has it: when the `CI` environment variable is set, such tests run regardless and
/// fail loudly if the data is missing, so they can never skip silently there.
public enum SharedData {
    /// The repository root (the folder holding Package.swift).
    public static let repositoryRoot: URL = {
        // Sources/StenoTestSupport/SharedData.swift → three levels up.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }()

    /// `$STENO_SHARED_DIR`, else `../shared` beside the repository.
    public static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["STENO_SHARED_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// Whether the shared data folder exists here.
    public static var isPresent: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("data").path)
    }

    /// True on CI, where the shared data must be used and tests must not skip.
    public static var isRequired: Bool {
        let ci = ProcessInfo.processInfo.environment["CI"] ?? ""
        return !ci.isEmpty && ci != "0" && ci.lowercased() != "false"
    }

    /// Whether tests that need shared data should run.
    public static var shouldRun: Bool { isPresent || isRequired }

    /// Why a shared-data test was skipped.
    public static let skipMessage = "skipped: shared development data not found at ../shared (set STENO_SHARED_DIR)"

    /// A path under `shared/data/`.
    public static func data(_ relativePath: String) -> URL {
        root.appendingPathComponent("data").appendingPathComponent(relativePath)
    }

    /// A path under `shared/` itself (tools, notes).
    public static func file(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }
}
