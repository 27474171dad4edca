"""Analytics export: JSONL records -> typed Parquet/CSV tables keyed by doc_id and item_index."""
from __future__ import annotations

import csv
import json
from typing import Literal, Optional

import pytest

pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from minutes_extract.cli import app  # noqa: E402
from minutes_extract.export import arrow_type, export_tables, parse_date, parse_year  # noqa: E402
from minutes_extract.records import (  # noqa: E402
    DocumentRecord, ErrorInfo, ErrorRecord, Extractions, Item, Meeting, Metric, Resolution, SourceInfo, Span,
)

TABLES = {"documents", "items", "resolutions", "findings", "metrics", "dates", "judgements", "inspections", "votes"}


def caseload(value: float, start: int) -> Metric:
    return Metric(text=f"caseload of {value:g}", span=Span(start=start, end=start + 14), rule="caseload_avg",
                  kind="caseload", value=value, per="social worker", approximate=True)


def document(doc_id: str, authority: str, date: Optional[str], caseloads: list[float]) -> DocumentRecord:
    return DocumentRecord(
        doc_id=doc_id, source=SourceInfo(path=f"{doc_id}.pdf", format="pdf", sha256="ab" * 32, size=999),
        meeting=Meeting(authority=authority, body="Children's Scrutiny", date=date),
        text="x" * 500, pages=[0, 250],
        items=[
            Item(index=0, number="5", title="Performance", span=Span(start=0, end=200),
                 metrics=[caseload(v, 10 + 20 * k) for k, v in enumerate(caseloads)]),
            Item(index=1, title="Fostering", span=Span(start=200, end=500),
                 resolutions=[Resolution(text="RESOLVED that the report be noted", span=Span(start=210, end=240),
                                         rule="resolved_that", verb="noted", clauses=["a", "b"], page=1,
                                         copies=[Span(start=300, end=330)])]),
        ],
        unassigned=Extractions(metrics=[caseload(30, 2)]),
    )


@pytest.fixture
def records_file(tmp_path):
    path = tmp_path / "out.jsonl"
    lines = [document("d1", "Kent", "2022-01-25", [18, 22]).model_dump_json(),
             document("d2", "Kent", "2023-03-01", [16]).model_dump_json(),
             document("d3", "Essex", "2022-11", [25]).model_dump_json(),
             ErrorRecord(source=SourceInfo(path="bad.pdf"), error=ErrorInfo(code="E104", message="corrupt")).model_dump_json(),
             '{"schema_version":"1.0","doc_id":"torn']
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_parquet_tables_are_typed_and_keyed(records_file, tmp_path):
    result = export_tables(records_file, tmp_path / "pq", "parquet")
    assert {p.stem for p in (tmp_path / "pq").glob("*.parquet")} == TABLES
    assert result.rows == {"documents": 3, "items": 6, "resolutions": 3, "findings": 0, "metrics": 7, "dates": 0,
                           "judgements": 0, "inspections": 0, "votes": 0}
    assert (result.error_records, result.invalid_lines) == (1, 1)

    documents = pq.read_table(tmp_path / "pq" / "documents.parquet")
    assert documents.schema.field("meeting_date").type == pa.date32()
    assert documents.column("meeting_year").to_pylist() == [2022, 2023, 2022]
    assert [str(d) if d else None for d in documents.column("meeting_date").to_pylist()] == ["2022-01-25", "2023-03-01", None]
    assert documents.column("n_pages").to_pylist() == [2, 2, 2]

    metrics = pq.read_table(tmp_path / "pq" / "metrics.parquet")
    assert metrics.schema.field("value").type == pa.float64()
    assert metrics.schema.field("approximate").type == pa.bool_()
    assert metrics.schema.field("item_index").type == pa.int32()
    rows = metrics.to_pylist()
    assert [(r["doc_id"], r["item_index"], r["value"]) for r in rows[:3]] == [("d1", None, 30.0), ("d1", 0, 18.0), ("d1", 0, 22.0)]
    assert rows[1]["span_start"] == 10 and rows[1]["per"] == "social worker" and rows[1]["rule"] == "caseload_avg"

    (resolution, *_) = pq.read_table(tmp_path / "pq" / "resolutions.parquet").to_pylist()
    assert resolution["clauses"] == ["a", "b"] and resolution["copies"] == [{"start": 300, "end": 330}]
    assert (resolution["item_index"], resolution["page"], resolution["verb"]) == (1, 1, "noted")


def test_csv_tables_hold_lists_as_json(records_file, tmp_path):
    export_tables(records_file, tmp_path / "csv", "csv")
    with open(tmp_path / "csv" / "resolutions.csv", newline="", encoding="utf-8") as handle:
        (row, *_) = list(csv.DictReader(handle))
    assert json.loads(row["clauses"]) == ["a", "b"] and json.loads(row["copies"]) == [{"start": 300, "end": 330}]
    assert row["doc_id"] == "d1" and row["item_index"] == "1"
    with open(tmp_path / "csv" / "findings.csv", encoding="utf-8") as handle:
        assert handle.read().startswith('"doc_id","item_index","text","span_start","span_end","rule","page","confidence","polarity"')


def test_duckdb_average_caseload_by_authority_and_year(records_file, tmp_path, monkeypatch):
    """The README's query, run by DuckDB (a dev dependency, so the analytics path is tested)."""
    duckdb = pytest.importorskip("duckdb")
    export_tables(records_file, tmp_path / "tables", "parquet")
    query = """
        SELECT d.authority, d.meeting_year AS year, avg(m.value) AS avg_caseload, count(*) AS n
        FROM 'tables/metrics.parquet' m JOIN 'tables/documents.parquet' d USING (doc_id)
        WHERE m.kind = 'caseload'
        GROUP BY ALL ORDER BY ALL
    """
    monkeypatch.chdir(tmp_path)
    rows = duckdb.sql(query).fetchall()
    assert rows == [("Essex", 2022, 27.5, 2), ("Kent", 2022, 70 / 3, 3), ("Kent", 2023, 23.0, 2)]


@pytest.mark.parametrize("annotation, expected", [
    (str, "string"), (Optional[float], "double"), (bool, "bool"), (Optional[int], "int64"),
    (Literal["a", "b"], "string"), (list[str], "list<item: string>"),
    (list[Span], "list<item: struct<start: int64, end: int64>>"),
])
def test_arrow_type(annotation, expected):
    assert str(arrow_type(annotation)) == expected


@pytest.mark.parametrize("value, date, year", [
    ("2022-01-25", "2022-01-25", 2022), ("2022-01", None, 2022), ("2021/22", None, 2021), (None, None, None),
    ("2022-02-30", None, 2022), ("XXXX-04-16", None, None),
])
def test_meeting_date_and_year(value, date, year):
    assert (str(parse_date(value)) if parse_date(value) else None, parse_year(value)) == (date, year)


def test_cli_export(records_file, tmp_path):
    result = CliRunner().invoke(app, ["export", str(records_file), "--to", "csv", str(tmp_path / "t")])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"csv tables in {tmp_path / 't'}: documents 3, items 6, resolutions 3")
    assert "skipped 1 error records; 1 lines were not records" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["missing.jsonl", "out"], "no such records file: missing.jsonl"),
    (["{records}", "out", "--to", "xlsx"], "unknown export format 'xlsx'"),
])
def test_cli_export_mistakes_exit_2(records_file, args, message):
    args = [a.replace("{records}", str(records_file)) for a in args]
    result = CliRunner().invoke(app, ["export", *args])
    assert result.exit_code == 2 and message in result.stderr
