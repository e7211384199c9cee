extension TransformSpec: CustomStringConvertible {
  /// One line with the transform's ranges, as `augment recipes` and `--dry-run` show it.
  public var description: String {
    switch self {
    case .backgroundNoise(let spec):
      "\(typeName): noise-banks/\(spec.category), SNR \(spec.snrDB) dB (\(spec.snrDefinition.rawValue))"
    case .telephone(let spec):
      "\(typeName): band \(spec.lowHz)–\(spec.highHz) Hz, through 8 kHz, 8-bit μ-law with probability \(Verdict.format(spec.muLawProbability))"
    case .loudness(let spec):
      "\(typeName): \(spec.targetLUFS) LUFS"
    case .brightnessContrast(let spec):
      "\(typeName): brightness \(spec.brightness), contrast \(spec.contrast) about \(spec.pivot.rawValue)"
    case .exposure(let spec):
      "\(typeName): gain to a mean luminance of \(spec.targetLuminance)"
    case .sensorNoise(let spec):
      "\(typeName): sigma \(spec.sigma) of full scale"
    case .gamma(let spec):
      "\(typeName): gamma \(spec.gamma)"
    case .gaussianBlur(let spec):
      "\(typeName): sigma \(spec.sigma) px"
    case .motionBlur(let spec):
      "\(typeName): length \(spec.length) px, angle \(spec.angle)°"
    case .defocusBlur(let spec):
      "\(typeName): radius \(spec.radius) px"
    case .glare(let spec):
      "\(typeName): strength \(spec.strength), radius \(spec.radiusAlong) along × \(spec.radiusAcross) across "
        + "(of the diagonal), angle \(spec.angle)°"
    }
  }
}

extension ChecklistSpec {
  /// The rules and thresholds, one per line.
  public func ruleLines(for modality: Modality) -> [String] {
    var lines: [String] = []
    switch modality {
    case .audio:
      if let minSTOI { lines.append("clarity  stoi ≥ \(Verdict.format(minSTOI)) against the clean source") }
      lines.append("realism  blind SNR (WADA) within real members' range ± \(Verdict.format(realismMargin)) dB")
      lines.append("realism  loudness within the dataset's range ± \(Verdict.format(realismMargin)) LU")
      lines.append("realism  clipped samples ≤ \(Verdict.format(maxClippedFraction * 100)) %")
      lines.append("realism  noise category matches the slice")
    case .image:
      if let minSSIM { lines.append("clarity  ssim ≥ \(Verdict.format(minSSIM)) against the source") }
      if let minDefectContrast {
        lines.append("clarity  defect box keeps ≥ \(Verdict.format(minDefectContrast * 100)) % of its local contrast")
      }
      lines.append("realism  luminance and RMS contrast within real members' range ± \(Verdict.format(realismMargin))")
      lines.append("realism  sharpness (variance of Laplacian) within real members' range")
      lines.append("realism  clipped pixels ≤ \(Verdict.format(maxClippedFraction * 100)) %")
    }
    lines.append("weakness gap to HLP ≥ \(Verdict.format(minGapToHLP * 100)) points (else error rate above overall)")
    return lines
  }
}
