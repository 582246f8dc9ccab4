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
            help: ArgumentHelp("Sample encoding of headerless inputs (le/be: byte order; default: s16le).",
                               valueName: "encoding"))
    var rawEncoding: RawSampleEncoding?

    @Option(name: .customLong("raw-channels"),
            help: ArgumentHelp("Interleaved channels of headerless inputs (default: 1).", valueName: "count"))
    var rawChannelCount: Int?

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
        if rawRateHertz == nil && (rawEncoding != nil || rawChannelCount != nil) {
            throw ValidationError("--raw-encoding and --raw-channels describe headerless input and need --raw-rate")
        }
        if let rawChannelCount, rawChannelCount < 1 { throw ValidationError("--raw-channels must be at least 1") }
        if let channel, channel < 0 { throw ValidationError("--channel counts from 0 and cannot be negative") }
    }

    /// The raw description, when `--raw-rate` was given.
    var rawDescription: RawAudioDescription? {
        guard let rawRateHertz, let rate = SampleRate(hertz: rawRateHertz) else { return nil }
        // The defaults (s16le, mono) are the commonest headerless speech format, pocketsphinx's among them.
        return RawAudioDescription(sampleRate: rate, encoding: rawEncoding ?? .s16le, channelCount: rawChannelCount ?? 1)
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
