"""Report: one self-contained HTML page an analyst reads at a glance (`pipeline report`).

Everything is inside the file: the charts are inline SVG drawn here, the style and the one small
script (sortable table) are inline, and nothing is fetched, so the page opens offline and can be
mailed as it is. It reads the published `news.duckdb` only (the marts), never the pipeline's
working files. Totals (articles, and how many of them report a conflict, a disaster, diplomacy
or no incident); charts: deaths per day by country, events by type, the actors who acted
(actor1) in the most events; then the largest events with the sentences that state their tolls
and links to the articles.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import uuid
from pathlib import Path

from pipeline import publish
from pipeline.vocabulary import Relevance

PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c9c9c"]
TOP_COUNTRIES = 7  # the others are stacked as one "other" band
TOP_ACTORS = 12
LARGEST_EVENTS = 15
EVIDENCE_PER_EVENT = 4


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links: a page address from the data never becomes a script."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def sentence_around(text: str | None, start: int | None, end: int | None) -> tuple[str, str, str]:
    """The sentence of `text` holding [start, end), as (before, evidence, after)."""
    if not text or start is None or end is None or not 0 <= start < end <= len(text):
        return "", "", ""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    left = 0 if left < 0 else left + 1
    right = min([i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0] or [len(text)])
    right = min(right + 1, len(text))
    return text[left:start].lstrip(), text[start:end], text[end:right].rstrip()


def _fmt(n) -> str:
    return "–" if n is None else f"{n:,}"


# --- data -----------------------------------------------------------------------------------


def _rows(con, sql: str, params=None) -> list[dict]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _totals(con) -> dict:
    """The headline counts, and the articles of each relevance (every one, zero included, in
    the vocabulary's order)."""
    totals = _rows(
        con,
        """select
             (select count(*) from articles) as articles,
             (select count(*) from articles where dup_of is not null) as copies,
             (select count(distinct event_key) from event_reports) as events,
             (select coalesce(sum(best), 0) from event_casualties
               where category = 'killed') as killed,
             (select min("date") from articles) as first_day,
             (select max("date") from articles) as last_day,
             (select strftime(max(published_at), '%Y-%m-%d %H:%M') from publication)
               as published_at""",
    )[0]
    counted = dict(
        con.execute(
            "select relevance, count(*) from articles where relevance is not null group by all"
        ).fetchall()
    )
    totals["relevance"] = {str(r): counted.get(str(r), 0) for r in Relevance}
    return totals


def gather(data_dir: str | Path) -> dict:
    con = publish.connect(data_dir)
    try:
        totals = _totals(con)
        daily = _rows(
            con,
            """select "date", coalesce(country, 'unknown') as country, sum(best) as killed
               from daily_casualties
               where category = 'killed' and "date" is not null
               group by all order by "date", country""",
        )
        types = _rows(
            con,
            """select e.type, count(distinct r.event_key) as n
               from event_reports r join events e using (event_id)
               group by all order by n desc, e.type""",
        )
        # who acted (actor1) in the most events; the victims' groups are its targets
        actors = _rows(
            con,
            f"select actor, n_acted, n_targeted, killed from top_actors where n_acted > 0 "
            f"order by n_acted desc, killed desc, actor limit {TOP_ACTORS}",
        )
        largest = _rows(
            con,
            f"""select event_key, type, "date", country, location, low, best, high,
                       n_articles, n_sources
                from event_casualties where category = 'killed' and best > 0
                order by best desc, n_sources desc, event_key limit {LARGEST_EVENTS}""",
        )
        evidence = _rows(
            con,
            """select r.event_key, r.publisher, r.url, f.evidence, f.best, f.span_start,
                      f.span_end, a.text
               from event_reports r
               join figures f on f.event_id = r.event_id and f.article_id = r.article_id
               join articles a on a.article_id = f.article_id
               where f.category = 'killed' and f.scope = 'incident'
                 and r.event_key in (select unnest(?))
               order by r.event_key, f.best desc, r.publisher""",
            [[ev["event_key"] for ev in largest]],
        )
        held_back = _rows(
            con,
            """select check_name, table_name, count(*) as n, min(reason) as example
               from quarantine group by all order by n desc, check_name, table_name""",
        )
    finally:
        con.close()
    by_event: dict[str, list[dict]] = {}
    for row in evidence:
        by_event.setdefault(row["event_key"], []).append(row)
    for ev in largest:
        ev["evidence"] = by_event.get(ev["event_key"], [])[:EVIDENCE_PER_EVENT]
    return {
        "totals": totals, "daily": daily, "types": types, "actors": actors, "largest": largest,
        "held_back": held_back,
    }  # fmt: skip


def _held_back_table(rows: list[dict]) -> str:
    """Rows the publish's content checks left out of the views, per check (the quarantine
    view), so a reader knows what the numbers above do not count."""
    if not rows:
        return '<p class="meta" id="held-back">No row was held back by the data checks.</p>'
    body = "".join(
        f"<tr><td>{_e(r['check_name'])}</td><td>{_e(r['table_name'])}</td>"
        f'<td class="n">{_fmt(r["n"])}</td><td>{_e(r["example"])}</td></tr>'
        for r in rows
    )
    return (
        '<table id="held-back"><thead><tr><th>check</th><th>view</th><th>rows</th>'
        f"<th>for example</th></tr></thead><tbody>{body}</tbody></table>"
    )


# --- charts (inline SVG) ----------------------------------------------------------------------


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1
    mag = 10 ** (len(str(int(v))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if v <= step * mag:
            return step * mag
    return 10 * mag


def deaths_chart(daily: list[dict], width: int = 900, height: int = 300) -> str:
    """Stacked bars: deaths per day, one colour per country (the largest ones, then 'other')."""
    if not daily:
        return '<p class="empty">No dated deaths yet.</p>'
    per_country: dict[str, int] = {}
    for r in daily:
        per_country[r["country"]] = per_country.get(r["country"], 0) + (r["killed"] or 0)
    ranked = sorted(per_country, key=lambda c: (-per_country[c], c))
    shown = ranked[:TOP_COUNTRIES]
    bands = shown + (["other"] if len(ranked) > len(shown) else [])
    first, last = min(r["date"] for r in daily), max(r["date"] for r in daily)
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    stack = {d: dict.fromkeys(bands, 0) for d in days}
    for r in daily:
        band = r["country"] if r["country"] in shown else "other"
        stack[r["date"]][band] += r["killed"] or 0
    top = _nice_max(max(sum(v.values()) for v in stack.values()))
    left, right, up, down = 56, 10, 10, 40
    plot_w, plot_h = width - left - right, height - up - down
    bar_w = plot_w / len(days)
    parts = [
        f'<svg class="chart" id="deaths-chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-label="Deaths per day by country">'
    ]
    for i in range(5):  # grid lines and the y axis labels
        v = top * i / 4
        y = up + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'class="grid"/><text x="{left - 6}" y="{y + 4:.1f}" '
                     f'text-anchor="end">{_fmt(int(v))}</text>')  # fmt: skip
    for i, d in enumerate(days):
        y = up + plot_h
        for j, band in enumerate(bands):
            v = stack[d][band]
            if not v:
                continue
            h = plot_h * v / top
            y -= h
            parts.append(
                f'<rect x="{left + i * bar_w + 0.5:.1f}" y="{y:.1f}" '
                f'width="{max(bar_w - 1, 0.5):.1f}" height="{h:.1f}" '
                f'fill="{PALETTE[j % len(PALETTE)]}"><title>{_e(d)} {_e(band)}: '
                f"{_fmt(v)} killed</title></rect>"
            )
    ticks = max(1, len(days) // 8)
    for i in range(0, len(days), ticks):
        x = left + i * bar_w + bar_w / 2
        parts.append(
            f'<text x="{x:.1f}" y="{height - down + 16}" text-anchor="middle">'
            f"{days[i].isoformat()}</text>"
        )
    parts.append("</svg>")
    legend = "".join(
        f'<span class="key"><i style="background:{PALETTE[j % len(PALETTE)]}"></i>'
        f"{_e(band)} ({_fmt(per_country.get(band, sum(per_country[c] for c in ranked[TOP_COUNTRIES:])))})"
        "</span>"
        for j, band in enumerate(bands)
    )
    return "".join(parts) + f'<div class="legend">{legend}</div>'


def bar_chart(rows: list[tuple[str, int, str]], chart_id: str, label: str, width: int = 440) -> str:
    """Horizontal bars: (label, value, note) per row."""
    if not rows:
        return '<p class="empty">Nothing yet.</p>'
    row_h, left, right = 24, 190, 70
    height = row_h * len(rows) + 8
    top = max(v for _, v, _ in rows) or 1
    parts = [
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{_e(label)}">'
    ]
    for i, (name, value, note) in enumerate(rows):
        y = 4 + i * row_h
        w = (width - left - right) * value / top
        short = name if len(name) <= 28 else name[:27] + "…"
        parts.append(
            f'<text x="{left - 6}" y="{y + 16}" text-anchor="end">{_e(short)}</text>'
            f'<rect x="{left}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row_h - 8}" '
            f'fill="{PALETTE[0]}"><title>{_e(name)}: {_fmt(value)} {_e(note)}</title></rect>'
            f'<text x="{left + w + 6:.1f}" y="{y + 16}">{_fmt(value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


# --- page ------------------------------------------------------------------------------------

STYLE = """
body { font: 14px/1.45 system-ui, "DejaVu Sans", sans-serif; margin: 24px auto; max-width: 1000px;
       color: #222; padding: 0 16px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; }
.meta { color: #666; } .empty { color: #888; font-style: italic; }
.totals { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.totals div { background: #f4f6f8; border-radius: 6px; padding: 8px 14px; }
.totals b { display: block; font-size: 22px; }
.row { display: flex; gap: 24px; flex-wrap: wrap; } .row > section { flex: 1 1 440px; }
svg.chart text { font-size: 11px; fill: #333; } svg.chart .grid { stroke: #e3e3e3; }
.legend { margin: 6px 0 0 56px; } .key { margin-right: 14px; white-space: nowrap; }
.key i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top;
  padding: 6px 8px; border-bottom: 1px solid #e3e3e3; } th { cursor: pointer; background: #f4f6f8; }
td.n, td.d { text-align: right; white-space: nowrap; } mark { background: #fff1b8; } blockquote { margin: 2px 0; color: #444; }
blockquote a { color: #2a5db0; font-size: 12px; }
"""

SCRIPT = """
// click a column header to sort the table of events by it
document.querySelectorAll("table.sortable th").forEach(function (th, col) {
  th.addEventListener("click", function () {
    var body = th.closest("table").tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var asc = th.dataset.asc !== "1"; th.dataset.asc = asc ? "1" : "0";
    rows.sort(function (a, b) {
      var x = a.cells[col].dataset.v || a.cells[col].textContent;
      var y = b.cells[col].dataset.v || b.cells[col].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
// what was drawn, for a headless browser to read back (tests/test_report.py)
document.body.dataset.charts = Array.prototype.map.call(
  document.querySelectorAll("svg.chart"), function (svg) {
    var box = svg.getBoundingClientRect();
    return svg.id + ":" + Math.round(box.width) + "x" + Math.round(box.height) + ":" +
      svg.querySelectorAll("rect").length;
  }).join(" ");
document.body.dataset.ready = "1";
"""


def _events_table(largest: list[dict]) -> str:
    if not largest:
        return '<p class="empty">No events with deaths yet.</p>'
    head = "".join(
        f"<th>{h}</th>"
        for h in ("Date", "Event", "Where", "Killed (low–high)", "Sources", "What the articles say")
    )
    body = []
    for ev in largest:
        quotes = []
        for q in ev["evidence"]:
            url = _safe_url(q["url"])
            link = (
                f' — <a href="{_e(url)}" rel="noopener noreferrer">{_e(q["publisher"])}</a>'
                if url
                else f" — {_e(q['publisher'])}"
            )
            before, said, after = sentence_around(q["text"], q["span_start"], q["span_end"])
            if not said:  # no usable offsets: the evidence words alone
                before, said, after = "", q["evidence"], ""
            quotes.append(
                f"<blockquote>“{_e(before)}<mark>{_e(said)}</mark>{_e(after)}”{link}</blockquote>"
            )
        where = ", ".join(x for x in (ev["location"], ev["country"]) if x)
        # an unknown low end ("nearly 100") is '?', an open high end ("more than 50") 'open'
        low = "?" if ev["low"] is None else _fmt(ev["low"])
        high = "open" if ev["high"] is None else _fmt(ev["high"])
        span = f"{low}–{high}"
        body.append(
            f'<tr><td class="d" data-v="{_e(ev["date"])}">{_e(ev["date"] or "undated")}</td>'
            f"<td>{_e(ev['type'])}</td><td>{_e(where)}</td>"
            f'<td class="n" data-v="{ev["best"]}"><b>{_fmt(ev["best"])}</b> ({span})</td>'
            f'<td class="n" data-v="{ev["n_sources"]}">{ev["n_sources"]} / {ev["n_articles"]}</td>'
            f"<td>{''.join(quotes)}</td></tr>"
        )
    return (
        f'<table class="sortable" id="largest-events"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def render(data: dict) -> str:
    t = data["totals"]
    totals = "".join(
        f"<div><b>{_fmt(v)}</b>{label}</div>"
        for label, v in (
            ("articles", t["articles"]), ("syndicated copies", t["copies"]),
            ("events", t["events"]), ("killed (incident figures)", t["killed"]),
        )
    )  # fmt: skip
    relevance = "".join(
        f'<div id="relevance-{_e(r)}"><b>{_fmt(n)}</b>'
        f"{'reporting no incident' if r == Relevance.NONE else _e(r)}</div>"
        for r, n in t["relevance"].items()
    )
    types = bar_chart([(r["type"], r["n"], "events") for r in data["types"]], "types-chart",
                      "Events by type")  # fmt: skip
    actors = bar_chart(
        [(r["actor"], r["n_acted"],
          f"events acted in (target in {r['n_targeted']:,}), {r['killed']:,} killed in its events")
         for r in data["actors"]],
        "actors-chart", "Top actors by events they acted in",
    )  # fmt: skip
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsfacts report {_e(t["first_day"])} – {_e(t["last_day"])}</title>
<style>{STYLE}</style></head>
<body>
<h1>newsfacts: conflict events in the news</h1>
<p class="meta">Articles from {_e(t["first_day"])} to {_e(t["last_day"])}; file published
{_e(t["published_at"])} UTC. Deaths are incident figures reconciled per event across articles;
running totals are never added.</p>
<div class="totals">{totals}</div>
<p class="meta">Articles by relevance (an article that reports no incident gives no events and
no figures):</p>
<div class="totals" id="relevance">{relevance}</div>
<section><h2>Deaths per day by country</h2>{deaths_chart(data["daily"])}</section>
<div class="row">
<section><h2>Events by type</h2>{types}</section>
<section><h2>Top actors (events they acted in)</h2>{actors}</section>
</div>
<section><h2>Largest events</h2>
<p class="meta">Sources / articles: distinct publishers and articles, syndicated copies included.
Click a column to sort.</p>
{_events_table(data["largest"])}</section>
<section><h2>Held back by the data checks</h2>
<p class="meta">Rows a content check left out of every count above (an event dated after its
article, an implausible count, evidence that does not match the text); the
<code>quarantine</code> view lists each one.</p>
{_held_back_table(data["held_back"])}</section>
<script>{SCRIPT}</script>
</body></html>
"""


def write_report(data_dir: str | Path, out: str | Path) -> Path:
    """Write the report page to `out` (atomically) from the published file of `data_dir`."""
    page = render(gather(data_dir))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    return out
