import StenoCore

/// Aligns a known word sequence to audio features: a Viterbi search over the word sequence's HMM
/// network (alternate pronunciations in parallel, optional silences and fillers between words,
/// cross-word triphones), returning word and phone segments with their acoustic scores.
///
/// ```swift
/// let aligner = ForcedAligner(scorer: scorer)
/// let alignment = try aligner.align(words, features: features)
/// ```
/// The aligner talks to the acoustic model only through `AcousticScorer`; HMM updates follow
/// pocketsphinx's 3-state left-to-right topology and tie rules.
public struct ForcedAligner: Sendable {
    /// The acoustic model's scorer.
    public let scorer: any AcousticScorer
    /// Graph and penalty options.
    public let options: ForcedAlignmentOptions

    static let worst = -536_870_912

    /// An aligner scoring with `scorer`; the options default to pocketsphinx grammar-search values.
    public init(scorer: any AcousticScorer, options: ForcedAlignmentOptions = ForcedAlignmentOptions()) {
        self.scorer = scorer
        self.options = options
    }

    /// Aligns `words` (in order) to `features`; throws a `DecoderError` when a pronunciation uses a
    /// phone the model lacks, or when no path fits (too few frames for the phones).
    public func align(_ words: [AlignmentWord], features: FeatureMatrix) throws -> ForcedAlignment {
        guard features.dimension == scorer.featureDimension else {
            throw DecoderError(.inconsistent, path: nil,
                reason: "features have \(features.dimension) values per frame, the acoustic model needs \(scorer.featureDimension)")
        }
        let topology = scorer.topology
        let graph = try AlignmentGraph(words: words, options: options, topology: topology)
        let frames = features.frameCount
        guard frames > 0 else {
            throw DecoderError(.inconsistent, path: nil, reason: "no audio frames to align")
        }
        var search = ViterbiState(graph: graph, topology: topology)
        let session = scorer.makeScoringSession()
        var scores = [Int32](repeating: 0, count: topology.senoneCount)
        // Only the network's senones are scored (as pocketsphinx scores only its active HMMs').
        let senones = SenoneSet.active(Array(Set(graph.nodes.flatMap(\.senones))).sorted())
        for frame in 0..<frames {
            session.score(frame: frame, of: features, senones: senones, into: &scores)
            search.step(frame: frame, emissions: scores, graph: graph, beam: options.beam.map { Int($0) })
        }
        guard let last = search.bestFinalExit(graph: graph) else {
            throw DecoderError(.inconsistent, path: nil,
                reason: "the text cannot be aligned: \(frames) frames are too few for its phones")
        }
        return search.backtrace(from: last, graph: graph, topology: topology, frames: frames,
                                framesPerSecond: features.framesPerSecond)
    }
}
