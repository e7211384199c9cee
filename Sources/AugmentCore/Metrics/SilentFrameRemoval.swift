import Foundation

/// Drops the frames in which the clean signal is silent from both signals, as pystoi's `remove_silent_frames`.
///
/// Both signals are cut into windowed frames; a frame is kept when the clean frame's energy is within
/// `dynamicRange` dB of the loudest clean frame, judged on `20·log10(‖frame‖ + ε)` with ε the float64
/// machine epsilon. The kept *windowed* frames are overlap-added back into two continuous signals of
/// `(kept − 1)·hop + frameLength` samples.
struct SilentFrameRemoval: Sendable {
  let framing: Framing
  let dynamicRange: Double

  /// Frames taken from a signal of `length` samples: starts `0, hop, 2·hop, …` strictly below
  /// `length − frameLength`, so a last frame that would end exactly at the signal's end is not taken
  /// (pystoi's `range(0, len(x) - framelen, hop)`, kept for agreement). The STFT frames the same way.
  func frameCount(length: Int) -> Int {
    length > framing.frameLength ? (length - framing.frameLength + framing.hop - 1) / framing.hop : 0
  }

  /// Removes the clean signal's silent frames from both signals in place, returning the length of what
  /// remains in each (0 when no frame fits).
  ///
  /// Working in place is safe because the output never overtakes its input: output sample `t` sums
  /// samples `f·hop + (t − p·hop)` of the kept frames `f` laid at positions `p ≤ f`, all at or after `t`,
  /// so a block of output written back after it is complete covers nothing still to be read.
  func callAsFunction(clean: UnsafeMutableBufferPointer<Float>, processed: UnsafeMutableBufferPointer<Float>) -> Int {
    precondition(clean.count == processed.count, "signals of different lengths")
    let frames = frameCount(length: clean.count)
    guard frames > 0 else { return 0 }
    let kept = keptFrames(of: UnsafeBufferPointer(clean), frameCount: frames)
    overlapAdd(frames: kept, inPlace: clean)
    return overlapAdd(frames: kept, inPlace: processed)
  }

  /// Indices of the frames whose clean energy lies within the dynamic range of the loudest.
  func keptFrames(of clean: UnsafeBufferPointer<Float>, frameCount: Int) -> [Int] {
    var norms = [Double](repeating: 0, count: frameCount)
    var frames = [Framing.Lanes](repeating: .zero, count: framing.frameLength)
    frames.withUnsafeMutableBufferPointer { frames in
      for first in stride(from: 0, to: frameCount, by: Framing.Lanes.scalarCount) {
        framing.gather(clean, first: first, frameCount: frameCount, into: frames.baseAddress!)
        var energy = Framing.Lanes()
        for frame in frames { energy += frame * frame }
        for lane in 0..<min(Framing.Lanes.scalarCount, frameCount - first) {
          norms[first + lane] = Double(energy[lane]).squareRoot()
        }
      }
    }
    let epsilon = Double.ulpOfOne
    let loudest = 20 * log10(norms.max()! + epsilon)
    return norms.indices.filter { 20 * log10(norms[$0] + epsilon) > loudest - dynamicRange }
  }

  /// Replaces `signal` by its windowed `frames` laid end to end `hop` apart and summed where they overlap,
  /// returning the new length. Output is built one hop-long block at a time, each summing the frames that
  /// cover it in frame order, and is written back only once the block is complete.
  @discardableResult
  private func overlapAdd(frames: [Int], inPlace signal: UnsafeMutableBufferPointer<Float>) -> Int {
    let hop = framing.hop, frameLength = framing.frameLength
    let length = (frames.count - 1) * hop + frameLength
    var block = [Float](repeating: 0, count: hop)
    framing.window.withUnsafeBufferPointer { window in
      block.withUnsafeMutableBufferPointer { block in
        for (position, blockStart) in stride(from: 0, to: length, by: hop).enumerated() {
          let count = min(hop, length - blockStart)
          block.update(repeating: 0)
          // The frames laid at positions p ≤ position that reach into this block.
          for p in max(0, position - (frameLength - 1) / hop)...min(position, frames.count - 1) {
            let offset = blockStart - p * hop
            multiplyAdd(
              window.baseAddress! + offset, signal.baseAddress! + frames[p] * hop + offset,
              into: block.baseAddress!, count: min(count, frameLength - offset))
          }
          (signal.baseAddress! + blockStart).update(from: block.baseAddress!, count: count)
        }
      }
    }
    return length
  }

  /// `output[i] += a[i]·b[i]` for `i` in `0..<count`, eight at a time.
  private func multiplyAdd(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, count: Int
  ) {
    typealias Lanes = Framing.Lanes
    var i = 0
    while i + Lanes.scalarCount <= count {
      let sum =
        UnsafeRawPointer(output + i).loadUnaligned(as: Lanes.self)
        + UnsafeRawPointer(a + i).loadUnaligned(as: Lanes.self) * UnsafeRawPointer(b + i).loadUnaligned(as: Lanes.self)
      UnsafeMutableRawPointer(output + i).storeBytes(of: sum, as: Lanes.self)
      i += Lanes.scalarCount
    }
    while i < count {
      output[i] += a[i] * b[i]
      i += 1
    }
  }
}
