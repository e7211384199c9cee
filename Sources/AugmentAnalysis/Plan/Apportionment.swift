/// Splits a whole number in proportion to weights by the largest-remainder (Hamilton) method: every part gets
/// the whole part of its quota, and the units left over go to the largest fractional remainders, so the parts
/// always add up to exactly the total. Equal remainders go to the earlier weight.
enum Apportionment {
  /// - Precondition: `total >= 0`, weights non-negative with a positive sum.
  static func largestRemainder(total: Int, weights: [Double]) -> [Int] {
    let sum = weights.reduce(0, +)
    let quotas = weights.map { Double(total) * $0 / sum }
    var parts = quotas.map { Int($0.rounded(.down)) }
    let leftOver = total - parts.reduce(0, +)
    let byRemainder = quotas.indices.sorted { a, b in
      let remainderA = quotas[a] - quotas[a].rounded(.down)
      let remainderB = quotas[b] - quotas[b].rounded(.down)
      return remainderA != remainderB ? remainderA > remainderB : a < b
    }
    for index in byRemainder.prefix(leftOver) { parts[index] += 1 }
    return parts
  }
}
