import Foundation

/// L2-regularised logistic regression fitted by Newton's method, the classifier of the two-sample test.
///
/// Features are standardised on the training rows (mean and standard deviation); the objective is
/// `½‖w‖² + Σᵢ cᵢ · logloss(yᵢ, b + w·xᵢ)` with the intercept `b` unpenalised, as scikit-learn's
/// `LogisticRegression(C=1)` minimises it, and with `cᵢ` weighting each class to the same total (its
/// `class_weight="balanced"`), so that ten real members against a hundred samples are not outvoted.
/// The problem is strictly convex, so Newton's method converges in a handful of steps; each solves a
/// `(d+1)×(d+1)` system by Gaussian elimination with partial pivoting.
struct LogisticRegression {
  private let means: [Double]
  private let deviations: [Double]
  /// The intercept followed by one weight per feature.
  private let coefficients: [Double]

  init(rows: [[Double]], labels: [Bool]) {
    let n = rows.count, d = rows.first?.count ?? 0
    precondition(n == labels.count && n > 0, "one label per row")
    means = (0..<d).map { j in rows.reduce(0) { $0 + $1[j] } / Double(n) }
    deviations = (0..<d).map { [means] j in
      let variance = rows.reduce(0) { $0 + ($1[j] - means[j]) * ($1[j] - means[j]) } / Double(n)
      return variance > 0 ? variance.squareRoot() : 1
    }
    let x = rows.map { [means, deviations] row in [1] + row.indices.map { (row[$0] - means[$0]) / deviations[$0] } }
    let positives = Double(labels.filter { $0 }.count), negatives = Double(n) - positives
    let weights = labels.map { Double(n) / (2 * ($0 ? max(positives, 1) : max(negatives, 1))) }
    var beta = [Double](repeating: 0, count: d + 1)
    for _ in 0..<50 {
      var gradient = [Double](repeating: 0, count: d + 1)
      var hessian = [[Double]](repeating: [Double](repeating: 0, count: d + 1), count: d + 1)
      for j in stride(from: 1, through: d, by: 1) {
        gradient[j] = beta[j]
        hessian[j][j] = 1
      }
      for i in 0..<n {
        let p = Self.sigmoid(zip(beta, x[i]).reduce(0) { $0 + $1.0 * $1.1 })
        let residual = weights[i] * (p - (labels[i] ? 1 : 0)), curvature = weights[i] * p * (1 - p)
        for a in 0...d {
          gradient[a] += residual * x[i][a]
          for b in 0...d { hessian[a][b] += curvature * x[i][a] * x[i][b] }
        }
      }
      guard let step = Self.solve(hessian, gradient) else { break }
      for a in 0...d { beta[a] -= step[a] }
      if step.reduce(0, { max($0, abs($1)) }) < 1e-10 { break }
    }
    coefficients = beta
  }

  /// The log-odds that `row` belongs to the positive class.
  func score(_ row: [Double]) -> Double {
    var z = coefficients[0]
    for j in row.indices { z += coefficients[j + 1] * (row[j] - means[j]) / deviations[j] }
    return z
  }

  static func sigmoid(_ z: Double) -> Double { z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)) }

  /// `A⁻¹ b` by Gaussian elimination with partial pivoting; `nil` when `A` is singular.
  static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
    var a = matrix, b = vector
    let n = b.count
    for column in 0..<n {
      let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
      guard abs(a[pivot][column]) > 1e-300 else { return nil }
      a.swapAt(column, pivot)
      b.swapAt(column, pivot)
      for row in column + 1..<n {
        let factor = a[row][column] / a[column][column]
        guard factor != 0 else { continue }
        for k in column..<n { a[row][k] -= factor * a[column][k] }
        b[row] -= factor * b[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      let known = (row + 1..<n).reduce(0) { $0 + a[row][$1] * x[$1] }
      x[row] = (b[row] - known) / a[row][row]
    }
    return x
  }
}
