"""The archive report (static site) and the archive commands on the fixture archive."""
from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import SEEDS
from minutes_extract.archive.report import build_site
from test_archive import CABINET_2023, LATER_MEETING, wnc_official, written


@pytest.fixture(scope="session")
def archive_jsonl(seed_records, nlp, tmp_path_factory):
    """The fixture archive as an `extract` JSONL file (the seeds and the later WNC meeting)."""
    from minutes_extract.extract import extract_path
    from minutes_extract.writer import to_line
    path = tmp_path_factory.mktemp("archive") / "archive.jsonl"
    records = [*seed_records.values(), next(extract_path(LATER_MEETING, nlp))]
    path.write_text("".join(to_line(r) for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def site(archive_jsonl, nlp, tmp_path_factory):
    from minutes_extract.archive import load_records
    records = list(load_records(archive_jsonl))
    hostile = written(nlp, CABINET_2023.format(grade="were good").replace("Ofsted inspection", "<script>alert('x')</script>"),
                      path="<img src=x onerror=alert(1)>.txt")
    out = tmp_path_factory.mktemp("site")
    summary = build_site([*records, hostile], out, official=wnc_official())
    return out, summary


def test_site_has_an_index_a_page_per_authority_and_a_review_page_per_document(site, archive_jsonl):
    out, summary = site
    assert summary.authorities == 4 and summary.documents == len(SEEDS) + 2 and summary.unknown == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    for ident in ("west-northamptonshire", "durham", "north-somerset", "middlesbrough"):
        assert f'href="{ident}.html"' in index and (out / f"{ident}.html").is_file()
    page = (out / "west-northamptonshire.html").read_text(encoding="utf-8")
    for link in set(re.findall(r'href="(docs/[0-9a-f]+\.html)', page)):
        assert (out / link).is_file()
    assert "<svg" in page and "Official record: overall" in page and "inadequate" in page
    assert "Findings by theme" in page and "Follow-ups (2)" in page  # seed 000's and the later meeting's


def test_the_differing_judgement_is_ringed_and_the_followup_met(site):
    out, _ = site
    page = (out / "west-northamptonshire.html").read_text(encoding="utf-8")
    assert 'stroke="#000" stroke-width="3"' in page  # the 2022 'good' against the record's requires improvement
    assert "status-differs" in page and "status-met" in page and "1 differ from the official record" in page


def test_every_page_is_self_contained_and_escaped(site):
    out, _ = site
    for page in [*out.glob("*.html"), *(out / "docs").glob("*.html")]:
        text = page.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in text and "default-src 'none'" in text, page.name
        assert "<script" not in text and "<img" not in text, page.name
        assert not re.search(r'(?:src|href)="(?:https?:)?//', text), page.name
    page = (out / "west-northamptonshire.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in page


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def test_the_report_opens_in_headless_chromium_without_console_errors(site, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    out, _ = site
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run", "--enable-logging=stderr", "--v=0", f"--user-data-dir={tmp_path / 'profile'}"]
    for name in ("index.html", "west-northamptonshire.html"):
        done = subprocess.run([browser, *flags, "--dump-dom", (out / name).as_uri()], capture_output=True, text=True,
                              timeout=600)  # a hang guard only
        console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Refused to" in line]
        assert console == [], console
        assert "</table>" in done.stdout
    shot = tmp_path / "wnc.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1200,1400",
                    (out / "west-northamptonshire.html").as_uri()], capture_output=True, timeout=600)
    assert shot.is_file() and shot.stat().st_size > 10_000


# -- the commands ----------------------------------------------------------------------------------------
def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "minutes_extract.cli", *map(str, args)], capture_output=True, text=True)


def test_timeline_and_followups_export_tables(archive_jsonl, tmp_path):
    done = cli("timeline", archive_jsonl, "-o", tmp_path / "timeline.csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(open(tmp_path / "timeline.csv", encoding="utf-8")))
    wnc_2019 = [r for r in rows if r["authority_id"] == "west-northamptonshire" and r["date"] == "2019"]
    assert wnc_2019 and wnc_2019[0]["sources"] == "2" and wnc_2019[0]["grade"] == "inadequate"
    done = cli("followups", archive_jsonl, "-o", tmp_path / "followups.jsonl")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in open(tmp_path / "followups.jsonl", encoding="utf-8")]
    (seed,) = [r for r in rows if r["path"] == str(SEEDS[0])]
    assert (seed["status"], seed["due"], seed["met_in"]) == ("met", "2022-01-25", str(LATER_MEETING))


def test_authorities_prints_one_line_per_document(archive_jsonl):
    done = cli("authorities", archive_jsonl)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == len(SEEDS) + 1
    assert "West Northamptonshire Council" in done.stdout and "E06000062" in done.stdout


def test_report_command_writes_the_site(archive_jsonl, tmp_path):
    done = cli("report", archive_jsonl, "-o", tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "index.html").is_file() and "4 authorities" in done.stderr


@pytest.mark.parametrize("args", [
    ("timeline", "missing.jsonl"),
    ("followups", "{records}", "--as-of", "last week"),
    ("timeline", "{records}", "-o", "{tmp}/table.xlsx"),
])
def test_archive_commands_refuse_mistakes_in_one_line(archive_jsonl, tmp_path, args):
    args = [a.format(records=archive_jsonl, tmp=tmp_path) for a in args]
    done = cli(*args)
    assert done.returncode == 2 and done.stderr.startswith("minutes-extract: ") and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_a_file_that_is_not_extract_output_is_refused(tmp_path):
    other = tmp_path / "other.jsonl"
    other.write_text('{"a": 1}\n', encoding="utf-8")
    done = cli("report", other, "-o", tmp_path / "site")
    assert done.returncode == 2 and "not minutes-extract JSONL" in done.stderr
