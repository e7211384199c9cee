import Foundation

/// `Reference/stoi-reference.json`, written once by `Reference/make-stoi-reference.py` with pystoi.
struct STOIReference: Decodable {
  struct Noise: Decodable {
    var kind: String
    var seed: UInt32?
  }

  /// A pair built from `SyntheticSignals`: speech-like clean signal plus white noise or babble.
  struct SyntheticPair: Decodable {
    var sampleRate: Int
    var seconds: Double
    var f0: Double
    var noise: Noise
    var snr: Double
    var extended: Bool
    var stoi: Double
  }

  /// A shipped clean utterance plus the head of a shipped noise clip, paths relative to the repository root.
  struct SamplePair: Decodable {
    var clean: String
    var noise: String
    var sampleRate: Int
    var snr: Double
    var extended: Bool
    var stoi: Double
  }

  var generator: String
  var thirdOctaveBands: [[Int]]
  var synthetic: [SyntheticPair]
  var samples: [SamplePair]

  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference")

  static func load() throws -> STOIReference {
    try JSONDecoder().decode(STOIReference.self, from: Data(contentsOf: folder.appendingPathComponent("stoi-reference.json")))
  }
}
