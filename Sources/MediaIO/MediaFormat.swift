import Foundation

/// A media file's format, told from its first bytes (its "magic"), never from its name: a JPEG saved as
/// `photo.png` is a JPEG. Every part of the tool that needs to know whether a file is audio or an image,
/// or which decoder to use, asks this type.
public enum MediaFormat: String, Sendable, Codable, CaseIterable {
  case png, jpeg
  case wav, rf64, w64, flac, ogg, aiff, caf, au, mp3
  case webp, gif, bmp, tiff

  /// Whether a format holds sound or pictures.
  public enum Kind: String, Sendable, Codable {
    case audio, image
  }

  public var kind: Kind {
    switch self {
    case .png, .jpeg, .webp, .gif, .bmp, .tiff: .image
    case .wav, .rf64, .w64, .flac, .ogg, .aiff, .caf, .au, .mp3: .audio
    }
  }

  /// Why the tool cannot read a format it recognises, or `nil` when it reads it.
  public var unsupportedReason: String? {
    switch self {
    case .webp, .gif, .bmp, .tiff: "\(rawValue.uppercased()) images are not read; convert them to PNG or JPEG"
    default: nil
    }
  }

  /// How many leading bytes ``detect(_:)`` looks at.
  public static let signatureLength = 12

  /// The format whose signature starts `bytes`, or `nil` when none does.
  ///
  /// MP3 is recognised by an ID3v2 tag or by an MPEG audio frame header (11 sync bits, then a version,
  /// layer, bit rate and sample rate that are not reserved values), which is how decoders find a
  /// tagless stream.
  public static func detect(_ bytes: some Collection<UInt8>) -> MediaFormat? {
    let b = Array(bytes.prefix(signatureLength))
    func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
      b.count >= offset + signature.count && Array(b[offset..<offset + signature.count]) == signature
    }
    func starts(_ ascii: String, at offset: Int = 0) -> Bool { starts(Array(ascii.utf8), at: offset) }
    if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
    if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
    if starts("RIFF") || starts("RIFX") {
      if starts("WAVE", at: 8) { return .wav }
      if starts("WEBP", at: 8) { return .webp }
      return nil
    }
    if starts("RF64") || starts("BW64") { return .rf64 }
    if starts("riff") { return .w64 }
    if starts("fLaC") { return .flac }
    if starts("OggS") { return .ogg }
    if starts("FORM") && (starts("AIFF", at: 8) || starts("AIFC", at: 8)) { return .aiff }
    if starts("caff") { return .caf }
    if starts(".snd") || starts("dns.") { return .au }
    if starts("ID3") || isMPEGAudioFrameHeader(b) { return .mp3 }
    if starts("GIF87a") || starts("GIF89a") { return .gif }
    if starts("BM") { return .bmp }
    if starts("II*\0") || starts("MM\0*") { return .tiff }
    return nil
  }

  /// The format of the file at `url`, from its first bytes; `nil` when they match no known signature.
  ///
  /// - Throws: what opening a ``RegularFile`` throws (nothing there, a folder, a named pipe, a link loop,
  ///   an empty file), or ``MediaError/cannotOpen(path:reason:)`` when its first bytes cannot be read.
  public static func detect(at url: URL) throws(MediaError) -> MediaFormat? {
    let file = try RegularFile(path: url.path)
    var head = [UInt8](repeating: 0, count: signatureLength)
    // Safe: `pread` writes at most `head.count` bytes into `head`'s storage and returns how many it wrote.
    let count = head.withUnsafeMutableBytes { pread(file.descriptor, $0.baseAddress!, $0.count, 0) }
    guard count >= 0 else { throw .cannotOpen(path: url.path, reason: String(cString: strerror(errno))) }
    return detect(head.prefix(count))
  }

  /// What a file name's extension usually means: the guess for a file whose content cannot be read or
  /// matches no signature (a table row whose file is missing, a damaged header).
  public init?(fileExtension: String) {
    let known: [String: MediaFormat] = [
      "png": .png, "jpg": .jpeg, "jpeg": .jpeg, "jpe": .jpeg, "jfif": .jpeg,
      "wav": .wav, "wave": .wav, "rf64": .rf64, "w64": .w64, "flac": .flac, "ogg": .ogg, "oga": .ogg,
      "opus": .ogg, "aif": .aiff, "aiff": .aiff, "aifc": .aiff, "caf": .caf, "au": .au, "snd": .au,
      "mp3": .mp3, "webp": .webp, "gif": .gif, "bmp": .bmp, "tif": .tiff, "tiff": .tiff,
    ]
    guard let format = known[fileExtension.lowercased()] else { return nil }
    self = format
  }

  /// The format of the file at `url` by its content when that is recognised, else by its extension:
  /// what a file is meant to be, so that a damaged or missing one is reported by the reader it was meant for.
  public static func judge(_ url: URL) -> MediaFormat? {
    (try? detect(at: url)) ?? MediaFormat(fileExtension: url.pathExtension)
  }

  private static func isMPEGAudioFrameHeader(_ b: [UInt8]) -> Bool {
    guard b.count >= 3, b[0] == 0xFF, b[1] & 0xE0 == 0xE0 else { return false }
    let version = (b[1] >> 3) & 0b11, layer = (b[1] >> 1) & 0b11
    let bitRate = b[2] >> 4, sampleRate = (b[2] >> 2) & 0b11
    return version != 0b01 && layer != 0b00 && bitRate != 0b1111 && sampleRate != 0b11
  }
}
