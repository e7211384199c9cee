// swift-tools-version:6.3
import PackageDescription

let package = Package(
  name: "augment",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "augment", targets: ["augment"]),
    .library(name: "MediaIO", targets: ["MediaIO"]),
    .library(name: "AugmentCore", targets: ["AugmentCore"]),
    .library(name: "AugmentAnalysis", targets: ["AugmentAnalysis"]),
    .library(name: "AugmentPipeline", targets: ["AugmentPipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // C libraries at the edge: module maps only, plus static inline shims where Swift cannot call C directly.
    .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
    .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
    .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
    .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
    .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"])]),

    // The only module that imports the C modules: audio, PNG and JPEG files, format detection, resampling,
    // file digests.
    .target(name: "MediaIO", dependencies: ["CSndFile", "CPNG", "CSoxr", "CDeflate", "COpenSSL", "CTurboJPEG"]),
    // Transforms, DSP, metrics, randomness and noise banks: pure Swift over MediaIO's value types.
    .target(name: "AugmentCore", dependencies: ["MediaIO"]),
    // Error-analysis tables, folder datasets (media told by MediaIO), per-slice and per-class metrics, plans.
    .target(name: "AugmentAnalysis", dependencies: ["MediaIO"]),
    // Recipes, checklist, calibration, the slice run, manifest and preview.
    .target(
      name: "AugmentPipeline",
      dependencies: ["AugmentCore", "AugmentAnalysis", "MediaIO", .product(name: "Yams", package: "Yams")]),
    .executableTarget(
      name: "augment",
      dependencies: [
        "AugmentPipeline", "AugmentAnalysis", "AugmentCore", "MediaIO",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MediaIOTests also uses libsndfile directly, as the reference encoder for formats the tool only reads,
    // and libdeflate to inflate the PNG image data it checks; Reference/ holds PNG files libpng wrote.
    .testTarget(name: "MediaIOTests", dependencies: ["MediaIO", "CSndFile", "CDeflate"], exclude: ["Reference"]),
    // Reference/ folders hold the scripts that computed expected values with the published implementations.
    .testTarget(
      name: "AugmentCoreTests", dependencies: ["AugmentCore", "MediaIO"],
      exclude: [
        "Reference", "Audio/Reference", "Metrics/Reference", "Image/Reference", "ImageMetrics/Reference",
        "Spectral/Reference", "Reverberation/Reference",
      ]),
    .testTarget(name: "AugmentAnalysisTests", dependencies: ["AugmentAnalysis"], exclude: ["Reference"]),
    .testTarget(
      name: "AugmentPipelineTests", dependencies: ["AugmentPipeline", "AugmentCore", "AugmentAnalysis", "MediaIO"],
      exclude: ["Reference"]),
    // End-to-end tests run the built executable on the shipped samples and inspect its files with the libraries.
    .testTarget(
      name: "augmentTests", dependencies: ["augment", "AugmentPipeline", "AugmentCore", "MediaIO"], exclude: ["Reference"]),
  ],
  swiftLanguageModes: [.v6]
)
