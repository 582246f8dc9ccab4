/// The most common value and its count; ties go to the smallest value so the answer is deterministic.
func majority<Value: Hashable & Comparable>(_ values: [Value]) -> (value: Value, count: Int)? {
    var counts: [Value: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    return counts.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key > rhs.key }
        .map { ($0.key, $0.value) }
}
