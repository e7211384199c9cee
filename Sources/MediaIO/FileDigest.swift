import COpenSSL
import Foundation

/// A file's size and SHA-256, as a run records them for every output and `verify` and `merge` check them.
///
/// The digest is OpenSSL's (libcrypto's EVP interface), read through in fixed-size blocks, so a file of any
/// size costs one block of memory.
public struct FileDigest: Sendable, Equatable {
  /// The SHA-256 as 64 lowercase hexadecimal digits, as `sha256sum` prints it.
  public var sha256: String
  /// The file's length in bytes.
  public var size: Int

  public init(sha256: String, size: Int) {
    self.sha256 = sha256
    self.size = size
  }

  /// The bytes read per call to `read`.
  static let blockSize = 1 << 20

  /// Reads the file at `url` through and digests it.
  ///
  /// - Throws: what opening a ``RegularFile`` throws (nothing there, a folder, a link loop, no permission),
  ///   or ``MediaError/readFailed(path:detail:)`` when reading or digesting fails.
  public init(of url: URL) throws(MediaError) {
    let path = url.path
    let file = try RegularFile(path: path, allowingEmpty: true)
    guard let context = EVP_MD_CTX_new() else { throw .readFailed(path: path, detail: "EVP_MD_CTX_new failed") }
    defer { EVP_MD_CTX_free(context) }
    guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
      throw .readFailed(path: path, detail: "EVP_DigestInit_ex failed")
    }
    var block = [UInt8](repeating: 0, count: Self.blockSize)
    var size = 0
    while true {
      let count = block.withUnsafeMutableBytes { read(file.descriptor, $0.baseAddress!, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .readFailed(path: path, detail: String(cString: strerror(errno)))
      }
      if count == 0 { break }
      // Safe: `read` returned `count` ≤ `block.count` bytes, all initialised.
      let updated = block.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress!, count) }
      guard updated == 1 else { throw .readFailed(path: path, detail: "EVP_DigestUpdate failed") }
      size += count
    }
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else {
      throw .readFailed(path: path, detail: "EVP_DigestFinal_ex failed")
    }
    self.init(sha256: Self.hex(digest.prefix(Int(length))), size: size)
  }

  private static func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text = [UInt8]()
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
