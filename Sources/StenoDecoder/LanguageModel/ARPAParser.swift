import Foundation

/// Line-oriented ARPA reader over bytes, keeping the line number for errors.
struct ARPAParser {
    let bytes: [UInt8]
    let path: String
    var position = 0
    var lineNumber = 0

    /// 1 / log10(1.0001), as pocketsphinx's log-math computes it (f64).
    static let log10ToLogBase: Double = 1.0 / log10(1.0001)

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func fail(_ reason: String, line: Int? = nil) -> DecoderError {
        DecoderError(.malformed, path: path, line: line ?? lineNumber, reason: reason)
    }

    /// The next line with surrounding whitespace removed, or nil at the end.
    mutating func nextLine() -> ArraySlice<UInt8>? {
        guard position < bytes.count else { return nil }
        lineNumber += 1
        var end = position
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        var start = position
        position = end + 1
        var stop = end
        while start < stop && Self.isSpace(bytes[start]) { start += 1 }
        while stop > start && Self.isSpace(bytes[stop - 1]) { stop -= 1 }
        return bytes[start..<stop]
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x0B || byte == 0x0C
    }

    static func fields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        line.split(whereSeparator: isSpace)
    }

    static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A log10 value in log base 1.0001. pocketsphinx rounds n-gram values to f32 before converting
    /// (`(float)atof`, then × 1/log10(1.0001) in f64, then f32) but converts unigram values straight
    /// from the f64 `atof` result; the last bit differs between the two.
    func number(_ field: ArraySlice<UInt8>, roundedFirst: Bool) throws -> Float {
        guard let value = Double(Self.text(field)), value.isFinite || value == -.infinity else {
            throw fail("'\(Self.text(field))' is not a number")
        }
        return Float((roundedFirst ? Double(Float(value)) : value) * Self.log10ToLogBase)
    }

    mutating func parse() throws -> ARPAModel {
        var model = ARPAModel()
        // Header: anything up to \data\.
        while true {
            guard let line = nextLine() else { throw fail("no \\data\\ section", line: nil) }
            if line.elementsEqual("\\data\\".utf8) { break }
        }
        // Counts: "ngram N=COUNT", in order, until the first section header.
        var sectionLine: ArraySlice<UInt8>?
        while let line = nextLine() {
            if line.isEmpty { continue }
            if line.first == 0x5C { sectionLine = line; break }  // '\'
            let text = Self.text(line)
            guard text.hasPrefix("ngram "), let equals = text.firstIndex(of: "="),
                  let order = Int(text[text.index(text.startIndex, offsetBy: 6)..<equals].trimmingCharacters(in: .whitespaces)),
                  let count = Int(text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces))
            else { throw fail("expected 'ngram N=COUNT', found '\(text)'") }
            guard order == model.counts.count + 1 else {
                throw fail("n-gram counts out of order: order \(order) after \(model.counts.count)")
            }
            guard order <= NGramLanguageModel.maximumOrder else {
                throw fail("order \(order) is above the highest supported order \(NGramLanguageModel.maximumOrder)")
            }
            guard count > 0 else { throw fail("the \(order)-gram count must be positive, found \(count)") }
            model.counts.append(count)
        }
        guard !model.counts.isEmpty else { throw fail("no n-gram counts after \\data\\") }
        guard model.counts.count >= 2 else { throw fail("unigram-only models are not supported") }
        let order = model.counts.count
        var ids: [String: Int32] = [:]
        for n in 1...order {
            let header = "\\\(n)-grams:"
            guard let found = sectionLine else { throw fail("missing \(header) section (end of file)") }
            guard found.elementsEqual(header.utf8) else {
                throw fail("expected \(header), found '\(Self.text(found))'")
            }
            sectionLine = nil
            var level = ARPAModel.Level()
            var read = 0
            let expected = model.counts[n - 1]
            while let line = nextLine() {
                if line.isEmpty { continue }
                if line.first == 0x5C { sectionLine = line; break }
                read += 1
                guard read <= expected else { throw fail("more \(n)-grams than the \(expected) declared") }
                let fields = Self.fields(line)
                guard fields.count == n + 1 || (n < order && fields.count == n + 2) else {
                    throw fail("a \(n)-gram line needs a log-probability, \(n) words\(n < order ? " and an optional back-off" : ""); found \(fields.count) fields")
                }
                let probability = min(try number(fields[0], roundedFirst: n > 1), 0)
                let backoff = fields.count == n + 2 ? try number(fields[n + 1], roundedFirst: n > 1) : 0
                if n == 1 {
                    let word = Self.text(fields[1])
                    guard ids.updateValue(Int32(model.vocabulary.count), forKey: word) == nil else {
                        throw fail("duplicate unigram '\(word)'")
                    }
                    model.vocabulary.append(word)
                    model.unigramProbabilities.append(probability)
                    model.unigramBackoffs.append(backoff)
                } else {
                    // Newest word first: the trie's key order.
                    for field in fields[1...n].reversed() {
                        guard let id = ids[Self.text(field)] else {
                            throw fail("word '\(Self.text(field))' of a \(n)-gram is not among the unigrams")
                        }
                        level.keys.append(id)
                    }
                    level.probabilities.append(probability)
                    level.backoffs.append(backoff)
                    level.lines.append(Int32(lineNumber))
                }
            }
            guard read == expected else {
                throw fail("expected \(expected) \(n)-grams, found \(read)")
            }
            if n > 1 { model.levels.append(level) }
        }
        guard let end = sectionLine else { throw fail("missing \\end\\ (end of file)") }
        guard end.elementsEqual("\\end\\".utf8) else {
            throw fail("expected \\end\\, found '\(Self.text(end))' (more sections than the \(order) counted?)")
        }
        return model
    }
}
