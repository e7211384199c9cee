import AugmentCore

/// A recipe's transforms in order, applied as one: each draws from the same stream, in turn.
struct TransformChain<Media: Sendable>: Sendable {
  let transforms: [any Transform<Media>]

  /// With `sourceAnalysis`, `input` is a source and the first transform, when it analyses its input,
  /// takes the analysis kept there (or makes and keeps it) rather than analysing the source again.
  func apply(to input: Media, using rng: inout Xoshiro256StarStar, sourceAnalysis: FirstStepAnalysis? = nil) throws
    -> (Media, [AppliedTransform])
  {
    var media = input
    var records: [AppliedTransform] = []
    for (position, transform) in transforms.enumerated() {
      let (output, record) =
        if position == 0, let sourceAnalysis, let analysing = transform as? any InputAnalysingTransform<Media> {
          try Self.draw(analysing, on: media, analysis: sourceAnalysis, using: &rng)
        } else {
          try transform(media, using: &rng)
        }
      media = output
      records.append(record)
    }
    return (media, records)
  }

  private static func draw<Step: InputAnalysingTransform>(
    _ transform: Step, on input: Media, analysis: FirstStepAnalysis, using rng: inout Xoshiro256StarStar
  ) throws -> (output: Media, record: AppliedTransform) where Step.Input == Media {
    try transform(input, analysis: analysis.value { transform.analyse(input) }, using: &rng)
  }
}
