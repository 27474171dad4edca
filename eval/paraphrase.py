"""Findings under paraphrase: every text re-run with polarity-preserving word swaps must keep its findings.

    .venv/bin/python eval/paraphrase.py [--texts DIR --gold DIR] [--tables verbs,negative] [--diff] [--keep DIR]

Each swap table of eval/paraphrase.json (pairs of words or phrases that keep meaning and polarity in
council minutes) renders every text into a temporary directory, keeping its stem so the gold pairing
holds; each rendering is extracted and scored against the same gold like `minutes-extract evaluate`.
Prints findings P/R/F1 and macro F1 per table beside the unswapped run, and `kept`: of the findings the
unswapped run got right (scorer true positives), the share the swapped run still finds over the same
span of text with the same polarity. Swaps track offsets, so spans are compared in the original text and
`kept` measures the extractor, not the scorer's fuzzy text match (a swapped word can move a finding's text
below the match threshold without the extractor losing it). `new` counts swapped-run findings over text
where the unswapped run found none. --diff lists, per document, the findings lost and the findings new.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from minutes_extract.evaluate import judge, load_predictions, score
from minutes_extract.extract import extract_path
from minutes_extract.pipeline import get_pipeline

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
TABLES = Path(__file__).with_name("paraphrase.json")
SAME_SPAN = 0.5  # share of the shorter span two findings must overlap to be the same finding


@dataclass
class Swapped:
    """A rendered text and where each of its edits sits: (new start, new end, old start, old end)."""
    text: str
    edits: list[tuple[int, int, int, int]] = field(default_factory=list)

    def to_original(self, offset: int) -> int:
        """Offset in the original text of an offset in the swapped text (inside an edit: its start/end)."""
        i = bisect_right([e[0] for e in self.edits], offset) - 1
        if i < 0:
            return offset
        new_start, new_end, old_start, old_end = self.edits[i]
        if offset >= new_end:
            return old_end + (offset - new_end)
        return old_start if offset == new_start else old_end


def _pattern(words: list[str]) -> re.Pattern:
    """Word-bounded, case-insensitive alternation, longest first so phrases win over their words."""
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])", re.IGNORECASE)


def _same_case(source: str, target: str) -> str:
    if source.isupper() and len(source) > 1:
        return target.upper()
    if source[:1].isupper():
        return target[:1].upper() + target[1:]
    return target


def swap(text: str, table: dict) -> Swapped:
    """The text with every pair's `from` replaced by its `to`, except inside the table's `except` phrases."""
    targets = {p["from"].lower(): p["to"] for p in table["pairs"]}
    protected = []
    if table.get("except"):
        protected = [(m.start(), m.end()) for m in _pattern(table["except"]).finditer(text)]
    out, edits, last, shift = [], [], 0, 0
    for m in _pattern(list(targets)).finditer(text):
        if any(s < m.end() and m.start() < e for s, e in protected):
            continue
        replacement = _same_case(m.group(0), targets[re.sub(r"\s+", " ", m.group(0).lower())])
        out.append(text[last:m.start()])
        new_start = m.start() + shift
        edits.append((new_start, new_start + len(replacement), m.start(), m.end()))
        out.append(replacement)
        shift += len(replacement) - (m.end() - m.start())
        last = m.end()
    out.append(text[last:])
    return Swapped("".join(out), edits)


def _run(name: str, texts: list[Path], table: dict | None, work: Path, nlp, reuse: bool = False) -> dict:
    """Render (unless the unswapped run), extract and write the JSONL; per stem the offset maps.
    With `reuse`, a JSONL already in `work` from an earlier --keep run stands (no extraction)."""
    folder = work / name
    folder.mkdir(parents=True, exist_ok=True)
    out = work / f"{name}.jsonl"
    lines, maps = [], {}
    reuse = reuse and out.exists()
    for text in texts:
        raw = text.read_text(encoding="utf-8")
        swapped = swap(raw, table) if table else Swapped(raw)
        maps[text.stem] = swapped
        path = folder / text.name
        path.write_text(swapped.text, encoding="utf-8")
        if reuse:
            continue
        for record in extract_path(path, nlp):
            lines.append(record.model_dump_json(exclude_none=True))
    if not reuse:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"out": out, "maps": maps, "edits": sum(len(m.edits) for m in maps.values())}


def _spans(findings: list[dict], swapped: Swapped) -> list[tuple[int, int, str, dict]]:
    return [(swapped.to_original(f["span"]["start"]), swapped.to_original(f["span"]["end"]),
             (f.get("polarity") or "").lower(), f) for f in findings]


def _overlaps(a: tuple, b: tuple) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = max(1, min(a[1] - a[0], b[1] - b[0]))
    return a[2] == b[2] and shared / shorter >= SAME_SPAN


def compare(baseline: dict, run: dict, golds: dict) -> dict:
    """Kept / lost true positives and new findings of a swapped run against the unswapped one, by span."""
    base_preds, preds = load_predictions(baseline["out"]), load_predictions(run["out"])
    kept, lost, new = 0, [], []
    for stem, gold in golds.items():
        verdicts = judge(base_preds.get(stem, {}), gold)["findings"]
        before = _spans([f for f, _ in verdicts], baseline["maps"][stem])
        after = _spans(preds.get(stem, {}).get("findings", []), run["maps"][stem])
        right = {id(f) for f, ok in verdicts if ok}
        for span in before:
            if id(span[3]) not in right:
                continue
            if any(_overlaps(span, other) for other in after):
                kept += 1
            else:
                lost.append((stem, span[3]))
        new.extend((stem, s[3]) for s in after if not any(_overlaps(s, other) for other in before))
    total = kept + len(lost)
    return {"kept": kept / total if total else 1.0, "lost": lost, "new": new}


def _print_table(reference: dict, rows: dict) -> None:
    print(f"{'table':9} {'edits':>6} {'macro':>6} {'find P':>6} {'find R':>6} {'find F1':>7} {'vs base':>7} "
          f"{'kept':>6} {'lost':>5} {'new':>5}")
    for name, row in {"unswapped": {"score": reference, "edits": 0}, **rows}.items():
        s = row["score"]
        f = s["fields"]["findings"]
        delta = "" if name == "unswapped" else f"{f['f1'] - reference['fields']['findings']['f1']:+7.3f}"
        kept = "" if "kept" not in row else f"{row['kept']:6.3f} {len(row['lost']):5d} {len(row['new']):5d}"
        print(f"{name:9} {row['edits']:6d} {s['macro_f1']:6.3f} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:7.3f} "
              f"{delta:>7} {kept}")


def _print_differences(name: str, row: dict, run: dict) -> None:
    for stem, finding in row["lost"]:
        print(f"[{name}] {stem}: lost {finding.get('polarity')}: {finding['text'][:200]}")
    for stem, finding in row["new"]:
        print(f"[{name}] {stem}: new  {finding.get('polarity')}: {finding['text'][:200]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=DEV / "texts")
    parser.add_argument("--gold", type=Path, default=DEV / "gold")
    parser.add_argument("--tables", help="comma-separated table names (default: all in eval/paraphrase.json)")
    parser.add_argument("--swaps", type=Path, default=TABLES, help="the swap tables (JSON)")
    parser.add_argument("--diff", action="store_true", help="list per-document findings lost and new")
    parser.add_argument("--keep", type=Path, help="write the renderings and outputs here instead of a temp dir")
    parser.add_argument("--reuse", action="store_true", help="with --keep: score the outputs an earlier run left there")
    args = parser.parse_args(argv)

    texts = sorted(args.texts.glob("*.txt"))
    if not texts:
        print(f"no *.txt under {args.texts}", file=sys.stderr)
        return 2
    tables = json.loads(args.swaps.read_text(encoding="utf-8"))["tables"]
    chosen = [t.strip() for t in args.tables.split(",")] if args.tables else list(tables)
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.gold.glob("*.json"))}
    nlp = get_pipeline()
    with tempfile.TemporaryDirectory(prefix="minutes-paraphrase-") as tmp:
        work = args.keep or Path(tmp)
        baseline = _run("unswapped", texts, None, work, nlp, args.reuse)
        reference = score(baseline["out"], args.gold)
        rows = {}
        for name in chosen:
            run = _run(name, texts, tables[name], work, nlp, args.reuse)
            rows[name] = {"score": score(run["out"], args.gold), "edits": run["edits"],
                          **compare(baseline, run, golds)}
            if args.diff:
                _print_differences(name, rows[name], run)
    _print_table(reference, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
