import Dispatch
import Foundation
import StenoCore

/// Runs the checks over one or more datasets: scans the audio in parallel, then runs each check.
///
/// ```swift
/// let datasets = try ["data/train", "data/test"].map { try DatasetLoader().load($0) }
/// let report = DatasetChecker(measurer: AudioFileMeasurer()).check(datasets)
/// ```
/// The report is the same whatever the number of workers: results are stored by utterance index and
/// every check walks utterances in manifest order.
public struct DatasetChecker: Sendable {
    /// Thresholds for the checks.
    public var options: CheckOptions
    /// The checks to run, in report order. Default: ``CheckCatalog/all``.
    public var checks: [any DatasetCheck]
    /// Reads audio; nil skips every audio check.
    public var measurer: (any AudioMeasuring)?
    /// Parallel audio workers. Default: the active processor count.
    public var workerCount: Int

    /// A checker; `measurer` nil skips every audio check; `workerCount` below 1 counts as 1.
    public init(options: CheckOptions = CheckOptions(), checks: [any DatasetCheck] = CheckCatalog.all,
                measurer: (any AudioMeasuring)?, workerCount: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.options = options
        self.checks = checks
        self.measurer = measurer
        self.workerCount = max(1, workerCount)
    }

    /// Checks `datasets`.
    /// - Parameters:
    ///   - datasets: one dataset, or several splits (train/dev/test) for the overlap checks.
    ///   - lexiconWords: the dictionary's words (lower case) for `oov-words`; nil skips that check.
    ///   - progress: called from worker threads with (clips done, clips total) as audio is measured.
    public func check(_ datasets: [Dataset], lexiconWords: Set<String>? = nil,
                      progress: (@Sendable (Int, Int) -> Void)? = nil) -> CheckReport {
        let utterances = datasets.enumerated().flatMap { index, dataset in dataset.utterances.map { (index, $0) } }
        let statuses = measureAudio(utterances.map(\.1), progress: progress)
        let entries = zip(utterances, statuses).map { pair, status in
            CheckEntry(datasetIndex: pair.0, utterance: pair.1, audio: status)
        }
        let context = CheckContext(datasets: datasets, entries: entries, options: options, lexiconWords: lexiconWords,
                                   audioAnalysed: measurer != nil)
        var findings: [Finding] = []
        var run: [String] = []
        var skipped: [String: String] = [:]
        for check in checks {
            let descriptor = check.descriptor
            switch descriptor.requirement {
            case .audio where measurer == nil:
                skipped[descriptor.id] = "audio analysis is off"
                continue
            case .lexicon where lexiconWords == nil:
                skipped[descriptor.id] = "needs --lexicon"
                continue
            case .severalDatasets where datasets.count < 2:
                skipped[descriptor.id] = "needs two or more datasets"
                continue
            default: break
            }
            run.append(descriptor.id)
            findings += check.run(in: context)
        }
        let measurements = entries.compactMap(\.audio.measurement)
        let summary = CheckReport.Summary(
            datasets: datasets.map { .init(path: $0.name, format: $0.format, utterances: $0.utterances.count) },
            utterances: entries.count, audioMeasured: measurements.count, checksRun: run, checksSkipped: skipped,
            errors: findings.filter { $0.severity == .error }.count,
            warnings: findings.filter { $0.severity == .warning }.count,
            infos: findings.filter { $0.severity == .info }.count,
            silence: SilenceDistribution(measurements))
        let categories = Dictionary(checks.map { ($0.descriptor.id, $0.descriptor.category) },
                                    uniquingKeysWith: { first, _ in first })
        return CheckReport(findings: findings, summary: summary, categories: categories)
    }

    /// Measures every utterance's audio on `workerCount` threads; result `i` belongs to utterance `i`.
    private func measureAudio(_ utterances: [Utterance], progress: (@Sendable (Int, Int) -> Void)?) -> [AudioStatus] {
        guard let measurer else { return utterances.map { _ in .notAnalysed } }
        let total = utterances.count
        var onFinish: (@Sendable (Int, Int) -> Void)?
        if let progress { onFinish = { finished, _ in progress(finished, total) } }
        return ParallelMap.ordered(utterances, workers: workerCount, onFinish: onFinish) { utterance in
            Self.status(of: utterance, measurer: measurer)
        }
    }

    private static func status(of utterance: Utterance, measurer: any AudioMeasuring) -> AudioStatus {
        guard let source = utterance.audio, let url = source.url else { return .notAnalysed }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
            return .missingFile
        }
        do {
            return .measured(try measurer.measure(source))
        } catch let error as any StenoError {
            return .unreadable(error.reason)
        } catch {
            return .unreadable(String(describing: error))
        }
    }
}
