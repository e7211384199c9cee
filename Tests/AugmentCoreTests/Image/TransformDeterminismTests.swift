import MediaIO
import Testing

@testable import AugmentCore

@Suite struct TransformDeterminismTests {
  /// The same seed draws the same parameters and gives the same output; the record replays to it;
  /// another sample index draws differently.
  static func check<T: Transform>(_ transform: T, on image: Image) throws where T.Input == Image {
    var first = Xoshiro256StarStar.forSample(seed: 2024, index: 7)
    var second = Xoshiro256StarStar.forSample(seed: 2024, index: 7)
    let a = try transform(image, using: &first)
    let b = try transform(image, using: &second)
    #expect(a.output == b.output)
    #expect(a.record == b.record)
    #expect(a.record.name == T.name)
    #expect(try transform.replay(a.record, on: image) == a.output)
    var other = Xoshiro256StarStar.forSample(seed: 2024, index: 8)
    #expect(try transform.sampleParameters(for: image, using: &other) != a.record.decodeParameters(T.Parameters.self))
  }

  @Test func everyImageTransformIsReproducible() throws {
    let image = ReferenceImages.withAlpha(ReferenceImages.rgb8(), variant: 0)
    try Self.check(BrightnessContrast(pivot: .mean), on: image)
    try Self.check(Gamma(), on: image)
    try Self.check(GaussianBlur(threads: 2), on: image)
    try Self.check(MotionBlur(), on: image)
    try Self.check(DefocusBlur(), on: image)
    try Self.check(Glare(), on: image)
  }

  /// Drawn values land in the configured ranges, and the record holds them exactly.
  @Test func drawsStayInRangeAndAreRecordedExactly() throws {
    let image = ReferenceImages.rgb8()
    let blur = MotionBlur(length: 5...6, angle: 10...20)
    for index in 0..<50 {
      var rng = Xoshiro256StarStar.forSample(seed: 1, index: index)
      let (_, record) = try blur(image, using: &rng)
      let parameters = try record.decodeParameters(MotionBlur.Parameters.self)
      #expect((5...6).contains(parameters.length) && (10...20).contains(parameters.angle))
      var again = Xoshiro256StarStar.forSample(seed: 1, index: index)
      #expect(parameters == (try blur.sampleParameters(for: image, using: &again)))
    }
  }
}
