/// Counts which convention each transcript follows and flags those that differ from the set's majority.
struct ConventionTally<Style: Hashable & Comparable> {
    private var styles: [(entry: CheckEntry, styles: Set<Style>)] = []

    mutating func add(_ entry: CheckEntry, _ styles: Set<Style>) {
        if !styles.isEmpty { self.styles.append((entry, styles)) }
    }

    /// The majority style and the entries using another one, or nil when only one style is used.
    func minority() -> (majority: Style, majorityCount: Int, total: Int, items: [(CheckEntry, Set<Style>)])? {
        var counts: [Style: Int] = [:]
        for (_, set) in styles { for style in set { counts[style, default: 0] += 1 } }
        guard counts.count > 1,
              let top = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })
        else { return nil }
        let items = styles.compactMap { entry, set -> (CheckEntry, Set<Style>)? in
            let other = set.subtracting([top.key])
            return other.isEmpty ? nil : (entry, other)
        }
        return (top.key, top.value, styles.count, items)
    }
}
