import CDeflate

/// Encodes an ``Image`` as the bytes of a PNG file, compressing with libdeflate.
///
/// libpng can compress only through zlib's streaming deflate, which took 85–90% of the time of
/// writing a photo; libdeflate compresses the whole image data in one call, 2.5–4× faster at the
/// same level on 512×512 images. So the file is built here: the signature, IHDR, the zlib stream in
/// IDAT chunks, and IEND (PNG specification, sections 5 and 11.2), non-interlaced, in the image's own
/// colour type and bit depth, with each row filtered as libpng would filter it
/// (``PNGScanlines/filtered()``).
enum PNGEncoder {
  /// The compression levels accepted, with zlib's meaning: 0 stores, 1 is fastest, 9 smallest.
  static let compressionLevels = 0...9

  /// Why an image could not be encoded.
  struct Failure: Error {
    let reason: String
  }

  /// The most bytes of the zlib stream one IDAT chunk holds. Any split decodes the same; 1 MiB keeps
  /// typical images in one chunk and any image within the 2³¹ − 1 bytes a chunk may hold.
  static let maximumIDATLength = 1 << 20

  /// The PNG file of `image`, its samples rounded to the nearest level of its bit depth.
  static func encode(_ image: Image, compressionLevel: Int) throws(Failure) -> [UInt8] {
    guard compressionLevels.contains(compressionLevel) else {
      throw Failure(
        reason: "compression level \(compressionLevel) is outside "
          + "\(compressionLevels.lowerBound)…\(compressionLevels.upperBound)")
    }
    // One compressor per image: allocating and freeing one takes about 2 µs against 13–27 ms to
    // compress a 512×512 photo, and reusing one measured no faster.
    guard let compressor = DeflateCompressor(level: compressionLevel) else {
      throw Failure(reason: "not enough memory for the compressor")
    }
    let stream = compressor.zlibCompress(PNGScanlines(image).filtered())
    var file = signature
    let idatCount = (stream.count + maximumIDATLength - 1) / maximumIDATLength
    file.reserveCapacity(signature.count + (2 + idatCount) * 12 + 13 + stream.count)
    file.appendChunk("IHDR", header(of: image))
    for start in stride(from: 0, to: stream.count, by: maximumIDATLength) {
      file.appendChunk("IDAT", stream[start..<min(start + maximumIDATLength, stream.count)])
    }
    file.appendChunk("IEND", [])
    return file
  }

  /// The eight bytes every PNG file starts with (section 5.2).
  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  /// IHDR's data (section 11.2.2): width, height, bit depth, colour type, then compression method 0,
  /// filter method 0 and no interlacing.
  private static func header(of image: Image) -> [UInt8] {
    var data: [UInt8] = []
    data.appendBigEndian(UInt32(image.width))
    data.appendBigEndian(UInt32(image.height))
    data += [UInt8(image.bitDepth.rawValue), colourType(image.layout), 0, 0, 0]
    return data
  }

  /// The colour type of each layout (section 11.2.2, table 11.1).
  private static func colourType(_ layout: Image.Layout) -> UInt8 {
    switch layout {
    case .gray: 0
    case .rgb: 2
    case .grayAlpha: 4
    case .rgba: 6
    }
  }
}

extension [UInt8] {
  /// Appends a chunk: the data's length, the chunk type, the data, and the CRC-32 of type and data
  /// (section 5.3).
  fileprivate mutating func appendChunk(_ type: String, _ data: some Collection<UInt8>) {
    appendBigEndian(UInt32(data.count))
    let start = count
    append(contentsOf: type.utf8)
    append(contentsOf: data)
    let crc = withUnsafeBufferPointer { libdeflate_crc32(0, $0.baseAddress! + start, $0.count - start) }
    appendBigEndian(crc)
  }

  fileprivate mutating func appendBigEndian(_ value: UInt32) {
    Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
  }
}
