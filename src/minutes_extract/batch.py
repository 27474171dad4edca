"""Batch runs over whole archives: stream inputs through an engine (local processes or Dask), write each
record as one flushed JSONL line, route error records to their own file, resume after a crash.

    PATHS ─iter_inputs─▶ Task(path, members already done) ─chunks─▶ engine ─▶ Written(line, key, counts)
          ─▶ writer (records) / error writer (error records) ─▶ Summary

Workers serialise records themselves (`Written.line`), so the parent only writes lines: records never
cross a process boundary as objects. The resume key of a record is (source.path, source.sha256).
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import time
from collections import deque
from contextlib import ExitStack
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Optional, Protocol

from .errors import ExtractionFailed, InputNotFound, MinutesError, UsageError
from .extensions import EXTRACTION_GROUPS
from .records import DocumentRecord, ErrorRecord

LOCAL_CHUNK = 4      # inputs per task sent to a local worker process
LOCAL_WINDOW = 4     # tasks in flight per worker process: bounds memory, keeps workers busy
Key = tuple[str, Optional[str]]  # (source path, source sha256)


# ---------------------------------------------------------------- what workers do

@dataclass(frozen=True)
class Task:
    """One input file, and the keys of its archive members already written (skipped on resume)."""
    path: str
    skip: frozenset = frozenset()
    min_confidence: float = 0.0  # extractions below it are dropped (calibrate.drop_below)


class Written(NamedTuple):
    """A record serialised by a worker, with what the parent needs for resume keys and the summary."""
    line: str
    path: str
    sha256: Optional[str]
    is_error: bool
    items: int = 0
    words: int = 0
    extractions: tuple = ()  # ((group, count), ...)


def file_sha256(path: str) -> Optional[str]:
    """sha256 of a file's bytes, None when it cannot be read (the key unreadable inputs are recorded under)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def records_for(task: Task) -> Iterator[DocumentRecord | ErrorRecord]:
    """extract.extract_path, plus: skip archive members already done, never raise (an ingest bug becomes an
    error record), and give input-level error records the file's sha256 so resume can match them."""
    from .calibrate import drop_below
    from .extract import error_record, extract_source
    from .ingest import read_sources

    path = task.path
    try:
        for source in read_sources(Path(path)):
            if isinstance(source, MinutesError):
                member = getattr(source, "path", None) or path
                if (member, None) not in task.skip:
                    yield error_record(member, source, file_sha256(path) if member == path else None)
                continue
            if (source.path, source.sha256) in task.skip:
                continue
            try:
                record = extract_source(source)
                yield drop_below(record, task.min_confidence) if task.min_confidence > 0 else record
            except MinutesError as exc:
                yield error_record(source.path, exc, source.sha256)
            except Exception as exc:  # a bug must not stop a batch: record it, with its type
                yield error_record(source.path, ExtractionFailed(f"{type(exc).__name__}: {exc}"), source.sha256)
    except MinutesError as exc:
        yield error_record(path, exc, file_sha256(path))
    except Exception as exc:
        yield error_record(path, ExtractionFailed(f"{type(exc).__name__}: {exc}"), file_sha256(path))


def written(record: DocumentRecord | ErrorRecord) -> Written:
    line = record.model_dump_json() + "\n"
    if isinstance(record, ErrorRecord):
        return Written(line, record.source.path, record.source.sha256, True)
    counts: dict[str, int] = {}
    for holder in (*record.items, record.unassigned):
        for group in EXTRACTION_GROUPS:
            n = len(getattr(holder, group))
            if n:
                counts[group] = counts.get(group, 0) + n
    return Written(line, record.source.path, record.source.sha256, False,
                   len(record.items), len(record.text.split()), tuple(sorted(counts.items())))


def crash_record(task: Task) -> Written:
    """The error record of an input whose worker process died while extracting it."""
    from .extract import error_record
    crash = ExtractionFailed("the worker process died while extracting this input (a crash or out of memory)")
    return written(error_record(task.path, crash, file_sha256(task.path)))


def run_chunk(chunk: list[Task]) -> list[Written]:
    """The unit of work an engine runs in a worker: a few inputs -> their serialised records."""
    return [written(record) for task in chunk for record in records_for(task)]


def warm_up() -> None:
    """Load the pipeline now (once per process), so the first task does not pay for it."""
    from .pipeline import get_pipeline
    get_pipeline()


# ---------------------------------------------------------------- engines

class Engine(Protocol):
    """Runs chunks of tasks somewhere and yields each chunk's results, in chunk order."""
    chunk_size: int  # inputs per task

    def __enter__(self) -> "Engine": ...
    def __exit__(self, *exc) -> None: ...
    def map(self, chunks: Iterable[list[Task]]) -> Iterator[list[Written]]: ...


class LocalEngine:
    """`jobs` processes on this machine, each loading the pipeline once; results in input order, with a
    bounded number of tasks in flight so memory stays flat however many inputs. A worker that dies (a
    crash in a native library, the OOM killer) costs one error record, not the batch: see `_recover`."""
    chunk_size = LOCAL_CHUNK

    def __init__(self, jobs: int = 1):
        self.jobs = max(1, jobs)
        self.pool: Optional[ProcessPoolExecutor] = None

    def __enter__(self) -> "LocalEngine":
        warm_up()  # in this process for --jobs 1; forked workers inherit it (copy-on-write)
        if self.jobs > 1:
            self._start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop()

    def _start(self) -> None:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
        self.pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=warm_up)

    def _stop(self) -> None:
        if self.pool is not None:
            for process in list((getattr(self.pool, "_processes", None) or {}).values()):
                process.terminate()  # an early exit (error, Ctrl-C) must not leave workers running tasks
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def map(self, chunks: Iterable[list[Task]]) -> Iterator[list[Written]]:
        if self.pool is None:
            for chunk in chunks:
                yield run_chunk(chunk)
            return
        pending: deque = deque()  # [chunk, Future | list[Written] (recovered) | None (never submitted)]
        for chunk in chunks:
            pending.append(self._submit(chunk))
            if len(pending) >= self.jobs * LOCAL_WINDOW:
                yield self._take(pending)
        while pending:
            yield self._take(pending)

    def _submit(self, chunk: list[Task]) -> list:
        try:
            return [chunk, self.pool.submit(run_chunk, chunk)]
        except BrokenProcessPool:
            return [chunk, None]

    def _take(self, pending: deque) -> list[Written]:
        chunk, outcome = pending[0]
        if not isinstance(outcome, list):
            try:
                outcome = outcome.result() if outcome is not None else self._recover(pending)
            except BrokenProcessPool:
                outcome = self._recover(pending)
        pending.popleft()
        return outcome

    def _recover(self, pending: deque) -> list[Written]:
        """A worker died and took the pool with it: every unfinished task is lost. Restart the pool and
        re-run the lost tasks one input at a time, alone in the pool, so that only the input that kills a
        worker again is recorded as failed. Returns the first entry's results."""
        lost = []
        for entry in pending:
            future = entry[1]
            if future is None or (not isinstance(future, list) and isinstance(future.exception(), BrokenProcessPool)):
                lost.append(entry)
            elif not isinstance(future, list):
                entry[1] = future.result()
        self._stop()
        self._start()
        for entry in lost:
            entry[1] = [result for task in entry[0] for result in self._alone(task)]
        return pending[0][1]

    def _alone(self, task: Task) -> list[Written]:
        try:
            return self.pool.submit(run_chunk, [task]).result()
        except BrokenProcessPool:
            self._stop()
            self._start()
            return [crash_record(task)]


def make_engine(engine: str, jobs: int, scheduler: Optional[str] = None) -> Engine:
    if engine == "local":
        return LocalEngine(jobs)
    if engine == "dask":
        from .dask_engine import DaskEngine
        return DaskEngine(scheduler, jobs)
    raise UsageError(f"unknown engine {engine!r} (choose local or dask)")


# ---------------------------------------------------------------- resume

def repair_torn_line(path: Path) -> bool:
    """Drop a last line without its newline (a record torn by a crash). True when something was cut."""
    try:
        handle = open(path, "r+b")
    except FileNotFoundError:
        return False
    with handle:
        size = handle.seek(0, 2)
        if size == 0:
            return False
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return False
        keep, position = 0, size
        while position > 0 and not keep:  # scan back for the last newline, 64 KB at a time
            start = max(0, position - 65536)
            handle.seek(start)
            block = handle.read(position - start)
            cut = block.rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
            position = start
        handle.truncate(keep)
        return True


_SOURCE_KEY = '"source":'
_DECODER = json.JSONDecoder()


def record_key(line: str) -> Optional[Key]:
    """(source.path, source.sha256) of one JSONL line, None when the line is not a record. Decodes only the
    `source` object (it precedes the long `text` field) so resuming a large output stays quick."""
    at = line.find(_SOURCE_KEY)
    try:
        if at >= 0:
            at += len(_SOURCE_KEY)
            while line[at:at + 1].isspace():
                at += 1
            source, _ = _DECODER.raw_decode(line, at)
        else:
            source = json.loads(line).get("source")
        return (source["path"], source.get("sha256"))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


class DoneIndex:
    """Keys already written (records and error records), by input path; archive members also under the
    archive's path, so a resumed archive re-extracts only the members it lacks."""

    def __init__(self) -> None:
        self.keys: dict[str, set] = {}
        self.members: dict[str, set] = {}
        self.count = 0

    def add(self, key: Key) -> None:
        if key in self:
            return
        path = key[0]
        self.keys.setdefault(path, set()).add(key[1])
        self.count += 1
        for at, char in enumerate(path):  # "a.zip!minutes.pdf" is a member of a.zip
            if char == "!":
                self.members.setdefault(path[:at], set()).add(key)

    def __contains__(self, key: Key) -> bool:
        return key[1] in self.keys.get(key[0], ())

    def has_path(self, path: str) -> bool:
        return path in self.keys

    def members_of(self, path: str) -> frozenset:
        return frozenset(self.members.get(path, ()))

    @classmethod
    def load(cls, *files: Optional[Path]) -> "DoneIndex":
        done = cls()
        for path in files:
            if path is None or not path.is_file():
                continue
            try:
                repair_torn_line(path)
                with open(path, encoding="utf-8", errors="replace") as handle:
                    for line in handle:
                        key = record_key(line)
                        if key is not None:
                            done.add(key)
            except OSError as exc:
                raise UsageError(f"cannot resume from {path}: {exc.strerror or exc}") from exc
        return done


# ---------------------------------------------------------------- the run

@dataclass
class Summary:
    documents: int = 0
    errors: int = 0
    items: int = 0
    words: int = 0
    skipped: int = 0          # inputs (or archive members) already in the output when resuming
    inputs: int = 0
    seconds: float = 0.0
    extractions: dict = field(default_factory=dict)

    def add(self, result: Written) -> None:
        if result.is_error:
            self.errors += 1
            return
        self.documents += 1
        self.items += result.items
        self.words += result.words
        for group, n in result.extractions:
            self.extractions[group] = self.extractions.get(group, 0) + n

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        counts = ", ".join(f"{group} {n}" for group, n in sorted(self.extractions.items())) or "none"
        resumed = f"; {self.skipped} already done" if self.skipped else ""
        return (f"{self.documents} documents, {self.items} items; extractions: {counts}; {self.errors} errors{resumed}; "
                f"{self.words} words in {self.seconds:.1f} s ({self.words_per_second:,.0f} words/s)")


class ProgressSink(Protocol):
    def start(self, total: Optional[int]) -> None: ...
    def update(self, inputs: int, documents: int) -> None: ...
    def close(self) -> None: ...


def check_paths(paths: Iterable[Path]) -> list[Path]:
    """A user's typo is one clear error before anything is written."""
    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.exists():
            raise InputNotFound(f"no such file or directory: {path}")
    return paths


def default_errors_path(out: Optional[Path]) -> Optional[Path]:
    return out.with_name(out.stem + ".errors.jsonl") if out else None


def count_inputs(paths: list[Path]) -> int:
    from .ingest import iter_inputs
    return sum(1 for _ in iter_inputs(paths))


def plan_tasks(paths: list[Path], done: Optional[DoneIndex], summary: Summary,
               min_confidence: float = 0.0) -> Iterator[Task]:
    """Inputs as tasks, lazily; on resume an input whose (path, sha256) is already written is skipped
    (hashing only files whose path appears in the output)."""
    from .ingest import iter_inputs
    for path in iter_inputs(paths):
        name = str(path)
        if done is not None:
            if done.has_path(name) and (name, file_sha256(name)) in done:
                summary.skipped += 1
                summary.inputs += 1
                continue
            yield Task(name, done.members_of(name), min_confidence)
        else:
            yield Task(name, min_confidence=min_confidence)


def chunked(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


def run_batch(paths: Iterable[Path], out: Optional[Path], errors: Optional[Path] = None, jobs: int = 1,
              resume: bool = False, engine: str = "local", scheduler: Optional[str] = None,
              progress: Optional[ProgressSink] = None, min_confidence: float = 0.0) -> Summary:
    """Extract every input under `paths`; records to `out` (stdout when None), error records to `errors`
    (default OUT.errors.jsonl). Raises UsageError (missing path, unwritable output) before writing."""
    from .writer import JsonlWriter

    paths = check_paths(paths)
    if resume and out is None:
        raise UsageError("--resume needs an output file (-o FILE)")
    errors = errors or default_errors_path(out)
    done = DoneIndex.load(out, errors) if resume else None
    summary = Summary()
    with ExitStack() as stack:
        # The engine first: a wrong scheduler address must not truncate an existing output.
        runner = stack.enter_context(make_engine(engine, jobs, scheduler))
        writer = stack.enter_context(JsonlWriter(out, append=resume))
        error_writer = stack.enter_context(JsonlWriter(errors, append=resume)) if errors else writer
        if progress is not None:
            progress.start(count_inputs(paths))
        started = time.perf_counter()
        try:
            tasks = plan_tasks(paths, done, summary, min_confidence)
            for chunk, results in zip_chunks(runner, chunked(tasks, runner.chunk_size)):
                for result in results:
                    if done is not None and (result.path, result.sha256) in done:
                        summary.skipped += 1
                        continue
                    (error_writer if result.is_error else writer).write_line(result.line)
                    summary.add(result)
                summary.inputs += len(chunk)
                if progress is not None:
                    progress.update(summary.inputs, summary.documents + summary.errors)
        finally:
            summary.seconds = time.perf_counter() - started
            if progress is not None:
                progress.close()
    return summary


def zip_chunks(runner: Engine, chunks: Iterator[list[Task]]) -> Iterator[tuple[list[Task], list[Written]]]:
    """Pairs each chunk with its results (engines return results in chunk order)."""
    sent: deque = deque()

    def remember() -> Iterator[list[Task]]:
        for chunk in chunks:
            sent.append(chunk)
            yield chunk

    for results in runner.map(remember()):
        yield sent.popleft(), results
