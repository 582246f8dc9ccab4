import Foundation

/// Finds the model directory: an explicit path, then `$STENO_MODEL_DIR`, then `Models/en-us` beside
/// the executable or in one of its parent folders (a checkout's `.build/…/steno`), then the current
/// directory's `Models/en-us`.
public enum ModelLocator {
    /// The environment variable naming a model directory.
    public static let environmentVariable = "STENO_MODEL_DIR"

    /// The model directory to use, or an error listing where it was looked for.
    public static func locate(explicit: URL? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = Bundle.main.executableURL) throws -> URL {
        if let explicit { return explicit }
        if let value = environment[environmentVariable], !value.isEmpty { return URL(fileURLWithPath: value) }
        var tried = [String]()
        var candidates = [URL]()
        if var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            for _ in 0..<6 {
                candidates.append(folder.appendingPathComponent("Models/en-us"))
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Models/en-us"))
        for c in candidates {
            tried.append(c.path)
            if FileManager.default.fileExists(atPath: c.appendingPathComponent("acoustic").path) { return c }
        }
        throw RecognizerError(.modelNotFound, path: nil,
                              reason: "no model directory found (use --model or set \(environmentVariable)); looked in "
                                + tried.joined(separator: ", "))
    }
}
