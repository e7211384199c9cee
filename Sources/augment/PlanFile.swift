import AugmentAnalysis
import AugmentPipeline
import ArgumentParser
import Foundation

/// The slices and counts of a `plan.json` written by `augment plan`.
enum PlanFile {
  static func entries(at path: String) throws -> [(slice: String, count: Int)] {
    guard let data = FileManager.default.contents(atPath: path) else {
      FileHandle.standardError.write(Data("error: \(path): no such plan file. Write one with `augment plan`.\n".utf8))
      throw ExitCode.missingInput
    }
    let plan: AugmentationPlan
    do {
      plan = try AugmentationPlan.decode(from: data)
    } catch {
      FileHandle.standardError.write(Data("error: \(path): not a plan written by `augment plan` (\(error)).\n".utf8))
      throw ExitCode.dataError
    }
    let largest = SliceRunRequest.countRange.upperBound
    if let entry = plan.entries.first(where: { !(0...largest).contains($0.count) }) {
      FileHandle.standardError.write(
        Data("error: \(path): the plan asks for \(entry.count) \(entry.slice) samples; a slice's count is 0 to \(largest). Write the plan again with `augment plan`.\n".utf8))
      throw ExitCode.dataError
    }
    return plan.entries.filter { $0.count > 0 }.map { ($0.slice, $0.count) }
  }
}
