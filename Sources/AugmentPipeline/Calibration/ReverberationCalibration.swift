import AugmentCore
import MediaIO

/// How reverberant the real members of a slice are, estimated blind from their speech, and the room
/// reverberation times a run draws from.
///
/// Each member's RT60 is estimated from its free decays (``BlindReverberationTime``, after Prego et al.
/// 2012), on the average of its channels. A member without a free decay of 25 dB (pauses too short for
/// its room, or noise too close under the speech) has no estimate: it is left out of the range and
/// counted in a note, never replaced by a guess. Rooms are drawn from the members' range widened by
/// ``margin`` and intersected with the recipe's `rt60_s` when it gives one; candidates must measure
/// within the same widened range (``BlindRT60Rule``).
public struct ReverberationCalibration: Sendable {
  /// Seconds added on both sides of the members' range: above the blind estimate's error on the shipped
  /// rooms (at most 0.043 s) and the 3 % a response's RT60 lengthens by when resampled to 8 kHz.
  public static let margin = 0.1

  /// The members' blind RT60 in seconds, over those with an estimate.
  public var blindRT60: MeasuredRange?
  /// Readable members without an estimate.
  public var unestimated: Int
  /// The RT60 range rooms are drawn from; `nil`: any room of the bank.
  public var rt60Draw: ParameterRange?
  public var notes: [String]

  init(recipe: String, members: [SourceExample], recipeRange: ParameterRange?, jobs: Int) {
    notes = []
    let measured = MemberMeasurement.measure(members, jobs: jobs) { member -> Double? in
      let buffer = try AudioFile.read(from: member.url).buffer
      return BlindReverberationTime.estimate(SignalMath.average(of: buffer.channels), sampleRate: buffer.sampleRate)?
        .seconds
    }
    let estimates = measured.values.compactMap { $0 }
    blindRT60 = MeasuredRange(estimates)
    unestimated = measured.values.count - estimates.count
    if unestimated > 0 {
      notes.append(
        "\(unestimated) of \(measured.values.count) real \(recipe) members have no free decay of 25 dB to estimate "
          + "RT60 from: left out of the RT60 range")
    }
    switch (blindRT60, recipeRange) {
    case (let observed?, let range):
      let widened = observed.widened(by: Self.margin)
      let supported = ParameterRange(max(widened.lower, 0), widened.upper)
      if let range, supported.intersection(range) == nil {
        rt60Draw = range
        notes.append(
          "real \(recipe) members measure RT60 \(observed.observed) s (blind), outside the recipe's \(range) s; "
            + "drawing rooms from the recipe's range")
      } else {
        rt60Draw = range.flatMap { supported.intersection($0) } ?? supported
      }
    case (nil, let range):
      rt60Draw = range
      notes.append(
        "no real \(recipe) member has a blind RT60 estimate: rooms drawn from "
          + (range.map { "the recipe's \($0) s" } ?? "the whole bank") + ", no RT60 realism check")
    }
  }

  /// The blind RT60 bounds candidates must meet, when members were measured.
  var bounds: ParameterRange? {
    blindRT60.map { $0.widened(by: Self.margin) }.map { ParameterRange(max($0.lower, 0), $0.upper) }
  }

  var lines: [String] {
    var lines: [String] = []
    if let blindRT60 {
      lines.append("  blind RT60 of \(blindRT60.count) members: \(blindRT60.observed) s (\(unestimated) without an estimate)")
    }
    if let rt60Draw { lines.append("  rooms drawn with RT60 \(rt60Draw) s") }
    return lines
  }
}
