import CDeflate
import Foundation

/// A PNG file taken apart without libpng: its chunks, with every CRC checked, its header, and the
/// filtered image data inflated from its IDAT chunks.
struct PNGStructure {
  struct Malformed: Error, CustomStringConvertible {
    let description: String
  }

  struct Chunk {
    let type: String
    let data: [UInt8]
  }

  let chunks: [Chunk]

  init(_ file: [UInt8]) throws {
    guard file.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
      throw Malformed(description: "no PNG signature")
    }
    var chunks: [Chunk] = []
    var offset = 8
    while offset < file.count {
      guard offset + 12 <= file.count else { throw Malformed(description: "a chunk is cut short at \(offset)") }
      let length = Int(Self.bigEndian(file, at: offset))
      let end = offset + 8 + length
      guard end + 4 <= file.count else { throw Malformed(description: "a chunk is cut short at \(offset)") }
      let typeAndData = Data(file[(offset + 4)..<end])
      guard CRC32.checksum(typeAndData) == Self.bigEndian(file, at: end) else {
        throw Malformed(description: "CRC mismatch in the chunk at \(offset)")
      }
      let type = String(decoding: file[(offset + 4)..<(offset + 8)], as: UTF8.self)
      chunks.append(Chunk(type: type, data: Array(file[(offset + 8)..<end])))
      offset = end + 4
    }
    self.chunks = chunks
  }

  init(contentsOf url: URL) throws {
    try self.init(Array(Data(contentsOf: url)))
  }

  /// IHDR's fields (PNG specification, section 11.2.2).
  var header: (width: UInt32, height: UInt32, bitDepth: UInt8, colourType: UInt8, methods: [UInt8])? {
    guard let ihdr = chunks.first, ihdr.type == "IHDR", ihdr.data.count == 13 else { return nil }
    let data = ihdr.data
    return (Self.bigEndian(data, at: 0), Self.bigEndian(data, at: 4), data[8], data[9], Array(data[10...]))
  }

  /// The zlib stream of all IDAT chunks, in order.
  var zlibStream: [UInt8] { chunks.filter { $0.type == "IDAT" }.flatMap(\.data) }

  /// The filtered image data: for each row, its filter type byte and its filtered bytes.
  func filteredImageData() throws -> [UInt8] {
    guard let header else { throw Malformed(description: "no IHDR first") }
    let channels: [UInt8: Int] = [0: 1, 2: 3, 4: 2, 6: 4]
    guard let channelCount = channels[header.colourType] else {
      throw Malformed(description: "colour type \(header.colourType)")
    }
    let rowBytes = Int(header.width) * channelCount * Int(header.bitDepth) / 8
    let count = Int(header.height) * (1 + rowBytes)
    let stream = zlibStream
    guard let decompressor = libdeflate_alloc_decompressor() else { throw Malformed(description: "out of memory") }
    defer { libdeflate_free_decompressor(decompressor) }
    var inflated = [UInt8](repeating: 0, count: count)
    var produced = 0
    let result = stream.withUnsafeBytes { input in
      inflated.withUnsafeMutableBytes { output in
        libdeflate_zlib_decompress(decompressor, input.baseAddress, input.count, output.baseAddress, count, &produced)
      }
    }
    guard result == LIBDEFLATE_SUCCESS, produced == count else {
      throw Malformed(description: "the zlib stream does not inflate to \(count) bytes (result \(result.rawValue))")
    }
    return inflated
  }

  /// The filter type of each row of `filteredImageData`.
  static func filterTypes(of filtered: [UInt8], rowBytes: Int) -> [UInt8] {
    stride(from: 0, to: filtered.count, by: 1 + rowBytes).map { filtered[$0] }
  }

  private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
  }
}
