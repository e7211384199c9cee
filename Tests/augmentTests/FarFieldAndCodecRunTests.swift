import AugmentCore
import AugmentPipeline
import Foundation
import MediaIO
import Testing

/// The far-field and codec slices run end to end on the shipped samples, banks and real members, each
/// output measured back from its file.
@Suite(.serialized) struct FarFieldAndCodecRunTests {
  static let rirBanks = AugmentCLI.root.appendingPathComponent("rir-banks").path

  static func run(_ slice: String, count: Int, out: String, extra: [String] = []) throws -> AugmentCLI.Output {
    try AugmentCLI.run(
      ["--slice", slice, "--count", "\(count)", "--dataset", AugmentCLI.sample("errors-speech.csv"),
       "--noise-banks", AugmentCLI.noiseBanks, "--rir-banks", rirBanks, "--out", out, "--seed", "7"] + extra)
  }

  /// The files of the shipped speech table's rows tagged `slice`.
  static func members(_ slice: String) throws -> [AudioBuffer] {
    try String(contentsOfFile: AugmentCLI.sample("errors-speech.csv"), encoding: .utf8)
      .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      .filter { $0.last!.split(separator: ";").contains(Substring(slice)) }
      .map { try AudioFile.read(from: URL(fileURLWithPath: AugmentCLI.sample(String($0[1])))).buffer }
  }

  /// The members' blind RT60 range, measured here from the files, widened by the calibration's margin.
  static func memberRT60Bounds() throws -> ParameterRange {
    let estimates = try members("far-field").compactMap {
      BlindReverberationTime.estimate($0.channels[0], sampleRate: $0.sampleRate)?.seconds
    }
    #expect(estimates.count >= 3, "too few far-field members with a blind RT60: \(estimates)")
    let margin = ReverberationCalibration.margin
    return ParameterRange(max(try #require(estimates.min()) - margin, 0), try #require(estimates.max()) + margin)
  }

  /// Far-field samples: every room drawn has an RT60 inside the members' blind range (with margin), each
  /// output's own blind RT60 lies in it too, and the outputs are their sources plus the drawn decay.
  @Test func farFieldOutputsAreAsReverberantAsTheMembers() throws {
    let bounds = try Self.memberRT60Bounds()
    let folder = try TemporaryFolder()
    let out = folder.path("far")
    let result = try Self.run("far-field", count: 12, out: out)
    // The recipe keeps 0.4–0.8 s of the room's decay past the source's end, so the pauses hold the room as
    // the members' do. A sample whose sources all run out of redraws is reported, and the run exits 65.
    let records = try SliceRunTests.manifest(out)
    #expect(records.count >= 11, "\(result.stderr)")
    #expect((result.status == 0) == (records.count == 12), "\(result.stderr)")
    for record in records {
      #expect(record.transforms.map(\.name) == ["impulse-response", "background-noise", "loudness"])
      let room = try record.transforms[0].decodeParameters(ImpulseResponse.Parameters.self)
      #expect(bounds.contains(room.rt60Seconds), "\(record.id): room \(room.impulseResponse) RT60 \(room.rt60Seconds) s")
      let output = try AudioFile.read(from: URL(fileURLWithPath: out).appendingPathComponent(record.output)).buffer
      let source = try AudioFile.read(from: URL(fileURLWithPath: AugmentCLI.sample(record.source))).buffer
      let tail = try #require(room.tailFrames)
      #expect((1...12_800).contains(tail), "\(record.id): \(tail) frames of decay kept")
      #expect(output.frameCount == source.frameCount + tail)
      let measured = try #require(BlindReverberationTime.estimate(output.channels[0], sampleRate: output.sampleRate))
      #expect(bounds.contains(measured.seconds), "\(record.id): output blind RT60 \(measured.seconds) s, members \(bounds)")
      #expect(record.checks["blind-rt60-s"]?.passed == true)
    }
  }

  /// Codec samples: a telephone band, then Opus, with its bitrate recorded near what the compression level
  /// aims at, and next to no energy left above the band in the output file. A second process makes the
  /// same files and manifest byte for byte, although libsndfile gives each Ogg stream a serial number
  /// drawn from the clock: nothing written depends on it.
  @Test func codecOutputsAreNarrowBandOpusAtALowBitrate() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("codec")
    let result = try Self.run("codec", count: 10, out: out)
    #expect(result.status == 0, "\(result.stderr)")
    let again = folder.path("again")
    #expect(try Self.run("codec", count: 10, out: again).status == 0)
    #expect(try SliceRunTests.contents(of: out) == SliceRunTests.contents(of: again))
    let records = try SliceRunTests.manifest(out)
    #expect(records.count == 10)
    for record in records {
      #expect(record.transforms.map(\.name) == ["telephone", "codec"])
      let coded = try record.transforms[1].decodeParameters(Codec.Parameters.self)
      let level = try #require(coded.compressionLevel)
      #expect(coded.codec == .opus && coded.codecRate == 16_000 && (0.92...0.97).contains(level))
      let target = Double(AudioCodec.opus.nominalBitrate(sampleRate: 16_000, channels: 1, compressionLevel: level))
      // libopus varies the rate with the signal; the Ogg pages add their headers on top.
      #expect(coded.bitrate > 0.5 * target && coded.bitrate < 2 * target, "\(record.id): \(coded.bitrate) bit/s for \(target)")
      let output = try AudioFile.read(from: URL(fileURLWithPath: out).appendingPathComponent(record.output)).buffer
      #expect(Self.fractionAbove(4_000, output.channels[0], sampleRate: output.sampleRate) < 1e-3)
    }
  }

  /// The fraction of the signal's energy above `cutoff`, through an 8th-order Butterworth high-pass.
  static func fractionAbove(_ cutoff: Double, _ samples: [Float], sampleRate: Int) -> Double {
    var high = samples
    Biquad.butterworthHighPass(order: 8, cutoff: cutoff, sampleRate: sampleRate).apply(to: &high)
    let energy = { (x: [Float]) in x.reduce(0.0) { $0 + Double($1) * Double($1) } }
    return energy(high) / energy(samples)
  }
}
