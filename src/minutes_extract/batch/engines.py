"""Engines run chunks of tasks somewhere and yield each chunk's results in chunk order: local worker
processes here, a Dask cluster in `dask_engine` (imported only when asked for)."""
from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Optional, Protocol

from ..errors import UsageError
from ..writer import release_inherited_outputs
from .tasks import Task, Written, crash_record, run_chunk, warm_up

LOCAL_CHUNK = 4      # inputs per task sent to a local worker process
LOCAL_WINDOW = 4     # tasks in flight per worker process: bounds memory, keeps workers busy
_PR_SET_PDEATHSIG = 1


class Engine(Protocol):
    """Runs chunks of tasks somewhere and yields each chunk's results, in chunk order."""
    chunk_size: int  # inputs per task

    def __enter__(self) -> "Engine": ...
    def __exit__(self, *exc) -> None: ...
    def map(self, chunks: Iterable[list[Task]]) -> Iterator[list[Written]]: ...


def die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this worker when the process that started it (pid `parent`) dies (SIGKILL
    included), so a killed batch leaves no workers running. Elsewhere a no-op."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # died before we asked (a worker slow to start on a busy machine): never fires
        os._exit(1)


def start_worker(parent: int) -> None:
    die_with_parent(parent)
    release_inherited_outputs()  # a killed run's dying workers must not keep its output locked
    warm_up()


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
        self.pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=start_worker, initargs=(os.getpid(),))

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
        from .dask_engine import DaskEngine  # needs the optional Dask extra: imported only when asked for
        return DaskEngine(scheduler, jobs)
    raise UsageError(f"unknown engine {engine!r} (choose local or dask)")
