import AugmentPipeline
import Foundation
import Testing

/// `augment recipes --transforms` lists the registry: every transform's name, and every key with the range
/// the recipe-file check holds it to.
@Suite struct TransformListTests {
  @Test func everyRegisteredTransformAndKeyIsListed() throws {
    let result = try AugmentCLI.run(["recipes", "--transforms"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let headers = lines.filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != " " }) }
    #expect(headers == TransformRegistry.names)
    #expect(lines.contains("    snr_db: [low, high] in -30 to 60 dB, required; the SNR drawn"))
    #expect(lines.contains("    example: telephone: band 250…350–3000…3600 Hz, through 8 kHz, 8-bit μ-law with probability 0.5"))
    let refused = try AugmentCLI.run(["recipes", "--transforms", "--json"])
    #expect(refused.status == 64)
  }
}
