/// Which text normalisation steps run before scoring. Both sides always get the same steps.
///
/// The steps run in a fixed order (see `TextNormalizer`); turning one off skips it.
public struct NormalizationOptions: Sendable, Hashable {
    /// A short name printed in reports: "default", "none", or "custom" once changed.
    public var name: String
    /// Unicode lower-casing (locale-independent). Default on.
    public var caseFolding: Bool
    /// English numerals to words ("42" → "forty two", "3rd" → "third", "2.5" → "two point five",
    /// "1,000" → "one thousand"). Default off: it changes what counts as an error.
    public var numbersToWords: Bool
    /// Hyphens and dashes become word breaks ("well-known" → "well known"). Default on.
    public var hyphenSplitting: Bool
    /// Unicode punctuation (general category P) becomes a word break, except an apostrophe between
    /// two letters ("don't" stays, written with U+0027). Default on.
    public var punctuationRemoval: Bool
    /// Words dropped from both sides, compared after case folding (and again after punctuation
    /// removal, so "um," goes too). Empty: no filler removal. Default `defaultFillers`.
    public var fillers: [String]
    /// sclite-GLM-style `from => to` rewriting, applied after punctuation removal. Default none.
    public var mapping: WordMapping?

    /// Hesitations and noise markers of Kaldi, Sphinx and LDC transcripts.
    public static let defaultFillers = [
        "uh", "um", "uhm", "umm", "uh-huh", "er", "erm", "ah", "eh", "hm", "hmm", "mm", "mhm",
        "<unk>", "<noise>", "<sil>", "<spoken_noise>", "[noise]", "[laughter]", "[vocalized-noise]",
        "++noise++", "++breath++", "++laugh++",
    ]

    public init(
        name: String = "custom", caseFolding: Bool = true, numbersToWords: Bool = false,
        hyphenSplitting: Bool = true, punctuationRemoval: Bool = true,
        fillers: [String] = NormalizationOptions.defaultFillers, mapping: WordMapping? = nil
    ) {
        self.name = name
        self.caseFolding = caseFolding
        self.numbersToWords = numbersToWords
        self.hyphenSplitting = hyphenSplitting
        self.punctuationRemoval = punctuationRemoval
        self.fillers = fillers
        self.mapping = mapping
    }

    /// Case folding, hyphen splitting, punctuation removal and the default fillers.
    public static let standard = NormalizationOptions(name: "default")

    /// Words exactly as written, split on white space (jiwer's default transform).
    public static let none = NormalizationOptions(
        name: "none", caseFolding: false, numbersToWords: false, hyphenSplitting: false,
        punctuationRemoval: false, fillers: [], mapping: nil)
}

/// How a report's text was normalised: printed in every report and stored in its JSON.
public struct NormalizationDescription: Sendable, Hashable, Codable {
    /// "default", "none" or "custom".
    public var name: String
    /// The version of the normalisation rules (`TextNormalizer.version`).
    public var version: String
    /// The steps that ran, in order.
    public var steps: [String]
    /// The filler words removed (empty when that step is off).
    public var fillers: [String]
    /// Where the mapping rules came from, if any.
    public var mappingSource: String?
    /// How many mapping rules there are.
    public var mappingRules: Int

    /// One line, e.g. `default (steno-normalize-1): caseFolding, hyphenSplitting, ...`.
    public var summary: String {
        let list = steps.map { step -> String in
            switch step {
            case "fillerRemoval": return "fillerRemoval(\(fillers.count) words)"
            case "mapping": return "mapping(\(mappingSource ?? "in memory"), \(mappingRules) rules)"
            default: return step
            }
        }
        return "\(name) (\(version)): \(list.joined(separator: ", "))"
    }
}
