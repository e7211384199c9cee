extension PNGScanlines {
  /// The image data a PNG's zlib stream holds: each row as its filter type byte, then its filtered bytes.
  ///
  /// Each row gets the filter libpng 1.6 chooses by default for 8- and 16-bit images
  /// (`png_write_find_filter`): the one whose filtered bytes, read as signed, have the smallest sum of
  /// magnitudes, ties going to the lower filter type. It is a cheap guess at what deflate compresses
  /// best, and making the same guess keeps file sizes comparable with libpng's.
  func filtered() -> [UInt8] {
    let filteredStride = 1 + rowByteCount
    return [UInt8](unsafeUninitializedCapacity: height * filteredStride) { output, initialized in
      bytes.withUnsafeBufferPointer { bordered in
        for y in 0..<height {
          let above = bordered.baseAddress! + y * stride + bytesPerPixel
          let row = above + stride
          let filter = cheapestFilter(row: row, above: above)
          let destination = output.baseAddress! + y * filteredStride
          destination.pointee = filter.rawValue
          forEachVector(row: row, above: above) { offset, count, neighbourhood in
            Self.store(filter.apply(to: neighbourhood), count: count, at: destination + 1 + offset)
          }
        }
      }
      initialized = height * filteredStride
    }
  }

  private func cheapestFilter(row: UnsafePointer<UInt8>, above: UnsafePointer<UInt8>) -> PNGRowFilter {
    var costs = FilterCosts()
    forEachVector(row: row, above: above) { _, _, neighbourhood in costs.add(neighbourhood) }
    return costs.cheapest()
  }

  /// Calls `body` with the offset, length and neighbourhood of each run of up to 16 bytes of `row`.
  /// Lanes past the row's end are zero in all four vectors, which every filter maps to zero.
  @inline(__always)
  private func forEachVector(
    row: UnsafePointer<UInt8>, above: UnsafePointer<UInt8>,
    _ body: (_ offset: Int, _ count: Int, PNGRowFilter.Neighbourhood) -> Void
  ) {
    let left = bytesPerPixel
    var offset = 0
    while offset < rowByteCount {
      let (x, b) = (row + offset, above + offset)
      let count = min(PNGRowFilter.Bytes.scalarCount, rowByteCount &- offset)
      body(
        offset, count,
        .init(
          x: Self.load(x, count: count), a: Self.load(x - left, count: count), b: Self.load(b, count: count),
          c: Self.load(b - left, count: count)))
      offset &+= count
    }
  }

  /// The first `count` bytes at `bytes`, zero in the remaining lanes.
  @inline(__always)
  private static func load(_ bytes: UnsafePointer<UInt8>, count: Int) -> PNGRowFilter.Bytes {
    if count == PNGRowFilter.Bytes.scalarCount {
      return UnsafeRawPointer(bytes).loadUnaligned(as: PNGRowFilter.Bytes.self)
    }
    var vector = PNGRowFilter.Bytes()
    for lane in 0..<count { vector[lane] = bytes[lane] }
    return vector
  }

  /// Stores the first `count` lanes of `vector` at `destination`.
  @inline(__always)
  private static func store(_ vector: PNGRowFilter.Bytes, count: Int, at destination: UnsafeMutablePointer<UInt8>) {
    if count == PNGRowFilter.Bytes.scalarCount {
      UnsafeMutableRawPointer(destination).storeBytes(of: vector, as: PNGRowFilter.Bytes.self)
    } else {
      for lane in 0..<count { destination[lane] = vector[lane] }
    }
  }
}

/// Each filter's cost over one row: the sum of the magnitudes of its filtered bytes read as signed
/// bytes (0...128).
private struct FilterCosts {
  // Running sums in 16-bit lanes, two bytes to a lane, so at most 256 per vector: folded into
  // `totals` (indexed by filter type) every 255 vectors, before a lane could overflow.
  private var none = SIMD8<UInt16>(), sub = SIMD8<UInt16>(), up = SIMD8<UInt16>()
  private var average = SIMD8<UInt16>(), paeth = SIMD8<UInt16>()
  private var vectorsInLanes = 0
  private var totals = SIMD8<Int>()

  @inline(__always)
  mutating func add(_ neighbourhood: PNGRowFilter.Neighbourhood) {
    none &+= Self.cost(PNGRowFilter.none.apply(to: neighbourhood))
    sub &+= Self.cost(PNGRowFilter.sub.apply(to: neighbourhood))
    up &+= Self.cost(PNGRowFilter.up.apply(to: neighbourhood))
    average &+= Self.cost(PNGRowFilter.average.apply(to: neighbourhood))
    paeth &+= Self.cost(PNGRowFilter.paeth.apply(to: neighbourhood))
    vectorsInLanes &+= 1
    if vectorsInLanes == 255 { fold() }
  }

  /// The filter with the lowest cost, the lowest type among equals.
  mutating func cheapest() -> PNGRowFilter {
    fold()
    var best = PNGRowFilter.none
    for filter in PNGRowFilter.allCases where totals[Int(filter.rawValue)] < totals[Int(best.rawValue)] {
      best = filter
    }
    return best
  }

  private mutating func fold() {
    for (filter, lanes) in [(PNGRowFilter.none, none), (.sub, sub), (.up, up), (.average, average), (.paeth, paeth)] {
      totals[Int(filter.rawValue)] += lanes.indices.reduce(0) { $0 + Int(lanes[$1]) }
    }
    (none, sub, up, average, paeth) = (.zero, .zero, .zero, .zero, .zero)
    vectorsInLanes = 0
  }

  /// Each byte's magnitude as a signed byte, |Int8(v)| = min(v, 256 − v), summed in adjacent pairs.
  @inline(__always)
  private static func cost(_ filtered: PNGRowFilter.Bytes) -> SIMD8<UInt16> {
    let negated = 0 &- filtered
    let magnitudes = filtered.replacing(with: negated, where: negated .< filtered)
    let pairs = unsafeBitCast(magnitudes, to: SIMD8<UInt16>.self)
    return (pairs & 0x00FF) &+ (pairs &>> 8)
  }
}
