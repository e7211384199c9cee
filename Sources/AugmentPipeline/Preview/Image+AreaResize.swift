import MediaIO

extension Image {
  /// The image resampled to `width` × `height` by area averaging (a box filter): each output pixel is the
  /// mean of the source area it covers, partly covered source pixels weighted by their covered fraction.
  ///
  /// Shrinking then keeps every source pixel's contribution and does not alias, which matters for the fine
  /// stripes of spectrograms; it is OpenCV's `INTER_AREA` for reductions. Layout and bit depth are kept.
  func resizedByArea(width: Int, height: Int) -> Image {
    precondition(width > 0 && height > 0, "resized dimensions must be positive")
    let channels = channelCount
    let rows = AreaWeights(source: self.height, destination: height)
    let columns = AreaWeights(source: self.width, destination: width)
    // Vertical pass first: whole rows are combined, eight samples at a time.
    let sourceStride = rowStride
    var vertical = [Float](repeating: 0, count: height * sourceStride)
    pixels.withUnsafeBufferPointer { source in
      vertical.withUnsafeMutableBufferPointer { destination in
        for y in 0..<height {
          let output = destination.baseAddress! + y * sourceStride
          for tap in rows.taps(of: y) {
            Self.accumulate(
              source.baseAddress! + rows.indices[tap] * sourceStride, times: rows.weights[tap], into: output,
              count: sourceStride)
          }
        }
      }
    }
    var resized = [Float](repeating: 0, count: width * height * channels)
    vertical.withUnsafeBufferPointer { source in
      resized.withUnsafeMutableBufferPointer { destination in
        for y in 0..<height {
          let input = source.baseAddress! + y * sourceStride
          let output = destination.baseAddress! + y * width * channels
          for x in 0..<width {
            for tap in columns.taps(of: x) {
              let weight = columns.weights[tap], from = input + columns.indices[tap] * channels
              for c in 0..<channels { output[x * channels + c] += weight * from[c] }
            }
          }
        }
      }
    }
    return Image(width: width, height: height, layout: layout, bitDepth: bitDepth, pixels: resized)
  }

  /// `output[i] += weight × input[i]` for `i` in `0..<count`.
  private static func accumulate(
    _ input: UnsafePointer<Float>, times weight: Float, into output: UnsafeMutablePointer<Float>, count: Int
  ) {
    let rawInput = UnsafeRawPointer(input), rawOutput = UnsafeMutableRawPointer(output)
    let stride = MemoryLayout<Float>.stride
    let weights = SIMD8<Float>(repeating: weight)
    var i = 0
    while i + 8 <= count {
      let sum = rawOutput.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
        + weights * rawInput.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
      rawOutput.storeBytes(of: sum, toByteOffset: i * stride, as: SIMD8<Float>.self)
      i += 8
    }
    while i < count {
      output[i] += weight * input[i]
      i += 1
    }
  }
}

/// For each output index along one axis, the source indices it covers and their weights (summing to 1),
/// stored flat so the resampling loops allocate nothing.
struct AreaWeights {
  /// Source index of each tap.
  private(set) var indices: [Int] = []
  /// Weight of each tap: the covered fraction of the source pixel over the output pixel's width.
  private(set) var weights: [Float] = []
  /// The taps of output index `i` are `bounds[i]..<bounds[i + 1]`.
  private var bounds: [Int] = [0]

  init(source: Int, destination: Int) {
    let scale = Double(source) / Double(destination)
    for index in 0..<destination {
      let low = Double(index) * scale, high = Double(index + 1) * scale
      let first = Int(low.rounded(.down)), last = min(source - 1, Int(high.rounded(.up)) - 1)
      for sourceIndex in first...last {
        indices.append(sourceIndex)
        weights.append(Float((min(high, Double(sourceIndex + 1)) - max(low, Double(sourceIndex))) / scale))
      }
      bounds.append(indices.count)
    }
  }

  /// The taps of output `index`, as positions in ``indices`` and ``weights``.
  func taps(of index: Int) -> Range<Int> { bounds[index]..<bounds[index + 1] }
}
