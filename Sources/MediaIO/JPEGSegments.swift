/// The marker segments at the head of a JPEG file, up to its first scan: where the Exif block and the
/// quantisation tables are. Reading is bounded by the bytes given; a segment whose length runs past them
/// ends the walk, so damaged or hostile headers yield fewer segments, never a read out of bounds.
struct JPEGSegments: Sequence {
  /// One marker segment: the marker's second byte (`0xE1` for APP1, `0xDB` for DQT) and its payload,
  /// the bytes after the two length bytes.
  struct Segment {
    var marker: UInt8
    var payload: ArraySlice<UInt8>
  }

  static let app1: UInt8 = 0xE1
  static let defineQuantizationTables: UInt8 = 0xDB

  let bytes: [UInt8]

  func makeIterator() -> Iterator { Iterator(bytes: bytes) }

  struct Iterator: IteratorProtocol {
    let bytes: [UInt8]
    /// Just past the start-of-image marker; `nil` once the walk has ended.
    var position: Int?

    init(bytes: [UInt8]) {
      self.bytes = bytes
      position = bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8 ? 2 : nil
    }

    mutating func next() -> Segment? {
      while var at = position {
        guard at < bytes.count, bytes[at] == 0xFF else { return end() }
        while at < bytes.count, bytes[at] == 0xFF { at += 1 }  // fill bytes before a marker
        guard at < bytes.count else { return end() }
        let marker = bytes[at]
        at += 1
        // Standalone markers carry no length: TEM and the restart markers.
        if marker == 0x01 || (0xD0...0xD7).contains(marker) {
          position = at
          continue
        }
        // Start of scan and end of image: no header segments follow that this reader needs.
        guard marker != 0xDA, marker != 0xD9, at + 2 <= bytes.count else { return end() }
        let length = Int(bytes[at]) << 8 | Int(bytes[at + 1])
        guard length >= 2, at + length <= bytes.count else { return end() }
        position = at + length
        return Segment(marker: marker, payload: bytes[(at + 2)..<(at + length)])
      }
      return nil
    }

    private mutating func end() -> Segment? {
      position = nil
      return nil
    }
  }
}
