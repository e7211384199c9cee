import Foundation

/// One-third-octave bands expressed as ranges of FFT bins, built as pystoi's `thirdoct` builds them.
///
/// Band `k` has centre `f₀·2^{k/3}` and edges `f₀·2^{(2k∓1)/6}`; each edge snaps to the nearest bin
/// frequency (the lower bin on a tie, as `argmin` does), and the band sums bins `lower ..< upper`, the
/// upper edge's bin excluded. Adjacent bands share an edge, so the bands tile one contiguous run of bins.
struct ThirdOctaveBands: Sendable, Equatable {
  /// Bin edges, one more than the number of bands: band `k` is `edges[k] ..< edges[k + 1]`.
  let edges: [Int]
  /// Centre frequencies in hertz, before snapping.
  let centres: [Double]

  var count: Int { centres.count }

  init(sampleRate: Int, fftLength: Int, bandCount: Int, lowestCentre: Double) {
    let binCount = fftLength / 2 + 1
    let binFrequency = (0..<binCount).map { Double($0) * Double(sampleRate) / Double(fftLength) }
    func nearestBin(_ frequency: Double) -> Int {
      var best = 0
      for bin in 1..<binCount
      where (binFrequency[bin] - frequency) * (binFrequency[bin] - frequency)
        < (binFrequency[best] - frequency) * (binFrequency[best] - frequency)
      {
        best = bin
      }
      return best
    }
    centres = (0..<bandCount).map { lowestCentre * pow(2, Double($0) / 3) }
    edges = (0...bandCount).map { nearestBin(lowestCentre * pow(2, Double(2 * $0 - 1) / 6)) }
  }
}
