import Foundation

extension ForcedAlignment {
    /// The time in seconds at which `frame` starts.
    public func seconds(atFrame frame: Int) -> Double { Double(frame) / framesPerSecond }

    /// Total duration in seconds.
    public var durationSeconds: Double { seconds(atFrame: frameCount) }

    /// One line per word: start and end in seconds, spelling, acoustic score.
    public func text() -> String {
        words.map { word in
            "\(Self.format(seconds(atFrame: word.startFrame))) \(Self.format(seconds(atFrame: word.endFrame + 1))) \(word.spelling) \(word.score)"
        }.joined(separator: "\n")
    }

    /// NIST CTM lines (`id channel start duration word score`), silences and fillers left out.
    public func ctm(utteranceID: String, channel: Int = 1) -> String {
        words.filter { !$0.isFiller }.map { word in
            let start = seconds(atFrame: word.startFrame)
            let duration = seconds(atFrame: word.frameCount)
            return "\(utteranceID) \(channel) \(Self.format(start)) \(Self.format(duration)) \(word.word) \(word.score)"
        }.joined(separator: "\n")
    }

    /// A Praat TextGrid (long text format) with a "words" and a "phones" interval tier; silences
    /// and fillers are intervals labelled with their word (without the alternate marker) or phone.
    public func textGrid() -> String {
        let end = Self.format(durationSeconds)
        var out = """
            File type = "ooTextFile"
            Object class = "TextGrid"

            xmin = 0
            xmax = \(end)
            tiers? <exists>
            size = 2
            item []:

            """
        let wordIntervals = words.map { (startFrame: $0.startFrame, endFrame: $0.endFrame, label: $0.word) }
        let phoneIntervals = words.flatMap { $0.phones.map { (startFrame: $0.startFrame, endFrame: $0.endFrame, label: $0.phone) } }
        for (index, tier) in [("words", wordIntervals), ("phones", phoneIntervals)].enumerated() {
            out += """
                    item [\(index + 1)]:
                        class = "IntervalTier"
                        name = "\(tier.0)"
                        xmin = 0
                        xmax = \(end)
                        intervals: size = \(tier.1.count)

                """
            for (k, interval) in tier.1.enumerated() {
                let label = interval.label.replacingOccurrences(of: "\"", with: "\"\"")
                out += """
                            intervals [\(k + 1)]:
                                xmin = \(Self.format(seconds(atFrame: interval.startFrame)))
                                xmax = \(Self.format(seconds(atFrame: interval.endFrame + 1)))
                                text = "\(label)"

                    """
            }
        }
        return out
    }

    /// Seconds with millisecond precision (frames are 10 ms).
    static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
}
