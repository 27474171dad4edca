"""Issue 12, "Nothing lost, ever": one test (or more) per numbered point. Every case runs in-process or as
a real CLI run; none may print a traceback."""
from __future__ import annotations

import base64
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutes_extract.batch import run_batch, written
from minutes_extract.cli import app
from minutes_extract.errors import InputTooLarge, UnreadableInput, UnsafeArchive, UsageError
from minutes_extract.extract import error_record
from minutes_extract.formats.detect import detect_format
from minutes_extract.ingest import read_sources, sources_from_bytes
from minutes_extract.writer import JsonlWriter, read_records

from conftest import SEEDS

PDF = (Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "minutes_3pages.pdf").read_bytes()
runner = CliRunner()


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def zipped(members: dict[str, bytes], compression: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data, compress_type=compression)
    return buffer.getvalue()


def one_line_exit_2(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1
    return result.stderr


# ---------------------------------------------------------------- 1. format detection by signature offsets

@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_zip_of_pdfs_gives_one_source_per_member(compression):
    data = zipped({f"m{n}.pdf": PDF for n in range(3)}, compression)
    assert detect_format(data) == "zip"
    sources = list(sources_from_bytes("minutes.zip", data))
    assert [s.path for s in sources] == [f"minutes.zip!m{n}.pdf" for n in range(3)]
    assert all(s.format == "pdf" for s in sources)


def test_a_mixed_zip_keeps_every_member():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("a.pdf", PDF, compress_type=zipfile.ZIP_STORED)
        zf.writestr("b.pdf", PDF, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("c.txt", "Minutes of the meeting of the Cabinet.", compress_type=zipfile.ZIP_STORED)
    assert [s.format for s in sources_from_bytes("mixed.zip", buffer.getvalue())] == ["pdf", "pdf", "text"]


@pytest.mark.parametrize("text", [
    "Note on file formats: %PDF-1.7 is the version our scanner writes.\nMinutes of the Cabinet.\n",
    "Attachments\n%PDF-1.4 header seen in the appendix file\nMinutes of the Cabinet meeting.\n",
])
def test_a_text_that_mentions_a_pdf_header_is_text(text):
    assert detect_format(text.encode()) == "text"


def test_a_pdf_header_after_a_few_junk_bytes_is_still_a_pdf():
    assert detect_format(b"\r\n" + PDF) == "pdf"


def test_a_zip_with_a_prefix_is_found_by_its_central_directory():
    data = b"self-extractor stub\n" * 10 + zipped({"a.txt": b"Minutes of the Cabinet."}, zipfile.ZIP_DEFLATED)
    assert detect_format(data) == "zip"


# ---------------------------------------------------------------- 2. non-UTF-8 file names

def test_a_file_name_that_is_not_utf8_never_aborts_the_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    raw_name = os.fsencode(folder) + b"/caf\xe9 minutes.txt"
    with open(raw_name, "wb") as handle:
        handle.write(SEEDS[0].read_bytes())
    (folder / "z_after.txt").write_bytes(SEEDS[1].read_bytes())
    out = tmp_path / "out.jsonl"
    summary = run_batch([folder], out)
    assert (summary.documents, summary.errors) == (2, 0)
    first, second = records(out)
    assert first["source"]["path"] == str(folder) + "/caf\\xe9 minutes.txt"
    assert base64.b64decode(first["source"]["path_bytes"]) == raw_name  # lossless
    assert "path_bytes" not in second["source"]
    again = run_batch([folder], out, resume=True)
    assert (again.skipped, again.documents) == (2, 0)


def test_a_record_that_cannot_be_serialised_becomes_an_error_record():
    bad = error_record("minutes.txt", UsageError("a lone surrogate \udce9 in a message"), "ab")
    result = written(bad)
    assert result.is_error
    line = json.loads(result.line)
    assert line["source"]["path"] == "minutes.txt" and "could not be serialised" in line["error"]["message"]


# ---------------------------------------------------------------- 3. output safety

def test_output_equal_to_an_input_is_refused_and_the_input_kept(tmp_path):
    doc = tmp_path / "minutes.txt"
    doc.write_bytes(SEEDS[0].read_bytes())
    message = one_line_exit_2(runner.invoke(app, ["extract", str(doc), "-o", str(doc)]))
    assert "is also an input" in message and doc.read_bytes() == SEEDS[0].read_bytes()


def test_errors_equal_to_output_is_refused(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n")
    message = one_line_exit_2(runner.invoke(app, ["extract", str(SEEDS[0]), "-o", str(out), "--errors", str(out)]))
    assert "is the output file itself" in message and out.read_text() == "kept\n"


def test_an_unwritable_errors_file_leaves_the_output_untouched(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n")
    blocker = tmp_path / "file"
    blocker.write_text("")
    args = ["extract", str(SEEDS[0]), "-o", str(out), "--errors", str(blocker / "errors.jsonl")]
    assert "cannot write" in one_line_exit_2(runner.invoke(app, args))
    assert out.read_text() == "kept\n"


def test_outputs_inside_an_input_directory_are_not_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEEDS[0].read_bytes())
    out = tmp_path / "out.jsonl"
    run_batch([tmp_path], out)
    summary = run_batch([tmp_path], out)
    assert [r["source"]["path"] for r in records(out)] == [str(tmp_path / "a.txt")]
    assert (summary.documents, summary.errors) == (1, 0)


# ---------------------------------------------------------------- 4. locks and complete records

def test_a_second_writer_of_the_same_output_is_refused_naming_the_holder(tmp_path):
    out = tmp_path / "out.jsonl"
    with JsonlWriter(out):
        with pytest.raises(UsageError, match=f"being written by another run \\(pid {os.getpid()}\\)"):
            JsonlWriter(out)


def test_a_device_output_is_not_locked_so_two_runs_may_share_dev_null():
    """/dev/null is every process's: a lock on it would make unrelated runs (or two CI jobs) refuse each other."""
    with JsonlWriter(Path(os.devnull)) as first:
        with JsonlWriter(Path(os.devnull)) as second:
            first.write_line("{}\n")
            second.write_line("{}\n")


def test_resume_keeps_only_complete_records_and_redoes_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, seed in enumerate(SEEDS[:4]):
        (folder / f"d{n}.txt").write_bytes(seed.read_bytes())
    out = tmp_path / "out.jsonl"
    run_batch([folder], out)
    lines = out.read_bytes().splitlines(keepends=True)
    # interleaved writers leave NUL bytes, half lines and lines glued together
    out.write_bytes(lines[0] + b"\x00" * 40 + b"\n" + lines[1][:50] + b"\n" + lines[2][:-1] + lines[3][:30] + b"\n")
    summary = run_batch([folder], out, resume=True)
    assert (summary.skipped, summary.documents) == (1, 3)
    got = records(out)  # every line parses now
    assert sorted(r["source"]["path"] for r in got) == [str(folder / f"d{n}.txt") for n in range(4)]


def test_read_records_reports_lines_that_are_not_records(tmp_path):
    path = tmp_path / "out.jsonl"
    good = {"source": {"path": "a.txt"}, "text": "x", "items": []}
    path.write_text(json.dumps(good) + "\n{\"source\": {\"path\": \"b\n[1, 2]\n\x00\x00\n")
    bad: list[int] = []
    assert list(read_records(path, bad)) == [good] and bad == [2, 3, 4]


# ---------------------------------------------------------------- 5. one record per input

def test_the_same_path_given_twice_is_read_once(tmp_path):
    out = tmp_path / "out.jsonl"
    summary = run_batch([SEEDS[0], SEEDS[0], Path(os.path.relpath(SEEDS[0]))], out)
    assert summary.documents == 1 and len(records(out)) == 1


def test_a_changed_error_input_replaces_its_error_record(tmp_path):
    doc = tmp_path / "in" / "minutes.txt"
    doc.parent.mkdir()
    doc.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    run_batch([doc.parent], out)
    doc.write_bytes(SEEDS[0].read_bytes())
    summary = run_batch([doc.parent], out, resume=True)
    assert (summary.documents, summary.replaced) == (1, 1)
    assert len(records(out)) == 1 and not (tmp_path / "out.errors.jsonl").exists()  # emptied, so removed


# ---------------------------------------------------------------- 6. bounded reads

def test_a_fifo_is_an_error_record_not_a_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    summary = run_batch([fifo, tmp_path], out)
    (error,) = records(tmp_path / "out.errors.jsonl")
    assert summary.errors == 1 and error["source"]["path"] == str(fifo) and "FIFO" in error["error"]["message"]


def test_dev_zero_is_refused_without_reading_it():
    with pytest.raises(UnreadableInput, match="character device"):
        list(read_sources(Path("/dev/zero")))


def test_the_size_limit_counts_bytes_read_not_st_size(monkeypatch):
    monkeypatch.setattr("minutes_extract.ingest.MAX_INPUT_BYTES", 16)
    status = Path("/proc/self/status")  # st_size 0, content longer than 16 bytes
    assert status.stat().st_size == 0
    with pytest.raises(InputTooLarge):
        list(read_sources(status))


# ---------------------------------------------------------------- 9. clean failure on a torn JSONL

@pytest.mark.parametrize("command", ["show", "render"])
@pytest.mark.parametrize("tail", [b'{"schema_version": "1.0", "doc_id": "ab', b"\x00\x00 junk\n"], ids=["torn", "junk"])
def test_show_and_render_refuse_a_torn_or_junk_line_in_one_line_exit_2(tmp_path, command, tail):
    out = tmp_path / "out.jsonl"
    run_batch([SEEDS[0]], out)
    out.write_bytes(out.read_bytes() + tail)
    page = tmp_path / "page.html"
    args = [command, str(out)] + (["-o", str(page)] if command == "render" else [])
    said = one_line_exit_2(runner.invoke(app, args))
    assert "line 2 is not a complete record" in said and str(out) in said
    assert not page.exists()


def test_show_of_a_jsonl_without_records_is_one_line_exit_2(tmp_path):
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b"\x00\x00not json\n")
    assert "no document record" in one_line_exit_2(runner.invoke(app, ["show", str(junk)]))


# ---------------------------------------------------------------- 11. smaller losses

def test_a_zip_member_with_backslash_dots_is_an_error_record_not_skipped():
    data = zipped({"dir/..\\..\\back.txt": b"Minutes.", "ok.txt": b"Minutes of the Cabinet."}, zipfile.ZIP_DEFLATED)
    got = list(sources_from_bytes("a.zip", data))
    assert isinstance(got[0], UnsafeArchive) and got[0].path == "a.zip!dir/..\\..\\back.txt"
    assert got[1].path == "a.zip!ok.txt"


def test_a_bom_only_file_is_empty():
    from minutes_extract.errors import EmptyInput
    with pytest.raises(EmptyInput, match="byte-order mark"):
        detect_format(b"\xef\xbb\xbf")


def test_a_stray_nul_byte_is_dropped_with_a_warning_not_the_whole_text():
    (source,) = sources_from_bytes("minutes.txt", b"Minutes of the Cabinet.\x00\nThe Cabinet resolved to approve the plan.\n")
    assert source.text.startswith("Minutes of the Cabinet.\nThe Cabinet") and any("NUL" in w for w in source.warnings)


def test_a_text_that_names_a_few_tags_is_text_unless_it_starts_like_markup():
    text = b"Web team report\n\nThe pages use <p>, <div>, <table>, <tr> and <td> elements and a <title>.\n"
    assert detect_format(text) == "text"
    assert detect_format(b"<div><p>Minutes</p><p>Item 1</p><table><tr><td>x</td></tr></table></div>") == "html"


def test_a_dangling_symlink_in_a_directory_is_an_error_record(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(SEEDS[0].read_bytes())
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    summary = run_batch([tmp_path / "in"], tmp_path / "out.jsonl")
    (error,) = records(tmp_path / "out.errors.jsonl")
    assert summary.errors == 1 and "dangling" in error["error"]["message"]


@pytest.mark.parametrize("content", [None, "junk", "[1, 2]"])
def test_a_missing_or_malformed_floor_file_is_one_line_exit_2(tmp_path, content):
    out = tmp_path / "out.jsonl"
    run_batch([SEEDS[0]], out)
    (tmp_path / "gold").mkdir()
    floor = tmp_path / "floor.json"
    if content is not None:
        floor.write_text(content)
    result = runner.invoke(app, ["evaluate", str(out), str(tmp_path / "gold"), "--floor", str(floor)])
    assert "floor file" in one_line_exit_2(result)


def test_a_pdf_whose_pages_repeat_the_same_short_lines_keeps_them_as_text():
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for _ in range(4):
        page.drawString(72, 760, "Register of attendance")
        page.drawString(72, 60, "Signed by the Chair")
        page.showPage()
    page.save()
    (source,) = sources_from_bytes("repeated.pdf", buffer.getvalue())
    assert "Register of attendance" in source.text and "Signed by the Chair" in source.text
    assert any("repeated lines kept" in w for w in source.warnings)


def test_show_never_passes_terminal_escapes_through(tmp_path):
    doc = tmp_path / "minutes\x1b]0;title\x07.txt"
    doc.write_text("Minutes of the Cabinet \x1b]0;pwned\x07 meeting\n\nItem 1 Budget \x1b[8mhidden\n\n"
                   "RESOLVED: that the \x1b[8mbudget be approved.\n" + "The Cabinet discussed the report at length.\n" * 20,
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_batch([doc], out)
    result = runner.invoke(app, ["show", str(out)])
    assert result.exit_code == 0 and "budget be approved" in result.stdout
    assert "\x1b]0;" not in result.stdout and "\x1b[8m" not in result.stdout


def test_disk_full_mid_run_is_one_line_and_resume_completes_it(tmp_path):
    """A file-size limit (RLIMIT_FSIZE) stands in for a full disk: writes past it fail with EFBIG."""
    import resource
    import signal
    import subprocess
    import sys
    full = tmp_path / "full.jsonl"
    run_batch(SEEDS, full)
    lines = full.read_bytes().splitlines(keepends=True)
    limit = len(lines[0]) + len(lines[1]) + len(lines[2]) // 2

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = tmp_path / "out.jsonl"
    command = [str(Path(sys.executable).with_name("minutes-extract")), "extract", *map(str, SEEDS), "-o", str(out),
               "--jobs", "1"]
    result = subprocess.run(command, capture_output=True, text=True, preexec_fn=small_disk)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr
    assert out.read_bytes().startswith(lines[0] + lines[1])
    resumed = subprocess.run(command + ["--resume"], capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == full.read_bytes()


def test_a_text_over_the_per_document_limit_is_a_clear_error_record(tmp_path):
    """Issue 12 item 7 (memory): a worker needs about 150 MB plus 12 MB per MB of text (large texts run in
    parts), so texts over --max-doc-mb are refused with an error record saying how to raise the limit,
    before the pipeline sees them."""
    big = tmp_path / "big.txt"
    big.write_bytes(SEEDS[0].read_bytes() * 8)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(big), str(SEEDS[1]), "-o", str(out), "--max-doc-mb", "0.05", "-q"])
    assert result.exit_code == 1
    (error,) = records(tmp_path / "out.errors.jsonl")
    assert error["error"]["code"] == "E106" and "--max-doc-mb" in error["error"]["message"]
    assert [r["source"]["path"] for r in records(out)] == [str(SEEDS[1])]


def test_an_archive_that_is_fixed_replaces_its_old_error_record(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    archive = folder / "minutes.zip"
    archive.write_bytes(b"PK\x03\x04 truncated")
    out = tmp_path / "out.jsonl"
    run_batch([folder], out)
    assert len(records(tmp_path / "out.errors.jsonl")) == 1
    archive.write_bytes(zipped({"a.txt": SEEDS[0].read_bytes(), "b.txt": SEEDS[1].read_bytes()}, zipfile.ZIP_DEFLATED))
    summary = run_batch([folder], out, resume=True)
    assert (summary.documents, summary.replaced) == (2, 1)
    assert not (tmp_path / "out.errors.jsonl").exists()  # emptied, so removed
    assert [r["source"]["path"] for r in records(out)] == [f"{archive}!a.txt", f"{archive}!b.txt"]
