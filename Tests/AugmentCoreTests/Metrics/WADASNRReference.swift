import Foundation

/// `Reference/wada-snr-reference.json`, written once by `Reference/make-wada-snr-reference.py` with the
/// reference WADA-SNR implementation.
struct WADASNRReference: Decodable {
  struct Table: Decodable {
    var db: [Int]
    var g: [Double]
  }

  /// A shipped file (path relative to the repository root), alone or with `gaussianNoise(seed:)` mixed in at `snr`.
  struct Entry: Decodable {
    var path: String
    var noiseSeed: UInt32?
    var snr: Double?
    var estimate: Double
  }

  var generator: String
  var table: Table
  var entries: [Entry]

  static func load() throws -> WADASNRReference {
    try JSONDecoder().decode(
      WADASNRReference.self,
      from: Data(contentsOf: STOIReference.folder.appendingPathComponent("wada-snr-reference.json")))
  }
}
