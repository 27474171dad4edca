import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES
from minutes_extract.cli import app

runner = CliRunner()


def test_every_command_has_help():
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output, name


def test_schema_prints_the_document_schema():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.output)
    assert {"schema_version", "doc_id", "source", "meeting", "text", "items", "warnings"} <= set(schema["properties"])


def test_missing_path_is_a_one_line_error_with_status_2(tmp_path):
    result = subprocess.run([sys.executable, "-m", "minutes_extract.cli", "extract", str(tmp_path / "nope.txt")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "nope.txt" in result.stderr


def test_unwritable_output_is_a_one_line_error_with_status_2(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = subprocess.run([sys.executable, "-m", "minutes_extract.cli", "extract", str(FIXTURES / "003_cc0863f4dbd407ce.txt"),
                             "-o", str(blocker / "out.jsonl")], capture_output=True, text=True)
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0


def test_extract_to_stdout_writes_one_record_per_document():
    seeds = sorted(str(p) for p in FIXTURES.glob("0*.txt"))
    result = subprocess.run([sys.executable, "-m", "minutes_extract.cli", "extract", *seeds, "--jobs", "1"],
                            capture_output=True, text=True)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0 and len(records) == len(list(FIXTURES.glob("0*.txt")))


def test_evaluate_agrees_with_the_reference_scorer(shared, tmp_path):
    out = tmp_path / "dev.jsonl"
    subprocess.run([sys.executable, "-m", "minutes_extract.cli", "extract", str(shared / "eval/dev/texts"),
                    "-o", str(out), "--jobs", "1"], check=True, capture_output=True)
    ours = runner.invoke(app, ["evaluate", str(out), str(shared / "eval/dev/gold"), "--json"])
    reference = subprocess.run([sys.executable, str(shared / "eval/score.py"), str(out), str(shared / "eval/dev/gold"), "--json"],
                               capture_output=True, text=True, check=True)
    mine, theirs = json.loads(ours.output), json.loads(reference.stdout)
    assert mine["fields"] == theirs["fields"] and mine["macro_f1"] == theirs["macro_f1"]
