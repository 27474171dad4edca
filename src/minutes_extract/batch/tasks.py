"""What workers do: one input file -> its records, serialised to JSONL lines (`Written`) in the worker,
so records never cross a process boundary as objects. Never raises for a bad input: every failure,
including a record that cannot be serialised, becomes an error record."""
from __future__ import annotations

import base64
import gc
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NamedTuple, Optional

from ..errors import ExtractionFailed, InputTooLarge, MinutesError
from ..extensions import EXTRACTION_GROUPS
from ..large import PartedRecord, count_words
from ..records import DocumentRecord, ErrorRecord

Key = tuple[str, Optional[str]]  # (source path as recorded, source sha256)
# Texts over large.PART_CHARS are extracted in parts, their items serialised part by part: a worker then
# needs about 150 MB plus 12 bytes per character of text (measured: a 20 MB text peaks at 386 MB, 50 MB at
# 739 MB), so 64 MB of text keeps a worker under 1 GB. --max-doc-mb changes it.
MAX_DOC_MB = 64.0


@dataclass(frozen=True)
class Task:
    """One input file, the keys of its archive members already written (skipped on resume), and the
    largest document text a worker extracts (characters)."""
    path: str
    skip: frozenset = frozenset()
    max_chars: int = int(MAX_DOC_MB * 1024 * 1024)
    min_confidence: float = 0.0  # extractions below it are dropped (calibrate.drop_below)


class Written(NamedTuple):
    """A record serialised by a worker, with what the parent needs for resume keys and the summary (the line
    of a large text's record is UTF-8 bytes, spliced part by part: see large.PartedRecord)."""
    line: str | bytes
    path: str
    sha256: Optional[str]
    is_error: bool
    items: int = 0
    words: int = 0
    extractions: tuple = ()  # ((group, count), ...)


def display_path(path: str) -> str:
    """The path as recorded: a file name that is not UTF-8 (os.fsdecode gives it surrogate escapes) shows
    its undecodable bytes as \\xNN; `path_bytes` then keeps the exact bytes (see `portable`)."""
    try:
        raw = os.fsencode(path)
    except UnicodeError:
        raw = path.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def portable(record: DocumentRecord | ErrorRecord | PartedRecord) -> DocumentRecord | ErrorRecord | PartedRecord:
    """Make the record's path serialisable without losing it: display form plus the base64 of its bytes."""
    path = record.source.path
    shown = display_path(path)
    if shown != path:
        record.source.path = shown
        record.source.path_bytes = base64.b64encode(path.encode("utf-8", "surrogateescape")).decode("ascii")
    return record


def file_sha256(path: str) -> Optional[str]:
    """sha256 of a file's bytes, None when it cannot be read (the key unreadable inputs are recorded under).
    Only regular files are hashed: a FIFO or a device would block or never end."""
    from ..ingest import is_regular_file
    if not is_regular_file(path):
        return None
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
    from ..calibrate import drop_below
    from ..extract import error_record, extract_source
    from ..ingest import read_sources
    from ..large import extract_in_parts, needs_parts
    from ..pipeline import get_pipeline

    path = task.path
    try:
        for source in read_sources(Path(path)):
            if isinstance(source, MinutesError):
                member = getattr(source, "path", None) or path
                if (display_path(member), None) not in task.skip:
                    yield error_record(member, source, file_sha256(path) if member == path else None)
                continue
            if (display_path(source.path), source.sha256) in task.skip:
                continue
            if len(source.text) > task.max_chars:
                yield error_record(source.path, too_large(len(source.text), task.max_chars), source.sha256)
                continue
            try:
                if not needs_parts(source.text):
                    record = extract_source(source)
                elif task.min_confidence > 0:  # drop_below may merge items across parts: the items as objects
                    record = extract_in_parts(source, get_pipeline())
                else:  # items serialised part by part (PartedRecord): a fraction of their memory as objects
                    record = extract_in_parts(source, get_pipeline(), spliced=True)
                if task.min_confidence > 0:
                    record = drop_below(record, task.min_confidence)
                yield record
                del record  # a large record is not kept while the next source is read
            except MinutesError as exc:
                yield error_record(source.path, exc, source.sha256)
            except Exception as exc:  # a bug must not stop a batch: record it, with its type
                yield error_record(source.path, ExtractionFailed(f"{type(exc).__name__}: {exc}"), source.sha256)
    except MinutesError as exc:
        yield error_record(path, exc, file_sha256(path))
    except Exception as exc:
        yield error_record(path, ExtractionFailed(f"{type(exc).__name__}: {exc}"), file_sha256(path))


def too_large(chars: int, limit: int) -> InputTooLarge:
    return InputTooLarge(f"text of {chars / 1048576:.1f} MB is over the {limit / 1048576:g} MB limit per document "
                         f"(a worker needs about 150 MB plus 12 MB per MB of text; raise it with --max-doc-mb)")


def written(record: DocumentRecord | ErrorRecord) -> Written:
    """The record as one JSONL line; a record that cannot be serialised becomes an error record."""
    record = portable(record)
    try:
        line = record.json_line() if isinstance(record, PartedRecord) else record.model_dump_json() + "\n"
    except Exception as exc:  # pydantic's serialisation error, a bad float, ...: never a batch-stopping raise
        from ..extract import error_record
        failed = ExtractionFailed(display_path(f"the record could not be serialised: {type(exc).__name__}: {exc}"))
        fallback = portable(error_record(record.source.path, failed, record.source.sha256))
        fallback.source.path_bytes = record.source.path_bytes
        return Written(fallback.model_dump_json() + "\n", fallback.source.path, fallback.source.sha256, True)
    if isinstance(record, ErrorRecord):
        return Written(line, record.source.path, record.source.sha256, True)
    if isinstance(record, PartedRecord):
        return Written(line, record.source.path, record.source.sha256, False, record.item_count,
                       count_words(record.head.text), tuple(sorted(record.counts.items())))
    counts: dict[str, int] = {}
    for holder in (*record.items, record.unassigned):
        for group in EXTRACTION_GROUPS:
            n = len(getattr(holder, group))
            if n:
                counts[group] = counts.get(group, 0) + n
    return Written(line, record.source.path, record.source.sha256, False,
                   len(record.items), count_words(record.text), tuple(sorted(counts.items())))


def crash_record(task: Task) -> Written:
    """The error record of an input whose worker process died while extracting it."""
    from ..extract import error_record
    crash = ExtractionFailed("the worker process died while extracting this input (a crash or out of memory)")
    return written(error_record(task.path, crash, file_sha256(task.path)))


def run_chunk(chunk: list[Task]) -> list[Written]:
    """The unit of work an engine runs in a worker: a few inputs -> their serialised records."""
    return [written(record) for task in chunk for record in records_for(task)]


# Tracked objects allocated (net of those freed) before the collector's youngest generation is examined:
# Python's default of 700 ran a collection every two documents or so, each walking the objects a document
# was still building; a document leaves almost nothing behind, so at this threshold collections are rare
# and what cyclic garbage there is still gets collected once this many objects accumulate.
YOUNG_COLLECTION_THRESHOLD = 20_000


def warm_up() -> None:
    """Load the pipeline now (once per process), so the first task does not pay for it; then set the cyclic
    collector for a long run of documents (settle_collector)."""
    from ..pipeline import get_pipeline
    get_pipeline()
    settle_collector()


def settle_collector() -> None:
    """Everything alive once the pipeline is loaded (the rules, the vocabulary, the modules) lives as long as
    the process: gc.freeze moves it out of the collector's sight, so the full collections of a long run no
    longer walk it (they walked ~140,000 objects each), and forked workers keep sharing its pages. Younger
    generations are examined less often (YOUNG_COLLECTION_THRESHOLD). What a document extracts is unchanged."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, old)
