import Foundation

extension URL {
    /// This file's path relative to `folder` ("../wav/a.wav"), as manifests and listings write it;
    /// nil when the two share only the root, where an absolute path reads better than a row of "..".
    /// "." when the two are the same. Symbolic links are not resolved.
    public func path(relativeTo folder: URL) -> String? {
        let base = folder.standardizedFileURL.pathComponents
        let target = standardizedFileURL.pathComponents
        var common = 0
        while common < base.count, common < target.count, base[common] == target[common] { common += 1 }
        guard common > 1 else { return nil }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
