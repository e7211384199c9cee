import Foundation

/// A stretch of a noise clip as long as the signal it will be mixed with.
///
/// A clip at least as long as the span is cut from `offset`. A shorter clip is looped: copies of the
/// whole clip follow each other every `clip − crossfade` frames, the first placed so that frame
/// `offset` of the clip lands at frame 0, and each copy fades in over the last `crossfade` frames of
/// the one before with an equal-power crossfade (`sin` in, `cos` out, so `in² + out² = 1` and
/// uncorrelated noise keeps its power through the seam).
public enum NoiseTrack {
  /// Whether a clip of `clipLength` frames must loop to cover `length` frames.
  public static func needsLoop(clipLength: Int, length: Int) -> Bool { clipLength < length }

  /// Offsets that are valid for a clip: `0..<(clip − length + 1)` when cutting,
  /// `0..<(clip − crossfade)` when looping (so frame 0 falls before the first seam).
  public static func offsetCount(clipLength: Int, length: Int, crossfade: Int) -> Int {
    needsLoop(clipLength: clipLength, length: length) ? clipLength - crossfade : clipLength - length + 1
  }

  /// The largest crossfade a clip supports: half its length, so no more than two copies ever overlap.
  public static func maximumCrossfade(clipLength: Int) -> Int { clipLength / 2 }

  /// `length` frames of `clip` from `offset`, looped with `crossfade`-frame seams when the clip is shorter.
  ///
  /// - Precondition: `offset < offsetCount(…)` and, when looping, `0 < crossfade ≤ maximumCrossfade(…)`.
  public static func make(from clip: [Float], offset: Int, length: Int, crossfade: Int) -> [Float] {
    let clipLength = clip.count
    precondition(offset >= 0 && offset < offsetCount(clipLength: clipLength, length: length, crossfade: crossfade))
    guard needsLoop(clipLength: clipLength, length: length) else {
      return Array(clip[offset..<(offset + length)])
    }
    precondition(crossfade > 0 && crossfade <= maximumCrossfade(clipLength: clipLength))
    let fadeIn = (0..<crossfade).map { Float(sin(Double.pi / 2 * (Double($0) + 0.5) / Double(crossfade))) }
    let fadeOut = Array(fadeIn.reversed())
    var track = [Float](repeating: 0, count: length)
    track.withUnsafeMutableBufferPointer { output in
      clip.withUnsafeBufferPointer { source in
        var start = -offset
        var isFirst = true
        while start < length {
          let bodyStart = isFirst ? 0 : crossfade
          if !isFirst { add(source, from: 0, weights: fadeIn, into: output, at: start) }
          copy(source, range: bodyStart..<(clipLength - crossfade), into: output, at: start)
          add(source, from: clipLength - crossfade, weights: fadeOut, into: output, at: start)
          start += clipLength - crossfade
          isFirst = false
        }
      }
    }
    return track
  }

  /// Calls `body` with the track ``make(from:offset:length:crossfade:)`` builds, without copying the clip
  /// when it is long enough to be cut: then the track is a view of the clip's own storage.
  public static func withTrack<Result>(
    from clip: [Float], offset: Int, length: Int, crossfade: Int,
    _ body: (UnsafeBufferPointer<Float>) throws -> Result
  ) rethrows -> Result {
    guard needsLoop(clipLength: clip.count, length: length) else {
      precondition(offset >= 0 && offset < offsetCount(clipLength: clip.count, length: length, crossfade: crossfade))
      return try clip.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[offset..<(offset + length)])) }
    }
    return try make(from: clip, offset: offset, length: length, crossfade: crossfade).withUnsafeBufferPointer(body)
  }

  /// Where each seam's crossfade begins in a looped track (empty when the clip is not looped).
  public static func seamStarts(clipLength: Int, offset: Int, length: Int, crossfade: Int) -> [Int] {
    guard needsLoop(clipLength: clipLength, length: length) else { return [] }
    let period = clipLength - crossfade
    return Array(stride(from: period - offset, to: length, by: period))
  }

  /// Copies `source[range]` to the track frames `start + range`, skipping frames outside the track.
  private static func copy(
    _ source: UnsafeBufferPointer<Float>, range: Range<Int>, into output: UnsafeMutableBufferPointer<Float>, at start: Int
  ) {
    let lower = max(range.lowerBound, -start), upper = min(range.upperBound, output.count - start)
    guard lower < upper else { return }
    (output.baseAddress! + start + lower).update(from: source.baseAddress! + lower, count: upper - lower)
  }

  /// Adds `weights[k] × source[first + k]` to track frame `start + first + k`, skipping frames outside the track.
  private static func add(
    _ source: UnsafeBufferPointer<Float>, from first: Int, weights: [Float],
    into output: UnsafeMutableBufferPointer<Float>, at start: Int
  ) {
    let lower = max(0, -(start + first)), upper = min(weights.count, output.count - start - first)
    guard lower < upper else { return }
    for k in lower..<upper { output[start + first + k] += weights[k] * source[first + k] }
  }
}
