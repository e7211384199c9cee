import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

/// Walks ``TransformRegistry/all``: every registered transform, built from its example recipe step, draws
/// with a seeded generator, is recorded as a manifest records it, and replays from the decoded record to
/// the very same output. A transform added to the registry is covered without touching this file.
@Suite struct TransformRegistryWalkTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let noiseBanks = repository.appendingPathComponent("noise-banks")
  static let rirBanks = repository.appendingPathComponent("rir-banks")

  /// Two seconds of a 220 Hz tone under a 3 Hz syllable envelope, so there is active speech to measure.
  static let speech = AudioBuffer(
    mono: (0..<32_000).map { i in
      let t = Double(i) / 16_000
      return Float(0.3 * max(0, sin(2 * Double.pi * 3 * t)) * sin(2 * Double.pi * 220 * t))
    }, sampleRate: 16_000)

  /// A 48 × 32 RGB gradient with some texture, mid-grey on average.
  static let picture = Image(
    width: 48, height: 32, layout: .rgb, bitDepth: .eight,
    pixels: (0..<(48 * 32 * 3)).map { i in
      let pixel = i / 3, x = pixel % 48, y = pixel / 48
      return Float((x * 5 + y * 3 + (i % 3) * 40 + (x * y) % 17) % 256) / 255
    })

  @Test(arguments: TransformRegistry.names)
  func replayFromTheManifestRecordIsByteIdentical(name: String) throws {
    let descriptor = try #require(TransformRegistry.descriptor(named: name))
    try Self.walk(descriptor)
  }

  private static func walk<Descriptor: TransformDescriptor>(_ descriptor: Descriptor.Type) throws {
    let input = try #require((speech as? Descriptor.Step.Input) ?? (picture as? Descriptor.Step.Input))
    #expect((Descriptor.modality == .audio) == (input is AudioBuffer))

    // The recipe step round-trips through a recipe's JSON under the transform's one name.
    let step = Descriptor.exampleStep
    let recipeJSON = try JSONEncoder().encode(step)
    let typeField = try JSONDecoder().decode([String: JSONValue].self, from: recipeJSON)["type"]
    #expect(typeField == .string(Descriptor.name))
    let decodedStep = try JSONDecoder().decode(TransformSpec.self, from: recipeJSON)
    #expect(decodedStep == step)

    // A counterpart parameter is one of the transform's keys, measured by a feature of its media.
    if let counterpart = Descriptor.example.counterpart {
      #expect(Descriptor.fields.contains { $0.key == counterpart.key })
      let features = Descriptor.modality == .audio ? AudioRealismFeatures.names : ImageRealismFeatures.names
      #expect(counterpart.mapping == .identity ? counterpart.feature == "mean-luminance" : features.contains(counterpart.feature))
    }

    // Built from the decoded recipe step, as a sample factory builds it.
    let context = TransformContext(noiseBanks: noiseBanks, impulseResponseBanks: rirBanks, sampleRate: 16_000)
    let transform = try decodedStep.makeStep(for: Descriptor.Step.Input.self, in: context)
    var rng = Xoshiro256StarStar(seed: 20_261_204)
    let (output, record) = try transform(input, using: &rng)
    #expect(record.name == Descriptor.name, "the manifest name is the recipe type")
    #expect(bits(of: output) != bits(of: input), "the example changes its input, so an unapplied replay cannot pass")

    // As the manifest writes the record, and as `augment replay` reads it back, in a fresh context.
    let line = try JSONLines.encoder().encode(record)
    let decoded = try JSONDecoder().decode(AppliedTransform.self, from: line)
    #expect(decoded == record)
    let replayed = try TransformRegistry.replay(
      decoded, on: input, in: TransformContext(noiseBanks: noiseBanks, impulseResponseBanks: rirBanks, sampleRate: 16_000))
    #expect(bits(of: replayed) == bits(of: output))
  }

  /// Every sample's bit pattern, so `-0` and `0` or two NaNs are told apart as bytes would be.
  private static func bits(of media: some Sendable) -> [UInt32] {
    switch media {
    case let audio as AudioBuffer: audio.channels.flatMap { $0.map(\.bitPattern) }
    case let image as Image: image.pixels.map(\.bitPattern)
    default: []
    }
  }

  /// Names are unique, and a record naming no registered transform, another media's transform, or
  /// parameters not its transform's, is refused.
  @Test func lookupRefusesWhatIsNotRegistered() throws {
    #expect(Set(TransformRegistry.names).count == TransformRegistry.all.count)
    let context = TransformContext()
    let unknown = try AppliedTransform(name: "telephone-channel", parameters: ["x": 1])
    #expect(throws: ReplayError.unknownTransform("telephone-channel")) {
      _ = try TransformRegistry.replay(unknown, on: Self.speech, in: context)
    }
    let gamma = try AppliedTransform(name: "gamma", parameters: Gamma.Parameters(gamma: 2))
    #expect(throws: ReplayError.wrongMedia(transform: "gamma", media: "AudioBuffer")) {
      _ = try TransformRegistry.replay(gamma, on: Self.speech, in: context)
    }
    let noise = try AppliedTransform(name: "background-noise", parameters: ["clip": "car/x.wav"])
    do {
      _ = try TransformRegistry.replay(noise, on: Self.speech, in: context)
      Issue.record("a record without the noise parameters was replayed")
    } catch ReplayError.unreadableParameters(let transform, let reason) {
      #expect(transform == "background-noise" && reason.contains("\"offset\""))
    }
  }
}
