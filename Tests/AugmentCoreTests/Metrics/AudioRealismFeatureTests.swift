import Foundation
import MediaIO
import Testing

@testable import AugmentCore

/// The audio realism features of shipped clips against librosa's roll-off and the NumPy noise-floor
/// computation of `Reference/make-realism-reference.py`.
@Suite struct AudioRealismFeatureTests {
  @Test func featuresAgreeWithTheReference() throws {
    let reference = try ReferenceData.load(RealismReference.self, "realism-reference.json")
    for clip in reference.clips {
      let buffer = try AudioFile.read(from: ReferenceData.repositoryRoot.appendingPathComponent(clip.path)).buffer
      let features = AudioRealismFeatures.measure(buffer)
      let named = Dictionary(uniqueKeysWithValues: zip(AudioRealismFeatures.names, features))
      // The roll-off is a bin frequency: the same bin, or the FFT's single-precision rounding moves it one.
      let binWidth = Double(buffer.sampleRate) / 512
      #expect(abs(named["rolloff-95-khz"]! * 1000 - clip.rolloff_hz) <= binWidth, "\(clip.path)")
      for (band, level) in zip(AudioRealismFeatures.noiseFloorBands, clip.noise_floor_db) {
        #expect(abs(named["noise-floor-\(Int(band))-db"]! - level) < 0.01, "\(clip.path) \(band) Hz")
      }
      #expect(named["clipped-fraction"] == clip.clipped_fraction)
      #expect(named["blind-snr-db"] == WADASNR.estimate(buffer.channels[0]))
    }
  }

  /// Digital silence has the floor of the six bands at −60 dB each rather than −∞.
  @Test func silenceHasAFiniteFloor() throws {
    let silent = AudioRealismFeatures.measure(AudioBuffer(mono: [Float](repeating: 0, count: 16000), sampleRate: 16000))
    let floorIsFinite = silent.suffix(6).allSatisfy { $0.isFinite }
    #expect(floorIsFinite)
    #expect(Array(silent.suffix(6)) == [Double](repeating: -60, count: 6))
  }
}
