/// Spells English numerals as words: cardinals, ordinals, decimals and comma-grouped thousands.
///
/// "1990" is read as a cardinal ("one thousand nine hundred ninety"), never as a year; there is no
/// "and". Numbers of 19 digits or more are spelled digit by digit.
enum EnglishNumberSpeller {
    private static let units = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    private static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    private static let scales = ["", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"]
    private static let ordinalWords = [
        "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
        "nine": "ninth", "twelve": "twelfth",
    ]

    /// The words for `token` if it is a numeral (digits with optional `,` grouping, an optional
    /// `.digits` fraction, or an ordinal suffix st/nd/rd/th); nil otherwise.
    static func words(for token: Substring) -> [String]? {
        guard let first = token.utf8.first, (0x30...0x39).contains(first) else { return nil }
        let lower = token.lowercased()
        for suffix in ["st", "nd", "rd", "th"] where lower.hasSuffix(suffix) {
            let digits = lower.dropLast(2)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits.count < 19, let value = Int(digits) else {
                return nil
            }
            return ordinal(value)
        }
        var integerPart = Substring(lower)
        var fraction: Substring?
        if let dot = lower.firstIndex(of: ".") {
            integerPart = lower[..<dot]
            fraction = lower[lower.index(after: dot)...]
            guard let fraction, !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        guard let digits = ungrouped(integerPart) else { return nil }
        var result = digits.count < 19 ? cardinal(Int(digits) ?? 0) : digits.map { units[Int(String($0)) ?? 0] }
        if let fraction {
            result.append("point")
            result.append(contentsOf: fraction.map { units[Int(String($0)) ?? 0] })
        }
        return result
    }

    /// "1,234,567" → "1234567"; nil when the grouping is not in threes or a character is not a digit.
    private static func ungrouped(_ text: Substring) -> String? {
        guard !text.isEmpty else { return nil }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        for (index, group) in groups.enumerated() {
            guard !group.isEmpty, group.allSatisfy(\.isASCIIDigit) else { return nil }
            if index > 0 && group.count != 3 { return nil }
            if index == 0 && groups.count > 1 && group.count > 3 { return nil }
        }
        return groups.joined()
    }

    static func cardinal(_ value: Int) -> [String] {
        if value == 0 { return ["zero"] }
        var words: [String] = []
        var remaining = value
        var groups: [Int] = []
        while remaining > 0 {
            groups.append(remaining % 1000)
            remaining /= 1000
        }
        for (scale, group) in groups.enumerated().reversed() where group > 0 {
            words.append(contentsOf: belowThousand(group))
            if scale > 0 { words.append(scales[scale]) }
        }
        return words
    }

    private static func belowThousand(_ value: Int) -> [String] {
        var words: [String] = []
        if value >= 100 {
            words += [units[value / 100], "hundred"]
        }
        let rest = value % 100
        if rest >= 20 {
            words.append(tens[rest / 10])
            if rest % 10 > 0 { words.append(units[rest % 10]) }
        } else if rest > 0 {
            words.append(units[rest])
        }
        return words
    }

    static func ordinal(_ value: Int) -> [String] {
        var words = cardinal(value)
        guard let last = words.popLast() else { return words }
        if let special = ordinalWords[last] {
            words.append(special)
        } else if last.hasSuffix("y") {
            words.append(String(last.dropLast()) + "ieth")
        } else {
            words.append(last + "th")
        }
        return words
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
