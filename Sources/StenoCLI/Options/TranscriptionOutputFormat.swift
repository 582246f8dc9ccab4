import ArgumentParser
import Foundation
import Steno

/// Output formats of `steno transcribe`.
enum TranscriptionOutputFormat: String, CaseIterable, Sendable {
    /// The transcript (prefixed with the path when there are several inputs).
    case text
    /// A JSON array: `{"path", "text", "words": [{"word", "start", "end", "confidence"}], "confidence"}`.
    case json
    /// SubRip subtitles.
    case srt
    /// WebVTT subtitles.
    case vtt
    /// NIST CTM: `id channel start duration word confidence` per word.
    case ctm
    /// `path<TAB>transcript` lines (a hypothesis file for `steno wer`).
    case tsv
}

extension TranscriptionOutputFormat: ExpressibleByArgument {}
