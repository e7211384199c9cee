import AugmentPipeline
import ArgumentParser
import Foundation

/// `augment merge DIR`: join the shards of a sharded run into one manifest and summary.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Join the manifests of a sharded run (--shard K/N) into one manifest.jsonl and summary.json.",
    discussion: """
      Checks that every shard ran, that no sample index is missing or repeated, and that every output file \
      is there with the size and SHA-256 its manifest line records. If not, nothing is written and the shards \
      to run again are listed (exit status 65). While a shard of the folder runs, the merge is refused (exit \
      status 73), and no shard starts while the merge runs.
      """)

  @Argument(help: "The folder the shards wrote to.")
  var folder: String

  func run() throws {
    let result = try reportingErrors { try ShardMerger.merge(folder: URL(fileURLWithPath: folder)) }
    print("merged \(result.shardCount) shards: \(result.merged) of \(result.requested) samples in \(folder)/manifest.jsonl")
    if !result.failedIndices.isEmpty {
      print("  no acceptable sample for indices \(result.failedIndices.prefix(20).map(String.init).joined(separator: ", "))")
    }
  }
}
