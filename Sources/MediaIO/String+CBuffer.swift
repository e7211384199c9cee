extension String {
  /// Decodes a NUL-terminated UTF-8 buffer filled in by a C function.
  init(nullTerminated buffer: [CChar]) {
    self = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
