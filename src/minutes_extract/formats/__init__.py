"""Format readers: bytes of one document -> Extracted text (see ingest.py for the Source contract).

detect.py picks the format from content; text/html/pdf/docx extract; archive.py lists zip members
safely in memory. Each reader raises errors.MinutesError subclasses, never library exceptions.
"""
from .base import Extracted

__all__ = ["Extracted"]
