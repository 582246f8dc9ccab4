import StenoCore

/// Per-utterance state of a `TiedMixtureScorer`: the ring of per-frame top-N Gaussian lists.
///
/// A frame's top-N lists are computed the first time a frame at or beyond the next unseen frame
/// is scored; asking again for a recent frame (within the 7-frame ring) reuses its lists, as
/// pocketsphinx's first pass does when the search lags the phone-loop lookahead by 5 frames.
final class TiedMixtureScoringSession: SenoneScoringSession {
    private let scorer: TiedMixtureScorer
    private let slotSize: Int
    /// [slot][codebook][stream][rank] codeword ids and scores.
    private var codewords: [Int32]
    private var scores: [Int32]
    /// [slot][codebook]: whether the codebook was active when the slot was computed.
    private var activeCodebooks: [Bool]
    /// The first frame whose top-N lists have not been computed yet.
    private var nextFrame = 0
    /// The frame each slot was computed for (−1: never).
    private var slotFrames = [Int](repeating: -1, count: TiedMixtureScorer.historyLength)
    private var distances: [Float]
    private var scoredSenones: [Int32] = []
    private var senoneTotals: [Int32]

    init(scorer: TiedMixtureScorer) {
        self.scorer = scorer
        let n = TiedMixtureScorer.topCount
        slotSize = scorer.codebookCount * scorer.streamCount * n
        let h = TiedMixtureScorer.historyLength
        codewords = (0..<(h * slotSize)).map { Int32($0 % n) }
        scores = [Int32](repeating: Int32.min, count: h * slotSize)
        activeCodebooks = [Bool](repeating: false, count: h * scorer.codebookCount)
        distances = [Float](repeating: 0, count: scorer.paddedDensityCount)
        senoneTotals = [Int32](repeating: 0, count: scorer.senoneCount)
        scoredSenones.reserveCapacity(scorer.senoneCount)
    }

    func rewind() {
        nextFrame = 0
    }

    func score(frame: Int, of features: FeatureMatrix, senones: SenoneSet, into output: inout [Int32]) {
        precondition(features.dimension == scorer.featureDimension,
                     "features have \(features.dimension) dimensions, the model needs \(scorer.featureDimension)")
        precondition(output.count == scorer.senoneCount, "score buffer must hold every senone")
        collectScoredSenones(senones)
        let slot = frame % TiedMixtureScorer.historyLength
        // A frame not seen yet is computed; so is an old frame whose slot the ring has since
        // reused (a new pass that did not call rewind()).
        if frame >= nextFrame || slotFrames[slot] != frame {
            computeTopN(frame: frame, slot: slot, features: features)
            slotFrames[slot] = frame
            nextFrame = frame + 1
        }
        scoreSenones(slot: slot, into: &output)
    }

    /// The senones to score: the requested ones, plus pseudo-active senones every 255 ids across
    /// larger gaps (pocketsphinx delta-encodes the active list in bytes).
    private func collectScoredSenones(_ senones: SenoneSet) {
        scoredSenones.removeAll(keepingCapacity: true)
        switch senones {
        case .all:
            for s in 0..<Int32(scorer.senoneCount) { scoredSenones.append(s) }
        case .active(let list):
            var previous: Int32 = 0
            for senone in list {
                while senone - previous > 255 {
                    previous += 255
                    scoredSenones.append(previous)
                }
                scoredSenones.append(senone)
                previous = senone
            }
        }
    }

    private func computeTopN(frame: Int, slot: Int, features: FeatureMatrix) {
        let s = scorer
        let n = TiedMixtureScorer.topCount
        let h = TiedMixtureScorer.historyLength
        let previousSlot = (slot + h - 1) % h
        let base = slot * slotSize
        let previousBase = previousSlot * slotSize
        for k in 0..<slotSize {
            codewords[base + k] = codewords[previousBase + k]
            scores[base + k] = scores[previousBase + k]
        }
        let activeBase = slot * s.codebookCount
        for c in 0..<s.codebookCount { activeCodebooks[activeBase + c] = false }
        for senone in scoredSenones { activeCodebooks[activeBase + Int(s.senoneCodebook[Int(senone)])] = true }

        features.withFrame(frame) { x in
            distances.withUnsafeMutableBufferPointer { distanceBuffer in
                let d = distanceBuffer.baseAddress!
                for codebook in 0..<s.codebookCount {
                    let isActive = activeCodebooks[activeBase + codebook]
                    for stream in 0..<s.streamCount {
                        s.gaussianScores(codebook: codebook, stream: stream,
                                         x: x.baseAddress!.advanced(by: s.streamOffsets[stream]), out: d)
                        let list = base + (codebook * s.streamCount + stream) * n
                        updateTopN(list: list, distances: d, scanAll: isActive)
                    }
                }
            }
        }
        // Per-stream normalisation over the active codebooks.
        for stream in 0..<s.streamCount {
            var norm = Int32.min >> 10
            for codebook in 0..<s.codebookCount where activeCodebooks[activeBase + codebook] {
                norm = max(norm, scores[base + (codebook * s.streamCount + stream) * n] >> 10)
            }
            for codebook in 0..<s.codebookCount where activeCodebooks[activeBase + codebook] {
                let list = base + (codebook * s.streamCount + stream) * n
                for k in 0..<n {
                    let value = Int64(norm) - Int64(scores[list + k] >> 10)
                    scores[list + k] = Int32(min(Int64(TiedMixtureScorer.worstGaussianScore), value))
                }
            }
        }
    }

    /// Re-scores the inherited list and, for active codebooks, scans every Gaussian for better ones.
    @inline(__always)
    private func updateTopN(list: Int, distances d: UnsafeMutablePointer<Float>, scanAll: Bool) {
        let n = TiedMixtureScorer.topCount
        var ids = (codewords[list], codewords[list + 1], codewords[list + 2], codewords[list + 3])
        var values: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &ids) { idBytes in
            withUnsafeMutableBytes(of: &values) { valueBytes in
                let id = idBytes.bindMemory(to: Int32.self)
                let value = valueBytes.bindMemory(to: Int32.self)
                // Re-score the previous frame's list, insertion-sorting as each entry is added.
                for i in 0..<n {
                    let codeword = id[i]
                    let score = TiedMixtureScorer.integerScore(d[Int(codeword)])
                    var j = i - 1
                    while j >= 0 && score > value[j] {
                        value[j + 1] = value[j]
                        id[j + 1] = id[j]
                        j -= 1
                    }
                    value[j + 1] = score
                    id[j + 1] = codeword
                }
                if scanAll {
                    for g in 0..<scorer.densityCount {
                        let distance = d[g]
                        if distance < Float(value[n - 1]) { continue }
                        let codeword = Int32(g)
                        if id[0] == codeword || id[1] == codeword || id[2] == codeword || id[3] == codeword { continue }
                        let score = TiedMixtureScorer.integerScore(distance)
                        var k = n - 2
                        while k >= 0 && score >= value[k] {
                            value[k + 1] = value[k]
                            id[k + 1] = id[k]
                            k -= 1
                        }
                        value[k + 1] = score
                        id[k + 1] = codeword
                    }
                }
                for k in 0..<n {
                    codewords[list + k] = id[k]
                    scores[list + k] = value[k]
                }
            }
        }
    }

    private func scoreSenones(slot: Int, into output: inout [Int32]) {
        let s = scorer
        let n = TiedMixtureScorer.topCount
        let base = slot * slotSize
        let activeBase = slot * s.codebookCount
        let streamCount = s.streamCount
        let densityCount = s.densityCount
        let senoneCodebook = s.senoneCodebook
        // A codebook not active when the frame was computed has no normalised scores: pocketsphinx
        // gives its Gaussians the worst score (cannot happen when one list drives both steps).
        for senone in scoredSenones {
            let codebook = Int(senoneCodebook[Int(senone)])
            if !activeCodebooks[activeBase + codebook] {
                for stream in 0..<streamCount {
                    let list = base + (codebook * streamCount + stream) * n
                    for k in 0..<n { scores[list + k] = TiedMixtureScorer.worstGaussianScore }
                }
            }
        }
        // Everything the inner loop reads is a local pointer: no reference counting or
        // exclusivity checks per senone.
        var best = Int32.max
        let weightsArray = s.mixtureWeights, tableArray = s.addTable
        let idsArray = codewords, valuesArray = scores, list = scoredSenones
        var totals: [Int32] = []
        swap(&totals, &senoneTotals)  // keep the buffer uniquely referenced (no copy per frame)
        weightsArray.withUnsafeBufferPointer { weights in
        tableArray.withUnsafeBufferPointer { table in
        idsArray.withUnsafeBufferPointer { ids in
        valuesArray.withUnsafeBufferPointer { values in
        senoneCodebook.withUnsafeBufferPointer { codebooks in
        totals.withUnsafeMutableBufferPointer { totalsOut in
        list.withUnsafeBufferPointer { senones in
            let tableCount = table.count
            for senone in senones {
                let sen = Int(senone)
                let codebook = Int(codebooks[sen])
                var total: Int32 = 0
                for stream in 0..<streamCount {
                    let at = base + (codebook * streamCount + stream) * n
                    let weightBase = (sen * streamCount + stream) * densityCount
                    var sum = Int32(weights[weightBase + Int(ids[at])]) + values[at]
                    for k in 1..<n {
                        let v = Int32(weights[weightBase + Int(ids[at + k])]) + values[at + k]
                        let low = min(sum, v)
                        let gap = Int(abs(sum - v))
                        sum = low - (gap < tableCount ? table[gap] : 0)
                    }
                    total += sum
                }
                totalsOut[sen] = total
                if total < best { best = total }
            }
        }
        }
        }
        }
        }
        }
        }
        output.withUnsafeMutableBufferPointer { out in
            totals.withUnsafeBufferPointer { t in
                for senone in list { out[Int(senone)] = best - t[Int(senone)] }
            }
        }
        swap(&totals, &senoneTotals)
    }
}
