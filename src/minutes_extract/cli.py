"""The command line: thin typer commands over library functions. Only this module prints or exits."""
from __future__ import annotations

import gc
import json
import os
import re
import sys
from pathlib import Path
from typing import List, Optional

import typer
try:  # recent typer carries its own copy of click: its exceptions and parameter classes are that copy's
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older typer uses the click package
    from click import exceptions as click_errors
from typer.core import TyperCommand

from . import __version__
from .errors import MinutesError, UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  context_settings={"max_content_width": 110},
                  help="Extract structured, validated data from UK council committee minutes.")


def argument_name(param) -> str:
    """PATHS... / OUT_DIR: the argument's name as a user reads it, without typer's type labels."""
    name = (param.metavar or param.name or "").upper()
    return name + ("..." if param.nargs != 1 else "")


class PlainHelp(TyperCommand):
    """Help in plain click style (`PATHS...`, `-o, --out FILE`), never typer's internal labels
    (`<list[Path]>`, `{paths}`, `<bool>`). Options name their value with an explicit metavar."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(argument_name(param) if param.required else f"[{argument_name(param)}]")
        return pieces

    def format_options(self, ctx, formatter) -> None:
        params = self.get_params(ctx)
        arguments = [(argument_name(p), getattr(p, "help", None) or "") for p in params if p.param_type_name == "argument"]
        options = [record for p in params if p.param_type_name == "option" and (record := p.get_help_record(ctx))]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def print_version(value: bool) -> None:
    if value:
        typer.echo(f"minutes-extract {__version__}")
        raise typer.Exit()


@app.callback()
def root(version: bool = typer.Option(False, "--version", callback=print_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Extract structured, validated data from UK council committee minutes."""


def fail(message: str, status: int = 2) -> None:
    typer.echo(f"minutes-extract: {message}", err=True)
    raise typer.Exit(status)


def default_jobs(paths: List[Path]) -> int:
    """All cores, but no more worker processes than the inputs fill chunks for (a worker takes one chunk at a
    time): one small input is extracted in this process, without starting a pool of workers for it."""
    cores = os.cpu_count() or 1
    if cores == 1:
        return 1
    from itertools import islice
    from .batch.engines import LOCAL_CHUNK
    from .batch.run import input_files
    try:
        inputs = sum(1 for _ in islice(input_files(list(paths), set()), cores * LOCAL_CHUNK))
    except (OSError, MinutesError):  # a missing path: run_batch reports it
        return cores
    return max(1, min(cores, -(-inputs // LOCAL_CHUNK)))


@app.command(cls=PlainHelp)
def extract(
    paths: List[Path] = typer.Argument(..., metavar="PATHS", help="Files or directories (searched recursively)."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", metavar="FILE", help="Output JSONL file (default: stdout)."),
    errors: Optional[Path] = typer.Option(None, "--errors", metavar="FILE", help="Error records (default: OUT.errors.jsonl)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N",
                                       help="Worker processes, 1 or more (default: all cores; a few inputs "
                                            "are extracted in this process)."),
    resume: bool = typer.Option(False, "--resume", help="Skip inputs already in OUT or its error file."),
    max_doc_mb: float = typer.Option(
        64.0, "--max-doc-mb", min=0.001, metavar="MB", help="Largest document text (MB) a worker extracts; texts over 1 MB "
                                              "are extracted in parts; a worker needs about 150 MB plus 12 MB per MB of "
                                              "text (50 MB: about 740 MB). Larger documents become error records."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no closing summary."),
    engine: str = typer.Option("local", "--engine", metavar="NAME", help="local (processes on this machine) or dask."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (implies --engine dask; "
                                  "without it the dask engine starts a local cluster)."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, metavar="0-1",
                                         help="Drop extractions whose confidence is below this (0-1)."),
) -> None:
    """Extract every document under PATHS to one JSONL record per document."""
    from .batch import default_errors_path, run_batch
    from .progress import ProgressBar
    from .rules import validate_all
    validate_all()  # a mistake in the rule files ($MINUTES_EXTRACT_RULES) stops the run before any document
    jobs = jobs or default_jobs(paths)  # None: all cores the inputs can use (0 and below are refused by min=1)
    engine = "dask" if scheduler else engine
    progress = None if quiet or not sys.stderr.isatty() else ProgressBar(sys.stderr)
    try:
        summary = run_batch(paths, out, errors, jobs, resume=resume, engine=engine, scheduler=scheduler,
                            progress=progress, max_doc_mb=max_doc_mb, min_confidence=min_confidence)
    except UsageError as exc:
        fail(exc.message)
    failed = ""
    if summary.errors:
        failed = (f"{summary.errors} of {summary.documents + summary.errors} documents failed "
                  f"(error records in {errors or default_errors_path(out) or 'stdout'})")
    if not quiet:
        typer.echo(summary.line() + (f" -- {failed}" if failed else ""), err=True)
    elif failed:
        typer.echo(f"minutes-extract: {failed}", err=True)
    if failed:
        raise typer.Exit(1)


@app.command(cls=PlainHelp)
def export(
    records: Path = typer.Argument(..., help="JSONL written by `extract`."),
    out_dir: Path = typer.Argument(..., help="Directory for the tables (one file per table)."),
    to: str = typer.Option("parquet", "--to", metavar="FORMAT", help="parquet or csv."),
) -> None:
    """Flat analytics tables (documents, items, resolutions, findings, metrics, dates, judgements,
    inspections) keyed by doc_id and item_index."""
    from .export import export_tables
    try:
        counts = export_tables(records, out_dir, to)
    except UsageError as exc:
        fail(exc.message)
    skipped = (f"; skipped {counts.error_records} error records" if counts.error_records else "") + \
        (f"; {counts.invalid_lines} lines were not records" if counts.invalid_lines else "")
    typer.echo(f"{to} tables in {out_dir}: " + ", ".join(f"{t} {n}" for t, n in counts.rows.items()) + skipped, err=True)


@app.command(cls=PlainHelp)
def schema() -> None:
    """Print the JSON Schema of the document record."""
    from .records import DocumentRecord
    typer.echo(json.dumps(DocumentRecord.model_json_schema(), indent=2, ensure_ascii=False))


@app.command(cls=PlainHelp)
def evaluate(
    output: Path = typer.Argument(..., help="JSONL written by `extract`."),
    gold_dir: Path = typer.Argument(..., help="Directory of gold STEM.json files (one per document)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    floor: Optional[Path] = typer.Option(None, "--floor", metavar="FILE", help="Fail when a score falls below this JSON floor file."),
) -> None:
    """Precision, recall and F1 per field and the macro F1 (same figures as eval/score.py)."""
    from .evaluate import below_floor, format_report, load_floor, score
    if not output.is_file():
        fail(f"no such output file: {output}")
    if not gold_dir.is_dir():
        fail(f"no such gold directory: {gold_dir}")
    from .export import require_records
    try:
        require_records(output)
    except UsageError as exc:
        fail(exc.message)
    result = score(output, gold_dir)
    if as_json:
        typer.echo(json.dumps({k: v for k, v in result.items() if k != "misses"}, indent=1))
    else:
        typer.echo(format_report(result, verbose))
    if floor is not None:
        try:
            below = below_floor(result, load_floor(floor))
        except UsageError as exc:
            fail(exc.message)
        if below:
            fail("below the committed floor: " + "; ".join(below), status=1)


@app.command("check-outcomes", cls=PlainHelp)
def check_outcomes(
    output: Path = typer.Argument(..., help="JSONL written by `extract`."),
    official: Path = typer.Option(..., "--official", metavar="CSV",
                                  help="Official outcomes (ofsted_ilacs_history.csv: authority, publication date, grades)."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", metavar="FILE",
                                       help="Write the records with the warnings added (default: only report them)."),
) -> None:
    """Check each inspection report's judgements against the official outcomes; a report whose grades
    disagree gets a warning naming both (printed, and added to the records written with --out)."""
    from .official_outcomes import check_record, load_outcomes
    from .records import DocumentRecord
    from .writer import read_records
    if not output.is_file():
        fail(f"no such output file: {output}")
    if not official.is_file():
        fail(f"no such outcomes file: {official}")
    outcomes = load_outcomes(official)
    lines = []
    try:
        records = list(read_records(output))
    except UsageError as exc:
        fail(exc.message)
    for data in records:
        if "error" not in data:
            record = DocumentRecord.model_validate(data)
            for warning in check_record(record, outcomes):
                typer.echo(f"{record.source.path}: {warning}")
                data["warnings"] = data.get("warnings", []) + [warning]
        lines.append(json.dumps(data, ensure_ascii=False))
    if out is not None:
        out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


@app.command(cls=PlainHelp)
def calibrate(
    pairs: List[Path] = typer.Argument(..., metavar="RECORDS_GOLD", help="RECORDS.jsonl GOLD_DIR [RECORDS.jsonl GOLD_DIR ...]"),
    councils: Optional[Path] = typer.Option(None, "--councils", metavar="FILE", help="JSON doc stem -> council (CV groups)."),
    out: Path = typer.Option(Path("models/confidence.json"), "-o", "--out", metavar="FILE", help="Confidence table to write."),
) -> None:
    """Measure each rule's precision on annotated sets and write the confidence table (models/confidence.json)."""
    from .calibrate import calibrate as fit_table, observations, write
    if len(pairs) % 2:
        fail("give RECORDS GOLD_DIR pairs")
    obs, sources = [], []
    for records, gold in zip(pairs[::2], pairs[1::2]):
        if not records.is_file() or not gold.is_dir():
            fail(f"need a records file and a gold directory: {records} {gold}")
        found = observations(records, gold)
        obs += found
        sources.append({"gold": gold.as_posix(), "documents": len({o.doc for o in found}), "observations": len(found)})
    groups = json.loads(councils.read_text(encoding="utf-8")) if councils else {}
    table = fit_table(obs, groups, sources)
    write(table, out)
    cv = table["cross_validation"]
    typer.echo(f"wrote {out}: {len(obs)} observations; prior strength {cv['strength']}; cross-validated Brier "
               f"{cv['rules']['brier']:.4f} (field only {cv['field_only_baseline']['brier']:.4f}), "
               f"ECE {cv['rules']['ece']:.4f}", err=True)
    for band in cv["rules"]["bands"]:
        typer.echo(f"  confidence [{band['low']:.2f}, {band['high']:.2f}): n={band['n']:5d} "
                   f"mean {band['mean_confidence']:.3f} precision {band['precision']:.3f}", err=True)


@app.command(cls=PlainHelp)
def package(out: Path = typer.Argument(Path("models/minutes-en"), help="Directory for the spaCy pipeline.")) -> None:
    """Write the packaged spaCy pipeline (loadable with spacy.load)."""
    from .pipeline import build_pipeline
    build_pipeline().to_disk(out)
    typer.echo(f"wrote {out}", err=True)


def _records_for_review(doc: Path):
    """DocumentRecords from a JSONL output, or from extracting a document file."""
    from .records import DocumentRecord
    if not doc.exists():
        fail(f"no such file: {doc}")
    if doc.suffix == ".jsonl":
        from .writer import read_records
        bad: list[int] = []
        try:
            records = [DocumentRecord.model_validate(data) for data in read_records(doc, bad, errors=False)]
        except (UsageError, ValueError) as exc:  # unreadable file, a record that does not validate
            fail(f"{doc}: {getattr(exc, 'message', None) or str(exc).splitlines()[0]}")
        if not records:
            fail(f"no document record in {doc}")
        if bad:  # torn by a crash or not ours: the user must know before reading a partial review
            fail(f"{doc}: line {', '.join(map(str, bad[:5]))}{' ...' if len(bad) > 5 else ''} "
                 f"{'are' if len(bad) > 1 else 'is'} not a complete record (torn or junk); "
                 "`extract --resume` completes a torn output")
        return records
    from .extract import extract_path
    records = list(extract_path(doc))
    for r in records:
        if not isinstance(r, DocumentRecord):
            fail(f"{r.source.path}: {r.error.code} {r.error.message}", status=1)
    return records


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(value):
    """Control characters (ESC starts a terminal command: window titles, hidden text) become U+FFFD, one
    for one, so every span offset still holds."""
    if isinstance(value, str):
        return _CONTROL.sub("\ufffd", value)
    if isinstance(value, list):
        return [terminal_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: terminal_safe(v) for k, v in value.items()}
    return value


@app.command(cls=PlainHelp)
def show(doc: Path = typer.Argument(..., help="A document, or a JSONL output of `extract`.")) -> None:
    """A readable summary at the terminal: meeting, items, resolutions, findings, metrics, dates, judgements."""
    from rich.console import Console
    from .records import DocumentRecord
    from .review import show as show_record
    console = Console()
    for record in _records_for_review(doc):
        safe = DocumentRecord.model_validate(terminal_safe(record.model_dump()))
        console.print(show_record(safe))


@app.command(cls=PlainHelp)
def render(
    doc: Path = typer.Argument(..., help="A document, or a JSONL output of `extract` (first record)."),
    out: Path = typer.Option(..., "-o", "--out", metavar="FILE", help="HTML file to write."),
) -> None:
    """A self-contained HTML page: the text with every extraction highlighted, a legend and a side panel."""
    from .review import render_html
    records = _records_for_review(doc)
    if not records:
        fail(f"no document record in {doc}")
    try:
        out.write_text(render_html(records[0]), encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
    typer.echo(f"wrote {out}", err=True)


# -- the archive view (minutes_extract.archive) ------------------------------------------------------
def _archive_records(records: Path) -> list[dict]:
    from .archive import load_records
    from .export import require_records
    try:
        require_records(records) if records.is_file() else None
        found = list(load_records(records))
    except UsageError as exc:
        fail(exc.message)
    return found


def _official(official: Optional[Path], required: bool = False):
    """The official record (Ofsted ILACS history CSV): --official, else ../shared/reference when present."""
    from .archive.timeline import default_official_path, load_official
    path = official or default_official_path()
    if path is None:
        if required:
            fail("no official record: give --official FILE (the Ofsted ILACS history CSV)")
        return None
    try:
        return load_official(path)
    except UsageError as exc:
        fail(exc.message)


# The parameters the archive commands share (typer copies a parameter object for each command using it).
RECORDS = typer.Argument(..., help="JSONL written by `extract`.")
TABLE_OUT = typer.Option(None, "-o", "--out", metavar="FILE", help="Table to write (.csv or .jsonl).")
OFFICIAL = typer.Option(None, "--official", metavar="FILE",
                        help="Ofsted ILACS history CSV (default: ../shared/reference when present).")


def _write_or_print(rows: list[dict], columns, out: Optional[Path], label: str) -> None:
    from .archive import write_table
    if out is not None:
        try:
            write_table(rows, columns, out)
        except UsageError as exc:
            fail(exc.message)
        typer.echo(f"wrote {out}: {len(rows)} {label}", err=True)
        return
    for row in rows:
        typer.echo(terminal_safe(" | ".join("" if row.get(c) is None else str(row.get(c)) for c in columns)))


@app.command(cls=PlainHelp)
def authorities(records: Path = RECORDS, out: Optional[Path] = TABLE_OUT) -> None:
    """The canonical authority of each document (gazetteer models/gazetteer.jsonl), the cue that decided it and a confidence."""
    from .archive.gazetteer import resolve_all
    rows = [{"path": m.path, "doc_id": m.doc_id, "status": m.status, "authority_id": m.authority_id, "name": m.name,
             "type": m.type, "gss": m.gss, "ofsted_urn": m.ofsted_urn, "cue": m.cue.kind if m.cue else None,
             "cue_text": m.cue.text if m.cue else None, "confidence": m.confidence, "reason": m.reason}
            for m in resolve_all(_archive_records(records))]
    columns = ("path", "doc_id", "status", "authority_id", "name", "type", "gss", "ofsted_urn", "cue", "cue_text",
               "confidence", "reason")
    _write_or_print(rows, columns, out, "documents")


@app.command(cls=PlainHelp)
def timeline(records: Path = RECORDS, out: Optional[Path] = TABLE_OUT, official: Optional[Path] = OFFICIAL) -> None:
    """Judgements and inspections per authority in time, deduplicated, checked against the official record."""
    from .archive.timeline import TIMELINE_COLUMNS, build_timeline, timeline_rows
    rows = timeline_rows(build_timeline(_archive_records(records), official=_official(official)))
    _write_or_print(rows, TIMELINE_COLUMNS, out, "events")


@app.command(cls=PlainHelp)
def followups(
    records: Path = RECORDS,
    out: Optional[Path] = TABLE_OUT,
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="YYYY-MM-DD",
                                        help="Judge overdue at this date (default: each authority's latest meeting)."),
) -> None:
    """Resolutions asking for something later, and whether a later meeting of the same body took each up."""
    from .archive.followups import FOLLOWUP_COLUMNS, followup_rows, track
    if as_of is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of):
        fail(f"--as-of wants a date as YYYY-MM-DD, not {as_of!r}")
    rows = followup_rows(track(_archive_records(records), as_of=as_of))
    _write_or_print(rows, FOLLOWUP_COLUMNS, out, "follow-ups")


@app.command(cls=PlainHelp)
def report(
    records: Path = RECORDS,
    out: Path = typer.Option(..., "-o", "--out", metavar="DIR", help="Directory for the static site."),
    official: Optional[Path] = OFFICIAL,
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="YYYY-MM-DD", help="Judge follow-ups overdue at this date."),
) -> None:
    """A self-contained static HTML report: authorities, judgement timelines, inspections, findings by theme,
    follow-ups, and every document's review page."""
    from .archive.report import build_site
    found = _archive_records(records)
    try:
        summary = build_site(found, out, official=_official(official), as_of=as_of)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
    typer.echo(f"wrote {summary.out_dir / 'index.html'}: {summary.authorities} authorities, {summary.documents} "
               f"documents ({summary.unknown} with authority unknown)", err=True)


def main() -> None:
    """Every user mistake is one line on stderr and exit status 2: our own (UsageError) and click's
    (a bad option value, an unknown option, a missing argument), never a traceback or a boxed panel."""
    try:
        status = run_app()
    finally:
        # the interpreter's last garbage collections would walk every object the pipeline built (compiled
        # rules, spaCy's vocabulary) only to hand the memory back to the OS: a third of a second of a
        # one-document run. Frozen, they are skipped; the outputs are closed by now.
        gc.freeze()
    sys.exit(status if isinstance(status, int) else 0)


def run_app():
    """The command's return value; a user mistake as in main()."""
    try:
        return app(standalone_mode=False, prog_name="minutes-extract")
    except click_errors.NoArgsIsHelpError as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click_errors.UsageError as exc:
        typer.echo(f"minutes-extract: {exc.format_message()}", err=True)
        sys.exit(2)
    except click_errors.ClickException as exc:  # e.g. a file argument that cannot be opened
        typer.echo(f"minutes-extract: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("minutes-extract: aborted", err=True)
        sys.exit(1)
    except MinutesError as exc:
        typer.echo(f"minutes-extract: {exc.message}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
