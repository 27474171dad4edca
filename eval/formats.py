"""Format equivalence on the dev set: every dev text rendered as HTML, DOCX and PDF must score
(macro F1) within --max-drop of the text itself. `--formats packed,spaced,capitals` lays the same text out as
other council sites do (no blank lines; a blank line after every line; short lines in capitals).

    .venv/bin/python eval/formats.py [--texts DIR --gold DIR] [--diff] [--keep DIR]

Each text is rendered with tests/render_formats.py (ModernGov-like HTML, python-docx DOCX,
reportlab PDF with wrapped lines and page-number footers) into a temporary directory, keeping its
stem so the gold pairing holds; each format is extracted and scored like `minutes-extract evaluate`.
Prints macro F1 and per-field F1 per format with the difference to text; exits 1 when a format is
more than --max-drop below text. --diff lists, per document, the extractions that differ from the
text's (the same comparison as tests/test_format_equivalence.py).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from minutes_extract.evaluate import CORE, score  # noqa: E402
from minutes_extract.extract import extract_path  # noqa: E402
from minutes_extract.pipeline import get_pipeline  # noqa: E402
from render_formats import LAYOUTS, RENDERERS, SUFFIXES, differences  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=DEV / "texts")
    parser.add_argument("--gold", type=Path, default=DEV / "gold")
    parser.add_argument("--formats", default=",".join(RENDERERS),
                        help="comma-separated: html,docx,pdf, and the plain-text layouts " + ",".join(LAYOUTS))
    parser.add_argument("--max-drop", type=float, default=0.05, help="largest macro F1 drop allowed vs text")
    parser.add_argument("--diff", action="store_true", help="list per-document differences from the text")
    parser.add_argument("--keep", type=Path, help="write the renderings and outputs here instead of a temp dir")
    args = parser.parse_args(argv)

    texts = sorted(args.texts.glob("*.txt"))
    if not texts:
        print(f"no *.txt under {args.texts}", file=sys.stderr)
        return 2
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    nlp = get_pipeline()
    with tempfile.TemporaryDirectory(prefix="minutes-formats-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        baseline = _run("text", texts, work, nlp)
        results = {fmt: _run(fmt, texts, work, nlp) for fmt in formats}
        if args.diff:
            _print_differences(baseline, results)
        reference = score(baseline["out"], args.gold)
        scores = {fmt: score(r["out"], args.gold) for fmt, r in results.items()}
    failed = _print_table(reference, scores, {"text": baseline, **results}, args.max_drop)
    if failed:
        print(f"FAIL: {', '.join(failed)} more than {args.max_drop:.2f} macro F1 below text")
        return 1
    return 0


def _run(fmt: str, texts: list[Path], work: Path, nlp) -> dict:
    """Render (unless text), extract and write the JSONL; records kept for --diff."""
    folder = work / fmt
    folder.mkdir(exist_ok=True)
    started = time.perf_counter()
    records, lines = {}, []
    for text in texts:
        if fmt == "text":
            path = text
        else:
            path = folder / (text.stem + SUFFIXES.get(fmt, ".txt"))
            path.write_bytes({**RENDERERS, **LAYOUTS}[fmt](text.read_text(encoding="utf-8")))
        for record in extract_path(path, nlp):
            records[text.stem] = record
            lines.append(record.model_dump_json(exclude_none=True))
    out = work / f"{fmt}.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"out": out, "records": records, "seconds": time.perf_counter() - started}


def _print_differences(baseline: dict, results: dict) -> None:
    for fmt, result in results.items():
        for stem, expected in baseline["records"].items():
            actual = result["records"].get(stem)
            if actual is None or hasattr(actual, "error") or hasattr(expected, "error"):
                error = getattr(actual, "error", None) or getattr(expected, "error", None)
                print(f"[{fmt}] {stem}: error record: {error.code if error else 'missing'}")
                continue
            for line in differences(expected, actual):
                print(f"[{fmt}] {stem}: {line[:300]}")


def _print_table(reference: dict, scores: dict, runs: dict, max_drop: float) -> list[str]:
    header = f"{'format':7} {'macro F1':>8} {'vs text':>8}  " + " ".join(f"{f[:11]:>11}" for f in CORE) + f" {'seconds':>8}"
    print(header)
    failed = []
    for fmt, result in {"text": reference, **scores}.items():
        delta = result["macro_f1"] - reference["macro_f1"]
        fields = " ".join(f"{result['fields'][f]['f1']:11.3f}" for f in CORE)
        shown = "" if fmt == "text" else f"{delta:+8.3f}"
        print(f"{fmt:7} {result['macro_f1']:8.3f} {shown:>8}  {fields} {runs[fmt]['seconds']:8.1f}")
        if delta < -max_drop - 1e-9:
            failed.append(fmt)
    return failed


if __name__ == "__main__":
    sys.exit(main())
