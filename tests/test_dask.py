"""The Dask engine against a real cluster: a scheduler and two worker processes on 127.0.0.1."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import pytest

pytest.importorskip("distributed")

from minutes_extract.batch import run_batch  # noqa: E402

from conftest import SEEDS  # noqa: E402

DASK = Path(sys.executable).with_name("dask")
# No test may depend on how busy the machine is: Dask's own connect timeouts (seconds by default) are
# raised far above any start-up time, and waits end on an event (a file, a process exit), not a clock.
# The values are hang guards only.
PATIENT = {"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "600s", "DASK_DISTRIBUTED__COMM__TIMEOUTS__TCP": "600s",
           "DASK_DISTRIBUTED__DEPLOY__LOST_WORKER_TIMEOUT": "600s"}
HANG_GUARD = 1800  # seconds


@pytest.fixture(autouse=True, scope="module")
def patient_dask():
    import dask
    with dask.config.set({"distributed.comm.timeouts.connect": "600s", "distributed.comm.timeouts.tcp": "600s"}):
        yield


def start(args: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen([str(DASK), *args], stdout=subprocess.DEVNULL, stderr=open(log, "wb"),
                            start_new_session=True, env=dict(os.environ, **PATIENT))


def scheduler_address(path: Path, proc: subprocess.Popen) -> Optional[str]:
    """The address in the scheduler's file once the file is whole, or None when the scheduler died first.
    The scheduler creates the file and only then writes it (open(..., "w") + json.dump), so on a busy
    machine a file that exists may still be empty or half written: the wait ends on a complete JSON object,
    not on the file appearing (read empty, JSONDecodeError, in 1 of 150 start-ups on a loaded machine)."""
    waited = 0.0
    while waited < HANG_GUARD:
        done = proc.poll() is not None  # read the file once more after the scheduler ended
        try:
            return json.loads(path.read_text())["address"]
        except (OSError, ValueError, KeyError, TypeError):  # not there yet, or not whole yet
            if done:
                return None
        time.sleep(0.05)
        waited += 0.05
    return None


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """tcp://127.0.0.1:PORT of a scheduler with two single-threaded worker processes."""
    tmp = tmp_path_factory.mktemp("cluster")
    scheduler_file = tmp / "scheduler.json"
    scheduler = start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address", "127.0.0.1:0",
                       "--scheduler-file", str(scheduler_file)], tmp / "scheduler.log")
    procs = [scheduler]
    try:
        address = scheduler_address(scheduler_file, scheduler)
        assert address, (tmp / "scheduler.log").read_text()
        procs.append(start(["worker", address, "--nworkers", "2", "--nthreads", "1", "--host", "127.0.0.1",
                            "--no-dashboard", "--memory-limit", "0"], tmp / "workers.log"))
        from distributed import Client
        with Client(address, timeout=f"{HANG_GUARD}s") as client:
            client.wait_for_workers(2, timeout=HANG_GUARD)
        yield address
    finally:
        for proc in reversed(procs):
            stop(proc)


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(40):
        seed = SEEDS[n % len(SEEDS)]
        (folder / f"doc{n:02d}.txt").write_text(seed.read_text(encoding="utf-8")[: 400 + 50 * n], encoding="utf-8")
    (folder / "empty.txt").write_text("")
    return folder


def test_cluster_records_equal_the_local_engines(cluster, inputs, tmp_path):
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    expected = run_batch([inputs], local, jobs=1)
    summary = run_batch([inputs], remote, engine="dask", scheduler=cluster)
    assert remote.read_bytes() == local.read_bytes()
    assert (tmp_path / "dask.errors.jsonl").read_bytes() == (tmp_path / "local.errors.jsonl").read_bytes()
    assert (summary.documents, summary.errors, summary.items) == (expected.documents, 1, expected.items)


def test_cluster_resume_writes_only_missing_records(cluster, inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    run_batch([inputs], out, jobs=1)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:13]), encoding="utf-8")
    summary = run_batch([inputs], out, engine="dask", scheduler=cluster, resume=True)
    assert (summary.skipped, summary.documents) == (14, 27)  # 13 records + the error record already written
    assert out.read_text(encoding="utf-8") == "".join(lines)


def test_cli_connects_to_the_scheduler(cluster, tmp_path):
    out = tmp_path / "out.jsonl"
    result = subprocess.run([str(DASK.with_name("minutes-extract")), "extract", *map(str, SEEDS), "-o", str(out),
                             "--scheduler", cluster], capture_output=True, text=True, timeout=HANG_GUARD,
                            env=dict(os.environ, **PATIENT))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["source"]["path"] for line in out.read_text().splitlines()] == [str(p) for p in SEEDS]
    # the summary line, among whatever Dask itself logs to stderr (some of it only when the machine is slow)
    assert any(line.startswith("5 documents") for line in result.stderr.splitlines()), result.stderr


def test_without_an_address_a_local_cluster_is_started(tmp_path):
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch(SEEDS, local, jobs=1)
    summary = run_batch(SEEDS, remote, engine="dask", jobs=1)
    assert remote.read_bytes() == local.read_bytes() and summary.documents == 5


def test_unreachable_scheduler_is_a_usage_error(monkeypatch):
    from minutes_extract.batch.dask_engine import DaskEngine
    from minutes_extract.errors import UsageError
    monkeypatch.setattr("minutes_extract.batch.dask_engine.CONNECT_TIMEOUT", "1s")
    with pytest.raises(UsageError, match="cannot connect to the Dask scheduler tcp://127.0.0.1:9"):
        with DaskEngine("tcp://127.0.0.1:9", jobs=1):
            pass
