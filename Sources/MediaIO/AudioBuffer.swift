/// Decoded audio held as planar 32-bit float samples.
///
/// Layout: one array per channel (`channels[c][frame]`), every channel the same length, samples
/// nominally in `[-1, 1)` where integer PCM maps `k / 2^(bits-1)` (so PCM16 `-32768` is `-1.0`).
/// Planar storage keeps each channel contiguous, which is what filters, level meters and mixers
/// want to vectorise; files are interleaved only at the libsndfile edge.
public struct AudioBuffer: Sendable, Equatable {
  /// The samples, one contiguous array per channel.
  public var channels: [[Float]]
  /// Frames per second.
  public var sampleRate: Int

  /// Creates a buffer from planar channels.
  ///
  /// - Precondition: at least one channel, all channels the same length, a positive sample rate.
  public init(channels: [[Float]], sampleRate: Int) {
    precondition(!channels.isEmpty, "an AudioBuffer needs at least one channel")
    precondition(sampleRate > 0, "sample rate must be positive")
    let length = channels[0].count
    precondition(channels.allSatisfy { $0.count == length }, "all channels must have the same length")
    self.channels = channels
    self.sampleRate = sampleRate
  }

  /// Creates a one-channel buffer.
  public init(mono samples: [Float], sampleRate: Int) {
    self.init(channels: [samples], sampleRate: sampleRate)
  }

  /// Creates a buffer from frame-interleaved samples (`L R L R …`), the layout audio files use.
  public init(interleaved samples: [Float], channelCount: Int, sampleRate: Int) {
    precondition(channelCount > 0 && samples.count % channelCount == 0, "sample count must be a multiple of channels")
    let frames = samples.count / channelCount
    if channelCount == 1 {
      self.init(channels: [samples], sampleRate: sampleRate)
      return
    }
    var planar = [[Float]](repeating: [Float](repeating: 0, count: frames), count: channelCount)
    samples.withUnsafeBufferPointer { source in
      for c in 0..<channelCount {
        planar[c].withUnsafeMutableBufferPointer { destination in
          for frame in 0..<frames { destination[frame] = source[frame * channelCount + c] }
        }
      }
    }
    self.init(channels: planar, sampleRate: sampleRate)
  }

  public var channelCount: Int { channels.count }
  public var frameCount: Int { channels[0].count }
  /// Length in seconds.
  public var duration: Double { Double(frameCount) / Double(sampleRate) }

  /// The samples frame-interleaved (`L R L R …`), as audio files store them.
  public func interleaved() -> [Float] {
    if channelCount == 1 { return channels[0] }
    let frames = frameCount, count = channelCount
    return [Float](unsafeUninitializedCapacity: frames * count) { destination, initialized in
      for c in 0..<count {
        channels[c].withUnsafeBufferPointer { source in
          for frame in 0..<frames { destination[frame * count + c] = source[frame] }
        }
      }
      initialized = frames * count
    }
  }
}
