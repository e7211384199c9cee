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

  /// Indices of the frames whose clean energy lies within the dynamic range of the loudest, in increasing
  /// order; empty when no frame fits in the signal.
  ///
  /// `20·log10(‖frame‖ + ε) > 20·log10(‖loudest‖ + ε) − dynamicRange` is compared in linear terms,
  /// `‖frame‖ + ε > (‖loudest‖ + ε)·10^{−dynamicRange/20}`, which takes no logarithm per frame.
  func keptFrames(of clean: UnsafeBufferPointer<Float>) -> [Int] {
    let frameCount = frameCount(length: clean.count)
    guard frameCount > 0 else { return [] }
    let norms = framing.window.withUnsafeBufferPointer { window in
      (0..<frameCount).map { frame in
        Double(windowedEnergy(clean.baseAddress! + frame * framing.hop, window: window)).squareRoot()
      }
    }
    let epsilon = Double.ulpOfOne
    let threshold = (norms.max()! + epsilon) * pow(10, -dynamicRange / 20)
    return norms.indices.filter { norms[$0] + epsilon > threshold }
  }

  /// The samples `frames` cover, as ranges in order, overlapping and adjacent frames merged: all that
  /// ``overlapAdd(frames:inPlace:)`` reads.
  func spans(of frames: [Int]) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    for frame in frames {
      let span = frame * framing.hop..<frame * framing.hop + framing.frameLength
      if let last = spans.last, last.upperBound >= span.lowerBound {
        spans[spans.count - 1] = last.lowerBound..<span.upperBound
      } else {
        spans.append(span)
      }
    }
    return spans
  }

  /// `Σ (window[n]·samples[n])²` over the window, eight samples at a time.
  private func windowedEnergy(_ samples: UnsafePointer<Float>, window: UnsafeBufferPointer<Float>) -> Float {
    typealias Lanes = Framing.Lanes
    var sums = Lanes(), n = 0
    while n + Lanes.scalarCount <= window.count {
      let windowed =
        UnsafeRawPointer(window.baseAddress! + n).loadUnaligned(as: Lanes.self)
        * UnsafeRawPointer(samples + n).loadUnaligned(as: Lanes.self)
      sums += windowed * windowed
      n += Lanes.scalarCount
    }
    var energy = sums.sum()
    while n < window.count {
      energy += (window[n] * samples[n]) * (window[n] * samples[n])
      n += 1
    }
    return energy
  }

  /// Replaces `signal` by its windowed `frames` (in increasing order) laid end to end `hop` apart and
  /// summed where they overlap, returning the new length, `(frames − 1)·hop + frameLength` (0 for none).
  ///
  /// Output is built one hop-long block at a time, each summing the frames that cover it in frame order,
  /// and is written back once the block is complete. Working in place is safe because the output never
  /// overtakes its input: output sample `t` sums samples `f·hop + (t − p·hop)` of the kept frames `f` laid
  /// at positions `p ≤ f`, all at or after `t`, so a finished block covers nothing still to be read.
  func overlapAdd(frames: [Int], inPlace signal: UnsafeMutableBufferPointer<Float>) -> Int {
    guard !frames.isEmpty else { return 0 }
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
