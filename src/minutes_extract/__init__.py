"""minutes-extract: UK council committee minutes -> validated JSONL records."""
__version__ = "0.1.0"

from .extract import extract_path, extract_source, extract_text, to_record  # noqa: E402
from .pipeline import build_pipeline  # noqa: E402

__all__ = ["build_pipeline", "extract_path", "extract_source", "extract_text", "to_record", "__version__"]
