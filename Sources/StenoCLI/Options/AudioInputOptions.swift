import ArgumentParser
import StenoAudio
import StenoCore

/// Options every command that reads audio shares: how to read headerless files and which channel to use.
///
/// Add to a command with `@OptionGroup var audio: AudioInputOptions` and build the reader options
/// with ``readOptions(targetSampleRate:)``.
struct AudioInputOptions: ParsableArguments {
    @Option(name: .customLong("raw-rate"),
            help: ArgumentHelp("Read inputs as headerless samples at this rate in Hz (e.g. 16000).",
                               valueName: "hertz"))
    var rawRateHertz: Int?

    @Option(name: .customLong("raw-encoding"),
            help: ArgumentHelp("Sample encoding of headerless inputs (le/be: byte order).",
                               valueName: "encoding"))
    var rawEncoding: RawSampleEncoding = .s16le

    @Option(name: .customLong("raw-channels"),
            help: ArgumentHelp("Interleaved channels of headerless inputs.", valueName: "count"))
    var rawChannelCount: Int = 1

    @Option(name: .customLong("channel"),
            help: ArgumentHelp("Use only this channel, counted from 0, instead of averaging all channels.",
                               valueName: "index"))
    var channel: Int?

    /// Raw options only mean something together with `--raw-rate`.
    var rawOptionsGiven: Bool { rawRateHertz != nil }

    func validate() throws {
        if let rawRateHertz, SampleRate(hertz: rawRateHertz) == nil {
            throw ValidationError("--raw-rate \(rawRateHertz) is outside \(SampleRate.minimumHertz)–\(SampleRate.maximumHertz) Hz")
        }
        guard rawChannelCount >= 1 else { throw ValidationError("--raw-channels must be at least 1") }
        if let channel, channel < 0 { throw ValidationError("--channel counts from 0 and cannot be negative") }
    }

    /// The raw description, when `--raw-rate` was given.
    var rawDescription: RawAudioDescription? {
        guard let rawRateHertz, let rate = SampleRate(hertz: rawRateHertz) else { return nil }
        return RawAudioDescription(sampleRate: rate, encoding: rawEncoding, channelCount: rawChannelCount)
    }

    /// The channel selection these options ask for.
    var channelSelection: ChannelSelection {
        channel.map(ChannelSelection.single) ?? .average
    }

    /// Reader options for these flags, resampling to `targetSampleRate` when given.
    func readOptions(targetSampleRate: SampleRate? = nil) -> AudioReadOptions {
        AudioReadOptions(targetSampleRate: targetSampleRate, channels: channelSelection, raw: rawDescription)
    }
}

extension RawSampleEncoding: ExpressibleByArgument {}
