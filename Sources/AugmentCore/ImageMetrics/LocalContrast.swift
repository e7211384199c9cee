import MediaIO

/// How much of a defect's local contrast a candidate keeps: the RMS contrast of luma inside the
/// defect's box in the candidate, against the same box in its source.
public struct LocalContrast: Sendable, Codable, Equatable {
  public var box: PixelBox
  public var source: Double
  public var candidate: Double
  /// `candidate / source`; `nil` when the source box is flat, so there is no contrast to keep.
  public var retainedFraction: Double?

  public init(candidate: Image, source: Image, box: PixelBox) throws(ImageMetricError) {
    guard candidate.width == source.width, candidate.height == source.height else {
      throw .mismatchedImages(
        "sizes \(candidate.width)×\(candidate.height) and \(source.width)×\(source.height) differ")
    }
    self.box = box
    self.source = try ImageStatistics.rmsContrast(of: source, in: box)
    self.candidate = try ImageStatistics.rmsContrast(of: candidate, in: box)
    retainedFraction = self.source > 0 ? self.candidate / self.source : nil
  }
}
