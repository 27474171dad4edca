"""The pipeline's order is held to what each component reads: removing or moving a component that
another reads from fails (pipeline.READS_WRITES, check_order), and the table says what the code reads."""
import inspect
import re
from pathlib import Path

import pytest
from spacy import registry
from spacy.language import Language

from minutes_extract import pipeline
from minutes_extract.pipeline import COMPONENTS, READS_WRITES, PipelineOrderError, check_order

NAMES = [factory for factory, _ in COMPONENTS]
# A span group read in component code: doc.spans.get("dates", ...) or doc.spans["dates"] not assigned.
SPAN_READ = re.compile(r'doc\.spans(?:\.get\(|\[)"(\w+)"(?!\]\s*=)')
DOC_EXT_READ = re.compile(r"doc\._\.(\w+)\b(?!\s*=[^=])")


def source_of(factory: str) -> str:
    """The code of a factory's module, or of its whole package when it is one."""
    module = inspect.getmodule(registry.factories.get(factory))
    path = Path(module.__file__)
    files = sorted(path.parent.glob("*.py")) if path.parent.name != "components" else [path]
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def test_the_shipped_order_satisfies_every_component():
    check_order(NAMES)


def test_every_component_is_in_the_table():
    assert set(NAMES) == set(READS_WRITES)


@pytest.mark.parametrize("removed", [n for n in NAMES if any(
    w in READS_WRITES[other][0] for w in READS_WRITES[n][1] for other in NAMES)])
def test_removing_a_component_that_another_reads_fails(removed):
    with pytest.raises(PipelineOrderError):
        check_order([n for n in NAMES if n != removed])


@pytest.mark.parametrize("reader, writer", [
    ("minutes_metrics", "minutes_dates"),
    ("minutes_inspections", "minutes_dates"),
    ("minutes_dates", "minutes_meeting"),
    ("minutes_findings", "minutes_resolutions"),
    ("minutes_resolutions", "minutes_segmenter"),
])
def test_moving_a_reader_before_its_writer_fails(reader, writer):
    order = [n for n in NAMES if n != reader]
    order.insert(order.index(writer), reader)
    with pytest.raises(PipelineOrderError, match=reader):
        check_order(order)


def test_build_pipeline_checks_the_order(monkeypatch):
    monkeypatch.setattr(pipeline, "COMPONENTS", [c for c in COMPONENTS if c[0] != "minutes_dates"])
    with pytest.raises(PipelineOrderError, match="minutes_metrics reads spans:dates"):
        pipeline.build_pipeline()


@pytest.mark.parametrize("factory", NAMES)
def test_the_table_names_every_span_group_and_extension_the_code_reads(factory):
    code = source_of(factory)
    reads, writes = READS_WRITES[factory]
    for group in set(SPAN_READ.findall(code)):
        assert f"spans:{group}" in reads + writes, f"{factory} reads span group {group!r}: declare it"
    for ext in set(DOC_EXT_READ.findall(code)):
        assert f"doc._.{ext}" in reads + writes, f"{factory} reads doc._.{ext}: declare it"


@pytest.mark.parametrize("factory", NAMES)
def test_spacy_meta_agrees_with_the_table_on_doc_extensions(factory):
    meta = Language.get_factory_meta(factory)
    reads, writes = READS_WRITES[factory]
    assert {r for r in reads if r.startswith("doc._.")} <= set(meta.requires)
    assert {w for w in writes if w.startswith("doc._.")} <= set(meta.assigns)
