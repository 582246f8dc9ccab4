import Foundation

/// Files under the repository's `Fixtures/` folder.
public enum Fixtures {
    /// The `Fixtures/` folder.
    public static let root = SharedData.repositoryRoot.appendingPathComponent("Fixtures")

    /// A path under `Fixtures/`.
    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The bundled model folder, `Models/en-us`.
    public static let bundledModel = SharedData.repositoryRoot.appendingPathComponent("Models/en-us")

    /// A fresh temporary folder, removed by the caller when done.
    public static func makeTemporaryDirectory(prefix: String = "steno-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
