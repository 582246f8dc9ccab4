import Foundation

extension PronunciationDictionary {
    /// Loads a main dictionary and (optionally) a filler dictionary from files.
    ///
    /// Bad lines are skipped and listed in ``skippedLines`` (pocketsphinx's behaviour).
    ///
    /// - Parameters:
    ///   - url: the main dictionary, e.g. `cmudict-en-us.dict`.
    ///   - fillerURL: the filler dictionary, e.g. the model's `noisedict`; nil for none (then only
    ///     `<s>`, `</s>` and `<sil>` are added, pronounced `SIL`).
    ///   - phones: the phone set pronunciations must use.
    /// - Throws: ``DecoderError`` when a file cannot be read, when the main dictionary defines
    ///   `<s>`, `</s>` or `<sil>`, or when `SIL` is needed but not in a closed phone set.
    public init(contentsOf url: URL, fillers fillerURL: URL? = nil, phones: PhoneInventory) throws {
        let main = try Self.readBytes(url)
        let fillers = try fillerURL.map { (path: $0.path, bytes: try Self.readBytes($0)) }
        try self.init(main: (url.path, main), fillers: fillers, phones: phones)
    }

    /// Parses dictionaries held in memory; `name` and `fillerName` stand in for paths in messages.
    public init(
        text: String, name: String = "<dictionary>", fillerText: String? = nil,
        fillerName: String = "<fillers>", phones: PhoneInventory
    ) throws {
        try self.init(
            main: (name, Array(text.utf8)), fillers: fillerText.map { (fillerName, Array($0.utf8)) },
            phones: phones)
    }

    init(main: (path: String, bytes: [UInt8]), fillers: (path: String, bytes: [UInt8])?, phones: PhoneInventory) throws {
        var builder = DictionaryBuilder(phones: phones)
        builder.parse(main.bytes, path: main.path)
        for reserved in [Self.sentenceStart, Self.sentenceEnd, Self.silence] {
            if let id = builder.idsByWord[reserved] {
                throw DecoderError(
                    .malformed, path: main.path, line: Int(builder.lines[Int(id)]),
                    reason: "\(reserved) belongs in the filler dictionary, not the main dictionary")
            }
        }
        let fillerStart = builder.words.count
        if let fillers { builder.parse(fillers.bytes, path: fillers.path) }
        for reserved in [Self.sentenceStart, Self.sentenceEnd, Self.silence] where builder.idsByWord[reserved] == nil {
            guard let sil = builder.phoneID(named: "SIL") else {
                throw DecoderError(
                    .inconsistent, path: fillers?.path ?? main.path,
                    reason: "cannot add \(reserved): the phone set has no SIL")
            }
            builder.append(word: reserved, base: nil, phones: [Int32(sil)], line: 0)
        }
        self.phones = builder.finalPhones()
        self.skippedLines = builder.issues
        self.fillerIDs = fillerStart..<builder.words.count
        self.sentenceStartID = Int(builder.idsByWord[Self.sentenceStart] ?? -1)
        self.sentenceEndID = Int(builder.idsByWord[Self.sentenceEnd] ?? -1)
        self.silenceID = Int(builder.idsByWord[Self.silence] ?? -1)
        self.words = builder.words
        self.baseIDs = builder.baseIDs
        self.nextAlternateIDs = builder.nextAlternateIDs
        self.phoneOffsets = builder.phoneOffsets
        self.phoneStorage = builder.phoneStorage
        self.idsByWord = builder.idsByWord
    }

    static func readBytes(_ url: URL) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DecoderError(.unreadable, path: url.path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw DecoderError(.unreadable, path: url.path, reason: "is a folder, not a file") }
        do {
            return try [UInt8](Data(contentsOf: url, options: .mappedIfSafe))
        } catch {
            throw DecoderError(.unreadable, path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
    }
}
