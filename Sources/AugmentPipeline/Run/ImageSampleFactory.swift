import AugmentCore
import Foundation
import MediaIO

/// Makes image candidates: reads a PNG or JPEG, chains the recipe's transforms, gates the result with the
/// image checklist, writes it as its source was stored (a PNG of the source's colour type and bit depth, or a
/// JPEG at the source's quality) unless an output format is given.
public struct ImageSampleFactory: SampleFactory {
  let outputFormat: ImageOutputFormat?
  /// The zlib level PNG samples are written at.
  let pngLevel: Int
  public let calibration: ImageCalibration
  let chain: TransformChain<Image>
  let checklist: Checklist<MeasuredImage>
  /// The recipe's transforms as they will run, with calibrated ranges.
  public let transformLines: [String]
  /// How parameters with a measured counterpart are drawn (``MatchedDraws``).
  public let drawLines: [String]
  /// Calibration notes and parameters left uniform.
  public let notes: [String]

  /// - Parameter pilotSources: the sources a ``DrawPilot`` makes candidates from (``DrawPilot/sources(_:)``).
  init(
    recipe: Recipe, members: [SourceExample], pilotSources: [SourceExample], jobs: Int, outputFormat: ImageOutputFormat?,
    pngLevel: Int
  ) throws {
    self.outputFormat = outputFormat
    self.pngLevel = pngLevel
    let calibration = ImageCalibration(recipe: recipe, members: members, jobs: jobs)
    self.calibration = calibration
    let context = TransformContext(memberLuminance: calibration.memberLuminance)
    let steps = recipe.transforms.map { $0.calibrated(by: context) }
    let matched = try MatchedDraws(
      steps: steps, context: context, slice: recipe.name, features: .image, memberValues: calibration.memberValues(of:),
      pilotSources: pilotSources.compactMap { try? ImageFile.read(from: $0.url).image }, jobs: jobs)
    chain = TransformChain(transforms: try steps.map { try $0.makeStep(for: Image.self, in: context) })
    transformLines = steps.map(\.description)
    drawLines = matched.lines
    notes = calibration.notes + matched.notes
    let thresholds = recipe.checklist
    var rules: [any ChecklistRule<MeasuredImage>] = []
    if let minimum = thresholds.minSSIM { rules.append(SSIMRule(minimum: minimum)) }
    if let minimum = thresholds.minDefectContrast { rules.append(DefectContrastRule(minimum: minimum)) }
    rules.append(ImageClippingRule(maximum: calibration.clippingBound(limit: thresholds.maxClippedFraction)))
    if let gate = RealismGate<MeasuredImage>(reference: calibration.realism, measure: { RealismFeatureSet.image.measure($0.image) }) {
      rules.append(gate)
    }
    checklist = Checklist(rules: rules)
  }

  public func load(_ source: SourceExample) throws -> MeasuredImage {
    let decoded = try ImageFile.read(from: source.url)
    return MeasuredImage(decoded.image, storedAs: decoded.encoding)
  }

  public func byteCount(of media: MeasuredImage) -> Int { media.byteCount }

  public func candidate(from original: MeasuredImage, using rng: inout Xoshiro256StarStar) throws -> (
    MeasuredImage, [AppliedTransform]
  ) {
    let (image, records) = try chain.apply(
      to: original.image, using: &rng, sourceAnalysis: original.firstStepAnalysis)
    return (MeasuredImage(image, storedAs: original.storedAs), records)
  }

  /// - Throws: ``SourceUnusable`` when the source cannot be measured whatever is drawn (smaller than the
  ///   SSIM window, or a defect box outside it), so it is tried once rather than redrawn. The image
  ///   transforms themselves fail only on parameters, which come from the recipe or a draw.
  public func check(
    _ candidate: MeasuredImage, against original: MeasuredImage, source: SourceExample, records: [AppliedTransform]
  ) throws -> [Verdict] {
    do {
      return try checklist.evaluate(CandidateSample(source: source, original: original, candidate: candidate, records: records))
    } catch {
      throw SourceUnusable(imageMetricError: error) ?? error
    }
  }

  public var realism: RealismReference? { calibration.realism }

  public func fileExtension(for media: MeasuredImage) -> String { encoding(of: media).fileExtension }

  public func write(_ media: MeasuredImage, to url: URL) throws {
    try ImageFile.write(media.image, to: url, as: encoding(of: media), pngLevel: pngLevel)
  }

  private func encoding(of media: MeasuredImage) -> ImageEncoding {
    outputFormat?.encoding(forSourceStoredAs: media.storedAs) ?? media.storedAs
  }
}
