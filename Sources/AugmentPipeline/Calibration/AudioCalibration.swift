import AugmentCore
import MediaIO

/// What the real examples of an audio slice look like, measured before a run.
///
/// - The realism features of each real member (``AudioRealismFeatures``): the points the k-NN realism
///   gate tests candidates against (``RealismReference``).
/// - Blind SNR (WADA-SNR) of each real member: the range the background-noise SNR is drawn from
///   (intersected with the recipe's range).
/// - Loudness of every clip in the dataset: the range for candidates' level. A clip shorter than one
///   400 ms block is measured over one block, as the loudness rule measures a candidate made from it.
/// - When the recipe reverberates: the RT60 of each real member estimated blind
///   (``BlindReverberationTime``), the realism range for candidates' reverberation and the range rooms are
///   drawn from (see ``ReverberationCalibration``).
/// With no readable members, the SNR is drawn from the recipe's range, and a note says so.
public struct AudioCalibration: Sendable {
  public var memberCount: Int
  public var blindSNR: MeasuredRange?
  public var loudness: MeasuredRange?
  /// How many of the dataset clips in ``loudness`` were shorter than one 400 ms block, measured over one.
  public var singleBlockLoudnessCount: Int
  /// The SNR range candidates are mixed at, when the recipe mixes noise.
  public var snrDraw: ParameterRange?
  /// The members' reverberation, when the recipe reverberates.
  public var reverberation: ReverberationCalibration?
  public var notes: [String]
  /// The members as points in realism-feature space.
  let realism: RealismReference

  init(recipe: Recipe, members: [SourceExample], datasetClips: [SourceExample], jobs: Int) {
    notes = []
    realism = RealismReference(slice: recipe.name, members: members, features: .audio, jobs: jobs) { member in
      try AudioFile.read(from: member.url).buffer
    }
    let margin = recipe.checklist.realismMargin
    let measured = MemberMeasurement.measure(members, jobs: jobs) { member in
      WADASNR.estimate(try AudioFile.read(from: member.url).buffer.channels[0])
    }
    memberCount = measured.values.count
    blindSNR = MeasuredRange(measured.values)
    notes += measured.problems.map { "real \(recipe.name) member skipped: \($0)" }
    let levels = MemberMeasurement.measure(datasetClips, jobs: jobs) { clip -> Loudness.Measurement? in
      let buffer = try AudioFile.read(from: clip.url).buffer
      do { return try Loudness.measure(buffer) } catch { return nil }
    }
    let measuredLevels = levels.values.compactMap { $0 }
    loudness = MeasuredRange(measuredLevels.map(\.value))
    singleBlockLoudnessCount = measuredLevels.filter { $0.value.isFinite && $0.form == .singleBlock }.count
    let unmeasurable = levels.values.count - measuredLevels.count
    if unmeasurable > 0 {
      notes.append(
        "\(unmeasurable) dataset clip\(unmeasurable == 1 ? "" : "s") left out of the loudness range: shorter than "
          + "\(Loudness.shortestClipDuration) s or more than \(Loudness.channelWeights.count) channels")
    }
    let recipeSNR = recipe.transforms.lazy.compactMap { ($0.settings as? BackgroundNoiseSpec)?.snrDB }.first
    switch (blindSNR, recipeSNR) {
    case (let observed?, let range?):
      if let overlap = range.intersection(observed.widened(by: margin)) {
        snrDraw = overlap
      } else {
        snrDraw = range
        notes.append(
          "real \(recipe.name) members measure \(observed.observed) dB (blind), outside the recipe's \(range) dB; drawing from the recipe's range")
      }
    case (nil, let range?):
      snrDraw = range
      notes.append("no readable real \(recipe.name) members: SNR drawn from the recipe's range \(range) dB")
    case (_, nil):
      snrDraw = nil
    }
    if let reverberation = recipe.transforms.lazy.compactMap({ $0.settings as? ImpulseResponseSpec }).first {
      let calibration = ReverberationCalibration(
        recipe: recipe.name, members: members, recipeRange: reverberation.rt60Seconds, jobs: jobs)
      self.reverberation = calibration
      notes += calibration.notes
    }
    notes += realism.notes
  }

  public var lines: [String] {
    var lines = ["calibrated on \(memberCount) real members"]
    if let blindSNR { lines.append("  blind SNR (WADA) of members: \(blindSNR.observed) dB") }
    if let loudness {
      let short = singleBlockLoudnessCount > 0 ? " (\(singleBlockLoudnessCount) under 0.4 s, over one block)" : ""
      lines.append("  loudness of \(loudness.count) dataset clips: \(loudness.observed) LUFS\(short)")
    }
    if let snrDraw { lines.append("  SNR drawn within \(snrDraw) dB") }
    lines += reverberation?.lines ?? []
    return lines + realism.lines
  }
}
