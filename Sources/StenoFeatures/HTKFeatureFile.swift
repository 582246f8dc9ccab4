import Foundation
import StenoCore

/// HTK parameter files: a 12-byte big-endian header (frame count, frame period in 100 ns units,
/// bytes per frame, parameter kind) followed by big-endian float32 frames.
public enum HTKFeatureFile {
    /// HTK parameter kinds used here (base kind plus qualifier bits).
    public struct ParameterKind: Sendable, Equatable, RawRepresentable {
        /// The 16-bit `parmKind` field of the HTK header.
        public let rawValue: UInt16
        /// A kind from its header value (any bits are accepted).
        public init(rawValue: UInt16) { self.rawValue = rawValue }

        /// Mel-frequency cepstra.
        public static let mfcc = ParameterKind(rawValue: 6)
        /// User-defined features (anything that is not in HTK's own layout).
        public static let user = ParameterKind(rawValue: 9)
        /// Qualifier `_0`: c0 is appended as the last value of each frame.
        public static let withC0 = ParameterKind(rawValue: 0o20000)
        /// Qualifier `_D`: deltas follow the statics.
        public static let withDeltas = ParameterKind(rawValue: 0o400)
        /// Qualifier `_A`: accelerations follow the deltas.
        public static let withAccelerations = ParameterKind(rawValue: 0o1000)

        /// Combines a base kind with qualifiers.
        public func union(_ other: ParameterKind) -> ParameterKind { ParameterKind(rawValue: rawValue | other.rawValue) }
    }

    /// A decoded file.
    public struct Contents: Sendable, Equatable {
        /// The frames, at the frame rate given by `framePeriod100ns`.
        public var features: FeatureMatrix
        /// Frame period in 100 ns units (100000 = 10 ms).
        public var framePeriod100ns: Int
        /// The parameter kind from the header.
        public var kind: ParameterKind
    }

    /// Encodes frames; `framePeriod100ns` comes from the frame rate (10 ms → 100000).
    public static func encode(_ features: FeatureMatrix, kind: ParameterKind = .user) throws -> Data {
        let bytesPerFrame = features.dimension * 4
        guard bytesPerFrame <= Int(Int16.max), features.frameCount <= Int(Int32.max) else {
            throw FeatureError(.invalidOptions, "\(features.dimension)-value frames do not fit an HTK header")
        }
        let period = Int32((1e7 / features.framesPerSecond).rounded())
        var data = Data(capacity: 12 + features.values.count * 4)
        append(UInt32(bitPattern: Int32(features.frameCount)), to: &data)
        append(UInt32(bitPattern: period), to: &data)
        append(UInt16(bytesPerFrame), to: &data)
        append(kind.rawValue, to: &data)
        for value in features.values { append(value.bitPattern, to: &data) }
        return data
    }

    /// Decodes an HTK parameter file (uncompressed float kinds only).
    public static func decode(_ data: Data, path: String? = nil) throws -> Contents {
        let bytes = [UInt8](data)
        guard bytes.count >= 12 else {
            throw FeatureError(.malformedFile, "\(bytes.count) bytes is too short for an HTK header", path: path)
        }
        func u32(_ offset: Int) -> UInt32 { SphinxFeatureFile.readUInt32(bytes, at: offset, bigEndian: true) }
        let frames = Int(Int32(bitPattern: u32(0)))
        let period = Int(Int32(bitPattern: u32(4)))
        let bytesPerFrame = Int(UInt16(bytes[8]) << 8 | UInt16(bytes[9]))
        let kind = ParameterKind(rawValue: UInt16(bytes[10]) << 8 | UInt16(bytes[11]))
        guard frames >= 0, period > 0, bytesPerFrame > 0, bytesPerFrame % 4 == 0 else {
            throw FeatureError(.malformedFile, "implausible HTK header (\(frames) frames, period \(period), "
                               + "\(bytesPerFrame) bytes per frame)", path: path)
        }
        guard kind.rawValue & 0o2000 == 0 else {
            throw FeatureError(.malformedFile, "compressed HTK files are not supported", path: path)
        }
        guard bytes.count == 12 + frames * bytesPerFrame else {
            throw FeatureError(.malformedFile, "header promises \(frames) frames of \(bytesPerFrame) bytes but "
                               + "the file has \(bytes.count - 12) data bytes", path: path)
        }
        let count = frames * bytesPerFrame / 4
        let values = (0..<count).map { Float(bitPattern: u32(12 + 4 * $0)) }
        let features = FeatureMatrix(values: values, dimension: bytesPerFrame / 4, framesPerSecond: 1e7 / Double(period))
        return Contents(features: features, framePeriod100ns: period, kind: kind)
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        withUnsafeBytes(of: value.bigEndian) { data.append(contentsOf: $0) }
    }
}
