import AugmentCore
import Foundation
import MediaIO

/// Makes audio candidates: reads a clip, chains the recipe's transforms, gates the result with the
/// audio checklist, writes 16-bit WAV or FLAC at the source's rate and channel count.
public struct AudioSampleFactory: SampleFactory {
  let outputFormat: AudioOutputFormat
  public let calibration: AudioCalibration
  let chain: TransformChain<AudioBuffer>
  let checklist: Checklist<MeasuredAudio>
  /// The recipe's transforms as they will run, with calibrated ranges.
  public let transformLines: [String]
  /// How parameters with a measured counterpart are drawn (``MatchedDraws``).
  public let drawLines: [String]
  /// Calibration notes, parameters left uniform, and bank files that were skipped.
  public let notes: [String]
  /// The banks the transforms opened: their problems are the run's unreadable noise clips and responses.
  private let banks: [NoiseBank]

  /// - Parameter pilotSources: the sources a ``DrawPilot`` makes candidates from (``DrawPilot/sources(_:)``).
  init(
    recipe: Recipe, members: [SourceExample], datasetClips: [SourceExample], pilotSources: [SourceExample],
    noiseBanks: URL, impulseResponseBanks: URL, jobs: Int, outputFormat: AudioOutputFormat
  ) throws {
    self.outputFormat = outputFormat
    let calibration = AudioCalibration(recipe: recipe, members: members, datasetClips: datasetClips, jobs: jobs)
    self.calibration = calibration
    let sampleRate = try datasetClips.lazy.compactMap { try? AudioFile.info(at: $0.url).sampleRate }.first
      ?? AudioFile.info(at: datasetClips[0].url).sampleRate
    let context = TransformContext(
      noiseBanks: noiseBanks, impulseResponseBanks: impulseResponseBanks, sampleRate: sampleRate,
      snrDraw: calibration.snrDraw, rt60Draw: calibration.reverberation?.rt60Draw)
    let steps = recipe.transforms.map { $0.calibrated(by: context) }
    let matched = try MatchedDraws(
      steps: steps, context: context, slice: recipe.name, features: .audio,
      memberValues: calibration.realism.members.column,
      pilotSources: pilotSources.compactMap { try? AudioFile.read(from: $0.url).buffer }, jobs: jobs)
    chain = TransformChain(transforms: try steps.map { try $0.makeStep(for: AudioBuffer.self, in: context) })
    transformLines = steps.map(\.description)
    drawLines = matched.lines
    banks = [context.noiseBank, context.impulseResponseBank].compactMap { $0 }
    self.notes = calibration.notes + matched.notes + (context.noiseBank?.problems.map { "noise bank: skipped \($0)" } ?? [])
      + (context.impulseResponseBank?.problems.map { "impulse-response bank: skipped \($0)" } ?? [])
    let thresholds = recipe.checklist
    var rules: [any ChecklistRule<MeasuredAudio>] = []
    if let minimum = thresholds.minSTOI { rules.append(STOIRule(minimum: minimum)) }
    if let rt60 = calibration.reverberation?.bounds { rules.append(BlindRT60Rule(range: rt60)) }
    if let loudness = calibration.loudness { rules.append(LoudnessRule(range: loudness.widened(by: thresholds.realismMargin))) }
    rules.append(AudioClippingRule(maximum: thresholds.maxClippedFraction))
    if let gate = RealismGate<MeasuredAudio>(reference: calibration.realism, measure: { $0.realismFeatures }) {
      rules.append(gate)
    }
    checklist = Checklist(rules: rules)
  }

  public func load(_ source: SourceExample) throws -> MeasuredAudio {
    MeasuredAudio(try AudioFile.read(from: source.url).buffer)
  }

  /// The clip's samples and a quarter more for its STOI reference, whose bands take about a tenth of a
  /// 16 kHz clip's bytes.
  public func byteCount(of media: MeasuredAudio) -> Int {
    media.buffer.channels.reduce(0) { $0 + $1.count } * MemoryLayout<Float>.stride * 5 / 4
  }

  /// - Throws: ``SourceUnusable`` for a transform error that any draw on this source would meet (a silent
  ///   source, a sample rate under the telephone band, a clip too short for loudness), so the source is
  ///   tried once rather than redrawn; other errors as the transform threw them.
  public func candidate(from original: MeasuredAudio, using rng: inout Xoshiro256StarStar) throws -> (
    MeasuredAudio, [AppliedTransform]
  ) {
    do {
      let (buffer, records) = try chain.apply(
        to: original.buffer, using: &rng, sourceAnalysis: original.firstStepAnalysis)
      return (MeasuredAudio(buffer), records)
    } catch {
      throw SourceUnusable(audioTransformError: error, source: original.buffer) ?? error
    }
  }

  public func check(
    _ candidate: MeasuredAudio, against original: MeasuredAudio, source: SourceExample, records: [AppliedTransform]
  ) throws -> [Verdict] {
    try checklist.evaluate(CandidateSample(source: source, original: original, candidate: candidate, records: records))
  }

  public var realism: RealismReference? { calibration.realism }

  public func fileExtension(for media: MeasuredAudio) -> String { outputFormat.fileExtension }

  public func write(_ media: MeasuredAudio, to url: URL) throws {
    try AudioFile.write(media.buffer, to: url, as: outputFormat.writeFormat)
  }

  /// Noise clips and responses left out when their bank was opened, and those that failed to decode
  /// during the run.
  public var unreadableInputs: [MediaError] { banks.flatMap(\.problems) }
}
