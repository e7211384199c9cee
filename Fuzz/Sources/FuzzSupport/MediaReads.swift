import MediaIO

/// What `read` returns, or `nil` when it refuses the input with a ``MediaError``: the only way a reader may
/// refuse a file. Any other error is a bug, and aborts naming `reader`.
public func readOrRefuse<Value>(_ reader: String, _ read: () throws -> Value) -> Value? {
  do {
    return try read()
  } catch is MediaError {
    return nil
  } catch {
    fuzzFailure("\(reader) threw \(type(of: error)), not a MediaError: \(error)")
  }
}

/// Checks what every decoded image must hold, whatever its format: a size within the readers' limits, and
/// width × height × channels samples.
public func checkImageShape(_ image: Image, file: StaticString = #file, line: UInt = #line) {
  fuzzCheck(
    image.width > 0 && image.height > 0 && image.width <= PNGFile.maximumDimension
      && image.height <= PNGFile.maximumDimension && image.width * image.height <= PNGFile.maximumPixelCount,
    "\(image.width)×\(image.height) is outside the reader's limits", file: file, line: line)
  fuzzCheck(
    image.pixels.count == image.width * image.height * image.channelCount,
    "\(image.pixels.count) samples for \(image.width)×\(image.height)×\(image.channelCount)", file: file, line: line)
}
