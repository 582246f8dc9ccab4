import Foundation

/// A manifest file split into lines, each decoded as UTF-8 on its own so that one bad byte costs one
/// line, not the file.
struct ManifestLines {
    struct Line {
        /// 1-based.
        let number: Int
        /// The decoded text, with U+FFFD where the bytes were not UTF-8, without the line terminator.
        let text: String
        /// Whether the bytes were valid UTF-8.
        let isValidUTF8: Bool
    }

    let path: String
    let lines: [Line]

    /// Reads `url`, naming it `path` in issues. A UTF-8 byte-order mark at the start is dropped;
    /// `\r\n` endings are accepted.
    init(url: URL, path: String) throws(DatasetError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DatasetError(.unreadable, path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        self.init(data: data, path: path)
    }

    init(data: Data, path: String) {
        self.path = path
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var result: [Line] = []
        var start = 0
        var number = 0
        func emit(_ end: Int) {
            number += 1
            var slice = bytes[start..<end]
            if slice.last == 0x0D { slice = slice.dropLast() }
            let valid = String(validating: slice, as: UTF8.self)
            result.append(Line(number: number, text: valid ?? String(decoding: slice, as: UTF8.self),
                               isValidUTF8: valid != nil))
        }
        for index in bytes.indices where bytes[index] == 0x0A {
            emit(index)
            start = index + 1
        }
        if start < bytes.count { emit(bytes.count) }
        lines = result
    }

    /// The location of a line.
    func location(_ line: Line) -> SourceLocation { SourceLocation(file: path, line: line.number) }
}
