import StenoCore

/// Per-utterance state of a `TiedMixtureScorer`: the ring of per-frame top-N Gaussian lists.
///
/// A frame's top-N lists are computed the first time a frame at or beyond the next unseen frame
/// is scored; asking again for a recent frame (within the 7-frame ring) reuses its lists, as
/// pocketsphinx's first pass does when the search lags the phone-loop lookahead by 5 frames.
///
/// The per-frame buffers are fixed-size and owned here as raw allocations (`let` pointers): the
/// hot loops then touch no class-stored array, so they pay for no exclusivity checks, uniqueness
/// checks or reference counting (those were about 8 % of a decode).
final class TiedMixtureScoringSession: SenoneScoringSession {
    private let scorer: TiedMixtureScorer
    private let slotSize: Int
    /// [slot][codebook][stream][rank] codeword ids and scores.
    private let codewords: UnsafeMutablePointer<Int32>
    private let scores: UnsafeMutablePointer<Int32>
    /// [slot][codebook]: whether the codebook was active when the slot was computed.
    private let activeCodebooks: UnsafeMutablePointer<Bool>
    /// The first frame whose top-N lists have not been computed yet.
    private var nextFrame = 0
    /// The frame each slot was computed for (−1: never).
    private var slotFrames = [Int](repeating: -1, count: TiedMixtureScorer.historyLength)
    /// One (codebook, stream)'s Gaussian scores (padded density count).
    private let distances: UnsafeMutablePointer<Float>
    /// The senones to score this call (`scoredCount` of them), and every senone's raw total.
    private let scoredSenones: UnsafeMutablePointer<Int32>
    private var scoredCount = 0
    private let senoneTotals: UnsafeMutablePointer<Int32>

    init(scorer: TiedMixtureScorer) {
        self.scorer = scorer
        let n = TiedMixtureScorer.topCount
        slotSize = scorer.codebookCount * scorer.streamCount * n
        let h = TiedMixtureScorer.historyLength
        codewords = .allocate(capacity: h * slotSize)
        for k in 0..<(h * slotSize) { (codewords + k).initialize(to: Int32(k % n)) }
        scores = .allocate(capacity: h * slotSize)
        scores.initialize(repeating: Int32.min, count: h * slotSize)
        activeCodebooks = .allocate(capacity: h * scorer.codebookCount)
        activeCodebooks.initialize(repeating: false, count: h * scorer.codebookCount)
        distances = .allocate(capacity: scorer.paddedDensityCount)
        distances.initialize(repeating: 0, count: scorer.paddedDensityCount)
        // Every senone plus, at most, one bridging senone per 255 ids.
        let listCapacity = scorer.senoneCount + scorer.senoneCount / 255 + 2
        scoredSenones = .allocate(capacity: listCapacity)
        scoredSenones.initialize(repeating: 0, count: listCapacity)
        senoneTotals = .allocate(capacity: scorer.senoneCount)
        senoneTotals.initialize(repeating: 0, count: scorer.senoneCount)
    }

    deinit {
        codewords.deallocate()
        scores.deallocate()
        activeCodebooks.deallocate()
        distances.deallocate()
        scoredSenones.deallocate()
        senoneTotals.deallocate()
    }

    func rewind() {
        nextFrame = 0
    }

    func score(frame: Int, of features: FeatureMatrix, senones: SenoneSet, into output: inout [Int32]) {
        precondition(features.dimension == scorer.featureDimension,
                     "features have \(features.dimension) dimensions, the model needs \(scorer.featureDimension)")
        precondition(output.count == scorer.senoneCount, "score buffer must hold every senone")
        scoredCount = collectScoredSenones(senones)
        let slot = frame % TiedMixtureScorer.historyLength
        // A frame not seen yet is computed; so is an old frame whose slot the ring has since
        // reused (a new pass that did not call rewind()).
        if frame >= nextFrame || slotFrames[slot] != frame {
            computeTopN(frame: frame, slot: slot, features: features)
            slotFrames[slot] = frame
            nextFrame = frame + 1
        }
        output.withUnsafeMutableBufferPointer { scoreSenones(slot: slot, into: $0.baseAddress!) }
    }

    /// Lists the senones to score: the requested ones, plus pseudo-active senones every 255 ids
    /// across larger gaps (pocketsphinx delta-encodes the active list in bytes). Returns the count.
    private func collectScoredSenones(_ senones: SenoneSet) -> Int {
        let out = scoredSenones
        var count = 0
        switch senones {
        case .all:
            for s in 0..<Int32(scorer.senoneCount) { out[count] = s; count += 1 }
        case .active(let list):
            var previous: Int32 = 0
            list.withUnsafeBufferPointer { requested in
                for senone in requested {
                    while senone - previous > 255 {
                        previous += 255
                        out[count] = previous; count += 1
                    }
                    out[count] = senone; count += 1
                    previous = senone
                }
            }
        }
        return count
    }

    private func computeTopN(frame: Int, slot: Int, features: FeatureMatrix) {
        let s = scorer
        let n = TiedMixtureScorer.topCount
        let h = TiedMixtureScorer.historyLength
        let previousSlot = (slot + h - 1) % h
        let ids = codewords + slot * slotSize, values = scores + slot * slotSize
        ids.update(from: codewords + previousSlot * slotSize, count: slotSize)
        values.update(from: scores + previousSlot * slotSize, count: slotSize)
        let active = activeCodebooks + slot * s.codebookCount
        active.update(repeating: false, count: s.codebookCount)
        s.senoneCodebook.withUnsafeBufferPointer { codebooks in
            for i in 0..<scoredCount { active[Int(codebooks[Int(scoredSenones[i])])] = true }
        }

        features.withFrame(frame) { x in
            for codebook in 0..<s.codebookCount {
                let isActive = active[codebook]
                for stream in 0..<s.streamCount {
                    let listIDs = ids + (codebook * s.streamCount + stream) * n
                    let listValues = values + (codebook * s.streamCount + stream) * n
                    let streamVector = x.baseAddress!.advanced(by: s.streamOffsets[stream])
                    if isActive {
                        // Active codebooks scan every Gaussian for better ones.
                        s.gaussianScores(codebook: codebook, stream: stream, x: streamVector, out: distances)
                    } else {
                        // Inactive ones only re-score the inherited list: 4 Gaussians, not all.
                        for k in 0..<n {
                            let g = Int(listIDs[k])
                            distances[g] = s.gaussianScore(codebook: codebook, stream: stream, density: g, x: streamVector)
                        }
                    }
                    updateTopN(ids: listIDs, values: listValues, distances: distances, scanAll: isActive)
                }
            }
        }
        // Per-stream normalisation over the active codebooks.
        for stream in 0..<s.streamCount {
            var norm = Int32.min >> 10
            for codebook in 0..<s.codebookCount where active[codebook] {
                norm = max(norm, values[(codebook * s.streamCount + stream) * n] >> 10)
            }
            for codebook in 0..<s.codebookCount where active[codebook] {
                let list = values + (codebook * s.streamCount + stream) * n
                for k in 0..<n {
                    let value = Int64(norm) - Int64(list[k] >> 10)
                    list[k] = Int32(min(Int64(TiedMixtureScorer.worstGaussianScore), value))
                }
            }
        }
    }

    /// Re-scores the inherited list and, for active codebooks, scans every Gaussian for better ones.
    @inline(__always)
    private func updateTopN(ids: UnsafeMutablePointer<Int32>, values: UnsafeMutablePointer<Int32>,
                            distances d: UnsafeMutablePointer<Float>, scanAll: Bool) {
        let n = TiedMixtureScorer.topCount
        var id = (ids[0], ids[1], ids[2], ids[3])
        var value: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &id) { idBytes in
            withUnsafeMutableBytes(of: &value) { valueBytes in
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
            }
        }
        ids[0] = id.0; ids[1] = id.1; ids[2] = id.2; ids[3] = id.3
        values[0] = value.0; values[1] = value.1; values[2] = value.2; values[3] = value.3
    }

    private func scoreSenones(slot: Int, into out: UnsafeMutablePointer<Int32>) {
        let s = scorer
        let n = TiedMixtureScorer.topCount
        let ids = codewords + slot * slotSize, values = scores + slot * slotSize
        let active = activeCodebooks + slot * s.codebookCount
        let streamCount = s.streamCount
        let senoneCount = s.senoneCount
        let rowLength = s.densityCount * senoneCount
        let list = scoredSenones, count = scoredCount, totals = senoneTotals
        var best = Int32.max
        s.senoneCodebook.withUnsafeBufferPointer { codebooks in
            // A codebook not active when the frame was computed has no normalised scores:
            // pocketsphinx gives its Gaussians the worst score (cannot happen when one list drives
            // both steps).
            for i in 0..<count {
                let codebook = Int(codebooks[Int(list[i])])
                if !active[codebook] {
                    (values + codebook * streamCount * n).update(
                        repeating: TiedMixtureScorer.worstGaussianScore, count: streamCount * n)
                }
            }
            s.mixtureWeights.withUnsafeBufferPointer { weightBuffer in
            s.addTable.withUnsafeBufferPointer { table in
            // Per (stream, rank) of the current codebook: the row of its codeword's weights and
            // its Gaussian score. Active senones come in runs of one codebook, so these are set
            // once per run rather than recomputed per senone.
            let lanes = streamCount * n
            withUnsafeTemporaryAllocation(of: UnsafePointer<UInt8>.self, capacity: lanes) { rows in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: lanes) { gaussians in
                let weights = weightBuffer.baseAddress!
                let tableCount = table.count
                var currentCodebook = -1
                for i in 0..<count {
                    let sen = Int(list[i])
                    let codebook = Int(codebooks[sen])
                    if codebook != currentCodebook {
                        currentCodebook = codebook
                        let at = codebook * lanes
                        for lane in 0..<lanes {
                            // Weights are [stream][density][senone]: a codeword's row holds every
                            // senone's weight, so a run of senones reads consecutive bytes.
                            rows[lane] = UnsafePointer(weights + (lane / n) * rowLength + Int(ids[at + lane]) * senoneCount)
                            gaussians[lane] = values[at + lane]
                        }
                    }
                    var total: Int32 = 0
                    for stream in 0..<streamCount {
                        let k0 = stream * n
                        // Wrapping arithmetic: every term is a weight (0...255) plus a clamped
                        // Gaussian score (0...96), far from overflow; it spares the overflow traps.
                        var sum = Int32(rows[k0][sen]) &+ gaussians[k0]
                        for k in (k0 + 1)..<(k0 + n) {
                            let v = Int32(rows[k][sen]) &+ gaussians[k]
                            let low = min(sum, v)
                            let gap = Int(sum > v ? sum &- v : v &- sum)
                            sum = low &- (gap < tableCount ? table[gap] : 0)
                        }
                        total &+= sum
                    }
                    totals[sen] = total
                    if total < best { best = total }
                }
            }
            }
            }
            }
        }
        for i in 0..<count {
            let sen = Int(list[i])
            out[sen] = best - totals[sen]
        }
    }
}
