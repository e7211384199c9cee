import Foundation
import MediaIO
import Testing

@testable import AugmentCore

/// The blind estimate on the shipped espeak-ng utterances (`samples/speech/clean/`) reverberated by every
/// shipped room, whose T30 pyroomacoustics measured (`Reference/room-reference.json`).
@Suite struct BlindReverberationTimeTests {
  /// Utterances `first…first+count−1` joined end to end, each followed by `pause` seconds of silence (their
  /// own 0.15–0.3 s of trailing silence comes on top).
  static func speech(first: Int, count: Int, pause: Double) throws -> [Float] {
    let folder = ReferenceData.repositoryRoot.appendingPathComponent("samples/speech/clean")
    var joined: [Float] = []
    for index in first..<(first + count) {
      let file = folder.appendingPathComponent(String(format: "s%03d.wav", index))
      joined += try AudioFile.read(from: file).buffer.channels[0]
      joined += [Float](repeating: 0, count: Int(pause * 16_000))
    }
    return joined
  }

  static func reverberate(_ speech: [Float], with file: String) throws -> [Float] {
    let url = ReferenceData.repositoryRoot.appendingPathComponent("rir-banks").appendingPathComponent(file)
    let response = try AudioFile.read(from: url).buffer.channels[0]
    return Array(FFTConvolution(impulseResponse: response).convolve(speech).prefix(speech.count))
  }

  /// Utterances as they come (pauses of 0.25–0.6 s between them): every room up to T30 0.8 s is estimated
  /// within 0.08 s of its T30, on two different sets of utterances (measured: at most 0.02 s).
  @Test(arguments: [1, 31])
  func estimatesRoomsFromRunningSpeech(first: Int) throws {
    let reference = try ReferenceData.load(RoomImpulseResponseTests.Reference.self, "room-reference.json")
    let speech = try Self.speech(first: first, count: 15, pause: 0)
    for room in reference.rooms where room.t30 <= 0.8 {
      let estimate = BlindReverberationTime.estimate(try Self.reverberate(speech, with: room.file), sampleRate: 16_000)
      let seconds = estimate?.seconds ?? .nan
      #expect(abs(seconds - room.t30) < 0.08, "\(room.file): estimated \(seconds) s for T30 \(room.t30) s")
    }
  }

  /// With 1 s pauses the halls' long decays are free too: halls of T30 1.1 and 1.6 s within 0.08 s
  /// (measured: at most 0.043 s).
  @Test func estimatesHallsGivenLongPauses() throws {
    let reference = try ReferenceData.load(RoomImpulseResponseTests.Reference.self, "room-reference.json")
    let speech = try Self.speech(first: 16, count: 10, pause: 1)
    for room in reference.rooms where room.t30 > 0.8 {
      let estimate = BlindReverberationTime.estimate(try Self.reverberate(speech, with: room.file), sampleRate: 16_000)
      let seconds = estimate?.seconds ?? .nan
      #expect(abs(seconds - room.t30) < 0.08, "\(room.file): estimated \(seconds) s for T30 \(room.t30) s")
    }
  }

  /// Dry speech, whose level falls as fast as the frames can show, estimates far below any shipped room;
  /// a hall heard with no pause long enough for its decay gives no estimate rather than a wrong one.
  @Test func drySpeechAndUnfreeDecaysAreTold() throws {
    let speech = try Self.speech(first: 1, count: 15, pause: 0)
    let dry = try #require(BlindReverberationTime.estimate(speech, sampleRate: 16_000))
    #expect(dry.seconds < 0.1, "dry speech estimated at \(dry.seconds) s")
    let hall = try Self.reverberate(speech, with: "hall/hall-03.wav")
    #expect(BlindReverberationTime.estimate(hall, sampleRate: 16_000) == nil)
  }
}
