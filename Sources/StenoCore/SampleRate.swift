/// A sample rate in hertz, validated to the range Steno supports (1 kHz to 384 kHz).
public struct SampleRate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The lowest rate Steno accepts, in hertz.
    public static let minimumHertz = 1_000
    /// The highest rate Steno accepts, in hertz.
    public static let maximumHertz = 384_000

    /// Samples per second.
    public let hertz: Int

    /// Creates a rate, or returns nil when `hertz` is outside ``minimumHertz``...``maximumHertz``.
    public init?(hertz: Int) {
        guard (Self.minimumHertz...Self.maximumHertz).contains(hertz) else { return nil }
        self.hertz = hertz
    }

    /// 16 kHz, the rate of the bundled acoustic model.
    public static let speech16k = SampleRate(uncheckedHertz: 16_000)

    /// For constants known to be valid.
    public init(uncheckedHertz hertz: Int) {
        precondition((Self.minimumHertz...Self.maximumHertz).contains(hertz), "sample rate \(hertz) Hz out of range")
        self.hertz = hertz
    }

    public static func < (lhs: SampleRate, rhs: SampleRate) -> Bool { lhs.hertz < rhs.hertz }
    public var description: String { "\(hertz) Hz" }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int.self)
        guard let rate = SampleRate(hertz: value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "sample rate \(value) Hz out of range"))
        }
        self = rate
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hertz)
    }
}
