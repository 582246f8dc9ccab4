/// Finds truncation that libsndfile tolerates silently.
///
/// When a WAV `data` chunk (or an AIFF `SSND` chunk, or an AU header's data size) claims more
/// bytes than the file holds, libsndfile shortens the stream to what is there and only notes it in
/// its log as `data : 156800 (should be 156799)`. A file cut short in transfer looks exactly like
/// that, so Steno treats the note as an error rather than decoding a partial clip.
///
/// For Sony W64 and RF64, whose data sizes libsndfile does not check against the file, the outer
/// chunk's size is used instead (`riff`, `Riff size`): unlike a plain WAV's `RIFF` size, which many
/// writers get wrong, these 64-bit sizes are written by tools that finish the file properly.
/// Containers whose header libsndfile does not check at all (NIST SPHERE) are not covered.
enum TruncationCheck {
    /// Log markers whose declared size covers the audio payload: WAV/WAVEX `data`, AIFF `SSND`,
    /// AU `Data Size`, W64 `riff`, RF64 `Riff size`.
    private static let payloadChunks: Set<String> = ["data", "SSND", "Data Size", "riff", "Riff size"]

    /// A one-line description of the truncation, or nil when the log shows none.
    static func problem(in file: SoundFile) -> String? {
        problem(inLog: file.parseLog)
    }

    /// Parses libsndfile's header log (exposed separately for tests).
    static func problem(inLog log: String) -> String? {
        for line in log.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let marker = parts[0].trimmingWhitespace
            guard payloadChunks.contains(marker), let shouldRange = parts[1].range(of: "(should be ") else { continue }
            let declared = parts[1][..<shouldRange.lowerBound].trimmingWhitespace
            let present = parts[1][shouldRange.upperBound...].prefix { $0.isNumber }
            guard let declaredBytes = Int(declared), let presentBytes = Int(present), presentBytes < declaredBytes else {
                continue
            }
            return "truncated: the header's \(marker) size declares \(declaredBytes) bytes but only \(presentBytes) are present"
        }
        return nil
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
