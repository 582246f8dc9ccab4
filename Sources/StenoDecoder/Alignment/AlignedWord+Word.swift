extension AlignedWord {
    /// The word without the dictionary's alternate-pronunciation marker: "and" for "and(2)".
    ///
    /// This is what scoring tools and other people's transcripts contain, so CTM files and the
    /// TextGrid words tier use it; ``spelling`` keeps the entry chosen. The marker is recognised by
    /// the dictionary's own rule, so this is the base word the dictionary linked the entry to.
    public var word: String {
        PronunciationDictionary.baseSpelling(ofAlternate: spelling).map(String.init) ?? spelling
    }
}
