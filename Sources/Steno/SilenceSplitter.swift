import StenoCore

/// Splits long recordings at their quietest moments so each piece stays short enough to decode as one
/// utterance: within every window of at most `maximumLength` samples, the cut goes at the 10 ms frame
/// whose surrounding 300 ms have the least energy, searched in the window's second half.
struct SilenceSplitter {
    let sampleRate: SampleRate

    func segments(_ samples: [Float], maximumLength: Int) -> [Range<Int>] {
        guard maximumLength > 0, samples.count > maximumLength else { return [0..<samples.count] }
        let frame = max(1, sampleRate.hertz / 100)
        let frameCount = samples.count / frame
        var energy = [Double](repeating: 0, count: frameCount)
        for f in 0..<frameCount {
            var sum = 0.0
            for s in samples[(f * frame)..<((f + 1) * frame)] { sum += Double(s * s) }
            energy[f] = sum
        }
        // Energy over ±15 frames (300 ms), by prefix sums.
        var prefix = [Double](repeating: 0, count: frameCount + 1)
        for f in 0..<frameCount { prefix[f + 1] = prefix[f] + energy[f] }
        func smoothed(_ f: Int) -> Double { prefix[min(frameCount, f + 15)] - prefix[max(0, f - 15)] }
        var out = [Range<Int>]()
        var start = 0
        while samples.count - start > maximumLength {
            let lo = (start + maximumLength / 2) / frame
            let hi = min(frameCount - 1, (start + maximumLength) / frame - 1)
            var cut = hi, best = Double.infinity
            if lo <= hi {
                for f in lo...hi where smoothed(f) < best { best = smoothed(f); cut = f }
            }
            let end = max(start + frame, cut * frame + frame / 2)
            out.append(start..<end)
            start = end
        }
        out.append(start..<samples.count)
        return out
    }
}
