/// Ends the process with `message` so libFuzzer records the input as a crash.
///
/// Fuzz targets check properties every accepted input must have (sizes agree, values are finite, a parsed
/// value survives a round trip); a violated one is a bug as real as a memory error, so it aborts too.
public func fuzzFailure(_ message: String, file: StaticString = #file, line: UInt = #line) -> Never {
  fatalError(message, file: file, line: line)
}

/// Aborts with `message` unless `condition` holds; unlike `precondition`, also checked in optimised builds
/// built with `-Ounchecked`, and the message says which property failed.
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
