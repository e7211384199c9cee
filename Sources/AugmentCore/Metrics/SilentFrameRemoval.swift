import Foundation

/// Drops the frames in which the clean signal is silent from both signals, as pystoi's `remove_silent_frames`.
///
/// Both signals are cut into windowed frames (the analysis window, `frameLength` samples every `hop`);
/// a frame is kept when the clean frame's energy is within `dynamicRange` dB of the loudest clean frame,
/// judged on `20·log10(‖frame‖ + ε)` with ε the float64 machine epsilon. The kept *windowed* frames are
/// overlap-added back into two continuous signals of `(kept − 1)·hop + frameLength` samples.
struct SilentFrameRemoval {
  let window: [Float]
  let hop: Int
  let dynamicRange: Double

  var frameLength: Int { window.count }

  /// Frames taken from a signal of `length` samples: starts `0, hop, 2·hop, …` strictly below
  /// `length − frameLength`, so a last frame that would end exactly at the signal's end is not taken
  /// (pystoi's `range(0, len(x) - framelen, hop)`, kept for agreement).
  func frameCount(length: Int) -> Int {
    length > frameLength ? (length - frameLength + hop - 1) / hop : 0
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
    let epsilon = Double.ulpOfOne
    let norms = clean.withUnsafeBufferPointer { signal in
      window.withUnsafeBufferPointer { window in
        (0..<frameCount).map { frame in
          Double(Self.windowedEnergy(signal.baseAddress! + frame * hop, window: window)).squareRoot()
        }
      }
    }
    let loudest = 20 * log10(norms.max()! + epsilon)
    return norms.indices.filter { 20 * log10(norms[$0] + epsilon) > loudest - dynamicRange }
  }

  /// `Σ (w[n]·x[n])²` over one frame, eight samples at a time.
  private static func windowedEnergy(_ frame: UnsafePointer<Float>, window: UnsafeBufferPointer<Float>) -> Float {
    let count = window.count
    let frame = UnsafeRawPointer(frame), rawWindow = UnsafeRawPointer(window.baseAddress!)
    let stride = MemoryLayout<Float>.stride
    var sum = SIMD8<Float>()
    var n = 0
    while n + 8 <= count {
      let product =
        frame.loadUnaligned(fromByteOffset: n * stride, as: SIMD8<Float>.self)
        * rawWindow.loadUnaligned(fromByteOffset: n * stride, as: SIMD8<Float>.self)
      sum += product * product
      n += 8
    }
    var total = sum.sum()
    while n < count {
      let product = frame.load(fromByteOffset: n * stride, as: Float.self) * window[n]
      total += product * product
      n += 1
    }
    return total
  }

  /// The windowed `frames` of `signal` laid end to end `hop` apart and summed where they overlap.
  private func overlapAdd(frames: [Int], of signal: [Float]) -> [Float] {
    let length = (frames.count - 1) * hop + frameLength
    return [Float](unsafeUninitializedCapacity: length) { output, initialized in
      output.initialize(repeating: 0)
      signal.withUnsafeBufferPointer { signal in
        window.withUnsafeBufferPointer { window in
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
