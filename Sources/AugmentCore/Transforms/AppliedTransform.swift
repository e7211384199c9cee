import Foundation

/// What one transform did to one sample: its name and the exact parameters it applied.
public struct AppliedTransform: Sendable, Codable, Equatable {
  public let name: String
  public let parameters: JSONValue

  public init(name: String, parameters: some Encodable) throws {
    self.name = name
    self.parameters = try JSONValue(encoding: parameters)
  }

  /// The parameters as the transform's own type, for replay.
  public func decodeParameters<P: Decodable>(_ type: P.Type) throws -> P {
    try parameters.decode(type)
  }
}
