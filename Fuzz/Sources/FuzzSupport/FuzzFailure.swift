/// Ends the process with `message` so libFuzzer records the input as a crash.
///
/// Fuzz targets check properties every accepted input must have (sizes agree, samples are levels, a parsed
/// value survives a round trip); a violated one is a bug as real as a memory error, so it aborts too.
public func fuzzFailure(_ message: String, file: StaticString = #file, line: UInt = #line) -> Never {
  fatalError(message, file: file, line: line)
}

/// Aborts with `message`, which names the property, unless `condition` holds (in every build mode).
public func fuzzCheck(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #file,
  line: UInt = #line
) {
  if !condition() { fuzzFailure(message(), file: file, line: line) }
}

/// libFuzzer's input as a buffer (libFuzzer passes a null pointer for the empty input).
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeRawBufferPointer {
  UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
}
