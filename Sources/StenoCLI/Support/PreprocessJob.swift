import Logging
import StenoAudio
import StenoCore
import StenoPreprocess

/// Read → preprocessing chain → write, for each input of `steno trim`, `normalize` and `preprocess`.
/// The algorithms live in StenoAudio and StenoPreprocess; this only connects them and names files.
struct PreprocessJob {
    let reader: AudioReader
    let chain: PreprocessingChain
    let writer: AudioWriter
    let plan: OutputPlan
    /// Progress on stderr at debug level (`--verbose`).
    var logger = StenoLogging.logger("preprocess")

    /// Processes every input; each good one is written and reported, each bad one gives one stderr
    /// line (and a `{path, error}` entry in JSON). Exits 1 when any input failed.
    func run(_ inputs: [String], format: OutputFormat) throws {
        let outcomes = BatchRunner.run(inputs) { path in try process(path) }
        try BatchRunner.report(outcomes, format: format, json: { _, report in report }, text: { _, report in report.textLine })
    }

    private func process(_ path: String) throws -> PreprocessReport {
        let outputPath = try plan.outputPath(for: path)
        logger.debug("reading", metadata: ["path": "\(path)"])
        let buffer = try reader.read(path)
        let result: PreprocessingResult
        do {
            result = try chain.run(buffer)
        } catch let error as PreprocessError {
            throw error.withPath(path)
        }
        try writer.write(result.output, to: outputPath)
        logger.debug("wrote", metadata: ["path": "\(outputPath)", "seconds": "\(result.output.durationSeconds)"])
        return PreprocessReport(path: path, outputPath: outputPath, inputDurationSeconds: buffer.durationSeconds,
                                result: result)
    }
}
