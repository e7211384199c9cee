import MediaIO

/// The integer level a normalised sample is written as (``Image/level(of:maxLevel:)``, as
/// `Image.levels()` rounds it), as a `Float`. Without a checked conversion, so loops over it vectorise.
@inline(__always)
func level(_ sample: Float, _ maxLevel: Float) -> Float {
  Float(Image.level(of: sample, maxLevel: maxLevel))
}
