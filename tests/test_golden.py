"""Any change in what the fixtures extract must be deliberate: regenerate with `make golden`."""
import json

import pytest

from golden import fixture_paths, golden_file, golden_view
from minutes_extract.extract import extract_path


@pytest.mark.parametrize("path", fixture_paths(), ids=lambda p: p.name)
def test_fixture_matches_its_golden_output(nlp, path):
    expected = golden_file(path)
    if not expected.exists():
        pytest.fail(f"no golden output for {path.name}: run `make golden`")
    (record,) = list(extract_path(path, nlp))
    assert golden_view(record) == json.loads(expected.read_text(encoding="utf-8"))
