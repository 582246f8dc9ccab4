/// Splits text into white-space-separated tokens, fast for ASCII text.
///
/// ASCII text (the common case) is split on its bytes; text with any non-ASCII byte falls back to
/// `Character.isWhitespace`, so Unicode spaces (U+00A0, U+3000, ...) still separate words.
enum WhitespaceTokenizer {
    static func tokens(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: \.isWhitespace)
        }
        var tokens: [Substring] = []
        var start: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0x1C || byte == 0x1D
                || byte == 0x1E || byte == 0x1F || byte == 0x85
            if isSpace {
                if let s = start { tokens.append(text[s..<index]); start = nil }
            } else if start == nil {
                start = index
            }
            index = utf8.index(after: index)
        }
        if let s = start { tokens.append(text[s..<utf8.endIndex]) }
        return tokens
    }
}
