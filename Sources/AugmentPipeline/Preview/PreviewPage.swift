import AugmentCore
import Foundation

/// The HTML page: the run's identity and summary, a filter, and the cards, as one self-contained document.
///
/// Every reference is relative to the run folder and all style and script is inline, so the page works
/// opened from disk and fetches nothing. Text from the run is always escaped; the output depends only on
/// the records and the files, so the same run gives the same bytes.
struct PreviewPage {
  let records: RunRecords
  let cards: [PreviewCard]
  /// Media that exist but could not be read, with the reason.
  let failures: [PreviewMedia: String]
  let runFolder: URL

  func html() -> String {
    let slice = records.identities.first?.slice ?? records.accepted.first?.slice ?? runFolder.lastPathComponent
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTMLText.escape(slice)) · augment preview</title>
      <style>
      \(PreviewStyle.css)</style>
      </head>
      <body>

      """
    html += header(slice: slice)
    html += "<main>\n"
    for card in cards { html += self.card(card) }
    html += "</main>\n<script>\n\(PreviewStyle.script)</script>\n</body>\n</html>\n"
    return html
  }

  // MARK: Header

  private func header(slice: String) -> String {
    let shownAccepted = cards.count { $0.status == .accepted }
    let shownRejected = cards.count { $0.status == .rejected }
    var html = "<header>\n<h1>\(HTMLText.escape(slice)) <small>augment preview</small></h1>\n"
    for identity in records.identities {
      html += definitions(
        [
          ("dataset", code(identity.dataset)), ("seed", code("\(identity.seed)")),
          ("recipe", code(identity.recipeHash)), ("tool", code(identity.toolVersion)),
        ] + (identity.shard.map { [("shard", code($0.description))] } ?? []), class: "run")
    }
    var counts =
      "\(records.accepted.count) accepted \(plural(records.accepted.count, "pair"))"
      + " · \(records.rejected.count) rejected \(plural(records.rejected.count, "candidate"))"
    if shownAccepted < records.accepted.count || shownRejected < records.rejected.count {
      counts += " · showing the first \(shownAccepted) accepted and \(shownRejected) rejected"
    }
    html += "<p class=\"counts\">\(HTMLText.escape(counts))</p>\n"
    if records.summaries.isEmpty {
      html += "<p class=\"missing\">No summary.json: the run has not finished, or was stopped before writing it.</p>\n"
    }
    for summary in records.summaries { html += self.summary(summary) }
    html += """
      <nav class="filter">
      <button type="button" data-show="all" class="active">All (\(cards.count))</button>
      <button type="button" data-show="accepted">Accepted (\(shownAccepted))</button>
      <button type="button" data-show="rejected">Rejected (\(shownRejected))</button>
      </nav>
      </header>

      """
    return html
  }

  private func summary(_ summary: RunSummary) -> String {
    let rejected = summary.rejectedByRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    let skipped = summary.skippedSources.map { "\($0.source) (\($0.times)×): \($0.reason)" }
    var rows: [(String, String)] = [
      ("requested", "\(summary.requested)"), ("made", "\(summary.made)"),
      ("made by the last invocation", "\(summary.madeNow)"),
      ("rejected by rule", rejected.isEmpty ? "none" : rejected.joined(separator: ", ")),
      (
        "failed samples",
        summary.failedIndices.isEmpty ? "none" : summary.failedIndices.map(String.init).joined(separator: ", ")
      ),
      ("interrupted", summary.interrupted ? "yes" : "no"),
      ("time", String(format: "%.1f s, %.1f samples/s", summary.seconds, summary.samplesPerSecond)),
    ]
    if let shard = summary.shard { rows.insert(("shard", shard.description), at: 0) }
    if let realism = summary.realism { rows.append(("realism", String(realism.line.dropFirst("realism: ".count)))) }
    var html = definitions(rows.map { ($0.0, HTMLText.escape($0.1)) }, class: "summary")
    if !skipped.isEmpty { html += list("skipped sources", skipped) }
    if !summary.notes.isEmpty { html += list("notes", summary.notes) }
    return html
  }

  // MARK: Cards

  private func card(_ card: PreviewCard) -> String {
    var html = """
      <article class="card \(card.status.rawValue)" id="\(HTMLText.escape(card.anchor))" \
      data-status="\(card.status.rawValue)">
      <h2>\(HTMLText.escape(card.title)) <span class="status">\(card.status.rawValue)</span></h2>

      """
    html += definitions(card.facts.map { ($0.name, HTMLText.escape($0.value)) }, class: "facts")
    if let reason = card.reason { html += "<p class=\"reason\">\(HTMLText.escape(reason))</p>\n" }
    html += "<div class=\"pair\">\n"
    for (caption, media) in card.media { html += figure(caption: caption, media) }
    html += "</div>\n"
    html += transforms(card.transforms)
    html += checks(card.checks)
    return html + "</article>\n"
  }

  private func figure(caption: String, _ media: PreviewMedia) -> String {
    var html = "<figure>\n<figcaption>\(HTMLText.escape(caption)) \(code(media.path))</figcaption>\n"
    if let problem = media.problem ?? failures[media] {
      return html + "<p class=\"missing\">\(HTMLText.escape(problem))</p>\n</figure>\n"
    }
    guard let url = media.url else { return html + "</figure>\n" }
    let reference = HTMLText.escape(RelativeReference.from(runFolder, to: url))
    switch media.kind {
    case .image:
      html += "<img class=\"picture\" loading=\"lazy\" src=\"\(reference)\" alt=\"\(HTMLText.escape(media.path))\">\n"
    case .audio:
      html += "<audio controls preload=\"none\" src=\"\(reference)\"></audio>\n"
      if let spectrogram = media.spectrogram {
        html += """
          <img class="spectrogram" loading="lazy" src="\(HTMLText.escape(spectrogram))" \
          alt="spectrogram of \(HTMLText.escape(media.path)), 0 to \(Spectrogram.sampleRate / 2000) kHz">

          """
      }
    }
    return html + "</figure>\n"
  }

  /// Each transform with every parameter exactly as the manifest records it.
  private func transforms(_ transforms: [AppliedTransform]) -> String {
    guard !transforms.isEmpty else { return "<p class=\"none\">No transforms applied.</p>\n" }
    var html = "<ol class=\"transforms\">\n"
    for transform in transforms {
      html += "<li>\(code(transform.name))"
      if case .object(let parameters) = transform.parameters {
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
          html += " <span class=\"parameter\">\(HTMLText.escape(name)) = \(code(Self.json(value)))</span>"
        }
      } else {
        html += " \(code(Self.json(transform.parameters)))"
      }
      html += "</li>\n"
    }
    return html + "</ol>\n"
  }

  private func checks(_ checks: [Verdict]) -> String {
    guard !checks.isEmpty else { return "<p class=\"none\">No checklist values.</p>\n" }
    var html = """
      <table class="checks">
      <thead><tr><th>rule</th><th>kind</th><th>value</th><th>bounds</th><th>result</th><th>reason</th></tr></thead>
      <tbody>

      """
    for check in checks {
      let result = check.passed ? "pass" : "fail"
      html +=
        "<tr class=\"\(result)\"><td>\(code(check.rule))</td><td>\(check.kind.rawValue)</td>"
        + "<td>\(code(Self.number(check.value)))</td><td>\(HTMLText.escape(Self.bounds(check)))</td>"
        + "<td class=\"result\">\(result)</td><td>\(HTMLText.escape(check.reason))</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  // MARK: Pieces

  /// `<dl>` of name–value pairs; the values are HTML already.
  private func definitions(_ items: [(String, String)], class name: String) -> String {
    "<dl class=\"\(name)\">" + items.map { "<dt>\(HTMLText.escape($0.0))</dt><dd>\($0.1)</dd>" }.joined() + "</dl>\n"
  }

  private func list(_ title: String, _ items: [String]) -> String {
    "<details><summary>\(HTMLText.escape(title)) (\(items.count))</summary><ul>"
      + items.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul></details>\n"
  }

  private func code(_ text: String) -> String { "<code>\(HTMLText.escape(text))</code>" }

  private func plural(_ count: Int, _ word: String) -> String { count == 1 ? word : word + "s" }

  private static func bounds(_ check: Verdict) -> String {
    switch (check.minimum, check.maximum) {
    case (let low?, let high?): "\(number(low)) … \(number(high))"
    case (let low?, nil): "≥ \(number(low))"
    case (nil, let high?): "≤ \(number(high))"
    case (nil, nil): "none"
    }
  }

  /// The value as JSON writes it: integers without a fraction, others with every digit needed to read them back.
  static func number(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// A parameter value as compact JSON with sorted keys, numbers written as ``number(_:)`` writes them.
  static func json(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .integer(let value): String(value)
    case .unsignedInteger(let value): String(value)
    case .number(let value): number(value)
    case .string(let text): quoted(text)
    case .array(let items): "[" + items.map(json).joined(separator: ",") + "]"
    case .object(let members):
      "{" + members.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + json($0.value) }.joined(separator: ",")
        + "}"
    }
  }

  /// A JSON string literal.
  private static func quoted(_ text: String) -> String {
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      case "\r": quoted += "\\r"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted + "\""
  }
}
