import Foundation
import StenoTestSupport
import Testing

/// Fixtures/audio-info/info.tsv: what python-soundfile (libsndfile) reports for each shared audio
/// file. Re-record with Fixtures/audio-info/make-golden.py (see the README there).
struct GoldenInfo {
    var relativePath: String
    var format: String
    var encoding: String
    var sampleRate: Int
    var channels: Int
    var frames: Int
    /// nil where the golden file says `null` (digital silence).
    var peakDBFS: Double?
    var rmsDBFS: Double?
    var dcOffset: Double

    static func load() throws -> [GoldenInfo] {
        let text = try String(contentsOf: Fixtures.url("audio-info/info.tsv"), encoding: .utf8)
        return try text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 9, "bad golden line: \(line)")
            return GoldenInfo(relativePath: fields[0], format: fields[1], encoding: fields[2],
                              sampleRate: try #require(Int(fields[3])), channels: try #require(Int(fields[4])),
                              frames: try #require(Int(fields[5])), peakDBFS: Double(fields[6]),
                              rmsDBFS: Double(fields[7]), dcOffset: try #require(Double(fields[8])))
        }
    }

    /// Audio files under shared data/dev and data/pocketsphinx, relative to data/ (as in the golden file).
    static func sharedAudioFiles() throws -> [String] {
        let suffixes: Set<String> = ["wav", "flac", "ogg", "aif", "aiff", "au", "raw"]
        let data = SharedData.data("")
        var found: [String] = []
        for folder in ["dev", "pocketsphinx"] {
            let root = data.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let relative as String in enumerator
            where suffixes.contains((relative as NSString).pathExtension.lowercased()) {
                found.append("\(folder)/\(relative)")
            }
        }
        return found
    }
}
