import FuzzSupport
import MediaIO

/// Audio files as `AudioFile` reads them: libsndfile's container and codec parsing (WAV, FLAC, AIFF, Ogg…)
/// behind the in-memory decoding path, the check for data shorter than the header claims, and the block
/// reading that must never trust a header's frame count.
///
/// Every input must either decode or throw a ``MediaError``; a decoded file must agree with its header and
/// hold exactly frames × channels samples.
private let scratch = ScratchFile()

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let url = scratch.holding(fuzzBytes(data, size))
  guard let decoded = readOrRefuse("AudioFile.read", { try AudioFile.read(from: url) }) else { return 0 }
  let buffer = decoded.buffer
  fuzzCheck(
    buffer.sampleRate > 0 && buffer.channelCount > 0 && buffer.frameCount > 0,
    "empty decode: \(buffer.sampleRate) Hz, \(buffer.channelCount) channels, \(buffer.frameCount) frames")
  fuzzCheck(buffer.channels.allSatisfy { $0.count == buffer.frameCount }, "channels of different lengths")
  do {
    let info = try AudioFile.info(at: url)
    fuzzCheck(
      info.sampleRate == buffer.sampleRate && info.channelCount == buffer.channelCount
        && info.frameCount == buffer.frameCount && info.format == decoded.format,
      "the header (\(info)) disagrees with the decoded audio "
        + "(\(buffer.sampleRate) Hz, \(buffer.channelCount) × \(buffer.frameCount))")
  } catch {
    fuzzFailure("a file that decodes has an unreadable header: \(error)")
  }
  return 0
}
