import AugmentAnalysis
import ArgumentParser
import Foundation

/// The slices and counts of a `plan.json` written by `augment plan`.
enum PlanFile {
  static func entries(at path: String) throws -> [(slice: String, count: Int)] {
    guard let data = FileManager.default.contents(atPath: path) else {
      FileHandle.standardError.write(Data("error: \(path): no such plan file. Write one with `augment plan`.\n".utf8))
      throw ExitCode.missingInput
    }
    do {
      let plan = try AugmentationPlan.decode(from: data)
      return plan.entries.filter { $0.count > 0 }.map { ($0.slice, $0.count) }
    } catch {
      FileHandle.standardError.write(Data("error: \(path): not a plan written by `augment plan` (\(error)).\n".utf8))
      throw ExitCode.dataError
    }
  }
}
