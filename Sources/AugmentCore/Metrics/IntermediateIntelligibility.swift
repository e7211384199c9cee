/// STOI's final step: correlations between clean and processed band envelopes over short segments,
/// averaged over every segment and band.
///
/// A segment is `segmentLength` consecutive frames ending at frame `m`, for every `m` from `segmentLength`
/// to the last frame (pystoi: `x_tob[:, m - N:m]`), so segments overlap by all but one frame.
enum IntermediateIntelligibility {
  /// pystoi's `EPS` (float64 machine epsilon), added to every norm before dividing by it.
  static let epsilon = Double.ulpOfOne

  /// Taal et al. 2011, eqs. 3–6: per segment and band, the processed envelope is scaled to the clean
  /// envelope's norm, clipped to at most `clipFactor` times the clean envelope (`1 + 10^{−β/20}`), and
  /// correlated with the clean envelope (both mean-removed and divided by `norm + ε`).
  static func standard(
    clean: ThirdOctaveSpectrogram, processed: ThirdOctaveSpectrogram, segmentLength: Int, clipFactor: Double
  ) -> Double {
    let frames = clean.frameCount, bands = clean.bandCount
    let segments = frames - segmentLength + 1
    var clipped = [Float](repeating: 0, count: segmentLength)
    var total = 0.0
    clean.values.withUnsafeBufferPointer { x in
      processed.values.withUnsafeBufferPointer { y in
        clipped.withUnsafeMutableBufferPointer { clipped in
          for band in 0..<bands {
            for start in 0..<segments {
              let offset = band * frames + start
              total += correlation(
                clean: x.baseAddress! + offset, processed: y.baseAddress! + offset, count: segmentLength,
                clipFactor: clipFactor, scratch: clipped.baseAddress!)
            }
          }
        }
      }
    }
    return total / Double(segments * bands)
  }

  /// The clipped correlation of one band over one segment.
  private static func correlation(
    clean x: UnsafePointer<Float>, processed y: UnsafePointer<Float>, count: Int, clipFactor: Double,
    scratch clipped: UnsafeMutablePointer<Float>
  ) -> Double {
    var cleanEnergy: Float = 0, processedEnergy: Float = 0
    for i in 0..<count {
      cleanEnergy += x[i] * x[i]
      processedEnergy += y[i] * y[i]
    }
    let scale = Float(
      Double(cleanEnergy).squareRoot() / (Double(processedEnergy).squareRoot() + epsilon))
    let limit = Float(clipFactor)
    var cleanSum: Float = 0, clippedSum: Float = 0
    for i in 0..<count {
      clipped[i] = min(scale * y[i], limit * x[i])
      cleanSum += x[i]
      clippedSum += clipped[i]
    }
    let cleanMean = cleanSum / Float(count), clippedMean = clippedSum / Float(count)
    var product: Float = 0, cleanVariation: Float = 0, clippedVariation: Float = 0
    for i in 0..<count {
      let a = x[i] - cleanMean, b = clipped[i] - clippedMean
      product += a * b
      cleanVariation += a * a
      clippedVariation += b * b
    }
    return Double(product)
      / ((Double(cleanVariation).squareRoot() + epsilon) * (Double(clippedVariation).squareRoot() + epsilon))
  }

  /// Jensen & Taal 2016 (extended STOI): per segment, each band's envelope is mean- and norm-normalised
  /// over time, then each frame's band vector over bands; the score is the mean over frames of the inner
  /// products of those frame vectors (pystoi's `row_col_normalize`, then `Σ x·y / N`), averaged over segments.
  ///
  /// pystoi adds `ε·N(0,1)` noise before each normalisation so that a constant row or column does not
  /// divide by zero; here such a row or column is left at zero instead (it contributes nothing), which
  /// keeps the result deterministic and differs from pystoi only by terms of order ε.
  static func extended(
    clean: ThirdOctaveSpectrogram, processed: ThirdOctaveSpectrogram, segmentLength: Int
  ) -> Double {
    let frames = clean.frameCount, bands = clean.bandCount
    let segments = frames - segmentLength + 1
    var cleanSegment = [Float](repeating: 0, count: bands * segmentLength)
    var processedSegment = [Float](repeating: 0, count: bands * segmentLength)
    var total = 0.0
    clean.values.withUnsafeBufferPointer { x in
      processed.values.withUnsafeBufferPointer { y in
        cleanSegment.withUnsafeMutableBufferPointer { a in
          processedSegment.withUnsafeMutableBufferPointer { b in
            for start in 0..<segments {
              normalize(x.baseAddress! + start, rowStride: frames, bands: bands, length: segmentLength, into: a)
              normalize(y.baseAddress! + start, rowStride: frames, bands: bands, length: segmentLength, into: b)
              var sum: Float = 0
              for i in 0..<a.count { sum += a[i] * b[i] }
              total += Double(sum) / Double(segmentLength)
            }
          }
        }
      }
    }
    return total / Double(segments)
  }

  /// Copies one segment (`bands` rows of `length` values, rows `rowStride` apart in `source`) into `matrix`
  /// row-major, then normalises every row and then every column to zero mean and unit norm.
  private static func normalize(
    _ source: UnsafePointer<Float>, rowStride: Int, bands: Int, length: Int,
    into matrix: UnsafeMutableBufferPointer<Float>
  ) {
    let m = matrix.baseAddress!
    for band in 0..<bands {
      let row = m + band * length
      row.update(from: source + band * rowStride, count: length)
      normalizeVector(row, count: length, stride: 1)
    }
    for column in 0..<length {
      normalizeVector(m + column, count: bands, stride: length)
    }
  }

  /// Subtracts the mean of `count` values `stride` apart and divides them by their norm (zero norm: left at zero).
  private static func normalizeVector(_ values: UnsafeMutablePointer<Float>, count: Int, stride: Int) {
    var sum: Float = 0
    for i in 0..<count { sum += values[i * stride] }
    let mean = sum / Float(count)
    var energy: Float = 0
    for i in 0..<count {
      values[i * stride] -= mean
      energy += values[i * stride] * values[i * stride]
    }
    let inverseNorm: Float = energy > 0 ? 1 / energy.squareRoot() : 0
    for i in 0..<count { values[i * stride] *= inverseNorm }
  }
}
