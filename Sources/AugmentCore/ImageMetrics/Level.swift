/// The integer level a normalised sample is written as (as `Image.levels()` rounds it). Converts
/// through `Int` because `rounded(.down)` is a call into libm here.
@inline(__always)
func level(_ sample: Float, _ maxLevel: Float) -> Float {
  Float(Int(min(max(sample, 0), 1) * maxLevel + 0.5))
}
