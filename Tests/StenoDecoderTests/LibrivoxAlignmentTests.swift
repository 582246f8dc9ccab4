import Foundation
import Steno
import StenoAudio
import StenoCore
import StenoDecoder
import StenoTestSupport
import Testing

/// Done-when 3 of issue 6: on the five librivox clips, audio → features → scores → alignment
/// puts at least 95% of the words' start and end within 2 frames of pocketsphinx's own alignment.
@Suite("Forced alignment of the librivox clips vs pocketsphinx")
struct LibrivoxAlignmentTests {
    static let aligner = Result { try SpeechAligner(modelDirectory: Fixtures.bundledModel) }

    @Test("≥ 95% of word boundaries within 2 frames, ≥ 95% of pronunciations the same", .requiresSharedData)
    func librivox() throws {
        let aligner = try Self.aligner.get()
        var agree = 0, total = 0, samePronunciation = 0
        var misses: [String] = []
        for clip in LibrivoxReference.clips {
            let audio = try AudioReader().read(SharedData.data("pocketsphinx/librivox/\(clip).wav").path)
            let transcript = try LibrivoxReference.transcript(clip).joined(separator: " ")
            let alignment = try aligner.align(audio, transcript: transcript)
            let reference = try LibrivoxReference.alignment(clip)
            let result = LibrivoxReference.agreement(alignment, reference)
            agree += result.agree
            total += result.total
            misses += result.worst.map { "\(clip.suffix(4)): \($0)" }
            let ours = alignment.words.filter { !$0.isFiller }.map(\.spelling)
            let theirs = reference.w.map(\.t).filter { !$0.hasPrefix("<") }
            #expect(ours.count == theirs.count)
            samePronunciation += zip(ours, theirs).filter { $0 == $1 }.count
            #expect(alignment.frameCount == Int((reference.w.last!.b + reference.w.last!.d) * 100 + 0.5), "\(clip)")
        }
        #expect(total == 71)
        // pocketsphinx picks pronunciations in a pruned first pass; we score them all (70/71 agree).
        #expect(Double(samePronunciation) >= 0.95 * Double(total))
        #expect(Double(agree) >= 0.95 * Double(total), "\(agree)/\(total): \(misses)")
    }

    @Test("unknown words are one error naming all of them", .requiresSharedData)
    func unknownWords() throws {
        let aligner = try Self.aligner.get()
        #expect {
            _ = try aligner.words(of: "he might qwzx even frobnicate qwzx")
        } throws: { error in
            guard let error = error as? DecoderError else { return false }
            return error.kind == .unknownWord && error.reason.hasSuffix("qwzx frobnicate")
        }
        // Capitalised words fall back to the lower-case entry; alternates come along.
        let words = try aligner.words(of: "And mister")
        #expect(words.map(\.text) == ["And", "mister"])
        #expect(words[0].pronunciations.map(\.spelling).contains("and(2)"))
    }
}
