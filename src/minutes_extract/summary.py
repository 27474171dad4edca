"""A short plain-text summary of a JSONL output (used by `make demo`)."""
from __future__ import annotations

import sys
from pathlib import Path

GROUPS = ("resolutions", "findings", "metrics", "dates", "judgements", "inspections")


def confidence_tag(extraction: dict) -> str:
    """' (0.93)' when the extraction carries a confidence."""
    confidence = extraction.get("confidence")
    return "" if confidence is None else f" ({confidence:.2f})"


def summarise(path: Path) -> str:
    lines = []
    from .writer import read_records
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
