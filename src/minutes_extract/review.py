"""Review what was extracted: a terminal summary (rich, `show`), a self-contained HTML page with every
extraction highlighted in the document text (`render`), and a plain-text digest of a whole JSONL output
(`python -m minutes_extract.review OUT.jsonl`, used by `make demo`). Reads records only (never a Doc)."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import sys
from pathlib import Path
from typing import Iterable, Iterator, get_args

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .kinds import Polarity
from .records import DocumentRecord, Extraction
from .writer import read_records

GROUPS = ("resolutions", "findings", "metrics", "dates", "judgements", "inspections")


def extractions(record: DocumentRecord) -> Iterator[tuple[str, Extraction]]:
    for holder in [record.unassigned, *record.items]:
        for group in GROUPS:
            for extraction in getattr(holder, group):
                yield group, extraction


def highlight_kind(group: str, extraction: Extraction) -> str:
    """CSS class / legend entry: findings split by polarity, the rest by group."""
    if group == "findings":
        return getattr(extraction, "polarity")
    return {"resolutions": "resolution", "metrics": "metric", "dates": "date", "judgements": "judgement",
            "inspections": "inspection"}[group]


def describe(group: str, e) -> str:
    """The normalised value of an extraction, in a few words."""
    if group == "resolutions":
        return f"{e.verb}: {len(e.clauses)} clause(s)" + (f", printed again x{len(e.copies)}" if e.copies else "")
    if group == "findings":
        return " ".join(x for x in (f"by {e.attributed_to}" if e.attributed_to else "", f"cue: {e.cue}" if e.cue else "") if x)
    if group == "metrics":
        value = f"{e.low:g}–{e.high:g}" if e.low is not None and e.high is not None else (f"{e.value:g}" if e.value is not None else "value unknown")
        parts = [e.kind, ("~" if e.approximate else "") + (f"{e.comparator} " if e.comparator else "") + value]
        parts += [f"per {e.per}" if e.per else "", e.unit or "", f"[{e.subject}]" if e.subject else ""]
        return " ".join(p for p in parts if p)
    if group == "dates":
        return f"{e.value} ({e.precision})"
    if group == "judgements":
        return f"{e.area}: {e.grade}" + (f" {e.year}" if e.year else "") + (" (forecast)" if e.forecast else "")
    if group == "inspections":
        return f"{e.kind} {e.status or ''} {' '.join(e.dates)}".strip()
    return ""


def confidence_text(e) -> str:
    """The extraction's confidence as two decimals ('' when the record carries none)."""
    return "" if e.confidence is None else f"{e.confidence:.2f}"


LOW_CONFIDENCE = 0.8  # below this an extraction is marked as doubtful on the review page


def meeting_line(meeting) -> str:
    """Authority · body · date, each named when the record lacks it (never a bare `?`)."""
    return " · ".join(value or f"{name} unknown" for name, value in
                      (("authority", meeting.authority), ("body", meeting.body), ("date", meeting.date)))


# Terminal colours of the value column: strengths and developments apart at a glance. Rich drops them
# when stdout is not a terminal or NO_COLOR is set.
VALUE_STYLES: dict[Polarity, str] = {"strength": "green", "development": "yellow"}
DEFAULT_VALUE_STYLE = "cyan"
STRENGTH: Polarity = "strength"


# -- terminal -------------------------------------------------------------------------------------
def show(record: DocumentRecord) -> Group:
    meeting = record.meeting
    header = Text.assemble((record.source.path, "bold"), f"  [{record.source.format}]  ", meeting_line(meeting))
    parts: list = [header]
    items = Table(title="Items", show_lines=False, expand=True)
    for column in ("#", "title", "conf", "sections", "res", "str", "dev", "met", "dates", "judg"):
        items.add_column(column, overflow="fold")
    for item in record.items:
        strengths = sum(f.polarity == STRENGTH for f in item.findings)
        items.add_row(item.number or "-", item.title or "(untitled)", confidence_text(item),
                      ", ".join(s.kind for s in item.sections),
                      str(len(item.resolutions)), str(strengths), str(len(item.findings) - strengths),
                      str(len(item.metrics)), str(len(item.dates)), str(len(item.judgements)))
    parts.append(items)
    by_group: dict[str, list] = {}
    for group, e in extractions(record):
        by_group.setdefault(group, []).append(e)
    for group in GROUPS:
        rows = by_group.get(group, [])
        if not rows:
            continue
        table = Table(title=f"{group.capitalize()} ({len(rows)})", expand=True)
        table.add_column("conf", justify="right", no_wrap=True)
        table.add_column("value", ratio=1, overflow="fold")
        table.add_column("text", ratio=3, overflow="fold")
        for e in rows:
            value = f"{e.polarity} {describe(group, e)}" if group == "findings" else describe(group, e)
            style = VALUE_STYLES.get(getattr(e, "polarity", ""), DEFAULT_VALUE_STYLE)
            table.add_row(confidence_text(e), Text(value.strip(), style=style),
                          e.text if len(e.text) < 300 else e.text[:297] + "...")
        parts.append(table)
    if record.warnings:
        parts.append(Panel("\n".join(record.warnings), title="warnings", style="yellow"))
    return Group(*parts)


# -- HTML -----------------------------------------------------------------------------------------
_CSS = """
body{font:15px/1.55 system-ui,sans-serif;margin:0;display:flex;height:100vh;color:#222}
main{flex:3;overflow:auto;padding:1.2em 2em;white-space:pre-wrap}
aside{flex:2;overflow:auto;padding:1em;background:#f6f6f4;border-left:1px solid #ddd;font-size:13px}
header{position:sticky;top:0;background:#fff;padding:.4em 0;border-bottom:1px solid #eee;white-space:normal}
.legend span{margin-right:.6em;padding:0 .3em}
.hl{border-radius:2px}
.resolution{box-shadow:inset 0 -2px #3366cc}
.strength{background:#d9f2d9}
.development{background:#ffe2c2}
.metric{outline:1px solid #1f6feb;font-weight:600}
.date{text-decoration:underline dotted #8a2be2 2px}
.judgement{outline:2px solid #c0392b}
.inspection{text-decoration:underline wavy #999}
aside li{margin-bottom:.4em} aside a{color:inherit;text-decoration:none} .val{color:#555}
aside h3{margin:.8em 0 .2em}
.conf{font:11px monospace;color:#555;margin-left:.3em} .doubtful{opacity:.55;border-bottom:1px dashed #999}
"""
# The page runs nothing and loads nothing: no script, no request (its only style is the inline one above,
# allowed by its hash), no form, no base; a document's text cannot make it do either.
_CSP = ("default-src 'none'; script-src 'none'; connect-src 'none'; img-src 'none'; font-src 'none'; "
        f"style-src 'sha256-{base64.b64encode(hashlib.sha256(_CSS.encode('utf-8')).digest()).decode('ascii')}'; "
        "base-uri 'none'; form-action 'none'")
_LEGEND = ("resolution", *get_args(Polarity), "metric", "date", "judgement", "inspection")


def _segments(text: str, marks: list[tuple[int, int, str, str]]) -> Iterable[str]:
    """The text cut at every mark boundary; each piece wrapped with the classes of the marks over it."""
    cuts = sorted({0, len(text), *[m[0] for m in marks], *[m[1] for m in marks]})
    starts: dict[int, list] = {}
    for m in marks:
        starts.setdefault(m[0], []).append(m)
    active: list = []
    for a, b in zip(cuts, cuts[1:]):  # a sweep: marks enter at their start and leave at their end
        active = [m for m in active if m[1] > a] + starts.get(a, [])
        piece = html.escape(text[a:b])
        if not active:
            yield piece
            continue
        classes = " ".join(sorted({m[2] for m in active}))
        anchor = next((m[3] for m in active if m[0] == a), None)
        ident = f' id="{anchor}"' if anchor else ""
        yield f'<span class="hl {classes}"{ident} title="{html.escape(", ".join(sorted({m[2] for m in active})))}">{piece}</span>'


def render_html(record: DocumentRecord) -> str:
    marks, panel = [], {group: [] for group in GROUPS}
    for n, (group, e) in enumerate(extractions(record)):
        kind = highlight_kind(group, e)
        anchor = f"x{n}"
        marks.append((e.span.start, e.span.end, kind, anchor))
        doubtful = " class=doubtful" if e.confidence is not None and e.confidence < LOW_CONFIDENCE else ""
        conf = f'<span class=conf title="confidence">{confidence_text(e)}</span>' if e.confidence is not None else ""
        panel[group].append(f'<li{doubtful}><a href="#{anchor}"><b class="hl {kind}">{html.escape(kind)}</b>'
                            f'{conf} <span class="val">{html.escape(describe(group, e))}</span><br>'
                            f'{html.escape(e.text[:160])}</a></li>')
    meeting = record.meeting
    title = html.escape(f"{record.source.path} — minutes-extract")
    legend = "".join(f'<span class="hl {k}">{k}</span>' for k in _LEGEND) + \
        f'<span class=doubtful>faded in the panel: confidence &lt; {LOW_CONFIDENCE}</span>'
    side = "".join(f"<h3>{g.capitalize()} ({len(rows)})</h3><ol>{''.join(rows)}</ol>" for g, rows in panel.items() if rows)
    items = "".join(f"<li>{html.escape(i.number or '-')} {html.escape(i.title or '(untitled)')}"
                    + (f'<span class=conf title="confidence">{confidence_text(i)}</span>' if i.confidence is not None else "")
                    + "</li>" for i in record.items)
    data = html.escape(json.dumps({"doc_id": record.doc_id, "source": record.source.path}))
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8>"
            f"<meta http-equiv=Content-Security-Policy content=\"{_CSP}\"><title>{title}</title>"
            f"<meta name=minutes-extract content=\"{data}\"><style>{_CSS}</style></head><body>"
            f"<main><header><b>{html.escape(record.source.path)}</b> · {html.escape(meeting_line(meeting))}"
            f"<div class=legend>{legend}</div></header>{''.join(_segments(record.text, marks))}</main>"
            f"<aside><h3>Items ({len(record.items)})</h3><ol>{items}</ol>{side}</aside></body></html>")


# -- plain text ------------------------------------------------------------------------------------
def confidence_tag(extraction: dict) -> str:
    """' (0.93)' when the extraction carries a confidence."""
    confidence = extraction.get("confidence")
    return "" if confidence is None else f" ({confidence:.2f})"


def summarise(path: Path) -> str:
    """A short plain-text digest of a JSONL output: per document its counts, items and resolutions."""
    lines = []
    for record in read_records(path):
        if "error" in record:
            lines.append(f"{record['source']['path']}: ERROR {record['error']['code']} {record['error']['message']}")
            continue
        holders = [*record["items"], record["unassigned"]]
        counts = {g: sum(len(h[g]) for h in holders) for g in GROUPS}
        meeting = record["meeting"]
        lines.append(f"{record['source']['path']}: {len(record['items'])} items; "
                     + ", ".join(f"{g} {n}" for g, n in counts.items())
                     + (f"; meeting {meeting.get('body') or 'body unknown'} {meeting.get('date') or ''}".rstrip()))
        for item in record["items"]:
            lines.append(f"  [{item['number'] or '-'}] {item['title'] or '(untitled)'}"[:104] + confidence_tag(item))
            for res in item["resolutions"]:
                lines.append(f"      {res['verb'].upper()}{confidence_tag(res)}: {' '.join(res['text'].split())[:90]}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(summarise(Path(sys.argv[1])))
