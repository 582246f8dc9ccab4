import Foundation
import StenoCore

/// `alignment-fit`: utterances whose transcript fits its audio far worse than the rest of the set,
/// by forced alignment with an acoustic model (a swapped or wrong transcript, or wrong audio).
///
/// The alignment itself is injected (`steno check --align` passes one built on the bundled model),
/// so this module does not depend on the acoustic model: `fit` returns an utterance's alignment
/// score per frame (higher is better), or why it could not be aligned. Scores are compared with
/// the set's median using the median absolute deviation, which a few bad labels cannot shift.
public struct AlignmentFitCheck: DatasetCheck {
    /// How well one utterance's transcript fits its audio.
    public enum Fit: Sendable, Equatable {
        /// Alignment score per frame (log-likelihood units of the model; higher is better).
        case scorePerFrame(Double)
        /// The transcript could not be aligned at all (unknown words, too few frames, unreadable audio).
        case failed(String)
    }

    /// Scores one utterance. Called concurrently from several threads.
    public let fit: @Sendable (CheckEntry) -> Fit
    /// Flag scores more than this many robust standard deviations (1.4826 × MAD) below the median.
    /// Default 4.
    public let deviations: Double
    /// Fewest scored utterances for a meaningful comparison. Default 5.
    public let minimumUtterances: Int
    /// Parallel alignments. Default: all cores.
    public let workerCount: Int

    /// A check that scores each utterance with `fit`; defaults as documented on each property.
    public init(deviations: Double = 4, minimumUtterances: Int = 5,
                workerCount: Int = ProcessInfo.processInfo.activeProcessorCount,
                fit: @escaping @Sendable (CheckEntry) -> Fit) {
        self.fit = fit
        self.deviations = deviations
        self.minimumUtterances = minimumUtterances
        self.workerCount = max(1, workerCount)
    }

    public var descriptor: CheckDescriptor { Self.checkDescriptor }

    /// Its descriptor. Not in ``CheckCatalog`` (it needs an aligner); `steno check --align` adds it.
    public static let checkDescriptor = CheckDescriptor(
        id: "alignment-fit", category: .labels, severity: .warning, requirement: .manifests,
        title: "Transcript fits its audio far worse than the rest",
        rationale: "A forced alignment much worse than the set's usually means the transcript belongs to other audio, "
            + "or misses or adds words.")

    public func run(in context: CheckContext) -> [Finding] {
        let entries = context.entries.filter { $0.utterance.transcript != nil && $0.utterance.audio?.url != nil }
        let fits = ParallelMap.ordered(entries, workers: workerCount, fit)
        var scored: [(CheckEntry, Double)] = []
        var items: [FindingItem] = []
        for (entry, fit) in zip(entries, fits) {
            switch fit {
            case .scorePerFrame(let score): scored.append((entry, score))
            case .failed(let reason): items.append(context.item(entry, "cannot be aligned: \(reason)"))
            }
        }
        var summary: String?
        if scored.count >= minimumUtterances, let median = quantile(scored.map(\.1).sorted(), 0.5),
           let mad = quantile(scored.map { abs($0.1 - median) }.sorted(), 0.5) {
            // A floor keeps a set of near-identical scores from flagging tiny differences.
            let spread = max(1.4826 * mad, 0.02 * abs(median), 1)
            let threshold = median - deviations * spread
            for (entry, score) in scored where score < threshold {
                items.append(context.item(entry, "\(formatted(score, digits: 1)) per frame (set median \(formatted(median, digits: 1)))"))
            }
            summary = "\(items.count) of \(entries.count) utterances below \(formatted(threshold, digits: 1)) per frame "
                + "(median \(formatted(median, digits: 1)))"
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: summary)]
    }
}

