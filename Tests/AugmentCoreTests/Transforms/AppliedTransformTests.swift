import Foundation
import Testing

@testable import AugmentCore

@Suite struct AppliedTransformTests {
  struct Parameters: Codable, Equatable {
    var seed: UInt64
    var offset: Int
    var gain: Double
    var label: String
    var flags: [Bool]
  }

  /// Every bit of a 64-bit seed, a negative integer and a double survive a record and its JSON round trip.
  @Test func parametersSurviveRecordAndJSONExactly() throws {
    let parameters = Parameters(seed: 0xFEDC_BA98_7654_3211, offset: -12_345, gain: 0.1 + 0.2, label: "car/x.wav", flags: [true])
    let record = try AppliedTransform(name: "test", parameters: parameters)
    #expect(try record.decodeParameters(Parameters.self) == parameters)
    let data = try JSONEncoder().encode(record)
    #expect(String(decoding: data, as: UTF8.self).contains("18364758544493064721"))
    let decoded = try JSONDecoder().decode(AppliedTransform.self, from: data)
    #expect(decoded == record)
    #expect(try decoded.decodeParameters(Parameters.self) == parameters)
  }
}
