"""minutes-extract: UK council committee minutes -> validated JSONL records.

The library in one import:
    extract_text(text) / extract_path(path) / extract_source(source)   one document -> records
    build_pipeline(rules_dir=None), to_record(doc)                     the spaCy pipeline and its Doc -> record
    run_batch(paths, out, ...)                                         a whole archive -> JSONL (resumable)
    read_records(path)                                                 the one reader of a JSONL output
    DocumentRecord, ErrorRecord, Summary                               what those give back
"""
__version__ = "0.1.0"

from .batch import Summary, run_batch  # noqa: E402
from .extract import extract_path, extract_source, extract_text, to_record  # noqa: E402
from .pipeline import build_pipeline  # noqa: E402
from .records import DocumentRecord, ErrorRecord  # noqa: E402
from .writer import read_records  # noqa: E402

__all__ = [
    "DocumentRecord", "ErrorRecord", "Summary", "build_pipeline", "extract_path", "extract_source", "extract_text",
    "read_records", "run_batch", "to_record", "__version__",
]
