import AugmentCore

extension ChecklistSpec {
  /// The rules and thresholds, one per line.
  public func ruleLines(for modality: Modality) -> [String] {
    var lines: [String] = []
    switch modality {
    case .audio:
      if let minSTOI { lines.append("clarity  stoi ≥ \(Verdict.format(minSTOI)) against the clean source") }
      lines.append("realism  loudness within the dataset's range ± \(Verdict.format(realismMargin)) LU")
      lines.append("realism  clipped samples ≤ \(Verdict.format(maxClippedFraction * 100)) %")
      lines.append(Self.realismGateLine)
    case .image:
      if let minSSIM { lines.append("clarity  ssim ≥ \(Verdict.format(minSSIM)) against the source") }
      if let minDefectContrast {
        lines.append("clarity  defect box keeps ≥ \(Verdict.format(minDefectContrast * 100)) % of its local contrast")
      }
      lines.append("realism  clipped pixels ≤ \(Verdict.format(maxClippedFraction * 100)) % (or as much as a real member)")
      lines.append(Self.realismGateLine)
    }
    lines.append("weakness gap to HLP ≥ \(Verdict.format(minGapToHLP * 100)) points (else error rate above overall)")
    return lines
  }

  private static let realismGateLine =
    "realism  realism-knn: inside the k-NN ball (k = \(RealismManifold.neighbourCount)) of a real member, "
    + "on standardised realism features (needs \(RealismManifold.minimumMembers) members)"
}
