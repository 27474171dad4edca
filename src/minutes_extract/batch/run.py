"""The run: inputs -> tasks -> an engine -> records to the output, error records to their own file.

    PATHS ─iter_inputs─▶ Task(path, members already done) ─chunks─▶ engine ─▶ Written(line, key, counts)
          ─▶ writer (records) / error writer (error records) ─▶ Summary

Order matters for safety: outputs are checked (outputs.py), then opened without truncating and locked,
then the resume state is read, then the engine starts; only then is a fresh output emptied.
"""
from __future__ import annotations

import os
import signal
import time
from collections import deque
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Optional, Protocol

from ..errors import InputNotFound, UsageError
from .engines import Engine, make_engine
from .outputs import check_outputs, own_outputs
from .resume import DoneIndex, ResumeState
from .tasks import MAX_DOC_MB, Task, Written, display_path, file_sha256

# Tests only: stop this process (SIGSTOP) once this many lines are written, so a test can kill a batch
# mid-run at a known point instead of racing it.
STOP_AFTER_ENV = "MINUTES_EXTRACT_STOP_AFTER"


@dataclass
class Summary:
    documents: int = 0
    errors: int = 0
    items: int = 0
    words: int = 0
    skipped: int = 0          # inputs (or archive members) already in the output when resuming
    replaced: int = 0         # records replaced by a newer one (the input changed since) when resuming
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
        resumed += f"; {self.replaced} replaced (input changed)" if self.replaced else ""
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
        if not path.exists() and not path.is_symlink():
            raise InputNotFound(f"no such file or directory: {display_path(str(path))}")
    return paths


def default_errors_path(out: Optional[Path]) -> Optional[Path]:
    return out.with_name(out.stem + ".errors.jsonl") if out else None


def input_files(paths: list[Path], skip: set[str]) -> Iterator[Path]:
    """Every input once (the same path given twice is read once), without this run's own outputs."""
    from ..ingest import iter_inputs
    seen: set[str] = set()
    for path in iter_inputs(paths, skip=skip):
        name = os.path.abspath(path)
        if name not in seen:
            seen.add(name)
            yield path


def plan_tasks(inputs: Iterable[Path], done: Optional[DoneIndex], summary: Summary,
               max_doc_mb: float = MAX_DOC_MB, min_confidence: float = 0.0) -> Iterator[Task]:
    """Inputs as tasks, lazily; on resume an input whose (path, sha256) is already written is skipped
    (hashing only files whose path appears in the output)."""
    max_chars = int(max_doc_mb * 1024 * 1024)
    for path in inputs:
        name = str(path)
        if done is not None:
            shown = display_path(name)
            if done.has_path(shown) and (shown, file_sha256(name)) in done:
                summary.skipped += 1
                summary.inputs += 1
                continue
            yield Task(name, done.members_of(shown), max_chars, min_confidence)
        else:
            yield Task(name, max_chars=max_chars, min_confidence=min_confidence)


def chunked(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


class Pause:
    """The test hook of STOP_AFTER_ENV."""

    def __init__(self) -> None:
        value = os.environ.get(STOP_AFTER_ENV, "")
        self.after = int(value) if value.isdigit() else 0
        self.lines = 0

    def wrote(self) -> None:
        self.lines += 1
        if self.after and self.lines == self.after:
            os.kill(os.getpid(), signal.SIGSTOP)


def run_batch(paths: Iterable[Path], out: Optional[Path], errors: Optional[Path] = None, jobs: int = 1,
              resume: bool = False, engine: str = "local", scheduler: Optional[str] = None,
              progress: Optional[ProgressSink] = None, max_doc_mb: float = MAX_DOC_MB,
              min_confidence: float = 0.0) -> Summary:
    """Extract every input under `paths`; records to `out` (stdout when None), error records to `errors`
    (default OUT.errors.jsonl). Raises UsageError (missing path, unsafe or unwritable output, an output
    locked by another run) before anything is written."""
    from ..writer import JsonlWriter

    paths = check_paths(paths)
    if resume and out is None:
        raise UsageError("--resume needs an output file (-o FILE)")
    errors = errors or default_errors_path(out)
    check_outputs(paths, out, errors)
    skip = own_outputs(out, errors)
    if next(input_files(paths, skip), None) is None:
        shown = ", ".join(display_path(str(p)) for p in paths)
        raise UsageError(f"no files to extract in {shown} (the directory is empty)")
    summary = Summary()
    with ExitStack() as stack:
        writer = stack.enter_context(JsonlWriter(out, append=True))
        error_writer = stack.enter_context(JsonlWriter(errors, append=True)) if errors else writer
        state = ResumeState(out, errors) if resume else None
        # The engine before emptying: a wrong scheduler address must not truncate an existing output.
        runner = stack.enter_context(make_engine(engine, jobs, scheduler))
        if not resume:
            writer.truncate()
            error_writer.truncate()
        if progress is not None:
            progress.start(sum(1 for _ in input_files(paths, skip)))
        started = time.perf_counter()
        fresh: set[str] = set()
        pause = Pause()
        try:
            tasks = plan_tasks(input_files(paths, skip), state.done if state else None, summary, max_doc_mb,
                               min_confidence)
            for chunk, results in zip_chunks(runner, chunked(tasks, runner.chunk_size)):
                for result in results:
                    if state is not None and (result.path, result.sha256) in state.done:
                        summary.skipped += 1
                        continue
                    (error_writer if result.is_error else writer).write_line(result.line)
                    fresh.add(result.path)
                    summary.add(result)
                    pause.wrote()
                summary.inputs += len(chunk)
                if progress is not None:
                    progress.update(summary.inputs, summary.documents + summary.errors)
            if state is not None:
                summary.replaced = state.compact(fresh)
        finally:
            summary.seconds = time.perf_counter() - started
            if progress is not None:
                progress.close()
    remove_if_empty(errors)
    return summary


def remove_if_empty(errors: Optional[Path]) -> None:
    """No error file is left behind when nothing failed (an empty regular file; devices stay)."""
    try:
        if errors is not None and errors.is_file() and errors.stat().st_size == 0:
            errors.unlink()
    except OSError:
        pass  # a file we cannot remove is harmless: it is empty


def zip_chunks(runner: Engine, chunks: Iterator[list[Task]]) -> Iterator[tuple[list[Task], list[Written]]]:
    """Pairs each chunk with its results (engines return results in chunk order)."""
    sent: deque = deque()

    def remember() -> Iterator[list[Task]]:
        for chunk in chunks:
            sent.append(chunk)
            yield chunk

    for results in runner.map(remember()):
        yield sent.popleft(), results
