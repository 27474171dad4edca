"""The command line: thin typer commands over library functions. Only this module prints or exits."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import MinutesError, UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract structured, validated data from UK council committee minutes.")


def fail(message: str, status: int = 2) -> None:
    typer.echo(f"minutes-extract: {message}", err=True)
    raise typer.Exit(status)


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Files or directories (searched recursively)."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Output JSONL file (default: stdout)."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Error records (default: OUT.errors.jsonl)."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (default: all cores)."),
) -> None:
    """Extract every document under PATHS to one JSONL record per document."""
    from .batch import run_batch
    jobs = jobs or os.cpu_count() or 1
    try:
        summary = run_batch(paths, out, errors, jobs)
    except UsageError as exc:
        fail(exc.message)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.extractions.items()))
    typer.echo(f"{summary.documents} documents, {summary.items} items, {counts or 'no extractions'}; "
               f"{summary.errors} errors", err=True)
    if summary.errors:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the document record."""
    from .records import DocumentRecord
    typer.echo(json.dumps(DocumentRecord.model_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def evaluate(
    output: Path = typer.Argument(..., help="JSONL written by `extract`."),
    gold_dir: Path = typer.Argument(..., help="Directory of gold <stem>.json files."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    floor: Optional[Path] = typer.Option(None, "--floor", help="Fail when a score falls below this JSON floor file."),
) -> None:
    """Precision, recall and F1 per field and the macro F1 (same figures as eval/score.py)."""
    from .evaluate import format_report, score
    if not output.is_file():
        fail(f"no such output file: {output}")
    if not gold_dir.is_dir():
        fail(f"no such gold directory: {gold_dir}")
    result = score(output, gold_dir)
    if as_json:
        typer.echo(json.dumps({k: v for k, v in result.items() if k != "misses"}, indent=1))
    else:
        typer.echo(format_report(result, verbose))
    if floor is not None:
        below = below_floor(result, json.loads(floor.read_text()))
        if below:
            fail("below the committed floor: " + "; ".join(below), status=1)


def below_floor(result: dict, floor: dict) -> list[str]:
    below = []
    if result["macro_f1"] < floor.get("macro_f1", 0):
        below.append(f"macro F1 {result['macro_f1']:.3f} < {floor['macro_f1']:.3f}")
    for name, minimum in floor.get("fields", {}).items():
        got = result["fields"][name]["f1"]
        if got < minimum:
            below.append(f"{name} F1 {got:.3f} < {minimum:.3f}")
    return below


@app.command()
def package(out: Path = typer.Argument(Path("models/minutes-en"), help="Directory for the spaCy pipeline.")) -> None:
    """Write the packaged spaCy pipeline (loadable with spacy.load)."""
    from .pipeline import build_pipeline
    build_pipeline().to_disk(out)
    typer.echo(f"wrote {out}", err=True)


def main() -> None:
    try:
        app()
    except MinutesError as exc:
        typer.echo(f"minutes-extract: {exc.message}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
