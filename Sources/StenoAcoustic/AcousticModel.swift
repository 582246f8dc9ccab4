import Foundation
import StenoCore
import StenoFeatures

/// A CMU Sphinx acoustic model loaded from its folder: immutable and shareable between threads.
///
/// ```swift
/// let model = try AcousticModel(directory: URL(fileURLWithPath: "Models/en-us/acoustic"))
/// let scorer = try TiedMixtureScorer(model: model)
/// ```
public struct AcousticModel: Sendable {
    /// The folder it was loaded from.
    public let directory: URL
    /// Phones, triphones, senone sequences.
    public let definition: ModelDefinition
    /// Gaussian means.
    public let means: GaussianParameters
    /// Gaussian variances (as stored, before flooring).
    public let variances: GaussianParameters
    /// Mixture weights (from `sendump` or `mixture_weights`).
    public let mixtureWeights: MixtureWeights
    /// HMM transition matrices.
    public let transitionMatrices: TransitionMatrices
    /// The model's `feat.params` (empty if the folder has none).
    public let featureParameters: SphinxFeatureParameters
    /// The filler dictionary (`noisedict`), empty if the folder has none.
    public let fillerWords: [FillerWord]
    /// How Gaussians are tied.
    public let kind: AcousticModelKind

    /// Loads and cross-checks a model folder: `mdef`, `means`, `variances`, `sendump` or
    /// `mixture_weights`, `transition_matrices`, and optionally `feat.params` and `noisedict`.
    public init(directory: URL) throws {
        func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name).path) }
        for required in ["mdef", "means", "variances", "transition_matrices"] where !exists(required) {
            throw AcousticError(path: file(required).path, problem: "model file missing")
        }
        let definition = try ModelDefinition(contentsOf: file("mdef"))
        let means = try GaussianParameters(contentsOf: file("means"))
        let variances = try GaussianParameters(contentsOf: file("variances"))
        guard variances.codebookCount == means.codebookCount, variances.streamLengths == means.streamLengths,
              variances.densityCount == means.densityCount else {
            throw AcousticError(path: file("variances").path, problem: "shape does not match means")
        }
        let weights: MixtureWeights
        let weightsPath: String
        if exists("sendump") {
            weightsPath = file("sendump").path
            weights = try MixtureWeights(sendump: file("sendump"), streamCount: means.streamCount)
        } else if exists("mixture_weights") {
            weightsPath = file("mixture_weights").path
            weights = try MixtureWeights(mixtureWeights: file("mixture_weights"))
        } else {
            throw AcousticError(path: file("mixture_weights").path, problem: "model has neither sendump nor mixture_weights")
        }
        guard weights.senoneCount == definition.senoneCount else {
            throw AcousticError(path: weightsPath,
                problem: "has \(weights.senoneCount) senones, mdef has \(definition.senoneCount)")
        }
        guard weights.streamCount == means.streamCount, weights.densityCount == means.densityCount else {
            throw AcousticError(path: weightsPath, problem: "\(weights.streamCount) streams × \(weights.densityCount) "
                + "densities, means have \(means.streamCount) × \(means.densityCount)")
        }
        let matrices = try TransitionMatrices(contentsOf: file("transition_matrices"))
        guard matrices.count == definition.transitionMatrixCount,
              matrices.stateCount == definition.emittingStateCount else {
            throw AcousticError(path: file("transition_matrices").path,
                problem: "\(matrices.count) matrices of \(matrices.stateCount) states, mdef needs "
                    + "\(definition.transitionMatrixCount) of \(definition.emittingStateCount)")
        }
        let kind: AcousticModelKind
        switch means.codebookCount {
        case 1: kind = .semiContinuous
        case definition.senoneCount: kind = .continuous
        case definition.basePhoneCount: kind = .phoneticallyTied
        default:
            throw AcousticError(path: file("means").path,
                problem: "\(means.codebookCount) codebooks fit neither 1, \(definition.basePhoneCount) base phones "
                    + "nor \(definition.senoneCount) senones")
        }
        let parameters = exists("feat.params") ? try Self.featureParameters(at: file("feat.params")) : SphinxFeatureParameters()
        var fillers: [FillerWord] = []
        if exists("noisedict") {
            let text: String
            do { text = try String(contentsOf: file("noisedict"), encoding: .utf8) } catch {
                throw AcousticError(path: file("noisedict").path, problem: "cannot read file (\(error.localizedDescription))")
            }
            fillers = try FillerWord.parse(text, path: file("noisedict").path, knownPhones: Set(definition.basePhoneNames))
        }
        self.directory = directory
        self.definition = definition
        self.means = means
        self.variances = variances
        self.mixtureWeights = weights
        self.transitionMatrices = matrices
        self.featureParameters = parameters
        self.fillerWords = fillers
        self.kind = kind
    }

    /// The codebook that scores `senone`.
    public func codebook(ofSenone senone: Int) -> Int {
        switch kind {
        case .semiContinuous: 0
        case .phoneticallyTied: Int(definition.senoneBasePhone[senone])
        case .continuous: senone
        }
    }
}
