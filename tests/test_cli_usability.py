"""The command line has no rough edges (issue 11, points 7-12): user mistakes are one line and exit 2,
no empty error file, --version and plain help, `show` colours and words, skipped tests named, range metrics
exported with a midpoint."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from rich.console import Console

from conftest import FIXTURES
from minutes_extract import __version__
from minutes_extract.cli import app
from minutes_extract.records import (
    DocumentRecord, Extractions, Finding, Item, Meeting, Metric, SourceInfo, Span,
)
from minutes_extract.review import render_html, show

ROOT = Path(__file__).resolve().parents[1]
SEED = FIXTURES / "003_cc0863f4dbd407ce.txt"
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "minutes_extract.cli", *map(str, args)],
                          capture_output=True, text=True, env=env)


def assert_one_line_exit_2(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "╭" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith("minutes-extract: ")
    return result.stderr


# ---------------------------------------------------------------- 7. user mistakes

@pytest.fixture
def not_ours(tmp_path):
    """Files that are not minutes-extract JSONL: another tool's JSON objects, plain text, nothing."""
    files = {"other.jsonl": '{"a": 1}\n{"b": [2]}\n', "text.jsonl": "minutes of the meeting\n", "empty.jsonl": ""}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [tmp_path / name for name in files]


def test_evaluate_on_a_file_that_is_not_our_jsonl_is_one_line_exit_2(not_ours, tmp_path):
    (tmp_path / "gold").mkdir()
    for path in not_ours:
        message = assert_one_line_exit_2(cli("evaluate", path, tmp_path / "gold"))
        assert path.name in message and "not minutes-extract JSONL" in message


def test_export_on_a_file_that_is_not_our_jsonl_is_one_line_exit_2_and_writes_no_tables(not_ours, tmp_path):
    pytest.importorskip("pyarrow")
    for path in not_ours:
        message = assert_one_line_exit_2(cli("export", path, tmp_path / "tables", "--to", "csv"))
        assert "not minutes-extract JSONL" in message
    assert not (tmp_path / "tables").exists()


def test_an_unknown_export_format_is_one_line_exit_2(tmp_path):
    out = tmp_path / "out.jsonl"
    assert cli("extract", SEED, "-o", out, "-q").returncode == 0
    assert "xls" in assert_one_line_exit_2(cli("export", out, tmp_path / "tables", "--to", "xls"))


@pytest.mark.parametrize("jobs", ["0", "-3", "many"])
def test_jobs_below_one_is_one_line_exit_2(jobs, tmp_path):
    message = assert_one_line_exit_2(cli("extract", SEED, "-o", tmp_path / "out.jsonl", "--jobs", jobs))
    assert "--jobs" in message
    assert not (tmp_path / "out.jsonl").exists()


def test_an_empty_input_directory_is_one_line_exit_2(tmp_path):
    (tmp_path / "in").mkdir()
    message = assert_one_line_exit_2(cli("extract", tmp_path / "in", "-o", tmp_path / "out.jsonl"))
    assert "no files to extract" in message and "empty" in message
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / "out.errors.jsonl").exists()


@pytest.mark.parametrize("args", [["bogus"], ["extract"], ["export", "only-one.jsonl"], ["extract", "x", "--nope"]])
def test_click_usage_errors_are_one_line_exit_2(args):
    assert_one_line_exit_2(cli(*args))


# ---------------------------------------------------------------- 8. no empty error file

def test_no_empty_error_file_is_left_when_nothing_failed(tmp_path):
    out = tmp_path / "out.jsonl"
    assert cli("extract", SEED, "-o", out, "-q", "--jobs", "1").returncode == 0
    assert out.stat().st_size > 0 and not (tmp_path / "out.errors.jsonl").exists()


def test_the_error_file_stays_when_a_document_failed(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blank.txt").write_bytes(b"")
    (tmp_path / "in" / "minutes.txt").write_bytes(SEED.read_bytes())
    result = cli("extract", tmp_path / "in", "-o", tmp_path / "out.jsonl", "-q", "--jobs", "1")
    assert result.returncode == 1
    assert len((tmp_path / "out.errors.jsonl").read_text().splitlines()) == 1


# ---------------------------------------------------------------- 9. --version, plain help

def test_version_prints_the_package_version():
    result = cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"minutes-extract {__version__}"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]  # one version, read from __init__.py


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_has_no_internal_metavars(command):
    result = cli(*([command] if command else []), "--help")
    assert result.returncode == 0 and result.stdout.startswith("Usage: minutes-extract")
    for internal in ("<bool>", "<list[", "<path>", "<int>", "<str>", "<float", "{"):
        assert internal not in result.stdout, (command, internal)


def test_extract_help_names_its_values_plainly():
    text = cli("extract", "--help").stdout
    assert "Usage: minutes-extract extract [OPTIONS] PATHS..." in text
    assert re.search(r"-o, --out FILE", text) and re.search(r"-j, --jobs N", text)


# ---------------------------------------------------------------- 10. show

def reviewed(authority=None, date=None) -> DocumentRecord:
    text = "The service has strong leadership. Leaders should improve supervision. Caseloads of 18-22."
    return DocumentRecord(
        doc_id="d1", source=SourceInfo(path="letter.txt", format="text", sha256="ab" * 32, size=len(text)),
        meeting=Meeting(authority=authority, body=None, date=date), text=text,
        items=[Item(index=0, title="Ofsted letter", span=Span(start=0, end=len(text)), findings=[
            Finding(text=text[:34], span=Span(start=0, end=34), rule="r", polarity="strength"),
            Finding(text=text[35:71], span=Span(start=35, end=71), rule="r", polarity="development")])],
        unassigned=Extractions(metrics=[Metric(text="18-22", span=Span(start=83, end=88), rule="m", kind="caseload",
                                               low=18, high=22)]),
    )


def rendered(record: DocumentRecord, **console) -> str:
    buffer = io.StringIO()
    Console(width=160, file=buffer, **console).print(show(record))
    return buffer.getvalue()


def line_with(text: str, word: str) -> str:
    return next(line for line in text.splitlines() if word in line)


def colour_codes(line: str) -> set[str]:
    """SGR colour codes (foreground 30-37, 90-97) on a line; bold and italic are not colours."""
    return {c for seq in re.findall(r"\x1b\[([0-9;]*)m", line) for c in seq.split(";")
            if c.isdigit() and (30 <= int(c) <= 37 or 90 <= int(c) <= 97)}


def test_show_colours_strengths_and_developments_differently():
    text = rendered(reviewed(), force_terminal=True, color_system="standard")
    strength, development = line_with(text, "strength"), line_with(text, "development")
    assert colour_codes(strength) and colour_codes(development) and colour_codes(strength) != colour_codes(development)


def test_show_has_no_colour_without_a_terminal_or_with_no_color(tmp_path):
    assert "\x1b[" not in rendered(reviewed(), force_terminal=False)
    assert not colour_codes(rendered(reviewed(), force_terminal=True, no_color=True))
    out = tmp_path / "out.jsonl"
    out.write_text(reviewed().model_dump_json() + "\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": ""}
    result = cli("show", out, env=env)
    assert result.returncode == 0 and "\x1b[" not in result.stdout


def test_show_and_the_review_page_say_what_is_unknown_never_a_question_mark():
    text = rendered(reviewed(), force_terminal=False)
    assert "authority unknown" in text and "body unknown" in text and "date unknown" in text
    assert "?" not in text
    page = render_html(reviewed())
    assert "authority unknown" in page and "date unknown" in page
    known = rendered(reviewed(authority="Kent County Council", date="2025-01-09"), force_terminal=False)
    assert "Kent County Council" in known and "2025-01-09" in known and "body unknown" in known


# ---------------------------------------------------------------- 11. skipped tests are named

def test_pytest_reports_skipped_tests_and_why():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    options = pyproject["tool"]["pytest"]["ini_options"]["addopts"].split()
    assert any(o.startswith("-r") and "s" in o[2:] for o in options)


# ---------------------------------------------------------------- 12. range metrics in export

def test_export_gives_a_range_metric_its_midpoint_and_flags_it(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from minutes_extract.export import export_tables
    records = tmp_path / "out.jsonl"
    records.write_text(reviewed().model_dump_json() + "\n", encoding="utf-8")
    export_tables(records, tmp_path / "tables", "parquet")
    (row,) = pq.read_table(tmp_path / "tables" / "metrics.parquet").to_pylist()
    assert (row["low"], row["high"], row["value"], row["is_range"]) == (18, 22, 20, True)
    export_tables(records, tmp_path / "csv", "csv")
    text = (tmp_path / "csv" / "metrics.csv").read_text(encoding="utf-8")
    assert '"is_range"' in text.splitlines()[0] and "20" in text.splitlines()[1]


def test_a_single_value_metric_is_not_a_range(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from minutes_extract.export import export_tables
    record = reviewed()
    record.unassigned.metrics = [Metric(text="18", span=Span(start=83, end=85), rule="m", kind="caseload", value=18)]
    records = tmp_path / "out.jsonl"
    records.write_text(record.model_dump_json() + "\n", encoding="utf-8")
    export_tables(records, tmp_path / "tables", "parquet")
    (row,) = pq.read_table(tmp_path / "tables" / "metrics.parquet").to_pylist()
    assert (row["value"], row["is_range"], row["low"]) == (18, False, None)


def test_the_readme_says_how_ranges_are_counted():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    analytics = readme[readme.index("### Analytics"):]
    assert "is_range" in analytics and "midpoint" in analytics
