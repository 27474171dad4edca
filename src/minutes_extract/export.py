"""JSONL records -> flat, typed analytics tables (Parquet or CSV), streamed in batches.

Tables (one file each in the output directory), all keyed by `doc_id` and, below documents, `item_index`
(the item's `index`; null for extractions in `unassigned`, before the first item):
  documents    one row per document: source, meeting, counts
  items        one row per agenda item
  resolutions, findings, metrics, dates, judgements, inspections
               one row per extraction: text, span_start, span_end, rule, page, confidence + the record's own fields
Spans become span_start/span_end ("end" is an SQL keyword). The extraction row order within a document follows
the record: unassigned first, then items in order.
Column types come from records.py (Literal -> string, Optional[float] -> double, list[str] -> list<string>,
list[Span] -> list<struct<start, end>>), so a new record field becomes a column without touching this file.
CSV cannot hold lists: there those columns are JSON text. Error records are not exported.
A range metric (`18-22 cases`: low and high, no value) gets its midpoint as `value` and `is_range` true, so an
average over `value` counts it once, at its middle, instead of silently dropping it; `low`/`high` keep the ends.
"""
from __future__ import annotations

import datetime as dt
import json
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Literal, Optional, Union

from pydantic import BaseModel

from .errors import UsageError
from .records import EXTRACTION_MODELS, Extraction, Section
from .writer import read_records

FORMATS = ("parquet", "csv")
BATCH_ROWS = 5000          # rows buffered per table before a batch is written: memory stays flat
COMMON = set(Extraction.model_fields)  # text, span, rule, page, confidence: laid out first, span as start/end


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.csv  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise UsageError("export needs pyarrow: pip install 'minutes-extract[analytics]'") from exc
    return pyarrow


# ---------------------------------------------------------------- schemas

def arrow_type(annotation: Any):
    """The Arrow type of a pydantic field annotation."""
    pa = _pyarrow()
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        (inner, *_) = [a for a in typing.get_args(annotation) if a is not type(None)]
        return arrow_type(inner)
    if origin is Literal:
        return pa.string()
    if origin is list:
        return pa.list_(arrow_type(typing.get_args(annotation)[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct([(f.alias or name, arrow_type(f.annotation)) for name, f in annotation.model_fields.items()])
    scalars = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if annotation in scalars:
        return scalars[annotation]
    raise TypeError(f"no Arrow type for {annotation!r}")


def _key_fields(pa) -> list:
    return [("doc_id", pa.string()), ("item_index", pa.int32())]


def table_schemas() -> dict[str, Any]:
    pa = _pyarrow()
    schemas = {
        "documents": pa.schema([
            ("doc_id", pa.string()), ("path", pa.string()), ("format", pa.string()), ("sha256", pa.string()),
            ("size", pa.int64()), ("authority", pa.string()), ("body", pa.string()),
            ("meeting_date", pa.date32()), ("meeting_year", pa.int32()), ("n_chars", pa.int64()),
            ("n_pages", pa.int32()), ("n_items", pa.int32()), ("warnings", pa.list_(pa.string())),
            ("schema_version", pa.string()),
        ]),
        "items": pa.schema([
            *_key_fields(pa), ("number", pa.string()), ("title", pa.string()), ("span_start", pa.int64()),
            ("span_end", pa.int64()), ("rule", pa.string()), ("confidence", pa.float64()),
            ("sections", pa.list_(arrow_type(Section))),
        ]),
    }
    for group, model in EXTRACTION_MODELS.items():
        own = [(f.alias or name, arrow_type(f.annotation)) for name, f in model.model_fields.items()
               if name not in COMMON]  # a field's alias is its record key (Vote.for_ is "for")
        schemas[group] = pa.schema([
            *_key_fields(pa), ("text", pa.string()), ("span_start", pa.int64()), ("span_end", pa.int64()),
            ("rule", pa.string()), ("page", pa.int32()), ("confidence", pa.float64()), *own,
            *([("is_range", pa.bool_())] if group == "metrics" else []),
        ])
    return schemas


def flat_schema(schema):
    """The CSV form of a schema: nested columns become JSON text."""
    pa = _pyarrow()
    return pa.schema([(f.name, pa.string() if pa.types.is_nested(f.type) else f.type) for f in schema])


# ---------------------------------------------------------------- rows

def parse_date(value: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def parse_year(value: Optional[str]) -> Optional[int]:
    return int(value[:4]) if value and value[:4].isdigit() else None


def document_row(record: dict) -> dict:
    source, meeting = record.get("source") or {}, record.get("meeting") or {}
    return {
        "doc_id": record.get("doc_id"), "path": source.get("path"), "format": source.get("format"),
        "sha256": source.get("sha256"), "size": source.get("size"),
        "authority": meeting.get("authority"), "body": meeting.get("body"),
        "meeting_date": parse_date(meeting.get("date")), "meeting_year": parse_year(meeting.get("date")),
        "n_chars": len(record.get("text") or ""), "n_pages": len(record.get("pages") or []),
        "n_items": len(record.get("items") or []), "warnings": record.get("warnings") or [],
        "schema_version": record.get("schema_version"),
    }


def item_row(doc_id: str, item: dict) -> dict:
    span = item.get("span") or {}
    return {"doc_id": doc_id, "item_index": item.get("index"), "number": item.get("number"),
            "title": item.get("title"), "span_start": span.get("start"), "span_end": span.get("end"),
            "rule": item.get("rule"), "confidence": item.get("confidence"), "sections": item.get("sections") or []}


def extraction_row(doc_id: str, item_index: Optional[int], extraction: dict) -> dict:
    span = extraction.get("span") or {}
    row = {name: value for name, value in extraction.items() if name not in COMMON}
    row.update(doc_id=doc_id, item_index=item_index, text=extraction.get("text"), span_start=span.get("start"),
               span_end=span.get("end"), rule=extraction.get("rule"), page=extraction.get("page"),
               confidence=extraction.get("confidence"))
    return row


def with_range_midpoint(row: dict) -> dict:
    """A metrics row: a range (low and high) without a value takes its midpoint as value, flagged is_range."""
    low, high = row.get("low"), row.get("high")
    row["is_range"] = low is not None and high is not None
    if row["is_range"] and row.get("value") is None:
        row["value"] = (low + high) / 2
    return row


def rows_of(record: dict) -> Iterator[tuple[str, dict]]:
    """(table, row) for every row one document record contributes."""
    doc_id = record.get("doc_id")
    yield "documents", document_row(record)
    holders = [(None, record.get("unassigned") or {})]
    for item in record.get("items") or []:
        yield "items", item_row(doc_id, item)
        holders.append((item.get("index"), item))
    for index, holder in holders:
        for group in EXTRACTION_MODELS:
            for extraction in holder.get(group) or []:
                row = extraction_row(doc_id, index, extraction)
                yield group, with_range_midpoint(row) if group == "metrics" else row


# ---------------------------------------------------------------- writing

@dataclass
class ExportResult:
    rows: dict[str, int] = field(default_factory=dict)
    error_records: int = 0
    invalid_lines: int = 0


class TableWriter:
    """Buffers rows for one table and writes them as Arrow record batches."""

    def __init__(self, path: Path, schema, to: str):
        pa = _pyarrow()
        self.pa = pa
        self.nested = [f.name for f in schema if pa.types.is_nested(f.type)] if to == "csv" else []
        self.schema = flat_schema(schema) if to == "csv" else schema
        self.rows: list[dict] = []
        self.count = 0
        if to == "csv":
            self.writer = pa.csv.CSVWriter(str(path), self.schema)
        else:
            self.writer = pa.parquet.ParquetWriter(str(path), self.schema, compression="zstd")

    def add(self, row: dict) -> None:
        for name in self.nested:
            row[name] = json.dumps(row.get(name), ensure_ascii=False)
        self.rows.append(row)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_batch(self.pa.RecordBatch.from_pylist(self.rows, schema=self.schema))
            self.count += len(self.rows)
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def document_records(path: Path, result: ExportResult) -> Iterator[dict]:
    """Document records, one at a time (the shared writer.read_records); counts error records and lines
    that are not records."""
    bad: list[int] = []
    for record in read_records(path, bad):
        if "error" in record:
            result.error_records += 1
        elif "doc_id" in record:
            yield record
        else:
            result.invalid_lines += 1
    result.invalid_lines += len(bad)


def require_records(path: Path) -> None:
    """A file with no minutes-extract record on any line (another tool's JSON, text, an empty file) is a
    user's mistake: one UsageError, not a set of empty tables."""
    if next(read_records(path), None) is None:
        raise UsageError(f"{path} is not minutes-extract JSONL: no line is a record written by `extract`")


def export_tables(records: Path, out_dir: Path, to: str = "parquet") -> ExportResult:
    """Writes OUT_DIR/<table>.<parquet|csv> for every table (empty tables too, so queries never miss one)."""
    if to not in FORMATS:
        raise UsageError(f"unknown export format {to!r} (choose parquet or csv)")
    if not records.is_file():
        raise UsageError(f"no such records file: {records}")
    require_records(records)
    schemas = table_schemas()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {out_dir}: {exc.strerror or exc}") from exc
    result = ExportResult()
    writers = {name: TableWriter(out_dir / f"{name}.{to}", schema, to) for name, schema in schemas.items()}
    try:
        for record in document_records(records, result):
            for table, row in rows_of(record):
                writers[table].add(row)
    finally:
        for writer in writers.values():
            writer.close()
    result.rows = {name: writer.count for name, writer in writers.items()}
    return result
