import StenoDecoder

/// `{"id", "words": [{"word", "pronunciation", "start", "end", "score", "phones": [{"phone", "start", "end"}]}]}`,
/// seconds; `word` is the word as scoring tools expect it ("and"), `pronunciation` the dictionary entry chosen ("and(2)").
struct AlignmentJSON: Encodable, Sendable {
    struct Phone: Encodable, Sendable {
        let phone: String
        let start: Double
        let end: Double
    }
    struct Word: Encodable, Sendable {
        let word: String
        let pronunciation: String
        let start: Double
        let end: Double
        let score: Int
        let phones: [Phone]
    }
    let id: String
    let words: [Word]

    init(id: String, alignment: ForcedAlignment) {
        self.id = id
        func seconds(_ frame: Int) -> Double { (alignment.seconds(atFrame: frame) * 1000).rounded() / 1000 }
        words = alignment.words.map { word in
            Word(word: word.word, pronunciation: word.spelling, start: seconds(word.startFrame), end: seconds(word.endFrame + 1), score: word.score,
                 phones: word.phones.map { Phone(phone: $0.phone, start: seconds($0.startFrame), end: seconds($0.endFrame + 1)) })
        }
    }
}
