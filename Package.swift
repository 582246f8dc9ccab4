// swift-tools-version: 6.0
import PackageDescription

/// Optimise the numeric stages even in debug builds: their exactness tests run whole
/// utterances through the search and would not fit CI's time otherwise.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "Steno",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "steno", targets: ["StenoCLI"]),
        .library(name: "Steno", targets: ["Steno"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // C libraries, found through pkg-config and installed by scripts/bootstrap.
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3", providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
        .systemLibrary(name: "CEBUR128", pkgConfig: "libebur128", providers: [.apt(["libebur128-dev"])]),

        .target(name: "StenoCore", exclude: ["README.md"]),
        .target(name: "StenoAudio", dependencies: ["StenoCore", "CSndFile", "CSoxr"], exclude: ["README.md"]),
        .target(name: "StenoPreprocess", dependencies: ["StenoCore", "CEBUR128"], exclude: ["README.md"]),
        .target(name: "StenoFeatures", dependencies: ["StenoCore", "CFFTW"], exclude: ["README.md"],
                swiftSettings: optimisedInDebug),
        .target(name: "StenoAcoustic", dependencies: ["StenoCore", "StenoFeatures"], exclude: ["README.md"],
                swiftSettings: optimisedInDebug),
        .target(name: "StenoDecoder", dependencies: ["StenoCore"], exclude: ["README.md"],
                swiftSettings: optimisedInDebug),
        .target(name: "StenoEval", dependencies: ["StenoCore"], exclude: ["README.md"]),
        .target(name: "StenoDatasets",
                dependencies: ["StenoCore", "StenoAudio", "StenoPreprocess", "StenoEval", "StenoDecoder"],
                exclude: ["README.md"]),
        .target(name: "Steno",
                dependencies: ["StenoCore", "StenoAudio", "StenoPreprocess", "StenoFeatures", "StenoAcoustic",
                               "StenoDecoder", "StenoEval", "StenoDatasets"],
                exclude: ["README.md"]),
        .executableTarget(
            name: "StenoCLI",
            dependencies: [
                "Steno", "StenoCore", "StenoAudio", "StenoPreprocess", "StenoFeatures", "StenoAcoustic",
                "StenoDecoder", "StenoEval", "StenoDatasets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"]),
        .target(name: "StenoTestSupport", dependencies: ["StenoCore"], exclude: ["README.md"]),

        .testTarget(name: "StenoCoreTests", dependencies: ["StenoCore", "StenoTestSupport"]),
        .testTarget(name: "StenoAudioTests", dependencies: ["StenoAudio", "StenoTestSupport"]),
        .testTarget(name: "StenoPreprocessTests", dependencies: ["StenoPreprocess", "StenoAudio", "StenoTestSupport"]),
        .testTarget(name: "StenoFeaturesTests", dependencies: ["StenoFeatures", "StenoAudio", "StenoTestSupport"]),
        .testTarget(name: "StenoAcousticTests",
                    dependencies: ["StenoAcoustic", "StenoFeatures", "StenoAudio", "StenoDecoder", "StenoTestSupport"]),
        .testTarget(name: "StenoDecoderTests",
                    dependencies: ["StenoDecoder", "StenoAcoustic", "StenoFeatures", "StenoAudio", "Steno",
                                   "StenoTestSupport"]),
        .testTarget(name: "StenoEvalTests", dependencies: ["StenoEval", "StenoTestSupport"]),
        .testTarget(name: "StenoDatasetsTests", dependencies: ["StenoDatasets", "StenoAudio", "StenoTestSupport"]),
        .testTarget(name: "StenoCLITests", dependencies: ["StenoTestSupport", "StenoAudio", "StenoPreprocess"]),
    ]
)
