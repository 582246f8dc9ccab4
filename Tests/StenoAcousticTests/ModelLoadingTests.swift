import Foundation
import StenoAcoustic
import StenoCore
import StenoTestSupport
import Testing

@Suite("Loading Sphinx acoustic models")
struct ModelLoadingTests {
    static let bundled = Fixtures.bundledModel.appendingPathComponent("acoustic")

    @Test("bundled en-us PTM model: counts from SPHINX_NOTES.md §0 and §5")
    func bundledModel() throws {
        let model = try AcousticModel(directory: Self.bundled)
        #expect(model.kind == .phoneticallyTied)
        #expect(model.basePhoneCount == 42)
        #expect(model.definition.phoneCount == 137_095)
        #expect(model.senoneCount == 5126)
        #expect(model.definition.ciSenoneCount == 126)
        #expect(model.senoneSequenceCount == 29_324)
        #expect(model.transitionMatrices.count == 42)
        #expect(model.means.codebookCount == 42)
        #expect(model.means.streamLengths == [13, 13, 13])
        #expect(model.means.densityCount == 128)
        #expect(model.phoneName(0) == "+NSN+")
        #expect(model.phoneName(41) == "ZH")
        #expect(model.silencePhone == 32)
        #expect(model.isFiller(0) && model.isFiller(1) && model.isFiller(32) && !model.isFiller(2))
        #expect(model.featureParameters["remove_noise"] == "yes")
        #expect(model.featureParameters.featureTypeName == "1s_c_d_dd")
        #expect(model.fillerWords.map(\.word) == ["<s>", "</s>", "<sil>", "[NOISE]", "[SPEECH]"])
        // Triphone counts per word position (i, b, e, s) = 19733, 37960, 36160, 43200.
        let positions = Dictionary(grouping: model.definition.triphones, by: \.position).mapValues(\.count)
        #expect(positions[.interior] == 19_733 && positions[.begin] == 37_960)
        #expect(positions[.end] == 36_160 && positions[.single] == 43_200)
        // Base phone p uses senones 3p...3p+2 and transition matrix p.
        for p in 0..<42 {
            #expect(model.senones(ofSequence: model.senoneSequence(ofBasePhone: p)) == [Int32(3 * p), Int32(3 * p + 1), Int32(3 * p + 2)])
            #expect(model.transitionMatrix(ofBasePhone: p) == p)
        }
    }

    @Test("transition matrices quantised as in SPHINX_NOTES.md §5.5")
    func transitions() throws {
        let model = try AcousticModel(directory: Self.bundled)
        let aa = model.basePhone(named: "AA")!, sil = model.silencePhone
        let m = model.transitionMatrices
        #expect((0..<3).map { m.penalty(matrix: aa, from: $0, to: $0) } == [3, 2, 3])
        #expect((0..<3).map { m.penalty(matrix: aa, from: $0, to: $0 + 1) } == [10, 15, 10])
        #expect((0..<3).map { m.penalty(matrix: sil, from: $0, to: $0) } == [0, 1, 1])
        #expect((0..<3).map { m.penalty(matrix: sil, from: $0, to: $0 + 1) } == [24, 19, 17])
        #expect((0..<3).map { m.penalty(matrix: 0, from: $0, to: $0) } == [1, 0, 1])
        #expect(model.transitionScore(matrix: aa, from: 0, to: 1) == -10)
        #expect(model.transitionScore(matrix: aa, from: 0, to: 2) == Int32.min)
        #expect(model.transitionScore(matrix: aa, from: 1, to: 0) == Int32.min)
    }

    @Test("triphone lookup with the nearest-context fallback matches the reference on 600 contexts")
    func nearestTriphones() throws {
        let model = try AcousticModel(directory: Self.bundled)
        let text = try String(contentsOf: Fixtures.url("acoustic/nearest-triphones.txt"), encoding: .utf8)
        let positions: [WordPosition] = [.interior, .begin, .end, .single]
        var checked = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: " ")
            let b = try #require(model.basePhone(named: String(f[0])))
            let l = try #require(model.basePhone(named: String(f[1])))
            let r = try #require(model.basePhone(named: String(f[2])))
            let position = positions[Int(f[3])!]
            let nearest = Int(f[4])!, exact = Int(f[5])!
            #expect(model.definition.nearestPhone(base: b, left: l, right: r, position: position) == nearest, "\(line)")
            #expect((model.definition.phone(base: b, left: l, right: r, position: position) ?? -1) == exact, "\(line)")
            #expect(model.senoneSequence(base: b, left: l, right: r, position: position)
                    == Int(model.definition.phoneSequence[nearest]))
            checked += 1
        }
        #expect(checked == 600)
        // SPHINX_NOTES.md §5.3: AA with left B and right T is phone 578 (i), 576 (b), 577 (e), 579 (s).
        let aa = model.basePhone(named: "AA")!, bb = model.basePhone(named: "B")!, t = model.basePhone(named: "T")!
        #expect(positions.map { model.definition.phone(base: aa, left: bb, right: t, position: $0) } == [578, 576, 577, 579])
    }

    @Test("an4_ci_cont: text mdef, continuous, float mixture_weights", .requiresSharedData)
    func an4() throws {
        let model = try AcousticModel(directory: SharedData.data("pocketsphinx/an4_ci_cont"))
        #expect(model.kind == .continuous)
        #expect(model.basePhoneCount == 34)
        #expect(model.senoneCount == 102)
        #expect(model.definition.triphones.isEmpty)
        #expect(model.means.codebookCount == 102)
        #expect(model.means.streamLengths == [39])
        #expect(model.mixtureWeights.densityCount == model.means.densityCount)
        #expect(model.featureParameters["nfilt"] == "40")
        // Single-Gaussian mixtures: weight 1 → penalty 0.
        #expect(model.means.densityCount != 1 || model.mixtureWeights.penalties.allSatisfy { $0 == 0 })
        #expect(model.senoneSequence(base: 0, left: 1, right: 2, position: .interior) == model.senoneSequence(ofBasePhone: 0))
        #expect(throws: AcousticError.self) { try TiedMixtureScorer(model: model) }
    }

    @Test("tidigits: big-endian 4-bit clustered sendump, semi-continuous s2_4x", .requiresSharedData)
    func tidigits() throws {
        let model = try AcousticModel(directory: SharedData.data("pocketsphinx/tidigits/hmm"))
        #expect(model.kind == .semiContinuous)
        #expect(model.means.codebookCount == 1)
        #expect(model.means.streamLengths == [12, 24, 3, 12])
        #expect(model.means.densityCount == 256)
        #expect(model.senoneCount == 670)
        #expect(model.mixtureWeights.senoneCount == 670)
        #expect(model.featureParameters.featureTypeName == "s2_4x")
        let scorer = try TiedMixtureScorer(model: model)
        #expect(scorer.featureDimension == 51)
    }
}
