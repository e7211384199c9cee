import Foundation

/// `Reference/stoi-short-reference.json`, written once by `Reference/make-stoi-short-reference.py` with
/// pystoi, its segment length set to the frames of speech each clip has.
struct STOIShortReference: Decodable {
  /// A speech-like clip from `SyntheticSignals` with white noise or babble.
  struct SyntheticPair: Decodable {
    var sampleRate: Int
    var seconds: Double
    var lead: Double
    var f0: Double
    var noise: STOIReference.Noise
    var snr: Double
    var extended: Bool
    var frames: Int
    var segmentLength: Int
    var stoi: Double
  }

  /// `count` samples from `start` of a shipped utterance, plus the head of a shipped noise clip.
  struct SamplePair: Decodable {
    var clean: String
    var start: Int
    var count: Int
    var noise: String
    var sampleRate: Int
    var snr: Double
    var frames: Int
    var segmentLength: Int
    var stoi: Double
  }

  /// A speech-like clip with too little speech for even the shortest segment.
  struct TooShort: Decodable {
    var sampleRate: Int
    var seconds: Double
    var lead: Double
    var f0: Double
    var frames: Int
  }

  /// How scores over `segmentLength` frames compare with 30-frame scores on whole shipped utterances.
  struct SegmentLengthEvidence: Decodable {
    var segmentLength: Int
    var pairs: Int
    var spearman: Double
    var meanDifference: Double
    var largestDifference: Double
  }

  var generator: String
  var shortestSegmentLength: Int
  var synthetic: [SyntheticPair]
  var samples: [SamplePair]
  var tooShort: [TooShort]
  var segmentLengths: [SegmentLengthEvidence]

  static func load() throws -> STOIShortReference {
    try ReferenceData.load(STOIShortReference.self, "stoi-short-reference.json")
  }
}
