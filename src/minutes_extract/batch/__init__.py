"""Batch runs over whole archives: stream inputs through an engine (local processes or Dask), write each
record as one flushed JSONL line, route error records to their own file, resume after a crash.

    tasks.py    what a worker does with one input (records, serialised in the worker)
    engines.py  where tasks run: local processes (dask_engine.py: a Dask cluster, imported when asked for)
    resume.py   what an interrupted run wrote; one record per input afterwards
    outputs.py  output-file safety checks, before anything is opened for writing
    run.py      run_batch: the whole run and its Summary
Locking and the one JSONL reader live in writer.py.
"""
from .engines import Engine, LocalEngine, make_engine
from .resume import DoneIndex, ResumeState, repair_torn_line
from .run import Summary, check_paths, default_errors_path, plan_tasks, run_batch
from .tasks import Task, Written, crash_record, display_path, file_sha256, records_for, run_chunk, warm_up, written

__all__ = [
    "DoneIndex", "Engine", "LocalEngine", "ResumeState", "Summary", "Task", "Written", "check_paths", "crash_record",
    "default_errors_path", "display_path", "file_sha256", "make_engine", "plan_tasks",
    "records_for", "repair_torn_line", "run_batch", "run_chunk", "warm_up", "written",
]
