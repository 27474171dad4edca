"""The Dask engine: the same tasks as the local engine, run on a Dask cluster.

With a scheduler address it connects to that cluster; without one it starts a LocalCluster on this
machine (`jobs` single-threaded worker processes). A worker plugin loads the pipeline once per worker
process; tasks are batches of input paths (the workers must see the same files: a shared filesystem);
results stream back in input order with a bounded number of tasks in flight, and the client writes them
(run.run_batch), so resume and error rules are the local engine's. Install: minutes-extract[dask].
"""
from __future__ import annotations

import threading
from collections import deque
from typing import Iterable, Iterator, Optional

from ..errors import UsageError
from .tasks import Task, Written, crash_record, run_chunk, warm_up

DASK_CHUNK = 16    # inputs per Dask task: large enough to amortise scheduling, small enough to balance
DASK_WINDOW = 4    # tasks in flight per worker thread
CONNECT_TIMEOUT: Optional[str] = None  # None: Dask's configured distributed.comm.timeouts.connect

# The pipeline (and pypdfium2) must not run in two threads of one worker at once: a worker started with
# several threads runs our tasks one at a time (use more worker processes, not threads, for speed).
_PIPELINE_LOCK = threading.Lock()


def run_chunk_on_worker(chunk: list[Task]) -> list[Written]:
    with _PIPELINE_LOCK:
        return run_chunk(chunk)


try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - the extra is not installed; DaskEngine reports it
    WorkerPlugin = object


class PipelineLoader(WorkerPlugin):
    """Loads the pipeline when a worker starts (or joins later), once per worker process."""
    name = "minutes-extract-pipeline"

    def setup(self, worker) -> None:
        warm_up()


class DaskEngine:
    chunk_size = DASK_CHUNK

    def __init__(self, scheduler: Optional[str] = None, jobs: int = 1):
        self.scheduler = scheduler
        self.jobs = max(1, jobs)
        self.client = None
        self.cluster = None

    def __enter__(self) -> "DaskEngine":
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise UsageError("the dask engine needs Dask: pip install 'minutes-extract[dask]'") from exc
        try:
            if self.scheduler:
                patience = {"timeout": CONNECT_TIMEOUT} if CONNECT_TIMEOUT else {}
                self.client = Client(self.scheduler, **patience)
            else:
                self.cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address=":0")
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            self.__exit__()
            raise UsageError(f"cannot connect to the Dask scheduler {self.scheduler or '(local)'}: {exc}") from exc
        self.client.register_plugin(PipelineLoader(), name=PipelineLoader.name)
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def window(self) -> int:
        threads = sum(self.client.nthreads().values()) or 1
        return max(2, threads * DASK_WINDOW)

    def map(self, chunks: Iterable[list[Task]]) -> Iterator[list[Written]]:
        window = self.window()
        pending: deque = deque()
        for chunk in chunks:
            pending.append((chunk, self.client.submit(run_chunk_on_worker, chunk, pure=False)))
            if len(pending) >= window:
                yield self._collect(*pending.popleft())
        while pending:
            yield self._collect(*pending.popleft())

    def _collect(self, chunk: list[Task], future) -> list[Written]:
        """The chunk's results; when its workers kept dying (Dask gave up: KilledWorker), each input is
        re-run alone so that only the input that kills a worker is recorded as failed."""
        from distributed import KilledWorker
        try:
            return future.result()
        except KilledWorker:
            return [result for task in chunk for result in self._alone(task)]
        finally:
            future.release()  # free the result on the cluster now that the client holds it

    def _alone(self, task: Task) -> list[Written]:
        from distributed import KilledWorker
        future = self.client.submit(run_chunk_on_worker, [task], pure=False)
        try:
            return future.result()
        except KilledWorker:
            return [crash_record(task)]
        finally:
            future.release()
