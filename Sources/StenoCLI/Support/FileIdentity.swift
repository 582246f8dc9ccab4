import Foundation

/// The identity of a file on disk (device and inode), so that two paths naming the same file —
/// through `..`, a symbolic link or a hard link — are recognised as one.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file `path` names (following symbolic links), or nil when nothing is there.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
