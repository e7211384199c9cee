/// The thresholds of a recipe's checklist. Every candidate is measured against them before it is written.
public struct ChecklistSpec: Sendable, Equatable, Codable {
  /// Clarity for audio: the smallest STOI against the clean source (Taal et al. 2011; 0…1).
  public var minSTOI: Double?
  /// Clarity for images: the smallest SSIM against the source (Wang et al. 2004; −1…1).
  public var minSSIM: Double?
  /// Clarity for images with a defect box: the smallest fraction of the defect's local RMS contrast kept.
  public var minDefectContrast: Double?
  /// Realism: how far outside the range measured on real slice members a candidate may fall,
  /// in dB of SNR and LU of loudness for audio, in luminance/contrast units (0…1 scale) for images,
  /// and as a factor on sharpness.
  public var realismMargin: Double
  /// Realism: the largest fraction of samples (audio) or pixels (images) allowed at full scale.
  public var maxClippedFraction: Double
  /// Weakness: the smallest gap to human-level accuracy (a fraction, 0.01 = 1 point) for the slice to be worth augmenting.
  public var minGapToHLP: Double

  public init(
    minSTOI: Double? = nil, minSSIM: Double? = nil, minDefectContrast: Double? = nil, realismMargin: Double,
    maxClippedFraction: Double, minGapToHLP: Double
  ) {
    self.minSTOI = minSTOI
    self.minSSIM = minSSIM
    self.minDefectContrast = minDefectContrast
    self.realismMargin = realismMargin
    self.maxClippedFraction = maxClippedFraction
    self.minGapToHLP = minGapToHLP
  }

  /// Defaults: STOI ≥ 0.60 (speech still clearly intelligible), SSIM ≥ 0.35 with ≥ 50 % of a defect's
  /// contrast kept, realism within 3 dB / 3 LU (audio) or 0.05 (images) of real members, no more than
  /// 0.1 % clipped samples or 5 % clipped pixels, and a gap to HLP of at least 1 point.
  public static func defaults(for modality: Modality) -> ChecklistSpec {
    switch modality {
    case .audio:
      ChecklistSpec(minSTOI: 0.60, realismMargin: 3, maxClippedFraction: 0.001, minGapToHLP: 0.01)
    case .image:
      ChecklistSpec(minSSIM: 0.35, minDefectContrast: 0.5, realismMargin: 0.05, maxClippedFraction: 0.05, minGapToHLP: 0.01)
    }
  }

  /// Applies the thresholds a recipe file sets, keeping the defaults for the others.
  func overridden(by overrides: Overrides) -> ChecklistSpec {
    var spec = self
    if let value = overrides.minSTOI { spec.minSTOI = value }
    if let value = overrides.minSSIM { spec.minSSIM = value }
    if let value = overrides.minDefectContrast { spec.minDefectContrast = value }
    if let value = overrides.realismMargin { spec.realismMargin = value }
    if let value = overrides.maxClippedFraction { spec.maxClippedFraction = value }
    if let value = overrides.minGapToHLP { spec.minGapToHLP = value }
    return spec
  }

  /// The thresholds as written in a recipe file, any of them left out.
  struct Overrides: Decodable {
    var minSTOI, minSSIM, minDefectContrast, realismMargin, maxClippedFraction, minGapToHLP: Double?
    typealias CodingKeys = ChecklistSpec.CodingKeys

    init(
      minSTOI: Double? = nil, minSSIM: Double? = nil, minDefectContrast: Double? = nil, realismMargin: Double? = nil,
      maxClippedFraction: Double? = nil, minGapToHLP: Double? = nil
    ) {
      self.minSTOI = minSTOI
      self.minSSIM = minSSIM
      self.minDefectContrast = minDefectContrast
      self.realismMargin = realismMargin
      self.maxClippedFraction = maxClippedFraction
      self.minGapToHLP = minGapToHLP
    }
  }

  enum CodingKeys: String, CodingKey {
    case minSTOI = "min_stoi", minSSIM = "min_ssim", minDefectContrast = "min_defect_contrast"
    case realismMargin = "realism_margin", maxClippedFraction = "max_clipped_fraction", minGapToHLP = "min_gap_to_hlp"
  }
}
