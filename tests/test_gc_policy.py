"""The cyclic collector is paused while a document is extracted and restored after (gc_policy: a long document's
stages cost more per word with the collector walking its live objects). No timing here: the state is checked."""
import gc

import pytest

from minutes_extract.gc_policy import collector_paused
from minutes_extract.extract import extract_text


def test_paused_inside_and_restored_after_even_on_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("a failing document")
    assert gc.isenabled()


def test_a_caller_that_disabled_the_collector_keeps_it_disabled():
    gc.disable()
    try:
        with collector_paused():
            with collector_paused():
                pass
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_extraction_runs_with_the_collector_paused(monkeypatch):
    seen = []
    import minutes_extract.extract as extract_module
    real = extract_module.to_record

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(extract_module, "to_record", spy)
    record = extract_text("Minutes of the Cabinet held on 3 March 2026\n\n1. Apologies\n\nNone were received.\n")
    assert seen == [False] and gc.isenabled()
    assert [item.title for item in record.items] == ["Apologies"]
