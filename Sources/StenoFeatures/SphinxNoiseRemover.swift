/// Sphinx's spectral-subtraction noise removal on mel energies (`-remove_noise yes`).
///
/// It tracks, per mel channel, a smoothed power, a noise floor (a lower envelope of the power)
/// and a temporal-masking peak, and scales each energy by a gain smoothed over ±4 channels.
/// All arithmetic is double precision in the order of SPHINX_NOTES.md §3.4.
///
/// The state starts from the first frame it sees and then carries on for as long as the value
/// lives: pocketsphinx keeps it across utterances of one decoder, and so does ``MFCCExtractor``
/// unless its stream is reset.
struct SphinxNoiseRemover: Sendable {
    private static let powerSmoothing = 0.7
    private static let envelopeRise = 0.995
    private static let envelopeFall = 0.5
    private static let maskingDecay = 0.85
    private static let maskingLevel = 0.2
    private static let maximumGain = 20.0
    private static let smoothingHalfWidth = 4

    private var power: [Double] = []
    private var noise: [Double] = []
    private var floor: [Double] = []
    private var peak: [Double] = []
    private var gain: [Double] = []

    /// Whether no frame has been seen since creation or ``reset()``.
    var isFresh: Bool { power.isEmpty }

    /// Forgets the state; the next frame initialises it again.
    mutating func reset() {
        power = []
        noise = []
        floor = []
        peak = []
        gain = []
    }

    /// Updates the state with one frame's energies and scales them in place.
    mutating func process(_ energies: UnsafeMutablePointer<Double>, count: Int) {
        if power.isEmpty {
            power = Array(UnsafeBufferPointer(start: energies, count: count))
            noise = power.map { $0 / Self.maximumGain }
            floor = noise
            peak = Array(repeating: 0, count: count)
            gain = Array(repeating: 0, count: count)
        }
        for m in 0..<count {
            power[m] = Self.powerSmoothing * power[m] + (1 - Self.powerSmoothing) * energies[m]
            noise[m] = Self.lowerEnvelope(noise[m], input: power[m])
            var signal = power[m] - noise[m]
            if signal < 1 { signal = 1 }
            floor[m] = Self.lowerEnvelope(floor[m], input: signal)

            // Temporal masking: a channel well below its decaying recent peak is pushed down further.
            let unmasked = signal
            peak[m] *= Self.maskingDecay
            if signal < Self.maskingDecay * peak[m] { signal = peak[m] * Self.maskingLevel }
            if unmasked > peak[m] { peak[m] = unmasked }

            if signal < floor[m] { signal = floor[m] }
            var channelGain = signal < Self.maximumGain * power[m] ? signal / power[m] : Self.maximumGain
            if channelGain < 1 / Self.maximumGain { channelGain = 1 / Self.maximumGain }
            gain[m] = channelGain
        }
        for m in 0..<count {
            let low = max(0, m - Self.smoothingHalfWidth)
            let high = min(count - 1, m + Self.smoothingHalfWidth)
            var sum = 0.0
            for j in low...high { sum += gain[j] }
            energies[m] *= sum / Double(high - low + 1)
        }
    }

    private static func lowerEnvelope(_ current: Double, input: Double) -> Double {
        input >= current
            ? envelopeRise * current + (1 - envelopeRise) * input
            : envelopeFall * current + (1 - envelopeFall) * input
    }
}
