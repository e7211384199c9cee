import AugmentCore
import Foundation

/// The HTML page: the run's identity and summary, its realism figure, a strip of the slice's real members,
/// the sort and filter controls, and the cards, as one self-contained document.
///
/// Every reference is relative to the run folder and all style and script is inline, so the page works
/// opened from disk and fetches nothing; media are referenced where they lie, never copied. Text from the
/// run is always escaped; the output depends only on the records and the files, so the same run gives the
/// same bytes.
struct PreviewPage {
  let slice: String
  let records: RunRecords
  let cards: [PreviewCard]
  /// The real members shown at the top, of `membersTotal` tagged rows.
  let members: [RealMembers.Member]
  let membersTotal: Int
  /// Why the table's members could not be read, when they could not.
  let membersProblem: String?
  /// Clip lengths for the time axes, and media that exist but could not be read, with the reason.
  let rendered: SpectrogramBatch.Rendered
  let runFolder: URL

  func html() -> String {
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
    html += realism()
    let keys = Set(cards.flatMap { $0.values.map(\.name) }).sorted()
    let options = keys.map { "<option>\(HTMLText.escape($0))</option>" }.joined()
    html += """
      <nav class="filter">
      <button type="button" data-show="all" class="active">All (\(cards.count))</button>
      <button type="button" data-show="accepted">Accepted (\(shownAccepted))</button>
      <button type="button" data-show="rejected">Rejected (\(shownRejected))</button>
      <label>sort by <select id="sort-key"><option value="">page order</option>\(options)</select></label>
      <button type="button" id="sort-order" data-order="ascending">ascending</button>
      <label>keep <select id="filter-key"><option value="">every card</option>\(options)</select></label>
      <label>from <input id="filter-low" type="number" step="any" size="6"></label>
      <label>to <input id="filter-high" type="number" step="any" size="6"></label>
      <button type="button" id="pin-members" aria-pressed="false">pin real members</button>
      <span id="shown-count"></span>
      </nav>
      </header>

      """
    return html + membersStrip()
  }

  /// The run-level realism measurement, as a sentence and a figure of both AUCs with their intervals.
  private func realism() -> String {
    let measured = records.realism.compactMap { figure -> RealismFigure.Measured? in
      if case .measured(let measured) = figure { return measured }
      return nil
    }
    guard !measured.isEmpty else {
      return "<p class=\"realism\"><strong>realism: not measured</strong></p>\n"
    }
    return measured.map { figure in
      let auc = PreviewNumber.format(figure.c2stAUC, for: "auc")
      let ungated = PreviewNumber.format(figure.ungatedC2STAUC, for: "auc")
      return """
        <section class="realism"><p><strong>realism:</strong> a classifier tells the \(figure.accepted) accepted \
        samples from the \(figure.members) real members with AUC \(auc) \(interval(figure.c2stAUCCI)); \
        without the realism gate \(ungated) \(interval(figure.ungatedC2STAUCCI)). 0.5 means it cannot tell \
        them apart. Features: \(HTMLText.escape(figure.features.joined(separator: ", "))).</p>
        \(RealismChart.svg(figure))</section>

        """
    }.joined()
  }

  private func interval(_ bounds: [Double]) -> String {
    guard bounds.count == 2 else { return "" }
    return "(interval \(PreviewNumber.format(bounds[0], for: "auc"))–\(PreviewNumber.format(bounds[1], for: "auc")))"
  }

  /// The slice's real members: what every sample should look or sound like.
  private func membersStrip() -> String {
    var html = "<section id=\"members\" class=\"members\">\n<h2>Real members of \(HTMLText.escape(slice)) "
    html += "<small>\(members.count) of \(membersTotal) tagged rows, spread through the table</small></h2>\n"
    if let membersProblem { return html + "<p class=\"missing\">\(HTMLText.escape(membersProblem))</p>\n</section>\n" }
    if members.isEmpty { return html + "<p class=\"missing\">No row of the table is tagged with the slice.</p>\n</section>\n" }
    html += "<div class=\"strip\">\n"
    for member in members { html += figure(caption: "\(member.id) · \(member.label)", member.media) }
    return html + "</div>\n</section>\n"
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
      data-status="\(card.status.rawValue)" data-values="\(HTMLText.escape(Self.values(card.values)))">
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

  /// The card's sortable values as a JSON object, rounded as shown.
  static func values(_ values: [(name: String, value: Double)]) -> String {
    "{" + values.map { "\(quoted($0.name)):\(PreviewNumber.format($0.value, for: $0.name))" }.joined(separator: ",") + "}"
  }

  private func figure(caption: String, _ media: PreviewMedia) -> String {
    var html = "<figure>\n<figcaption>\(HTMLText.escape(caption)) \(code(media.path))</figcaption>\n"
    if let problem = media.problem ?? rendered.failures[media] {
      return html + "<p class=\"missing\">\(HTMLText.escape(problem))</p>\n</figure>\n"
    }
    guard let url = media.url else { return html + "</figure>\n" }
    let reference = HTMLText.escape(RelativeReference.from(runFolder, to: url))
    switch media.kind {
    case .image:
      html += "<img class=\"picture\" loading=\"lazy\" src=\"\(reference)\" alt=\"\(HTMLText.escape(media.path))\">\n"
    case .audio:
      html += "<audio controls preload=\"none\" src=\"\(reference)\"></audio>\n"
      if let spectrogram = media.spectrogram, let seconds = rendered.seconds[media] {
        html += SpectrogramAxes.html(
          image: HTMLText.escape(spectrogram), alt: "spectrogram of \(HTMLText.escape(media.path))", seconds: seconds)
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
          html += " <span class=\"parameter\">\(HTMLText.escape(name)) = \(code(Self.json(value, for: name)))</span>"
        }
      } else {
        html += " \(code(Self.json(transform.parameters, for: transform.name)))"
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
        + "<td>\(code(PreviewNumber.format(check.value, for: check.measure ?? check.rule)))</td>"
        + "<td>\(HTMLText.escape(Self.bounds(check)))</td>"
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
    let name = check.measure ?? check.rule
    func number(_ value: Double) -> String { PreviewNumber.format(value, for: name) }
    switch (check.minimum, check.maximum) {
    case (let low?, let high?): return "\(number(low)) … \(number(high))"
    case (let low?, nil): return "≥ \(number(low))"
    case (nil, let high?): return "≤ \(number(high))"
    case (nil, nil): return "none"
    }
  }

  /// A parameter value named `name` as compact JSON with sorted keys, numbers rounded by ``PreviewNumber``
  /// for the name they are stored under.
  static func json(_ value: JSONValue, for name: String) -> String {
    switch value {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .integer(let value): String(value)
    case .unsignedInteger(let value): String(value)
    case .number(let value): PreviewNumber.format(value, for: name)
    case .string(let text): quoted(text)
    case .array(let items): "[" + items.map { json($0, for: name) }.joined(separator: ",") + "]"
    case .object(let members):
      "{" + members.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + json($0.value, for: $0.key) }
        .joined(separator: ",") + "}"
    }
  }

  /// A JSON string literal.
  static func quoted(_ text: String) -> String {
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
