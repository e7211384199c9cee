import ArgumentParser

/// Our side of each benchmark workload, run over a folder of inputs. Each command prints one JSON line
/// (``Measurement``) that `bench/drive.py` collects next to the peers' lines.
@main
struct AugmentBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "augment-bench",
    abstract: "Time augment's transforms, metrics and file I/O on a folder of inputs.",
    subcommands: [
      AudioEndToEnd.self, AudioIO.self, ImageEndToEnd.self, ImageIO.self, STOIPairs.self, SSIMPairs.self,
      Kernels.self, AudioKernels.self,
    ])
}
