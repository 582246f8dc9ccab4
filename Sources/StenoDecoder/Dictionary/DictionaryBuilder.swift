import Foundation

/// Accumulates entries while parsing dictionary bytes; shared by the main and filler files.
struct DictionaryBuilder {
    var words: [String] = []
    var baseIDs: [Int32] = []
    var nextAlternateIDs: [Int32] = []
    var phoneOffsets: [Int32] = [0]
    var phoneStorage: [Int32] = []
    var lines: [Int32] = []
    var idsByWord: [String: Int32] = [:]
    var issues: [DictionaryIssue] = []

    private var phoneNames: [String]
    private let acceptsNewPhones: Bool
    /// Phone names of up to 8 bytes packed into an integer: looking a phone up then needs no String.
    private var shortPhoneIDs: [UInt64: Int32] = [:]
    private var longPhoneIDs: [String: Int32] = [:]

    init(phones: PhoneInventory) {
        phoneNames = phones.names
        acceptsNewPhones = phones.acceptsNewPhones
        for (id, name) in phones.names.enumerated() { register(name, id: Int32(id)) }
        words.reserveCapacity(140_000)
        idsByWord.reserveCapacity(140_000)
    }

    func finalPhones() -> PhoneInventory {
        PhoneInventory(names: phoneNames, acceptsNewPhones: acceptsNewPhones)
    }

    private mutating func register(_ name: String, id: Int32) {
        let bytes = Array(name.utf8)
        if let key = Self.packed(bytes[...]) { shortPhoneIDs[key] = id } else { longPhoneIDs[name] = id }
    }

    /// A phone name's id, adding it when the inventory is open.
    mutating func phoneID(named name: String) -> Int32? {
        let bytes = Array(name.utf8)
        return phoneID(bytes: bytes[...])
    }

    private mutating func phoneID(bytes: ArraySlice<UInt8>) -> Int32? {
        let found: Int32?
        if let key = Self.packed(bytes) {
            found = shortPhoneIDs[key]
        } else {
            found = longPhoneIDs[String(decoding: bytes, as: UTF8.self)]
        }
        if let found { return found }
        guard acceptsNewPhones, let name = String(validating: bytes, as: UTF8.self) else { return nil }
        let id = Int32(phoneNames.count)
        phoneNames.append(name)
        register(name, id: id)
        return id
    }

    private static func packed(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for byte in bytes { key = key << 8 | UInt64(byte) }
        // The length goes in too, so "A" and "\0A" cannot collide.
        return key ^ (UInt64(bytes.count) << 60)
    }

    mutating func append(word: String, base: Int32?, phones: [Int32], line: Int) {
        let id = Int32(words.count)
        words.append(word)
        baseIDs.append(base ?? id)
        nextAlternateIDs.append(-1)
        phoneStorage.append(contentsOf: phones)
        phoneOffsets.append(Int32(phoneStorage.count))
        lines.append(Int32(line))
        idsByWord[word] = id
        if let base {
            // pocketsphinx links a new alternate right after its base, so the chain runs
            // base, newest, ..., oldest; searches iterate it in that order.
            nextAlternateIDs[Int(id)] = nextAlternateIDs[Int(base)]
            nextAlternateIDs[Int(base)] = id
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x0B || byte == 0x0C
    }

    /// Parses one dictionary file: `WORD PHONE PHONE ...` per line, `##` and `;;` comment lines.
    mutating func parse(_ bytes: [UInt8], path: String) {
        var lineNumber = 0
        var phones: [Int32] = []
        var start = 0
        let end = bytes.count
        while start < end {
            lineNumber += 1
            var lineEnd = start
            while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { start = lineEnd + 1 }
            let line = bytes[start..<lineEnd]
            if line.count >= 2 {
                let first = line[start], second = line[start + 1]
                if (first == 0x23 && second == 0x23) || (first == 0x3B && second == 0x3B) { continue }
            }
            // Tokenise in place.
            var cursor = start
            func nextToken() -> Range<Int>? {
                while cursor < lineEnd && Self.isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < lineEnd else { return nil }
                let tokenStart = cursor
                while cursor < lineEnd && !Self.isSpace(bytes[cursor]) { cursor += 1 }
                return tokenStart..<cursor
            }
            guard let wordRange = nextToken() else { continue }
            guard let word = String(validating: bytes[wordRange], as: UTF8.self) else {
                issues.append(DictionaryIssue(path: path, line: lineNumber, word: nil, reason: "word is not valid UTF-8"))
                continue
            }
            phones.removeAll(keepingCapacity: true)
            var unknownPhone: String?
            while let phoneRange = nextToken() {
                if let id = phoneID(bytes: bytes[phoneRange]) {
                    phones.append(id)
                } else if unknownPhone == nil {
                    unknownPhone = String(decoding: bytes[phoneRange], as: UTF8.self)
                }
            }
            if let unknownPhone {
                issues.append(DictionaryIssue(
                    path: path, line: lineNumber, word: word,
                    reason: "phone '\(unknownPhone)' of '\(word)' is not in the phone set; entry skipped"))
                continue
            }
            guard !phones.isEmpty else {
                issues.append(DictionaryIssue(
                    path: path, line: lineNumber, word: word, reason: "no pronunciation for '\(word)'; entry skipped"))
                continue
            }
            if let existing = idsByWord[word] {
                let firstLine = lines[Int(existing)]
                issues.append(DictionaryIssue(
                    path: path, line: lineNumber, word: word,
                    reason: "duplicate word '\(word)' (first defined on line \(firstLine)); entry skipped"))
                continue
            }
            var base: Int32?
            // "base(n)": the base is everything before the last '(' — which must not be the first
            // character ("(paren)" is an ordinary word, as in pocketsphinx).
            if bytes[wordRange.upperBound - 1] == 0x29,  // ')'
               let open = bytes[wordRange].dropLast().lastIndex(of: 0x28), open > wordRange.lowerBound  // '('
            {
                let baseWord = String(decoding: bytes[wordRange.lowerBound..<open], as: UTF8.self)
                guard let baseID = idsByWord[baseWord] else {
                    issues.append(DictionaryIssue(
                        path: path, line: lineNumber, word: word,
                        reason: "alternate '\(word)' comes before its base word '\(baseWord)'; entry skipped"))
                    continue
                }
                base = baseID
            }
            append(word: word, base: base, phones: phones, line: lineNumber)
        }
    }
}
