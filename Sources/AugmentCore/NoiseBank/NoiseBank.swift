import Foundation
import MediaIO
import Synchronization

/// A folder of noise recordings, one sub-folder per category (`car-noise/`, `people-noise/`, …).
///
/// Opening a bank indexes it: every non-hidden file with an audio extension below a category folder
/// becomes a clip, named by its path relative to the root (`car-noise/idle-01.flac`), and its header is
/// read so that unreadable files are found at once. A bad file is reported in ``problems`` by name and
/// left out; it never stops the bank from opening. Files directly in the root and files with other
/// extensions (notes, licences) are not clips.
///
/// Clips are decoded on first use, down-mixed to mono by averaging their channels, resampled with
/// libsoxr (``MediaIO/Resampler``) to the rate asked for, and kept in a least-recently-used cache
/// bounded by `cacheBytes` of decoded clips (``NoiseClip/bytes``: the samples and 1/128 more for their
/// running energy). A clip larger than the whole bound is decoded for each request and never cached.
/// Many threads may ask for clips at once: each clip is decoded once while the others wait for it, and
/// different clips decode in parallel. A clip whose decoding fails later (for example a file cut short
/// after its header) is added to ``problems`` and the request throws;
/// it stays in ``clips(in:)`` so that which clip a seed draws never depends on what other threads
/// happened to decode first.
public final class NoiseBank: Sendable {
  /// The folder the bank was opened from.
  public let root: URL
  /// The rate clips are resampled to unless another is asked for.
  public let sampleRate: Int
  /// The category names, sorted.
  public let categories: [String]

  private let clipsByCategory: [String: [String]]
  private let knownClips: Set<String>
  private let state: Mutex<State>

  private struct Key: Hashable, Sendable {
    var clip: String
    var sampleRate: Int
  }

  /// One decode in progress; requests for the same clip wait on its lock.
  private final class PendingDecode: Sendable {
    let result = Mutex<Result<NoiseClip, MediaError>?>(nil)
  }

  private struct State: Sendable {
    var cache: ClipCache<Key, NoiseClip>
    var pending: [Key: PendingDecode] = [:]
    var problems: [MediaError]
  }

  /// The default bound of the decoded-clip cache: 256 MiB.
  public static let defaultCacheBytes = 256 << 20

  /// Indexes the bank at `root` for use at `sampleRate`.
  ///
  /// - Throws: ``NoiseBankError/notAFolder(path:)`` when `root` is not a folder. Bad clips do not throw.
  public init(root: URL, sampleRate: Int, cacheBytes: Int = NoiseBank.defaultCacheBytes) throws {
    precondition(
      MediaLimit.sampleRate.allowed.contains(sampleRate), "the bank's rate must be within MediaLimit.sampleRate")
    precondition(cacheBytes >= 0, "cache size cannot be negative")
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw NoiseBankError.notAFolder(path: root.path)
    }
    let index = NoiseBankIndex(root: root)
    self.root = root
    self.sampleRate = sampleRate
    self.categories = index.clipsByCategory.keys.sorted()
    self.clipsByCategory = index.clipsByCategory
    self.knownClips = Set(index.clipsByCategory.values.joined())
    self.state = Mutex(State(cache: ClipCache(capacity: cacheBytes), problems: index.problems))
  }

  /// The clips of `category`, sorted bank-relative paths; empty for an unknown category.
  public func clips(in category: String) -> [String] { clipsByCategory[category] ?? [] }

  /// The clips of `category`, or an error saying why there are none.
  public func requireClips(in category: String) throws(NoiseBankError) -> [String] {
    guard let clips = clipsByCategory[category] else {
      throw .unknownCategory(category, bank: root.path, available: categories)
    }
    guard !clips.isEmpty else { throw .emptyCategory(category, bank: root.path) }
    return clips
  }

  /// Every file left out of the bank or that failed to decode, each naming its path.
  public var problems: [MediaError] { state.withLock { $0.problems } }

  /// Bytes of decoded clips currently cached (``NoiseClip/bytes``).
  public var cachedBytes: Int { state.withLock { $0.cache.bytes } }

  /// The clip's samples, mono at the bank's rate.
  public func samples(for clip: String) throws -> [Float] {
    try samples(for: clip, sampleRate: sampleRate)
  }

  /// The clip's samples, mono at `sampleRate`.
  ///
  /// - Throws: ``NoiseBankError/unknownClip(_:bank:)`` for a clip the bank does not hold,
  ///   ``NoiseBankError/unsupportedSampleRate(_:bank:)`` for a rate outside ``MediaIO/MediaLimit/sampleRate``,
  ///   or the ``MediaIO/MediaError`` naming the file when it cannot be decoded (damaged, cut short, a
  ///   header outside ``MediaIO/MediaLimit``, NaN or infinite samples).
  public func samples(for clip: String, sampleRate: Int) throws -> [Float] {
    try decoded(clip, sampleRate: sampleRate).samples
  }

  /// The clip decoded, mono at `sampleRate`, with its peak and running energy.
  ///
  /// - Throws: as ``samples(for:sampleRate:)``.
  public func decoded(_ clip: String, sampleRate: Int) throws -> NoiseClip {
    guard knownClips.contains(clip) else { throw NoiseBankError.unknownClip(clip, bank: root.path) }
    // Checked before any clip is touched, so a bad rate is never blamed on (or recorded against) a clip.
    guard MediaLimit.sampleRate.allowed.contains(sampleRate) else {
      throw NoiseBankError.unsupportedSampleRate(sampleRate, bank: root.path)
    }
    let key = Key(clip: clip, sampleRate: sampleRate)
    enum Lookup { case cached(NoiseClip), pending(PendingDecode) }
    let lookup = state.withLock { state -> Lookup in
      if let decoded = state.cache.value(for: key) { return .cached(decoded) }
      if let pending = state.pending[key] { return .pending(pending) }
      let pending = PendingDecode()
      state.pending[key] = pending
      return .pending(pending)
    }
    switch lookup {
    case .cached(let decoded):
      return decoded
    case .pending(let pending):
      let result = pending.result.withLock { result in
        if let result { return result }
        let decoded = Result { () throws(MediaError) in try decode(clip, sampleRate: sampleRate) }
        result = decoded
        return decoded
      }
      state.withLock { state in
        guard state.pending[key] === pending else { return }
        state.pending[key] = nil
        switch result {
        case .success(let decoded):
          state.cache.insert(decoded, bytes: decoded.bytes, for: key)
        case .failure(let error):
          if !state.problems.contains(error) { state.problems.append(error) }
        }
      }
      return try result.get()
    }
  }

  /// Reads, down-mixes and resamples one clip.
  private func decode(_ clip: String, sampleRate: Int) throws(MediaError) -> NoiseClip {
    let url = root.appendingPathComponent(clip)
    let decoded: AudioFile.Decoded
    do {
      decoded = try AudioFile.read(from: url)
    } catch let error as MediaError {
      throw error
    } catch {
      throw .corrupt(path: url.path, detail: String(describing: error))
    }
    let mono = AudioBuffer(mono: SignalMath.average(of: decoded.buffer.channels), sampleRate: decoded.buffer.sampleRate)
    do {
      return NoiseClip(samples: try Resampler.resample(mono, to: sampleRate).channels[0])
    } catch {
      throw .unsupported(path: url.path, detail: "cannot resample from \(mono.sampleRate) Hz to \(sampleRate) Hz: \(error)")
    }
  }
}
