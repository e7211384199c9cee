// swift-tools-version:6.1
import Foundation
import PackageDescription

// The benchmark is its own package, outside the main package and CI. It depends on the repository
// it lives in by path; SwiftPM names a path dependency after its folder, so the name is read from
// where this manifest sits rather than assumed.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
  name: "augment-bench",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: repository.path),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    .executableTarget(
      name: "augment-bench",
      dependencies: [
        .product(name: "AugmentCore", package: repository.lastPathComponent),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ])
  ],
  swiftLanguageModes: [.v6]
)
