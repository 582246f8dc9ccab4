/// Splits JSGF text into tokens, with line numbers, skipping comments and tags' contents.
struct JSGFLexer {
    enum Token: Equatable {
        case header  // #JSGF
        case word(String)  // a token (quoted or bare)
        case ruleName(String)  // <...>, brackets kept
        case tag
        case weight(Float)
        case symbol(UInt8)  // ; = | * + ( ) [ ]
        case end
    }

    let bytes: [UInt8]
    let path: String
    var position = 0
    var line = 1

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func fail(_ reason: String, line: Int? = nil) -> DecoderError {
        DecoderError(.malformed, path: path, line: line ?? self.line, reason: reason)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x0B || byte == 0x0C
    }

    static let symbols: Set<UInt8> = Set(";=|*+()[]".utf8)
    /// Bytes that end a bare token.
    static let delimiters: Set<UInt8> = Set(";=|*+()[]<>{}/\"".utf8)

    private mutating func skipSpaceAndComments() throws {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A { line += 1; position += 1; continue }
            if Self.isSpace(byte) { position += 1; continue }
            if byte == 0x2F, position + 1 < bytes.count {  // '/'
                if bytes[position + 1] == 0x2F {
                    while position < bytes.count && bytes[position] != 0x0A { position += 1 }
                    continue
                }
                if bytes[position + 1] == 0x2A {
                    let startLine = line
                    position += 2
                    while true {
                        guard position + 1 < bytes.count else { throw fail("unterminated /* comment", line: startLine) }
                        if bytes[position] == 0x2A && bytes[position + 1] == 0x2F { position += 2; break }
                        if bytes[position] == 0x0A { line += 1 }
                        position += 1
                    }
                    continue
                }
            }
            return
        }
    }

    /// The next token and the line it starts on.
    mutating func next() throws -> (Token, Int) {
        try skipSpaceAndComments()
        guard position < bytes.count else { return (.end, line) }
        let startLine = line
        let byte = bytes[position]
        switch byte {
        case _ where Self.symbols.contains(byte):
            position += 1
            return (.symbol(byte), startLine)
        case 0x3C:  // '<'
            var end = position + 1
            while end < bytes.count && bytes[end] != 0x3E && !Self.isSpace(bytes[end]) && bytes[end] != 0x3C { end += 1 }
            guard end < bytes.count, bytes[end] == 0x3E, end > position + 1 else {
                throw fail("malformed rule name starting '\(text(position..<min(end, bytes.count)))'")
            }
            let name = text(position..<(end + 1))
            position = end + 1
            return (.ruleName(name), startLine)
        case 0x7B:  // '{' tag, with backslash escapes
            position += 1
            while position < bytes.count && bytes[position] != 0x7D {
                if bytes[position] == 0x5C { position += 1 }
                if position < bytes.count && bytes[position] == 0x0A { line += 1 }
                position += 1
            }
            guard position < bytes.count else { throw fail("unterminated {tag}", line: startLine) }
            position += 1
            return (.tag, startLine)
        case 0x2F:  // '/' weight '/'
            var end = position + 1
            while end < bytes.count && bytes[end] != 0x2F && bytes[end] != 0x0A { end += 1 }
            guard end < bytes.count, bytes[end] == 0x2F,
                  let value = Double(text((position + 1)..<end).trimmingSpaces), value.isFinite, value >= 0
            else { throw fail("malformed weight '\(text(position..<min(end + 1, bytes.count)))'") }
            position = end + 1
            return (.weight(Float(value)), startLine)
        case 0x22:  // quoted token; pocketsphinx keeps the quotes in the word
            var end = position + 1
            while end < bytes.count && bytes[end] != 0x22 && bytes[end] != 0x0A { end += 1 }
            guard end < bytes.count, bytes[end] == 0x22, end > position + 1 else { throw fail("unterminated or empty quoted token") }
            let word = text(position..<(end + 1))
            position = end + 1
            return (.word(word), startLine)
        case 0x23 where bytes[position...].starts(with: Array("#JSGF".utf8)):
            position += 5
            return (.header, startLine)
        case 0x3E, 0x7D:
            throw fail("unexpected '\(Character(Unicode.Scalar(byte)))'")
        default:
            var end = position
            while end < bytes.count && !Self.isSpace(bytes[end]) && !Self.delimiters.contains(bytes[end]) { end += 1 }
            let word = text(position..<end)
            position = end
            return (.word(word), startLine)
        }
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
