import Foundation
import Synchronization

/// Power spectra of a signal's frames: Hann-windowed frames of about 32 ms (the power of two nearest
/// `0.032 · sampleRate` samples, 512 at 16 kHz, 256 at 8 kHz) with half-frame hops, each `|X[k]|²` for
/// bins 0…N/2. A signal shorter than one frame is one zero-padded frame. Also each frame's energy, by
/// which the noise floor's frames are chosen.
struct FramePowerSpectra {
  typealias Lanes = FFTPlan.Lanes

  let frameLength: Int
  let sampleRate: Int
  /// `spectra[frame][bin]`.
  let spectra: [[Double]]
  /// The energy `Σ|X[k]|²` (bins 0…N/2) of a frame of samples with mean square 10⁻¹⁰ (−100 dBFS):
  /// by Parseval about `N/2 · Σ w² · 10⁻¹⁰`, below which a frame counts as digital silence.
  let silentFrameEnergy: Double

  init(_ samples: [Float], sampleRate: Int) {
    let length = 1 << max(2, Int(log2(0.032 * Double(sampleRate)).rounded()))
    frameLength = length
    self.sampleRate = sampleRate
    let hop = length / 2
    let padded = samples.count < length ? samples + [Float](repeating: 0, count: length - samples.count) : samples
    let frameCount = (padded.count - length) / hop + 1
    let (plan, framing, silentFrameEnergy) = Self.analysis(frameLength: length)
    self.silentFrameEnergy = silentFrameEnergy
    var frames = [Lanes](repeating: .zero, count: length)
    var real = [Lanes](repeating: .zero, count: plan.binCount)
    var imaginary = [Lanes](repeating: .zero, count: plan.binCount)
    var spectra: [[Double]] = []
    spectra.reserveCapacity(frameCount)
    padded.withUnsafeBufferPointer { signal in
      for first in stride(from: 0, to: frameCount, by: Lanes.scalarCount) {
        framing.gather(signal, first: first, frameCount: frameCount, into: &frames)
        plan.forward(frames, samples: length, real: &real, imaginary: &imaginary)
        for lane in 0..<min(Lanes.scalarCount, frameCount - first) {
          spectra.append(
            (0..<plan.binCount).map { bin in
              let re = Double(real[bin][lane]), im = Double(imaginary[bin][lane])
              return re * re + im * im
            })
        }
      }
    }
    self.spectra = spectra
  }

  /// The frequency of bin `k` in hertz.
  func frequency(ofBin bin: Int) -> Double { Double(bin) * Double(sampleRate) / Double(frameLength) }

  /// The plan, framing and silent-frame energy of each frame length, built once per process: a plan's
  /// twiddle factors cost more than the spectra of a short clip, and a run measures every candidate at
  /// its dataset's one or two rates.
  private static let analyses = Mutex<[Int: (RealFFTPlan, Framing, Double)]>([:])

  private static func analysis(frameLength length: Int) -> (RealFFTPlan, Framing, Double) {
    if let cached = analyses.withLock({ $0[length] }) { return cached }
    let window = Window.hanning(count: length)
    let silence = 0.5 * Double(length) * window.reduce(0) { $0 + Double($1 * $1) } * 1e-10
    let built = (RealFFTPlan(count: length), Framing(window: window, hop: length / 2), silence)
    analyses.withLock { $0[length] = built }
    return built
  }

  /// The mean power spectrum of the frames at `indices`.
  func meanSpectrum(of indices: [Int]) -> [Double] {
    var mean = [Double](repeating: 0, count: frameLength / 2 + 1)
    for frame in indices { for bin in mean.indices { mean[bin] += spectra[frame][bin] } }
    return mean.map { $0 / Double(max(indices.count, 1)) }
  }
}
