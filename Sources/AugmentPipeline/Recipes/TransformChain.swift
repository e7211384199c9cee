import AugmentCore

/// A recipe's transforms in order, applied as one: each draws from the same stream, in turn.
struct TransformChain<Media: Sendable>: Sendable {
  let transforms: [any Transform<Media>]

  func apply(to input: Media, using rng: inout Xoshiro256StarStar) throws -> (Media, [AppliedTransform]) {
    var media = input
    var records: [AppliedTransform] = []
    for transform in transforms {
      let (output, record) = try transform(media, using: &rng)
      media = output
      records.append(record)
    }
    return (media, records)
  }
}
