// swift-tools-version:6.1
import Foundation
import PackageDescription

// libFuzzer targets for the readers and parsers, kept out of the main package: a target whose entry point
// is `LLVMFuzzerTestOneInput` has no `main` of its own and only links with `-sanitize=fuzzer`, so it
// would break a plain `swift build`. `.ci/fuzz.sh` builds and runs them; docs/fuzzing.md explains how.
//
// The package depends on the repository it lives in by path; SwiftPM names a path dependency after its
// folder, so the name is read from where this manifest sits rather than assumed.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let root = repository.lastPathComponent

/// Each fuzz target: its name (the folder under Sources/ and under Corpus/) and the libraries it reads with.
/// A new reader is one folder with one file, one line here, and a seed folder under Corpus/.
let fuzzers: [(name: String, libraries: [String])] = [
  ("fuzz-audio", ["MediaIO"]),
  ("fuzz-png", ["MediaIO"]),
  ("fuzz-jpeg", ["MediaIO"]),
  ("fuzz-table", ["AugmentAnalysis"]),
  ("fuzz-recipes", ["AugmentPipeline"]),
]

let package = Package(
  name: "augment-fuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(path: repository.path)],
  targets: [
    // What every target shares: turning libFuzzer's bytes into a file, failing loudly, and what every media
    // reader must do with an input (decode it or refuse it with a MediaError).
    .target(name: "FuzzSupport", dependencies: [.product(name: "MediaIO", package: root)])
  ]
    + fuzzers.map { fuzzer in
      .executableTarget(
        name: fuzzer.name,
        dependencies: ["FuzzSupport"] + fuzzer.libraries.map { .product(name: $0, package: root) })
    },
  swiftLanguageModes: [.v6]
)
