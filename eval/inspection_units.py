"""Inspection-unit benchmark: the findings extractor on five real Ofsted inspection reports.

The reports (/work/shared/realdocs/ofsted/*.pdf, outside the project) were never used to write rules. A sample of
their units was labelled by hand before any change (eval/inspection-units/labels.jsonl: file, offsets into the
record text, label strength / development / none, sha1 of the unit text; the text itself is not stored).
Two pools per report: units the first run extracted, and units it did not.

Reports, for the current extractor:
  precision  share of the labelled units it now extracts that are findings (strength or development)
  polarity   share of the extracted true findings given the labelled polarity
  recall_not_extracted  share of the true findings in the not-extracted pool that it now finds
  recall_all share of all labelled true findings that it now finds
Each also weighted by the pools' sizes (the pools were sampled at different rates), as an estimate for the
reports as a whole. A unit counts as extracted when findings cover at least half of its characters or one lies wholly inside it
(the most-covering finding gives its polarity).

Usage: python eval/inspection_units.py [--json] [--floor eval/floor-inspection.json]
Exits 0 with a message when the reports are absent.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

REPORTS = Path("/work/shared/realdocs/ofsted")
HERE = Path(__file__).resolve().parent
LABELS = HERE / "inspection-units" / "labels.jsonl"
POOLS = HERE / "inspection-units" / "pools.json"
FINDING_LABELS = ("strength", "development")


def available() -> bool:
    return REPORTS.is_dir() and any(REPORTS.glob("*.pdf"))


def extract_records():
    """(file name, record as dict, Doc) for each report, through the pipeline as `extract` runs it."""
    from minutes_extract.extract import to_record
    from minutes_extract.ingest import read_sources
    from minutes_extract.pipeline import get_pipeline
    from minutes_extract.records import SourceInfo

    nlp = get_pipeline()
    for path in sorted(REPORTS.glob("*.pdf")):
        source = next(read_sources(path))
        doc = nlp(source.text)
        info = SourceInfo(path=source.path, format=source.format, sha256=source.sha256, size=source.size)
        record = json.loads(to_record(doc, info, source.pages, source.warnings).model_dump_json())
        yield path.name, record, doc


def findings_of(record: dict) -> list[dict]:
    return [f for item in record["items"] for f in item.get("findings", [])] + \
        list(record["unassigned"].get("findings", []))


def units_of(doc, text: str) -> list[tuple[int, int]]:
    """The findings component's units: a bullet block whole, a paragraph block cut at the sentence starts."""
    from minutes_extract.components.findings.reader import sentence_starts

    starts = sentence_starts(doc)
    out = []
    for span in sorted(doc.spans.get("blocks", []), key=lambda s: s.start_char):
        bs, be = span.start_char, span.end_char
        cuts = [bs] if span.label_ == "bullet" else [bs] + [s for s in starts if bs < s < be]
        for s, e in zip(cuts, cuts[1:] + [be]):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
    return out


def covered(start: int, end: int, spans: list[tuple[int, int, str]]) -> str | None:
    """The polarity of the most-covering finding when findings cover at least half of a unit, or when one lies
    wholly inside it (a numbered paragraph of several sentences, which the extractor reads sentence by
    sentence); else None."""
    best, pol, inside, total = 0, None, False, 0
    for fs, fe, p in spans:
        overlap = min(end, fe) - max(start, fs)
        if overlap <= 0:
            continue
        total += overlap
        inside = inside or (start <= fs and fe <= end)
        if overlap > best:
            best, pol = overlap, p
    return pol if total * 2 >= end - start or inside else None


def score(records: dict[str, dict], labels: list[dict], pools: dict) -> dict:
    counts = {}  # per (file, pool): number of labelled rows, for the weights
    for row in labels:
        counts[(row["file"], row["pool"])] = counts.get((row["file"], row["pool"]), 0) + 1
    acc = {k: [0.0, 0.0] for k in ("precision", "polarity", "recall_not_extracted", "recall_all")}
    wacc = {k: [0.0, 0.0] for k in acc}
    stale = 0
    errors = []
    for row in labels:
        text = records[row["file"]]["text"]
        if hashlib.sha1(text[row["start"]:row["end"]].encode()).hexdigest() != row["sha1"]:
            stale += 1  # the record text changed under the label: not scored
            continue
        spans = [(f["span"]["start"], f["span"]["end"], f["polarity"]) for f in findings_of(records[row["file"]])]
        got = covered(row["start"], row["end"], spans)
        true = row["label"] in FINDING_LABELS
        weight = pools[row["file"]][row["pool"]] / counts[(row["file"], row["pool"])]

        def add(key, hit):
            acc[key][0] += hit
            acc[key][1] += 1
            wacc[key][0] += hit * weight
            wacc[key][1] += weight
        if got:
            add("precision", true)
            if true:
                add("polarity", got == row["label"])
        if true:
            add("recall_all", bool(got))
            if row["pool"] == "not_extracted":
                add("recall_not_extracted", bool(got))
        if (got and not true) or (true and got != row["label"]):
            errors.append({**{k: row[k] for k in ("file", "start", "end", "label", "pool")}, "got": got})
    out = {k: round(v[0] / v[1], 4) if v[1] else None for k, v in acc.items()}
    out.update({"weighted_" + k: round(v[0] / v[1], 4) if v[1] else None for k, v in wacc.items()})
    out["n"] = {k: int(v[1]) for k, v in acc.items()}
    out["stale_labels"] = stale
    out["errors"] = errors
    return out


def run(records_file: Path | None = None) -> dict | None:
    """Score the current extractor (or the records of an earlier `extract` run on the reports)."""
    if records_file is not None:
        records = {Path(r["source"]["path"]).name: r
                   for r in map(json.loads, records_file.read_text().splitlines()) if "text" in r}
    elif not available():
        return None
    else:
        records = {name: record for name, record, _ in extract_records()}
    labels = [json.loads(line) for line in LABELS.read_text().splitlines() if line.strip()]
    return score(records, labels, json.loads(POOLS.read_text()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list the units scored wrong (offsets only)")
    ap.add_argument("--floor", type=Path)
    ap.add_argument("--records", type=Path, help="score this JSONL of the reports instead of extracting")
    args = ap.parse_args()
    result = run(args.records)
    if result is None:
        print(f"inspection units: skipped ({REPORTS} absent)")
        return 0
    errors = result.pop("errors")
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for k, v in result.items():
            print(f"{k:32} {v}")
    if args.errors:
        for e in errors:
            print(json.dumps(e))
    if args.floor:
        floor = json.loads(args.floor.read_text())
        low = {k: (result.get(k), v) for k, v in floor.items()
               if not k.startswith("_") and (result.get(k) is None or result[k] < v)}
        if low:
            print("below floor:", low)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
