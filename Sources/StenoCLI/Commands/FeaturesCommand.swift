import ArgumentParser
import Foundation
import Steno
import StenoAudio
import StenoCore
import StenoFeatures

/// `steno features`: MFCC features of audio files, written in Sphinx, HTK, NumPy, CSV or JSON files.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Compute MFCC features (Sphinx, Kaldi or HTK style) and write them as feature files.",
        discussion: """
            The sphinx preset reads the model's feat.params (default: the bundled en-us model) and \
            reproduces pocketsphinx 5.1.1 exactly: 39-dim 1s_c_d_dd features after batch CMN, with \
            noise removal. kaldi = compute-mfcc-feats defaults without dither; htk = MFCC_0 conventions. \
            Audio must be at the preset's rate (16 kHz) unless --resample is given. Each file is a fresh \
            stream, so results do not depend on the order of inputs. A summary goes to stdout \
            (--report json for JSON); exit status 1 if any input failed.
            """)

    @Argument(help: ArgumentHelp("Audio files.", valueName: "file"))
    var inputs: [String]

    @Option(name: [.short, .customLong("output")],
            help: ArgumentHelp("Output file (only with a single input).", valueName: "file"))
    var outputPath: String?

    @Option(name: .customLong("output-dir"),
            help: ArgumentHelp("Folder for the outputs, one <input name>.<extension> each (created if missing).",
                               valueName: "dir"))
    var outputDirectory: String?

    @Option(help: "Feature configuration: sphinx (from --model's feat.params), kaldi or htk.")
    var preset: Preset = .sphinx

    @Option(name: .customLong("model"),
            help: ArgumentHelp("Sphinx model folder holding feat.params, or a folder with it in acoustic/ (default: the bundled Models/en-us).",
                               valueName: "dir"))
    var modelDirectory: String?

    @Option(help: "Feature file format: sphinx (.mfc), htk, npy, csv or json.")
    var format: FeatureFileFormat = .sphinx

    @Option(help: ArgumentHelp("Cepstral mean normalisation: none, batch or live (default: the preset's; sphinx: the model's).",
                               valueName: "mode"))
    var cmn: CMNChoice?

    @Option(name: .customLong("type"),
            help: ArgumentHelp("Features per frame: cepstra or 1s_c_d_dd (default: the preset's; sphinx: the model's).",
                               valueName: "type"))
    var featureType: MFCCOptions.FeatureType?

    @Flag(help: "Replace output files that already exist (inputs are never overwritten).")
    var force = false

    @Flag(help: "Resample inputs to the preset's rate instead of rejecting other rates.")
    var resample = false

    @Option(help: "Summary on stdout: text or json.")
    var report: ReportFormat = .text

    @OptionGroup var audio: AudioInputOptions
    @OptionGroup var logging: LoggingOptions

    enum Preset: String, CaseIterable, ExpressibleByArgument { case sphinx, kaldi, htk }
    enum CMNChoice: String, CaseIterable, ExpressibleByArgument { case none, batch, live }
    enum ReportFormat: String, CaseIterable, ExpressibleByArgument { case text, json }

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one audio file") }
        switch (outputPath, outputDirectory) {
        case (nil, nil): throw ValidationError("give -o FILE (one input) or --output-dir DIR")
        case (.some, .some): throw ValidationError("-o and --output-dir cannot be used together")
        case (.some, nil) where inputs.count > 1:
            throw ValidationError("-o names one output file; use --output-dir DIR for \(inputs.count) inputs")
        default: break
        }
        if modelDirectory != nil && preset != .sphinx {
            throw ValidationError("--model only applies to --preset sphinx")
        }
    }

    func run() throws {
        logging.bootstrap()
        let logger = StenoLogging.logger("features")
        let options: MFCCOptions
        do {
            options = try makeOptions()
        } catch {
            // The configuration is unusable for every input: report it once as a usage problem.
            StandardError.writeLine("steno: \(error)")
            throw ExitCode(64)
        }
        let pipeline = try FeaturePipeline(options: options)
        let reader = AudioReader(options: audio.readOptions(targetSampleRate: resample ? options.sampleRate : nil))
        if let outputDirectory {
            do {
                try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            } catch {
                StandardError.writeLine("steno: \(outputDirectory): cannot create the output folder: \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        // The same output rules as the audio-writing commands: never an input, never twice, existing
        // outputs only with --force.
        let plan = OutputPlan(destination: outputPath.map { .file($0) }
                                  ?? .directory(outputDirectory ?? ".", fileExtension: format.fileExtension),
                              replaceExisting: force, inputs: inputs)
        let outcomes = BatchRunner.run(inputs) { path in
            let destination = try plan.outputPath(for: path)
            logger.debug("reading \(path)")
            let buffer = try reader.read(path)
            let features = try pipeline.features(from: buffer)
            let data = try format.encode(features)
            do {
                let url = URL(fileURLWithPath: destination)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            } catch {
                throw CommandFailure("cannot write \(destination): \(error.localizedDescription)")
            }
            logger.debug("wrote \(features.frameCount) frames to \(destination)")
            return FeaturesSummary(path: path, output: destination, frameCount: features.frameCount,
                                   dimension: features.dimension, framesPerSecond: features.framesPerSecond,
                                   durationSeconds: buffer.durationSeconds, format: format.rawValue)
        }
        switch report {
        case .text:
            for case .success(_, let summary) in outcomes { print(summary.text) }
            try BatchRunner.exitIfAnyFailed(outcomes)
        case .json:
            try BatchRunner.report(outcomes, format: .json, json: { _, summary in summary }, text: { _, s in s.text })
        }
    }

    /// The preset with the command-line overrides applied.
    func makeOptions() throws -> MFCCOptions {
        var options: MFCCOptions
        switch preset {
        case .sphinx:
            options = try MFCCOptions.sphinx(modelDirectory: try sphinxModelDirectory(), featureType: featureType)
        case .kaldi: options = .kaldi
        case .htk: options = .htk
        }
        if let featureType { options.featureType = featureType }
        switch cmn {
        case nil: break
        case .none?: options.cmn = .none
        case .batch?: options.cmn = .batch
        case .live?:
            if case .live = options.cmn {} else {
                options.cmn = .live(initialMeans: MFCCOptions.CMNMode.sphinxDefaultInitialMeans)
            }
        }
        return options
    }

    /// The folder holding feat.params: `--model` (a model folder or its `acoustic/` subfolder), else
    /// the bundled model found as `steno transcribe` finds it (`$STENO_MODEL_DIR`, `Models/en-us`).
    func sphinxModelDirectory() throws -> URL {
        let model = try ModelLocator.locate(explicit: modelDirectory.map { URL(fileURLWithPath: $0) })
        let acoustic = model.appendingPathComponent("acoustic")
        let hasOwnParameters = FileManager.default.fileExists(atPath: model.appendingPathComponent("feat.params").path)
        return !hasOwnParameters && FileManager.default.fileExists(atPath: acoustic.path) ? acoustic : model
    }
}
