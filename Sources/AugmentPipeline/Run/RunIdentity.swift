/// What makes two runs the same run: a folder may only be resumed by a run with the same identity.
public struct RunIdentity: Sendable, Equatable, Codable {
  public var slice: String
  public var seed: UInt64
  public var recipeHash: String
  public var dataset: String
  public var shard: Shard?
  public var toolVersion: String

  enum CodingKeys: String, CodingKey {
    case slice, seed, dataset, shard
    case recipeHash = "recipe_hash", toolVersion = "tool_version"
  }
}

/// Shard `index` of `count`: the sample indices `i` with `i mod count == index`.
public struct Shard: Sendable, Equatable, Codable, CustomStringConvertible {
  public var index: Int
  public var count: Int

  public init(index: Int, count: Int) throws {
    guard count >= 1, (0..<count).contains(index) else { throw RunError.invalidShard("\(index)/\(count)") }
    self.index = index
    self.count = count
  }

  /// Parses `K/N`.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw RunError.invalidShard(text)
    }
    try self.init(index: index, count: count)
  }

  public func contains(_ sampleIndex: Int) -> Bool { sampleIndex % count == index }

  public var description: String { "\(index)/\(count)" }
}
