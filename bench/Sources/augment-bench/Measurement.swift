import Foundation

/// One timed run of a workload, printed as a JSON line with the same keys the peers' scripts print.
struct Measurement: Encodable {
  let workload: String
  let implementation = "augment"
  let jobs: Int
  /// Files (or pairs, or kernel calls) processed.
  let files: Int
  /// Wall-clock seconds from before the first file to after the last.
  let seconds: Double
  let filesPerSecond: Double
  /// Processor seconds, user and system, over all threads.
  let cpuSeconds: Double
  /// The median duration of one metric or kernel call, where the workload times calls on their own.
  let callMillisecondsMedian: Double?
  /// The process's peak resident set size (`VmHWM`) when the measurement was taken.
  let peakRssMegabytes: Double
  /// The mean size of the files written, in kilobytes (1000 bytes), where encoders differ in how
  /// much they compress.
  var outputKilobytesPerFile: Double?

  init(workload: String, jobs: Int, files: Int, timing: ParallelFiles.Timing) {
    self.workload = workload
    self.jobs = jobs
    self.files = files
    seconds = timing.seconds
    filesPerSecond = Double(files) / timing.seconds
    cpuSeconds = timing.cpuSeconds
    callMillisecondsMedian = timing.callMilliseconds.median
    peakRssMegabytes = ProcessUsage.peakMegabytes()
  }

  /// Sets ``outputKilobytesPerFile`` from the sizes of `files`.
  mutating func measureOutputs(_ files: [URL]) throws {
    let bytes = try files.reduce(0) { total, file in
      total + (try file.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0)
    }
    outputKilobytesPerFile = files.isEmpty ? nil : Double(bytes) / 1000 / Double(files.count)
  }

  /// Writes the measurement to standard output as one line of JSON with snake_case keys.
  func report() throws {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = .sortedKeys
    print(String(decoding: try encoder.encode(self), as: UTF8.self))
  }
}
