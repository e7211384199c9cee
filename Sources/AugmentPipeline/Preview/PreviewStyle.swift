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
    .spectrogram { display: grid; grid-template-columns: 2.2rem 1fr; grid-template-rows: 160px 1.4rem; }
    .spectrogram img { grid-column: 2; grid-row: 1; width: 100%; height: 160px; display: block; }
    .frequency-axis, .time-axis { position: relative; font-size: 11px; opacity: .75; }
    .frequency-axis { grid-column: 1; grid-row: 1; border-right: 1px solid var(--line); }
    .frequency-axis span { position: absolute; right: .3rem; transform: translateY(50%); }
    .time-axis { grid-column: 2; grid-row: 2; border-top: 1px solid var(--line); }
    .time-axis span { position: absolute; top: .1rem; transform: translateX(-50%); }
    .frequency-axis i { position: absolute; top: -1.1rem; right: .3rem; }
    .time-axis i { position: absolute; right: 0; top: .1rem; }
    section.members { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin: .6rem 0;
      background: Canvas; }
    section.members.pinned { position: sticky; top: 3rem; z-index: 1; max-height: 45vh; overflow: auto; }
    .strip { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: .8rem; }
    .strip figcaption { font-size: 12px; }
    svg.realism-chart { font: 12px system-ui, sans-serif; fill: currentColor; }
    svg.realism-chart .grid { stroke: #8886; }
    svg.realism-chart .interval { stroke: currentColor; stroke-width: 3; }
    nav.filter label { margin-left: .6rem; }
    nav.filter select, nav.filter input { font: inherit; }
    audio { display: block; width: 100%; margin-bottom: .3rem; }
    .missing, .reason { color: var(--fail); }
    ol.transforms { padding-left: 1.4rem; margin: .4rem 0; }
    .parameter { margin-left: .6rem; }
    table.checks { border-collapse: collapse; width: 100%; margin-top: .4rem; }
    table.checks th, table.checks td { border-bottom: 1px solid var(--line); padding: .2rem .5rem;
      text-align: left; vertical-align: top; }
    tr.pass .result { color: var(--pass); } tr.fail .result { color: var(--fail); font-weight: 600; }

    """

  /// Shows all cards or only the accepted or rejected ones, keeps those whose chosen value lies in a range,
  /// sorts by any value (cards without it last), and pins the real members above the cards.
  static let script = """
    const main = document.querySelector("main");
    const cards = [...document.querySelectorAll("article.card")];
    const pageOrder = new Map(cards.map((card, position) => [card, position]));
    const values = new Map(cards.map(card => [card, JSON.parse(card.dataset.values)]));
    const statusButtons = document.querySelectorAll("nav.filter button[data-show]");
    const sortKey = document.getElementById("sort-key"), sortOrder = document.getElementById("sort-order");
    const filterKey = document.getElementById("filter-key");
    const low = document.getElementById("filter-low"), high = document.getElementById("filter-high");
    let show = "all";
    function update() {
      const key = filterKey.value;
      const from = low.value === "" ? -Infinity : Number(low.value);
      const to = high.value === "" ? Infinity : Number(high.value);
      let shown = 0;
      for (const card of cards) {
        const value = values.get(card)[key];
        const kept = key === "" || (value !== undefined && value >= from && value <= to);
        card.hidden = !kept || (show !== "all" && card.dataset.status !== show);
        if (!card.hidden) shown += 1;
      }
      const by = sortKey.value, sign = sortOrder.dataset.order === "ascending" ? 1 : -1;
      const sorted = [...cards].sort((a, b) => {
        if (by === "") return pageOrder.get(a) - pageOrder.get(b);
        const x = values.get(a)[by], y = values.get(b)[by];
        if (x === undefined || y === undefined) return (x === undefined) - (y === undefined);
        return sign * (x - y) || pageOrder.get(a) - pageOrder.get(b);
      });
      for (const card of sorted) main.appendChild(card);
      document.getElementById("shown-count").textContent = shown + " of " + cards.length + " shown";
    }
    for (const button of statusButtons) {
      button.addEventListener("click", () => {
        for (const other of statusButtons) other.classList.toggle("active", other === button);
        show = button.dataset.show;
        update();
      });
    }
    sortOrder.addEventListener("click", () => {
      const ascending = sortOrder.dataset.order !== "ascending";
      sortOrder.dataset.order = ascending ? "ascending" : "descending";
      sortOrder.textContent = sortOrder.dataset.order;
      update();
    });
    for (const control of [sortKey, filterKey, low, high]) control.addEventListener("input", update);
    const pin = document.getElementById("pin-members");
    pin.addEventListener("click", () => {
      const pinned = document.getElementById("members").classList.toggle("pinned");
      pin.setAttribute("aria-pressed", String(pinned));
    });
    update();

    """
}
