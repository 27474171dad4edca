"""Batch runs: streaming, --jobs, error records, resume (including after a real SIGKILL), progress, CLI."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutes_extract.batch import (
    DoneIndex, Summary, Task, file_sha256, records_for, repair_torn_line, run_batch,
)
from minutes_extract.cli import app
from minutes_extract.errors import InputNotFound, UsageError
from minutes_extract.progress import ProgressBar, format_eta, render

from conftest import SEEDS

MINUTES_EXTRACT = Path(sys.executable).with_name("minutes-extract")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def paths_written(*files: Path) -> Counter:
    return Counter(r["source"]["path"] for f in files if f.exists() for r in read_jsonl(f))


@pytest.fixture
def small_archive(tmp_path):
    """Many small inputs: the first paragraphs of each seed, one per file."""
    folder = tmp_path / "in"
    folder.mkdir()
    heads = [seed.read_text(encoding="utf-8")[:1200] for seed in SEEDS]
    for n in range(60):
        (folder / f"doc{n:03d}.txt").write_text(f"Item {n}\n\n" + heads[n % len(heads)], encoding="utf-8")
    return folder


# ---------------------------------------------------------------- one run

def test_seeds_give_one_record_each_and_a_summary(tmp_path):
    out = tmp_path / "out.jsonl"
    summary = run_batch(SEEDS, out, jobs=1)
    records = read_jsonl(out)
    assert [r["source"]["path"] for r in records] == [str(p) for p in SEEDS]
    assert all(r["source"]["sha256"] == file_sha256(str(p)) for r, p in zip(records, SEEDS))
    assert (summary.documents, summary.errors) == (5, 0)
    assert summary.items == sum(len(r["items"]) for r in records)
    assert summary.words == sum(len(r["text"].split()) for r in records)
    assert not (tmp_path / "out.errors.jsonl").exists()  # no empty error file when nothing failed
    line = summary.line()
    assert line.startswith(f"5 documents, {summary.items} items; extractions: ") and "words/s" in line


def test_two_processes_write_the_same_lines_as_one(small_archive, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch([small_archive], one, jobs=1)
    run_batch([small_archive], two, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    assert len(read_jsonl(two)) == 60


def test_bad_documents_become_error_records_with_their_key(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path / "out.jsonl"
    summary = run_batch([folder], out, jobs=1)
    assert (summary.documents, summary.errors) == (1, 2)
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert {e["source"]["path"] for e in errors} == {str(folder / "empty.txt"), str(folder / "image.png")}
    assert all(e["source"]["sha256"] == file_sha256(e["source"]["path"]) for e in errors)
    assert all(e["error"]["code"].startswith("E1") for e in errors)


def test_a_worker_that_dies_costs_one_error_record_not_the_batch(small_archive, tmp_path, monkeypatch):
    import minutes_extract.extract as extract
    real = extract.extract_source

    def dies_on_poison(source, nlp=None):
        if "poison" in source.path:
            os._exit(1)  # as a segfault in a native library or the OOM killer would
        return real(source, nlp)

    monkeypatch.setattr(extract, "extract_source", dies_on_poison)  # forked workers inherit it
    (small_archive / "doc030_poison.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch([small_archive], out, jobs=2)
    assert (summary.documents, summary.errors) == (60, 1)
    (error,) = read_jsonl(tmp_path / "out.errors.jsonl")
    assert error["source"]["path"].endswith("doc030_poison.txt") and error["error"]["code"] == "E900"
    assert len(set(paths_written(out))) == 60


def test_missing_path_fails_before_anything_is_written(tmp_path):
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputNotFound, match="no-such-dir"):
        run_batch([SEEDS[0], tmp_path / "no-such-dir"], out)
    assert not out.exists()


def test_resume_needs_an_output_file():
    with pytest.raises(UsageError, match="--resume"):
        run_batch(SEEDS, None, resume=True)


# ---------------------------------------------------------------- resume

@pytest.mark.parametrize("content, kept", [
    (b'{"a":1}\n{"b":2}\n', b'{"a":1}\n{"b":2}\n'),
    (b'{"a":1}\n{"b":', b'{"a":1}\n'),
    (b'{"a":1}\n{"b":2}', b'{"a":1}\n'),
    (b'{"torn', b""),
    (b"", b""),
])
def test_repair_drops_only_a_torn_last_line(tmp_path, content, kept):
    path = tmp_path / "out.jsonl"
    path.write_bytes(content)
    assert repair_torn_line(path) == (content != kept)
    assert path.read_bytes() == kept


@pytest.mark.parametrize("line, complete", [
    ('{"schema_version":"1.0","doc_id":"x","source":{"path":"a.txt","sha256":"ab"},"text":"\\"source\\":","items":[]}', True),
    ('{"schema_version":"1.0","source":{"path":"b.pdf","sha256":null},"error":{"code":"E101"}}', True),
    ('{"source": {"path": "spaced.txt", "sha256": "cd"}}', False),  # neither a document nor an error record
    ('{"schema_version":"1.0","doc_id":"x","source":{"path":"torn', False),
    ("not json", False),
])
def test_complete_record(line, complete):
    from minutes_extract.writer import complete_record
    assert (complete_record(line) is not None) == complete


def test_done_index_files_archive_members_under_their_archive():
    done = DoneIndex()
    done.add(("a.zip!one.txt", "s1"))
    done.add(("a.zip!sub.zip!two.txt", "s2"))
    done.add(("b.txt", "s3"))
    done.add(("b.txt", "s3"))
    assert done.count == 3
    assert ("b.txt", "s3") in done and ("b.txt", "other") not in done
    assert done.members_of("a.zip") == {("a.zip!one.txt", "s1"), ("a.zip!sub.zip!two.txt", "s2")}
    assert done.members_of("a.zip!sub.zip") == {("a.zip!sub.zip!two.txt", "s2")}
    assert done.has_path("b.txt") and not done.has_path("a.zip")


def test_resume_skips_written_inputs_and_redoes_a_torn_one(small_archive, tmp_path):
    out = tmp_path / "out.jsonl"
    run_batch([small_archive], out, jobs=1)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:25]) + lines[25][: len(lines[25]) // 2], encoding="utf-8")
    summary = run_batch([small_archive], out, jobs=1, resume=True)
    assert (summary.skipped, summary.documents) == (25, 35)
    assert out.read_text(encoding="utf-8") == "".join(lines)


def test_resume_redoes_an_input_whose_content_changed(small_archive, tmp_path):
    out = tmp_path / "out.jsonl"
    run_batch([small_archive], out, jobs=1)
    changed = small_archive / "doc007.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    summary = run_batch([small_archive], out, jobs=1, resume=True)
    assert (summary.skipped, summary.documents, summary.replaced) == (59, 1, 1)
    assert "1 replaced (input changed)" in summary.line()
    keys = [(r["source"]["path"], r["source"]["sha256"]) for r in read_jsonl(out)]
    assert keys[-1] == (str(changed), file_sha256(str(changed)))  # the new record replaces the stale one
    assert len(keys) == len(set(keys)) == len({path for path, _ in keys}) == 60


def test_resume_counts_error_records_as_done(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "a.txt").write_text(SEEDS[1].read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_batch([folder], out)
    summary = run_batch([folder], out, resume=True)
    assert (summary.skipped, summary.documents, summary.errors) == (2, 0, 0)
    assert paths_written(out, tmp_path / "out.errors.jsonl") == {str(folder / "a.txt"): 1, str(folder / "empty.txt"): 1}


def test_resumed_archive_extracts_only_missing_members(tmp_path):
    archive = tmp_path / "minutes.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for n, seed in enumerate(SEEDS[:3]):
            zf.writestr(f"m{n}.txt", seed.read_text(encoding="utf-8"))
    first = list(records_for(Task(str(archive))))
    assert [r.source.path for r in first] == [f"{archive}!m{n}.txt" for n in range(3)]
    done = DoneIndex()
    done.add((first[0].source.path, first[0].source.sha256))
    rest = list(records_for(Task(str(archive), done.members_of(str(archive)))))
    assert [r.source.path for r in rest] == [f"{archive}!m1.txt", f"{archive}!m2.txt"]


def stopped_batch(command: list[str], after: int) -> subprocess.Popen:
    """A batch run that stops itself (SIGSTOP) right after writing `after` lines: a known point mid-run,
    whatever the machine's load, without polling the output against a clock."""
    env = dict(os.environ, MINUTES_EXTRACT_STOP_AFTER=str(after))
    proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE, env=env)
    _, status = os.waitpid(proc.pid, os.WUNTRACED)
    assert os.WIFSTOPPED(status), f"the batch ended before writing {after} lines: {proc.stderr.read()}"
    return proc


def test_sigkill_then_resume_gives_exactly_one_record_per_input(tmp_path):
    """A real crash: a second run on the same output refuses while the first holds it; kill the first (and
    its workers) mid-run, tear its last line, resume."""
    psutil = pytest.importorskip("psutil")
    folder = tmp_path / "in"
    folder.mkdir()
    heads = [seed.read_text(encoding="utf-8")[:600] for seed in SEEDS]
    total = 120
    for n in range(total):
        (folder / f"d{n:04d}.txt").write_text(f"Document {n}\n\n{heads[n % 5]}", encoding="utf-8")
    (folder / "zz_empty.txt").write_bytes(b"")  # sorts last: fails during the resumed run
    out = tmp_path / "out.jsonl"
    command = [str(MINUTES_EXTRACT), "extract", str(folder), "-o", str(out), "--jobs", "2", "--quiet"]
    proc = stopped_batch(command, after=20)
    workers = psutil.Process(proc.pid).children(recursive=True)
    try:
        second = subprocess.run(command, capture_output=True, text=True)
        assert second.returncode == 2 and second.stderr.count("\n") == 1
        assert f"being written by another run (pid {proc.pid})" in second.stderr
        # forked workers let go of the output (and so of its lock) when they start: once the run is
        # reaped nothing of it holds the lock, however slowly its workers die
        held = {os.path.realpath(f.path) for w in workers for f in w.open_files()}
        assert workers and not held & {os.path.realpath(out), os.path.realpath(tmp_path / "out.errors.jsonl")}
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        # and the resume below starts only once the killed workers are gone too: an event, not a race
        # with how fast a loaded machine reaps them (a hang guard only)
        psutil.wait_procs(workers, timeout=600)
    written = out.read_bytes()
    assert written.count(b"\n") == 20, "the batch was not killed mid-run"
    out.write_bytes(written + written[: written.index(b"\n") // 2])  # a torn line, as a kill mid-write leaves
    resumed = subprocess.run(command + ["--resume"], capture_output=True, text=True, timeout=1800)  # hang guard
    assert resumed.returncode == 1 and "1 of" in resumed.stderr  # zz_empty.txt
    counts = paths_written(out, tmp_path / "out.errors.jsonl")
    expected = {str(p) for p in folder.iterdir()}
    assert set(counts) == expected and set(counts.values()) == {1}


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_the_main_process_is_killed_alone(tmp_path, how):
    psutil = pytest.importorskip("psutil")
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(12):
        (folder / f"d{n:02d}.txt").write_bytes(SEEDS[n % 5].read_bytes())
    command = [str(MINUTES_EXTRACT), "extract", str(folder), "-o", str(tmp_path / "out.jsonl"), "--jobs", "2", "-q"]
    proc = stopped_batch(command, after=1)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert workers, "no worker processes"
    os.kill(proc.pid, how)  # the main process alone, not its group
    if how != signal.SIGKILL:
        os.kill(proc.pid, signal.SIGCONT)  # a stopped process acts on SIGTERM once continued
    proc.wait()
    _, alive = psutil.wait_procs(workers, timeout=600)  # ends as soon as they are gone; a hang guard only
    for worker in alive:
        worker.kill()
    assert not alive, "workers outlived the main process"


# A batch that starts a worker and dies before the worker asks to die with it (the worker not yet scheduled
# on a busy machine). The worker waits on a pipe (an event, not a sleep) that this script closes only once it
# has reaped the batch: the batch is then wholly gone (a pipe closed by the batch's own exit would wake the
# worker before the kernel had re-parented it).
LATE_WORKER = """
import os
from minutes_extract.batch.engines import die_with_parent
reaped, keep = os.pipe()
report, survived = os.pipe()
batch = os.fork()
if batch == 0:
    parent = os.getpid()
    if os.fork() == 0:
        os.close(keep)
        os.close(report)
        os.read(reaped, 1)  # end of file: the batch has exited and been reaped
        die_with_parent(parent)
        os.write(survived, b"survived")
    os._exit(0)
os.close(survived)
os.waitpid(batch, 0)
os.close(keep)
print(os.read(report, 100).decode())  # end of file once the worker has exited
"""


def test_a_worker_started_after_its_batch_died_exits_at_once():
    """PR_SET_PDEATHSIG fires only for a parent that dies after the request: a worker that gets going after
    its batch was killed must see that and exit, not wait for tasks that never come."""
    done = subprocess.run([sys.executable, "-c", LATE_WORKER], capture_output=True, text=True, timeout=600)  # hang guard
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


# ---------------------------------------------------------------- progress and summary

def test_progress_bar_redraws_at_most_every_interval_and_erases_itself():
    now = [0.0]
    stream = io.StringIO()
    bar = ProgressBar(stream, interval=1.0, clock=lambda: now[0])
    bar.start(10)
    now[0] = 0.5
    bar.update(1, 1)  # too soon after the first draw: skipped
    now[0] = 2.0
    bar.update(4, 4)
    assert stream.getvalue().count("\r") == 2
    assert stream.getvalue().split("\r")[-1].startswith(
        "[#########---------------] 4/10 files  4 documents  2.0 docs/s  ETA 0:03")
    bar.close()
    assert stream.getvalue().endswith("\r")


@pytest.mark.parametrize("seconds, text", [(0, "0:00"), (59.6, "1:00"), (61, "1:01"), (3725, "1:02:05")])
def test_format_eta(seconds, text):
    assert format_eta(seconds) == text


def test_render_without_total_shows_elapsed_time():
    assert render(3, None, 3, 4.0) == "3 files  3 documents  0.8 docs/s  0:04 elapsed"


def test_summary_line_lists_extractions_by_type_and_resumed_inputs():
    summary = Summary(documents=2, items=3, errors=1, words=5000, skipped=4, seconds=2.0,
                      extractions={"metrics": 7, "dates": 2})
    assert summary.line() == ("2 documents, 3 items; extractions: dates 2, metrics 7; 1 errors; 4 already done; "
                              "5000 words in 2.0 s (2,500 words/s)")


# ---------------------------------------------------------------- command line

runner = CliRunner()


def test_cli_writes_records_to_stdout_without_progress_when_not_a_terminal():
    result = runner.invoke(app, ["extract", str(SEEDS[0]), "--jobs", "1"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["path"] for r in records] == [str(SEEDS[0])]
    assert "\r" not in result.stderr and result.stderr.startswith("1 documents")


@pytest.mark.parametrize("quiet, start", [(True, "minutes-extract: 1 of 2"), (False, "1 documents, ")])
def test_cli_exit_1_with_a_one_line_summary_when_a_document_fails(tmp_path, quiet, start):
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "out.jsonl"
    args = ["extract", str(SEEDS[0]), str(tmp_path / "empty.txt"), "-o", str(out)] + (["--quiet"] if quiet else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(start)
    assert line.endswith(f"1 of 2 documents failed (error records in {tmp_path / 'out.errors.jsonl'})")


@pytest.mark.parametrize("args, message", [
    (["no/such/path.txt"], "no such file or directory: no/such/path.txt"),
    ([str(SEEDS[0]), "-o", "/proc/forbidden/out.jsonl"], "cannot write /proc/forbidden/out.jsonl"),
    ([str(SEEDS[0]), "-o", "/dev/full"], "cannot write /dev/full: No space left on device"),
    ([str(SEEDS[0]), "--resume"], "--resume needs an output file"),
    ([str(SEEDS[0]), "--engine", "spark"], "unknown engine 'spark'"),
])
def test_cli_user_mistakes_exit_2_with_one_line(args, message):
    result = runner.invoke(app, ["extract", *args])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
