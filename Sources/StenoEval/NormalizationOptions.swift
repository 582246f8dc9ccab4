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

    /// Options built step by step; every default equals `.standard` except `name` ("custom").
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
