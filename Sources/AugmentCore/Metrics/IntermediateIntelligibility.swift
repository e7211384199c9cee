/// STOI's final step: correlations between clean and processed band envelopes over short segments,
/// averaged over every segment (and band).
///
/// A segment is `segmentLength` consecutive frames ending at frame `m`, for every `m` from `segmentLength`
/// to the last frame (pystoi: `x_tob[:, m - N:m]`), so consecutive segments are one frame apart. Eight
/// segments are handled at once, one per vector lane: lane `l` of the load at offset `s + i` is frame
/// `s + l + i`, i.e. frame `i` of segment `s + l`, so every sum over a segment is a plain vector sum.
enum IntermediateIntelligibility {
  typealias Lanes = FFTPlan.Lanes

  /// pystoi's `EPS` (float64 machine epsilon, 2⁻⁵², exact in single precision), added to norms before dividing.
  static let epsilon = Lanes(repeating: Float(Double.ulpOfOne))

  /// Taal et al. 2011, eqs. 3–6: per segment and band, the processed envelope is scaled to the clean
  /// envelope's norm, clipped to at most `clipFactor` times the clean envelope (`1 + 10^{−β/20}`), and
  /// correlated with the clean envelope (both mean-removed and divided by `norm + ε`).
  static func standard(
    clean: ThirdOctaveSpectrogram, processed: ThirdOctaveSpectrogram, segmentLength: Int, clipFactor: Float
  ) -> Double {
    let frames = clean.frameCount
    let segments = frames - segmentLength + 1
    var clipped = [Lanes](repeating: .zero, count: segmentLength)
    var total = 0.0
    clean.values.withUnsafeBufferPointer { x in
      processed.values.withUnsafeBufferPointer { y in
        clipped.withUnsafeMutableBufferPointer { clipped in
          for band in 0..<clean.bandCount {
            for first in stride(from: 0, to: segments, by: Lanes.scalarCount) {
              let offset = band * frames + first
              let correlations = correlation(
                clean: x.baseAddress! + offset, processed: y.baseAddress! + offset, length: segmentLength,
                clipFactor: clipFactor, scratch: clipped.baseAddress!)
              total += sum(correlations, lanes: min(Lanes.scalarCount, segments - first))
            }
          }
        }
      }
    }
    return total / Double(segments * clean.bandCount)
  }

  /// The clipped correlations of one band over eight consecutive segments starting at `x` and `y`.
  ///
  /// Each pass over the segments is a function of its own, kept out of line: inlined together, with the
  /// lane-by-lane square roots between them, the optimiser splits their vectors into pieces and the
  /// loops take several times the instructions.
  private static func correlation(
    clean x: UnsafePointer<Float>, processed y: UnsafePointer<Float>, length: Int, clipFactor: Float,
    scratch clipped: UnsafeMutablePointer<Lanes>
  ) -> Lanes {
    let (cleanEnergy, processedEnergy) = energies(x, y, length: length)
    let scale = squareRoot(cleanEnergy) / (squareRoot(processedEnergy) + epsilon)
    let (cleanSum, clippedSum) = clip(
      processed: y, scale: scale, clean: x, clipFactor: clipFactor, length: length, into: clipped)
    let count = Lanes(repeating: Float(length))
    subtract(clippedSum / count, from: clipped, length: length)
    let (product, cleanVariation, clippedVariation) = centredProducts(
      x, mean: cleanSum / count, centredClipped: clipped, length: length)
    return product / ((squareRoot(clippedVariation) + epsilon) * (squareRoot(cleanVariation) + epsilon))
  }

  /// `Σ x²` and `Σ y²` over `length` frames.
  @inline(never)
  private static func energies(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, length: Int) -> (Lanes, Lanes) {
    var cleanEnergy = Lanes(), processedEnergy = Lanes()
    for i in 0..<length {
      let a = load(x + i), b = load(y + i)
      cleanEnergy += a * a
      processedEnergy += b * b
    }
    return (cleanEnergy, processedEnergy)
  }

  /// Writes `min(scale·y, clipFactor·x)` to `clipped`, returning `Σ x` and the sum of what it wrote.
  @inline(never)
  private static func clip(
    processed y: UnsafePointer<Float>, scale: Lanes, clean x: UnsafePointer<Float>, clipFactor: Float, length: Int,
    into clipped: UnsafeMutablePointer<Lanes>
  ) -> (Lanes, Lanes) {
    var cleanSum = Lanes(), clippedSum = Lanes()
    for i in 0..<length {
      let a = load(x + i)
      let c = minimum(scale * load(y + i), clipFactor * a)
      clipped[i] = c
      cleanSum += a
      clippedSum += c
    }
    return (cleanSum, clippedSum)
  }

  /// `values[i] −= mean` for the first `length` values.
  @inline(never)
  private static func subtract(_ mean: Lanes, from values: UnsafeMutablePointer<Lanes>, length: Int) {
    for i in 0..<length { values[i] -= mean }
  }

  /// `Σ (x − x̄)·c`, `Σ (x − x̄)²` and `Σ c²` for clipped values `c` already centred. (Centring them here
  /// too, the optimiser mixes the lanes of the two means and the loop is twice as long.)
  @inline(never)
  private static func centredProducts(
    _ x: UnsafePointer<Float>, mean cleanMean: Lanes, centredClipped clipped: UnsafePointer<Lanes>, length: Int
  ) -> (Lanes, Lanes, Lanes) {
    var product = Lanes(), cleanVariation = Lanes(), clippedVariation = Lanes()
    for i in 0..<length {
      let a = load(x + i) - cleanMean, c = clipped[i]
      product += a * c
      cleanVariation += a * a
      clippedVariation += c * c
    }
    return (product, cleanVariation, clippedVariation)
  }

  /// Jensen & Taal 2016 (extended STOI): per segment, each band's envelope is mean- and norm-normalised
  /// over time, then each frame's vector of bands over the bands; the segment's score is the mean over
  /// frames of the inner products of those frame vectors (pystoi's `row_col_normalize`, then `Σ x·y / N`),
  /// and the result is the mean over segments.
  ///
  /// pystoi adds `ε·N(0,1)` noise before each normalisation so that a constant row or column does not
  /// divide by zero; here such a row or column is left at zero instead (it contributes nothing), which
  /// keeps the result deterministic and differs from pystoi only by terms of order ε.
  static func extended(clean: ThirdOctaveSpectrogram, processed: ThirdOctaveSpectrogram, segmentLength: Int) -> Double {
    let frames = clean.frameCount, bands = clean.bandCount
    let segments = frames - segmentLength + 1
    var cleanSegment = [Lanes](repeating: .zero, count: bands * segmentLength)
    var processedSegment = [Lanes](repeating: .zero, count: bands * segmentLength)
    var total = 0.0
    clean.values.withUnsafeBufferPointer { x in
      processed.values.withUnsafeBufferPointer { y in
        cleanSegment.withUnsafeMutableBufferPointer { a in
          processedSegment.withUnsafeMutableBufferPointer { b in
            for first in stride(from: 0, to: segments, by: Lanes.scalarCount) {
              normalize(x.baseAddress! + first, rowStride: frames, bands: bands, length: segmentLength, into: a)
              normalize(y.baseAddress! + first, rowStride: frames, bands: bands, length: segmentLength, into: b)
              var products = Lanes()
              for i in 0..<a.count { products += a[i] * b[i] }
              total += sum(products, lanes: min(Lanes.scalarCount, segments - first)) / Double(segmentLength)
            }
          }
        }
      }
    }
    return total / Double(segments)
  }

  /// Copies eight segments (`bands` rows of `length` frames, rows `rowStride` apart in `source`) into
  /// `matrix` row-major, then normalises every row and then every column to zero mean and unit norm.
  private static func normalize(
    _ source: UnsafePointer<Float>, rowStride: Int, bands: Int, length: Int, into matrix: UnsafeMutableBufferPointer<Lanes>
  ) {
    let m = matrix.baseAddress!
    for band in 0..<bands {
      let row = source + band * rowStride
      for i in 0..<length { m[band * length + i] = load(row + i) }
      normalizeVector(m + band * length, count: length, stride: 1)
    }
    for i in 0..<length { normalizeVector(m + i, count: bands, stride: length) }
  }

  /// Subtracts the mean of `count` vectors `stride` apart and divides them by their norm, lane by lane;
  /// a lane whose norm is zero stays zero.
  private static func normalizeVector(_ values: UnsafeMutablePointer<Lanes>, count: Int, stride: Int) {
    var sum = Lanes()
    for i in 0..<count { sum += values[i * stride] }
    let mean = sum / Float(count)
    var energy = Lanes()
    for i in 0..<count {
      values[i * stride] -= mean
      energy += values[i * stride] * values[i * stride]
    }
    let inverseNorm = (1 / energy.squareRoot()).replacing(with: 0, where: energy .== 0)
    for i in 0..<count { values[i * stride] *= inverseNorm }
  }

  /// Lane-wise minimum, written lane by lane so that it compiles to one vector instruction: the generic
  /// `pointwiseMin` is not inlined, and `replacing(with:where:)` goes through an integer mask.
  @inline(__always)
  private static func minimum(_ a: Lanes, _ b: Lanes) -> Lanes {
    var result = Lanes()
    for lane in 0..<Lanes.scalarCount { result[lane] = Swift.min(a[lane], b[lane]) }
    return result
  }

  /// Lane-wise square root, kept out of line: the standard library computes it one lane at a time, and
  /// inlined, those scalar results lead the optimiser to split the vectors of the code around them.
  @inline(never)
  private static func squareRoot(_ values: Lanes) -> Lanes {
    values.squareRoot()
  }

  @inline(__always)
  private static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
  }

  /// The sum of the first `lanes` lanes in double precision.
  @inline(__always)
  private static func sum(_ values: Lanes, lanes: Int) -> Double {
    var total = 0.0
    for lane in 0..<lanes { total += Double(values[lane]) }
    return total
  }
}
