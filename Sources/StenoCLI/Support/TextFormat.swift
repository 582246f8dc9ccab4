import Foundation

/// The number formats shared by the commands' text output, so `info` and the preprocessing
/// commands print seconds and levels alike.
enum TextFormat {
    /// Seconds with millisecond precision: "1.250 s".
    static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }

    /// A level to 0.1 in its unit: "-23.0 LUFS".
    static func level(_ value: Double, unit: String) -> String { String(format: "%.1f %@", value, unit) }
}
