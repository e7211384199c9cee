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

  /// The two signals with the clean signal's silent frames removed; empty when no frame fits.
  func callAsFunction(clean: [Float], processed: [Float]) -> (clean: [Float], processed: [Float]) {
    let frames = frameCount(length: clean.count)
    guard frames > 0 else { return ([], []) }
    let kept = keptFrames(of: clean, frameCount: frames)
    return (overlapAdd(frames: kept, of: clean), overlapAdd(frames: kept, of: processed))
  }

  /// Indices of the frames whose clean energy lies within the dynamic range of the loudest.
  func keptFrames(of clean: [Float], frameCount: Int) -> [Int] {
    var norms = [Double](repeating: 0, count: frameCount)
    var frames = [Framing.Lanes](repeating: .zero, count: framing.frameLength)
    clean.withUnsafeBufferPointer { signal in
      frames.withUnsafeMutableBufferPointer { frames in
        for first in stride(from: 0, to: frameCount, by: Framing.Lanes.scalarCount) {
          framing.gather(signal, first: first, frameCount: frameCount, into: frames.baseAddress!)
          var energy = Framing.Lanes()
          for frame in frames { energy += frame * frame }
          for lane in 0..<min(Framing.Lanes.scalarCount, frameCount - first) {
            norms[first + lane] = Double(energy[lane]).squareRoot()
          }
        }
      }
    }
    let epsilon = Double.ulpOfOne
    let loudest = 20 * log10(norms.max()! + epsilon)
    return norms.indices.filter { 20 * log10(norms[$0] + epsilon) > loudest - dynamicRange }
  }

  /// The windowed `frames` of `signal` laid end to end `hop` apart and summed where they overlap.
  private func overlapAdd(frames: [Int], of signal: [Float]) -> [Float] {
    let hop = framing.hop
    let length = (frames.count - 1) * hop + framing.frameLength
    return [Float](unsafeUninitializedCapacity: length) { output, initialized in
      output.initialize(repeating: 0)
      signal.withUnsafeBufferPointer { signal in
        framing.window.withUnsafeBufferPointer { window in
          for (position, frame) in frames.enumerated() {
            let source = signal.baseAddress! + frame * hop
            let destination = output.baseAddress! + position * hop
            for n in 0..<window.count { destination[n] += window[n] * source[n] }
          }
        }
      }
      initialized = length
    }
  }
}
