import Foundation
import StenoCore
import StenoEval

/// Everything the checks read: the datasets, each utterance with its audio status, options, lexicon.
public struct CheckContext: Sendable {
    /// The datasets, in the order given (the first is the reference split for overlap checks).
    public let datasets: [Dataset]
    /// Every utterance of every dataset, datasets in the order given, utterances in manifest order.
    public let entries: [CheckEntry]
    /// Thresholds for the checks.
    public let options: CheckOptions
    /// Lower-cased words of the pronunciation dictionary, when one was given.
    public let lexiconWords: Set<String>?
    /// Whether audio was analysed at all.
    public let audioAnalysed: Bool

    /// A context; `entries` must list every utterance of `datasets` in order.
    public init(datasets: [Dataset], entries: [CheckEntry], options: CheckOptions, lexiconWords: Set<String>?,
                audioAnalysed: Bool) {
        self.datasets = datasets
        self.entries = entries
        self.options = options
        self.lexiconWords = lexiconWords
        self.audioAnalysed = audioAnalysed
    }

    /// A finding item for an entry; with several datasets the detail names the dataset.
    public func item(_ entry: CheckEntry, _ detail: String) -> FindingItem {
        item(entry.utterance.id.rawValue, datasetIndex: entry.datasetIndex, detail)
    }

    /// A finding item for an id in a dataset.
    public func item(_ id: String, datasetIndex: Int, _ detail: String) -> FindingItem {
        let shown = clipped(detail)
        return FindingItem(id: id, detail: datasets.count > 1 ? "[\(datasets[datasetIndex].name)] \(shown)" : shown)
    }

    /// Entries with a measurement.
    var measured: [(entry: CheckEntry, measurement: AudioMeasurement)] {
        entries.compactMap { entry in entry.audio.measurement.map { (entry, $0) } }
    }

    /// Keeps details one short line even for hostile input (a 1 MB transcript).
    func clipped(_ text: String, limit: Int = 160) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}

/// The value at fraction `q` (0...1) of sorted values, by linear interpolation; nil for no values.
func quantile(_ sorted: [Double], _ q: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let position = q * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(sorted.count - 1, lower + 1)
    let fraction = position - Double(lower)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
}

/// Formats seconds or ratios compactly for messages.
func formatted(_ value: Double, digits: Int = 2) -> String {
    guard value.isFinite else { return value > 0 ? "inf" : "-inf" }
    var text = String(format: "%.\(digits)f", value)
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
}
