extension AlignedWord {
    /// The word without the dictionary's alternate-pronunciation marker: "and" for "and(2)".
    ///
    /// This is what scoring tools and other people's transcripts contain, so CTM files and the
    /// TextGrid words tier use it; ``spelling`` keeps the entry chosen.
    public var word: String {
        guard spelling.hasSuffix(")"), let open = spelling.lastIndex(of: "("), open > spelling.startIndex else {
            return spelling
        }
        let marker = spelling[spelling.index(after: open)..<spelling.index(before: spelling.endIndex)]
        guard !marker.isEmpty, marker.allSatisfy(\.isASCII), marker.allSatisfy(\.isNumber) else { return spelling }
        return String(spelling[..<open])
    }
}
