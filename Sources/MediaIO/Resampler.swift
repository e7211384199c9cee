import CSoxr

/// Sample-rate conversion with libsoxr at its "high quality" setting (20-bit precision,
/// ≥ 95 % of the band kept, stop-band attenuation > 120 dB), linear phase.
public enum Resampler {
  public enum Error: Swift.Error, CustomStringConvertible, Equatable {
    /// libsoxr refused the conversion; carries its message.
    case failed(String)
    /// The converted buffer would hold more samples than ``MediaLimit/sampleCount`` allows.
    case outputTooLong(frames: Int, channels: Int)
    public var description: String {
      switch self {
      case .failed(let message): "resampling failed: \(message)"
      case .outputTooLong(let frames, let channels):
        "resampling would make \(frames) frames of \(channels) channels, more than the "
          + "\(MediaLimit.sampleCount.allowed.upperBound) samples allowed"
      }
    }
  }

  /// `buffer` at `targetRate`, every channel converted independently. Returns the input unchanged
  /// when the rates already agree. The length becomes `round(frames × target / source)`, checked against
  /// ``MediaLimit/sampleCount`` before anything is allocated.
  public static func resample(_ buffer: AudioBuffer, to targetRate: Int) throws -> AudioBuffer {
    precondition(targetRate > 0, "target rate must be positive")
    if buffer.sampleRate == targetRate { return buffer }
    let ratio = Double(targetRate) / Double(buffer.sampleRate)
    let length = (Double(buffer.frameCount) * ratio).rounded()
    guard length * Double(buffer.channelCount) <= Double(MediaLimit.sampleCount.allowed.upperBound) else {
      throw Error.outputTooLong(frames: Int(min(length, 0x1p62)), channels: buffer.channelCount)
    }
    let outputFrames = Int(length)
    var quality = soxr_quality_spec(UInt(SOXR_HQ), 0)
    var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
    let channels = try buffer.channels.map { channel -> [Float] in
      var output = [Float](repeating: 0, count: outputFrames)
      var produced = 0
      let error = channel.withUnsafeBufferPointer { input in
        output.withUnsafeMutableBufferPointer { out in
          soxr_oneshot(
            Double(buffer.sampleRate), Double(targetRate), 1, input.baseAddress, input.count, nil,
            out.baseAddress, out.count, &produced, &io, &quality, nil)
        }
      }
      if let error { throw Error.failed(String(cString: error)) }
      // soxr may deliver a frame or two fewer than the rounded length; the tail stays silent.
      return output
    }
    return AudioBuffer(channels: channels, sampleRate: targetRate)
  }
}
