import MediaIO

/// `out = clamp(gain · x + offset, 0, 1)` on every colour sample; alpha copied.
public struct LinearPointKernel: ColorPointOperation {
  public let gain: Float
  public let offset: Float

  public init(gain: Float, offset: Float) {
    self.gain = gain
    self.offset = offset
  }

  func transform(_ samples: FloatVector) -> FloatVector { samples * gain + offset }
  func transform(_ sample: Float) -> Float { sample * gain + offset }
}
