import AugmentCore
import MediaIO

/// Clarity: SSIM of the candidate against its source (Wang et al. 2004, as scikit-image computes it).
struct SSIMRule: ChecklistRule {
  let minimum: Double
  var name: String { "ssim" }

  func evaluate(_ sample: CandidateSample<MeasuredImage>) throws -> Verdict {
    Verdict(
      rule: name, kind: .clarity, value: try SSIM.score(sample.original.ssimReference(), sample.candidate.image),
      minimum: minimum,
      what: "SSIM", failure: "the image no longer shows its content clearly")
  }
}

/// Clarity: the defect box keeps at least a fraction of its contrast relative to the box's mean luminance
/// (``LocalContrast/retainedRelativeFraction``), so the label stays visible: a darker scene keeps it, glare
/// or blur over the defect loses it.
struct DefectContrastRule: ChecklistRule {
  let minimum: Double
  var name: String { "defect-contrast" }

  func evaluate(_ sample: CandidateSample<MeasuredImage>) throws -> Verdict {
    guard let box = sample.source.defectBox else {
      return Verdict(
        rule: name, kind: .clarity, value: 1, minimum: minimum, what: "no defect box given; contrast kept",
        failure: "")
    }
    let contrast = try LocalContrast(candidate: sample.candidate.image, source: sample.original.image, box: box)
    return Verdict(
      rule: name, kind: .clarity, value: contrast.retainedRelativeFraction ?? 1, minimum: minimum,
      what: "the fraction of the defect's relative contrast kept", failure: "the defect fades out of view")
  }
}

/// Realism: the fraction of pixels with a colour channel at black or at full scale.
struct ImageClippingRule: ChecklistRule {
  let maximum: Double
  var name: String { "clipped-fraction" }

  func evaluate(_ sample: CandidateSample<MeasuredImage>) throws -> Verdict {
    Verdict(
      rule: name, kind: .realism, value: ClippedPixels(of: sample.candidate.image).fraction, maximum: maximum,
      what: "the fraction of clipped pixels", failure: "highlights or shadows are burnt out beyond real examples")
  }
}

extension ImageStatistics {
  /// Pixels clipped dark or bright, as ``ClippedPixels/fraction`` counts them.
  var clippedFraction: Double { darkClippedFraction + brightClippedFraction }
}

/// The image statistics calibration reports for the members.
enum ImageStatistic: String, Sendable, CaseIterable {
  case luminance = "mean-luminance"
  case contrast = "rms-contrast"
  case sharpness = "sharpness"

  var label: String {
    switch self {
    case .luminance: "mean luminance (0…1)"
    case .contrast: "RMS contrast (0…1)"
    case .sharpness: "sharpness (variance of the Laplacian)"
    }
  }

  func measure(_ statistics: ImageStatistics) -> Double {
    switch self {
    case .luminance: statistics.meanLuminance
    case .contrast: statistics.rmsContrast
    case .sharpness: statistics.sharpness
    }
  }
}
