import Foundation

/// Recognises the magic bytes of common audio containers, to catch a headered file read as raw.
enum KnownHeader {
    private static let magics: [(bytes: [UInt8], name: String)] = [
        (Array("RIFF".utf8), "WAV (RIFF)"), (Array("RIFX".utf8), "WAV (RIFX)"), (Array("RF64".utf8), "RF64"),
        (Array("FORM".utf8), "AIFF"), (Array("fLaC".utf8), "FLAC"), (Array("OggS".utf8), "Ogg"),
        (Array(".snd".utf8), "AU"), (Array("caff".utf8), "CAF"), (Array("NIST_1A".utf8), "NIST SPHERE"),
    ]

    /// The container whose magic `path` starts with, or nil.
    static func detect(_ path: String) throws -> String? {
        // Mapping reads only the pages touched, so this costs one page however large the file.
        let head = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped).prefix(8))
        return magics.first { head.starts(with: $0.bytes) }?.name
    }
}
