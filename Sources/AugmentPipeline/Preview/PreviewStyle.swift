/// The page's inline style sheet and filter script: no fonts, scripts or styles are fetched from anywhere.
enum PreviewStyle {
  static let css = """
    :root { color-scheme: light dark; --pass: #1a7f37; --fail: #cf222e; --line: #8884; --accent: #0969da; }
    body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1280px; padding: 1rem 1.5rem; }
    h1 small { font-weight: normal; opacity: .6; }
    h2 { font-size: 1.05rem; margin: 0 0 .4rem; }
    dl { display: flex; flex-wrap: wrap; gap: .15rem 1.2rem; margin: .3rem 0; }
    dt { opacity: .65; } dt::after { content: ":"; } dd { margin: 0; }
    code { font: 12px/1.4 ui-monospace, monospace; overflow-wrap: anywhere; }
    nav.filter { position: sticky; top: 0; padding: .5rem 0; background: Canvas; z-index: 1; }
    nav.filter button { font: inherit; padding: .25rem .9rem; border: 1px solid var(--line); border-radius: 1rem;
      background: none; color: inherit; cursor: pointer; }
    nav.filter button.active { background: var(--accent); border-color: var(--accent); color: #fff; }
    .card { border: 1px solid var(--line); border-left: 4px solid var(--pass); border-radius: 6px;
      padding: .8rem 1rem; margin: 1rem 0; }
    .card.rejected { border-left-color: var(--fail); }
    .status { font-size: .8rem; font-weight: normal; opacity: .7; }
    .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1rem; margin: .6rem 0; }
    figure { margin: 0; }
    figcaption { margin-bottom: .3rem; }
    img.picture { display: block; max-width: 100%; height: auto; }
    img.spectrogram { display: block; width: 100%; height: 160px; }
    audio { display: block; width: 100%; margin-bottom: .3rem; }
    .missing, .reason { color: var(--fail); }
    ol.transforms { padding-left: 1.4rem; margin: .4rem 0; }
    .parameter { margin-left: .6rem; }
    table.checks { border-collapse: collapse; width: 100%; margin-top: .4rem; }
    table.checks th, table.checks td { border-bottom: 1px solid var(--line); padding: .2rem .5rem;
      text-align: left; vertical-align: top; }
    tr.pass .result { color: var(--pass); } tr.fail .result { color: var(--fail); font-weight: 600; }

    """

  /// Shows all cards, or only the accepted or rejected ones.
  static let script = """
    const buttons = document.querySelectorAll("nav.filter button");
    for (const button of buttons) {
      button.addEventListener("click", () => {
        for (const other of buttons) other.classList.toggle("active", other === button);
        const show = button.dataset.show;
        for (const card of document.querySelectorAll("article.card")) {
          card.hidden = show !== "all" && card.dataset.status !== show;
        }
      });
    }

    """
}
