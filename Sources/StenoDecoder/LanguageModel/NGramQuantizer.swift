/// pocketsphinx's 16-bit value quantiser for trie language models built from text.
///
/// Training sorts the values and cuts them into 65,536 equal-count buckets; each bucket's centre is
/// the f32 mean of its values (an empty bucket repeats the previous centre; the first, −∞).
/// Encoding picks the nearest centre. With fewer values than buckets every value is its own centre,
/// so small models are stored exactly.
struct NGramQuantizer {
    let centres: [Float]

    init(training values: [Float], bins: Int = 1 << 16) {
        let sorted = values.sorted()
        var centres = [Float](repeating: 0, count: bins)
        var start = 0
        for bin in 0..<bins {
            let finish = Int((UInt64(sorted.count) * UInt64(bin + 1)) / UInt64(bins))
            if finish == start {
                centres[bin] = bin == 0 ? -Float.infinity : centres[bin - 1]
            } else {
                var sum: Float = 0
                for value in sorted[start..<finish] { sum += value }
                centres[bin] = sum / Float(finish - start)
            }
            start = finish
        }
        self.centres = centres
    }

    /// The index of the centre nearest `value` (the upper one on a tie).
    func encode(_ value: Float) -> UInt16 {
        // First centre ≥ value.
        var low = 0, high = centres.count
        while low < high {
            let middle = (low + high) >> 1
            if centres[middle] < value { low = middle + 1 } else { high = middle }
        }
        if low == 0 { return 0 }
        if low == centres.count { return UInt16(centres.count - 1) }
        let lowerIsCloser = value - centres[low - 1] < centres[low] - value
        return UInt16(lowerIsCloser ? low - 1 : low)
    }
}
