/// The run-level realism measurement `summary.json` records under `realism`: how well a classifier tells
/// the accepted samples from the slice's real members (a two-sample classifier test; an AUC of 0.5 means
/// it cannot), with and without the realism gate.
enum RealismFigure: Decodable, Equatable {
  /// The summary says it was not measured; its `notes` say why.
  case notMeasured
  case measured(Measured)

  struct Measured: Decodable, Equatable {
    var auc: Double
    var aucInterval: [Double]
    var members: Int
    var accepted: Int
    var ungatedAUC: Double
    var ungatedAUCInterval: [Double]
    var features: [String]

    enum CodingKeys: String, CodingKey {
      case auc = "c2st_auc", aucInterval = "c2st_auc_ci", members, accepted
      case ungatedAUC = "ungated_c2st_auc", ungatedAUCInterval = "ungated_c2st_auc_ci", features
    }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      guard text == "not measured" else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "realism is “\(text)”, neither “not measured” nor a measurement")
      }
      self = .notMeasured
    } else {
      self = .measured(try container.decode(Measured.self))
    }
  }

  /// The `realism` key of a `summary.json`, absent in summaries written before realism was measured.
  struct InSummary: Decodable {
    let realism: RealismFigure?
  }
}
