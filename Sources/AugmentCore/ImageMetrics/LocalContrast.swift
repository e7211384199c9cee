import MediaIO

/// How much of a defect's local contrast a candidate keeps: the RMS contrast of luma inside the
/// defect's box in the candidate, against the same box in its source.
///
/// Besides the absolute fraction, ``retainedRelativeFraction`` compares contrast relative to the box's
/// mean luminance (RMS / mean, a Weber-style contrast). That is what decides whether a person still sees
/// the defect: it does not change when the whole scene gets darker or brighter by a gain, but it drops when
/// glare washes the box out or blur smears the defect.
public struct LocalContrast: Sendable, Codable, Equatable {
  public var box: PixelBox
  public var source: Double
  public var candidate: Double
  /// Mean luma inside the box, `0...1`.
  public var sourceMean: Double
  public var candidateMean: Double
  /// `candidate / source`; `nil` when the source box is flat, so there is no contrast to keep.
  public var retainedFraction: Double?
  /// `(candidate / candidateMean) / (source / sourceMean)`; `nil` when the source box is flat or black,
  /// and 0 when the candidate box is black.
  public var retainedRelativeFraction: Double?

  public init(candidate: Image, source: Image, box: PixelBox) throws(ImageMetricError) {
    guard candidate.width == source.width, candidate.height == source.height else {
      throw .mismatchedImages(
        "sizes \(candidate.width)×\(candidate.height) and \(source.width)×\(source.height) differ")
    }
    self.box = box
    (sourceMean, self.source) = try ImageStatistics.luma(of: source, in: box)
    (candidateMean, self.candidate) = try ImageStatistics.luma(of: candidate, in: box)
    retainedFraction = self.source > 0 ? self.candidate / self.source : nil
    if self.source > 0, sourceMean > 0 {
      retainedRelativeFraction = candidateMean > 0 ? (self.candidate / candidateMean) / (self.source / sourceMean) : 0
    }
  }
}
