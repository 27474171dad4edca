import os
import shutil
import subprocess
import sys

import pytest

from minutes_extract.extract import extract_text
from minutes_extract.review import render_html, show


def test_render_escapes_document_text(nlp):
    record = extract_text("Agenda item\n\nScripts\n\n<script>alert('x')</script>\n\nRESOLVED that the report be noted.", nlp=nlp)
    page = render_html(record)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "http://" not in page and "https://" not in page  # self-contained: nothing fetched


def test_render_highlights_every_extraction(seed_records):
    record = seed_records["000"]
    page = render_html(record)
    (res,) = record.items[0].resolutions
    assert page.count('class="hl resolution"') >= 1
    assert "resolution" in page and "legend" in page
    assert 'id="x0"' in page and 'href="#x0"' in page


def test_show_lists_the_resolution(seed_records):
    from rich.console import Console
    console = Console(record=True, width=120)
    console.print(show(seed_records["000"]))
    output = console.export_text()
    assert "Children's Services Performance" in output and "Resolutions (1)" in output


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def test_page_opens_in_headless_chromium(seed_records, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    page = tmp_path / "page.html"
    page.write_text(render_html(seed_records["000"]), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([browser, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=600).stdout  # a hang guard only
    assert 'class="hl resolution"' in dom and "<aside>" in dom
    shot = tmp_path / "page.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1400,900", page.as_uri()],
                   capture_output=True, timeout=600)
    assert shot.is_file() and shot.stat().st_size > 10_000


def test_the_page_forbids_scripts_and_network_loads(seed_records):
    import base64
    import hashlib
    import re
    from minutes_extract.review import _CSS
    page = render_html(seed_records["000"])
    head = page[:page.index("</head>")]
    (policy,) = re.findall(r'<meta http-equiv=Content-Security-Policy content="([^"]+)">', head)
    rules = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert rules["default-src"] == "'none'" and rules["script-src"] == "'none'"
    assert rules["connect-src"] == rules["img-src"] == rules["font-src"] == "'none'"
    assert rules["form-action"] == rules["base-uri"] == "'none'"
    # the one inline style is allowed by its hash, nothing else
    assert rules["style-src"] == f"'sha256-{base64.b64encode(hashlib.sha256(_CSS.encode()).digest()).decode()}'"
    assert head.index("Content-Security-Policy") < head.index("<style>")
    assert "<script" not in page


def test_the_plain_text_summary_lists_documents_items_and_errors(seed_records, tmp_path):
    from minutes_extract.extract import error_record
    from minutes_extract.errors import EmptyInput
    from minutes_extract.review import summarise
    out = tmp_path / "out.jsonl"
    record = seed_records["000"]
    out.write_text(record.model_dump_json() + "\n"
                   + error_record("empty.txt", EmptyInput("empty file")).model_dump_json() + "\n", encoding="utf-8")
    lines = summarise(out).splitlines()
    assert lines[0].startswith(f"{record.source.path}: {len(record.items)} items; resolutions ")
    assert lines[-1] == "empty.txt: ERROR E102 empty file"


def test_the_package_exports_the_records_the_batch_run_and_the_reader():
    import minutes_extract
    from minutes_extract import DocumentRecord, ErrorRecord, read_records, run_batch, to_record  # noqa: F401
    from minutes_extract.batch import run_batch as batch_run
    from minutes_extract.writer import read_records as writer_read
    assert run_batch is batch_run and read_records is writer_read
    assert {"DocumentRecord", "ErrorRecord", "run_batch", "read_records", "to_record"} <= set(minutes_extract.__all__)


def test_calibration_reads_outputs_with_the_shared_reader(seed_records, tmp_path):
    """A torn last line (a crash) and an error record are skipped, as every other reader skips them."""
    import json
    from minutes_extract.calibrate import observations
    from minutes_extract.extract import error_record
    from minutes_extract.errors import EmptyInput
    record = seed_records["000"]
    out = tmp_path / "000.jsonl"
    out.write_text(error_record("x.txt", EmptyInput("empty")).model_dump_json() + "\n" + record.model_dump_json()
                   + "\n" + record.model_dump_json()[:50], encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    stem = record.source.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    (gold / f"{stem}.json").write_text(json.dumps({"items": [], "resolutions": [], "findings": [], "metrics": [],
                                                   "dates": [], "judgements": []}), encoding="utf-8")
    obs = observations(out, gold)
    assert obs and {o.doc for o in obs} == {stem}
