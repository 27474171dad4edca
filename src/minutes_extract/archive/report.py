"""The archive report: a self-contained static HTML site over a whole archive of `extract` records.

`build_site(records, out_dir)` writes
- `index.html`: the authorities (name, type, GSS code, Ofsted URN, documents, judgements, follow-ups) and
  the documents whose authority stayed unknown;
- `<authority id>.html`: the judgement timeline as inline SVG (one lane per judgement area, grades
  coloured, the official record's overall grades in their own lane, differing judgements ringed),
  judgements with the official record's word on each, inspections, findings grouped by theme with
  counts per year, follow-ups with their status, and the documents;
- `docs/<doc_id>.html`: each document's review page (`review.render_html`), which every source links to.

Nothing is fetched: no scripts, no external styles or images, a Content-Security-Policy that forbids
both, and every piece of document text escaped.
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..records import DocumentRecord
from ..review import extractions, render_html
from .followups import FollowUp, track
from .gazetteer import AuthorityMatch, Gazetteer, document_date, load_gazetteer, resolve
from .timeline import Event, OfficialInspection, area_label, build_timeline

CSP = ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'\">")
GRADE_LABELS = {"outstanding": "outstanding", "good": "good", "requires_improvement": "requires improvement",
                "inadequate": "inadequate"}
_CSS = """
body{font:14px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#222}
h1{font-size:1.5em;margin:.2em 0} h2{font-size:1.15em;margin:1.4em 0 .4em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.4em 0} th,td{border:1px solid #ddd;padding:.25em .45em;text-align:left;vertical-align:top}
th{background:#f4f4f2} .muted{color:#666} .small{font-size:12px}
.grade{display:inline-block;padding:0 .4em;border-radius:3px;color:#fff;font-weight:600}
.status-agrees,.status-met{color:#1a7f37;font-weight:600} .status-differs,.status-overdue{color:#cf222e;font-weight:600}
.status-not-in-record,.status-open{color:#6e7781} nav a{margin-right:1em} svg text{font:11px system-ui,sans-serif}
.legend span{margin-right:1em}
"""


@dataclass
class SiteSummary:
    out_dir: Path
    authorities: int = 0
    documents: int = 0
    unknown: int = 0
    pages: list[Path] = field(default_factory=list)


def esc(value) -> str:
    return html.escape("" if value is None else str(value))


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8>{CSP}<title>{esc(title)}</title>"
            f"<style>{_CSS}</style></head><body>{body}</body></html>")


def review_page(record: dict) -> str:
    """The document's review page (review.render_html) with the site's Content-Security-Policy."""
    page = render_html(DocumentRecord.model_validate(record))
    if "Content-Security-Policy" not in page:
        page = page.replace("<head>", "<head>" + CSP, 1)
    return page


def anchors(record: dict) -> dict[tuple[int, int], str]:
    """(start, end) of each extraction -> its anchor on the review page (the order render_html numbers them)."""
    found: dict[tuple[int, int], str] = {}
    for n, (_, e) in enumerate(extractions(DocumentRecord.model_validate(record))):
        found.setdefault((e.span.start, e.span.end), f"x{n}")
    return found


# -- pieces -------------------------------------------------------------------------------------------
def grade_badge(grade: Optional[str], colours: dict[str, str]) -> str:
    if not grade:
        return ""
    return f'<span class=grade style="background:{esc(colours.get(grade, "#999"))}">{esc(GRADE_LABELS.get(grade, grade))}</span>'


def _year_fraction(iso: str) -> float:
    year = int(iso[:4])
    month = int(iso[5:7]) if len(iso) >= 7 else 7  # a year alone sits mid-year
    return year + (month - 1) / 12


def timeline_svg(events: list[Event], official: list[OfficialInspection], colours: dict[str, str],
                 gaz: Gazetteer) -> str:
    """One lane per judgement area, a circle per dated judgement (ringed when the record differs), and a
    lane of the official record's overall grades (squares)."""
    dated = [e for e in events if e.kind == "judgement" and e.date]
    lane_of = {id(e): area_label(e.area or "overall", gaz) for e in dated}
    lanes = sorted(set(lane_of.values()), key=lambda a: (a.lower() != "overall", a.lower()))
    marks = [(_year_fraction(e.date), e) for e in dated]
    rows = [(_year_fraction(r.published), r) for r in official if r.published and r.grades.get("overall_effectiveness_grade")]
    xs = [x for x, _ in marks] + [x for x, _ in rows]
    if not xs:
        return '<p class=muted>No dated judgement to chart.</p>'
    first, last = int(min(xs)), int(max(xs)) + 1
    label_w, lane_h, width = 300, 26, 1000
    all_lanes = lanes + (["Official record: overall"] if rows else [])
    height = 30 + lane_h * len(all_lanes)
    scale = (width - label_w - 40) / max(1, last - first)
    x_of = lambda x: label_w + (x - first) * scale  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Judgement timeline" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    for year in range(first, last + 1):
        x = x_of(year)
        parts.append(f'<line x1="{x:.1f}" y1="18" x2="{x:.1f}" y2="{height}" stroke="#e5e5e5"/>'
                     f'<text x="{x + 2:.1f}" y="12" fill="#666">{year}</text>')
    for k, lane in enumerate(all_lanes):
        y = 30 + lane_h * k + lane_h / 2
        parts.append(f'<text x="4" y="{y + 4:.1f}" fill="#333">{esc(lane if len(lane) <= 48 else lane[:47] + "…")}<title>{esc(lane)}</title></text>'
                     f'<line x1="{label_w}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#ccc"/>')
    for x, e in marks:
        y = 30 + lane_h * lanes.index(lane_of[id(e)]) + lane_h / 2
        differs = e.official is not None and e.official.status == "differs"
        ring = ' stroke="#000" stroke-width="3"' if differs else ' stroke="#fff" stroke-width="1"'
        note = f"{e.area}: {GRADE_LABELS.get(e.grade, e.grade)} ({e.date}, dated by {e.dated_by}; {len(e.sources)} source(s)"
        note += f"; official record: {e.official.status}" + (f" {e.official.official_grade}" if e.official and e.official.official_grade else "") if e.official else ""
        parts.append(f'<circle cx="{x_of(x):.1f}" cy="{y:.1f}" r="8" fill="{esc(colours.get(e.grade, "#999"))}"{ring}>'
                     f'<title>{esc(note + ")")}</title></circle>')
    for x, r in rows:
        y = 30 + lane_h * len(lanes) + lane_h / 2
        grade = r.grades["overall_effectiveness_grade"]
        parts.append(f'<rect x="{x_of(x) - 7:.1f}" y="{y - 7:.1f}" width="14" height="14" fill="{esc(colours.get(grade, "#999"))}">'
                     f'<title>{esc(f"Official record, published {r.published}: overall {GRADE_LABELS.get(grade, grade)}")}</title></rect>')
    parts.append("</svg>")
    legend = "".join(f'<span>{grade_badge(g, colours)}</span>' for g in GRADE_LABELS)
    return "".join(parts) + f'<p class="legend small">{legend}<span>circle: the archive; square: the official record; ' \
                            f'black ring: the archive differs from the record</span></p>'


def source_links(sources, anchor_of: dict[str, dict]) -> str:
    links = []
    for s in sources:
        anchor = anchor_of.get(s.doc_id, {}).get((s.start, s.end), "")
        label = f"{Path(s.path).name} {s.meeting_date or ''}".strip()
        links.append(f'<a href="docs/{esc(s.doc_id)}.html{"#" + anchor if anchor else ""}" title="{esc(s.text)}">{esc(label)}</a>')
    return "<br>".join(links)


def themes_of(text: str, themes: dict[str, list[str]], other: str) -> list[str]:
    lowered = text.lower()
    found = [name for name, words in themes.items() if any(w in lowered for w in words)]
    return found or [other]


def findings_table(records: list[dict], gaz: Gazetteer) -> str:
    """Findings grouped by theme, strengths / areas for development counted per year."""
    rules = gaz.rules.report
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    years: set[str] = set()
    for record in records:
        day = document_date(record)
        year = day[:4] if day else "undated"
        for holder in [record.get("unassigned") or {}, *record.get("items", [])]:
            for f in holder.get("findings", []):
                for theme in themes_of(f["text"], rules.themes, rules.other_theme):
                    counts[(theme, year)][f["polarity"]] += 1
                    years.add(year)
    if not counts:
        return "<p class=muted>No findings.</p>"
    years_sorted = sorted(years, key=lambda y: (y == "undated", y))
    theme_names = [t for t in [*rules.themes, rules.other_theme] if any((t, y) in counts for y in years_sorted)]
    head = "".join(f"<th>{esc(y)}</th>" for y in years_sorted)
    rows = []
    for theme in theme_names:
        cells = []
        for y in years_sorted:
            c = counts.get((theme, y), Counter())
            cells.append(f'<td>{c["strength"]} / {c["development"]}</td>' if c else "<td></td>")
        rows.append(f"<tr><th>{esc(theme)}</th>{''.join(cells)}</tr>")
    return (f"<p class=small>Each cell: strengths / areas for development found that year (meeting date, else the "
            f"latest date the document gives).</p><table><tr><th>theme</th>{head}</tr>{''.join(rows)}</table>")


def judgements_table(events: list[Event], anchor_of, colours) -> str:
    rows = []
    for e in (e for e in events if e.kind == "judgement"):
        check = e.official
        status = check.status if check else "no record loaded"
        official = grade_badge(check.official_grade, colours) if check and check.official_grade else ""
        how = esc(check.matched_by) if check and check.matched_by else ""
        rows.append(f"<tr><td>{esc(e.date or 'undated')}<br><span class='muted small'>{esc(e.dated_by or '')}</span></td>"
                    f"<td>{esc(e.area)}</td><td>{grade_badge(e.grade, colours)}</td>"
                    f"<td><span class='status-{esc(status.replace(' ', '-'))}'>{esc(status)}</span> {official}"
                    f"<br><span class='muted small'>{how}</span></td>"
                    f"<td class=small>{source_links(e.sources, anchor_of)}</td></tr>")
    if not rows:
        return "<p class=muted>No judgements.</p>"
    return ("<table><tr><th>date</th><th>area</th><th>grade</th><th>official record</th><th>sources</th></tr>"
            + "".join(rows) + "</table>")


def inspections_table(events: list[Event], anchor_of) -> str:
    rows = [f"<tr><td>{esc(e.date or 'undated')}<br><span class='muted small'>{esc(e.dated_by or '')}</span></td>"
            f"<td>{esc(e.inspection_kind)}</td><td>{esc(e.status or '')}</td>"
            f"<td class=small>{source_links(e.sources, anchor_of)}</td></tr>" for e in events if e.kind == "inspection"]
    if not rows:
        return "<p class=muted>No inspections.</p>"
    return "<table><tr><th>date</th><th>kind</th><th>status</th><th>sources</th></tr>" + "".join(rows) + "</table>"


def followups_table(followups: list[FollowUp]) -> str:
    rows = []
    for f in followups:
        met = ""
        if f.met_by:
            met = (f'<a href="docs/{esc(f.met_by.doc_id)}.html">{esc(Path(f.met_by.path).name)}</a> '
                   f'{esc(f.met_by.meeting_date or "")}: {esc(f.met_by.item_title or "")}')
        rows.append(f"<tr><td>{esc(f.meeting_date or 'undated')}</td><td>{esc(f.subject)}<br>"
                    f"<span class='muted small'>{esc(f.request[:240])}</span></td><td>{esc(f.of_whom or '')}</td>"
                    f"<td>{esc(f.due or '')}<br><span class='muted small'>{esc(f.due_rule or '')}</span></td>"
                    f"<td><span class='status-{esc(f.status)}'>{esc(f.status)}</span></td><td class=small>{met}</td>"
                    f'<td class=small><a href="docs/{esc(f.doc_id)}.html">{esc(Path(f.path).name)}</a></td></tr>')
    if not rows:
        return "<p class=muted>No follow-ups.</p>"
    return ("<table><tr><th>asked on</th><th>what</th><th>of whom</th><th>due</th><th>status</th><th>taken up</th>"
            "<th>source</th></tr>" + "".join(rows) + "</table>")


def documents_table(records: list[dict], matches: dict[str, AuthorityMatch]) -> str:
    rows = []
    for r in sorted(records, key=lambda r: ((r.get("meeting") or {}).get("date") or "", r["source"]["path"])):
        m, meeting = matches[r["doc_id"]], r.get("meeting") or {}
        cue = f"{m.cue.kind}: {m.cue.text}" if m.cue else (m.reason or "")
        rows.append(f'<tr><td>{esc(meeting.get("date") or "")}</td><td>{esc(meeting.get("body") or "")}</td>'
                    f'<td><a href="docs/{esc(r["doc_id"])}.html">{esc(r["source"]["path"])}</a></td>'
                    f'<td class=small>{esc(cue)} {esc(f"({m.confidence:.2f})" if m.status == "resolved" else "")}</td></tr>')
    return ("<table><tr><th>meeting</th><th>body</th><th>document (review page)</th><th>authority cue</th></tr>"
            + "".join(rows) + "</table>")


# -- the site -------------------------------------------------------------------------------------------
def build_site(records: Iterable[dict], out_dir: Path, official: Optional[dict[str, list[OfficialInspection]]] = None,
               as_of: Optional[str] = None, gaz: Optional[Gazetteer] = None) -> SiteSummary:
    gaz = gaz or load_gazetteer()
    records = list(records)
    out_dir = Path(out_dir)
    (out_dir / "docs").mkdir(parents=True, exist_ok=True)
    matches = {r["doc_id"]: resolve(r, gaz) for r in records}
    events = build_timeline(records, gaz, official, matches)
    followups = track(records, gaz, as_of, matches)
    summary = SiteSummary(out_dir=out_dir, documents=len(records))
    anchor_of = {}
    for record in records:
        path = out_dir / "docs" / f"{record['doc_id']}.html"
        path.write_text(review_page(record), encoding="utf-8")
        anchor_of[record["doc_id"]] = anchors(record)
        summary.pages.append(path)
    by_authority: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        m = matches[record["doc_id"]]
        by_authority[m.authority_id if m.status == "resolved" else ""].append(record)
    colours = gaz.rules.report.grade_colours
    index_rows = []
    for ident in sorted((i for i in by_authority if i), key=lambda i: gaz.by_id[i].name):
        auth, docs = gaz.by_id[ident], by_authority[ident]
        mine = [e for e in events if e.authority_id == ident]
        asked = [f for f in followups if f.authority_id == ident]
        differs = sum(1 for e in mine if e.official and e.official.status == "differs")
        body = (f'<nav><a href="index.html">All authorities</a></nav><h1>{esc(auth.name)}</h1>'
                f'<p class=muted>{esc(auth.type.replace("_", " "))} · GSS {esc(auth.gss or "—")} · Ofsted URN '
                f'{esc(auth.ofsted_urn or "—")} · {len(docs)} document(s)</p>'
                f'<h2>Judgement timeline</h2>{timeline_svg(mine, (official or {}).get(ident, []), colours, gaz)}'
                f'<h2>Judgements ({sum(e.kind == "judgement" for e in mine)}; {differs} differ from the official record)</h2>'
                f'{judgements_table(mine, anchor_of, colours)}'
                f'<h2>Inspections ({sum(e.kind == "inspection" for e in mine)})</h2>{inspections_table(mine, anchor_of)}'
                f'<h2>Findings by theme</h2>{findings_table(docs, gaz)}'
                f'<h2>Follow-ups ({len(asked)})</h2>{followups_table(asked)}'
                f'<h2>Documents</h2>{documents_table(docs, matches)}')
        path = out_dir / f"{ident}.html"
        path.write_text(_page(f"{auth.name} — minutes-extract archive", body), encoding="utf-8")
        summary.pages.append(path)
        summary.authorities += 1
        status = Counter(f.status for f in asked)
        index_rows.append(f'<tr><td><a href="{esc(ident)}.html">{esc(auth.name)}</a></td><td>{esc(auth.type.replace("_", " "))}</td>'
                          f'<td>{esc(auth.gss or "")}</td><td>{esc(auth.ofsted_urn or "")}</td><td>{len(docs)}</td>'
                          f'<td>{sum(e.kind == "judgement" for e in mine)}{f" ({differs} differ)" if differs else ""}</td>'
                          f'<td>{sum(e.kind == "inspection" for e in mine)}</td>'
                          f'<td>{", ".join(f"{n} {s}" for s, n in sorted(status.items()))}</td></tr>')
    unknown = by_authority.get("", [])
    summary.unknown = len(unknown)
    body = (f"<h1>Archive report</h1><p class=muted>{len(records)} documents, {summary.authorities} authorities, "
            f"{len(unknown)} documents whose authority stayed unknown.</p>"
            "<table><tr><th>authority</th><th>type</th><th>GSS</th><th>Ofsted URN</th><th>documents</th>"
            "<th>judgements</th><th>inspections</th><th>follow-ups</th></tr>" + "".join(index_rows) + "</table>")
    if unknown:
        body += f"<h2>Authority unknown ({len(unknown)})</h2>{documents_table(unknown, matches)}"
    index = out_dir / "index.html"
    index.write_text(_page("minutes-extract archive", body), encoding="utf-8")
    summary.pages.insert(0, index)
    return summary
