"""Start-up of a single-document `extract`: the findings component's built rules are read back from disk
(rules/built_cache.py) when an earlier build of the same rules by the same code wrote them; an edited rule
or source file misses, a damaged or unwritable cache falls back to building, invalid rules still fail;
`extract` imports none of the export/archive/Dask code and forks no workers for one input.
Behaviour only: no timing here (that is `bench/run.py --only startup`)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_extract import rules
from minutes_extract.cli import default_jobs
from minutes_extract.components.findings.factory import FindingsComponent
from minutes_extract.errors import RuleFileError
from minutes_extract.extract import extract_path
from minutes_extract.matching.compiled import CACHE_ENV
from minutes_extract.pipeline import build_pipeline, component_rules
from minutes_extract.rules import built_cache

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = sorted(FIXTURES.glob("0*.txt"))


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """An empty cache directory of this test's own, and a count of how often findings' rules are built."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    builds = []
    real = FindingsComponent.setup

    def counted(self, rules):
        builds.append(1)
        return real(self, rules)

    monkeypatch.setattr(FindingsComponent, "setup", counted)
    monkeypatch.setattr(built_cache, "BUILDS", builds, raising=False)
    return tmp_path / "cache"


def findings_of(nlp) -> str:
    """The records of the seed fixtures, as JSON, extracted with `nlp`."""
    return "\n".join(next(extract_path(seed, nlp)).model_dump_json() for seed in SEEDS)


def findings_rules() -> dict:
    return component_rules("rules/findings.json")


def test_a_second_build_reads_the_rules_back_and_extracts_the_same(cache):
    first = build_pipeline()
    assert len(built_cache.BUILDS) == 1 and len(list(cache.glob("built-*.pickle"))) == 1
    second = build_pipeline()
    assert len(built_cache.BUILDS) == 1  # read back, not built
    assert findings_of(second) == findings_of(first)
    assert '"findings":[{' in findings_of(second)


def test_an_edited_rule_misses(cache):
    FindingsComponent("minutes_findings", findings_rules())
    edited = findings_rules()
    edited["lexicons"] = dict(edited["lexicons"], cues=edited["lexicons"]["cues"][:-1])
    FindingsComponent("minutes_findings", edited)
    assert len(built_cache.BUILDS) == 2 and len(list(cache.glob("built-*.pickle"))) == 2


def test_edited_source_changes_the_key(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "lexicon.py").write_text("PATTERNS = 1\n")
    monkeypatch.setattr(built_cache, "PACKAGE", package)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    built_cache.code_version.cache_clear()
    try:
        before = built_cache.cache_path("Findings", "minutes_findings", {"a": 1})
        (package / "lexicon.py").write_text("PATTERNS = 2\n")
        built_cache.code_version.cache_clear()
        after = built_cache.cache_path("Findings", "minutes_findings", {"a": 1})
    finally:
        built_cache.code_version.cache_clear()
    assert before != after
    assert built_cache.cache_path("Findings", "other_name", {"a": 1}) != after  # the name is part of the key


@pytest.mark.parametrize("damage", [b"", b"not a pickle at all", b"minutes-extract built rules 1\n\x80\x05garbage",
                                    b"minutes-extract built rules 1\n"])
def test_a_damaged_file_is_built_again_and_rewritten(cache, damage):
    good = findings_of(build_pipeline())
    (path,) = cache.glob("built-*.pickle")
    path.write_bytes(damage)
    rebuilt = build_pipeline()
    assert len(built_cache.BUILDS) == 2 and findings_of(rebuilt) == good
    assert built_cache.load(path) is not None  # written again whole


def test_another_programs_pickle_is_not_read(cache):
    FindingsComponent("minutes_findings", findings_rules())
    (path,) = cache.glob("built-*.pickle")
    path.write_bytes(b"minutes-extract built rules 1\n" + __import__("pickle").dumps(["a list, not a dict"]))
    FindingsComponent("minutes_findings", findings_rules())
    assert len(built_cache.BUILDS) == 2


def test_an_unwritable_cache_builds_every_time_without_failing(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))  # a directory that cannot be made
    FindingsComponent("minutes_findings", findings_rules())
    FindingsComponent("minutes_findings", findings_rules())


def test_cache_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    FindingsComponent("minutes_findings", findings_rules())
    assert not list(tmp_path.rglob("built-*"))


def test_old_files_of_a_component_are_pruned(cache):
    rows = findings_rules()
    for n in range(built_cache.KEPT_PER_COMPONENT + 2):
        edited = dict(rows, lexicons=dict(rows["lexicons"], cues=rows["lexicons"]["cues"][:-1 - n]))
        FindingsComponent("minutes_findings", edited)
    assert len(list(cache.glob("built-*.pickle"))) == built_cache.KEPT_PER_COMPONENT


def test_an_invalid_rule_file_still_fails_with_a_cache_in_place(cache, tmp_path):
    build_pipeline()  # fills the cache from the shipped rules
    copy = tmp_path / "models"
    shutil.copytree(rules.models_dir(), copy, ignore=shutil.ignore_patterns("minutes-*"))
    path = copy / "rules" / "findings.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["misspelt_key"] = 1
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match="misspelt_key"):
        build_pipeline(rules_dir=copy)


def test_one_small_input_runs_in_this_process(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(9):
        (folder / f"d{n}.txt").write_text("Minutes\n")
    assert default_jobs([folder / "d0.txt"]) == 1
    assert default_jobs([folder / "d0.txt", folder / "d1.txt", folder / "d2.txt", folder / "d3.txt"]) == 1
    assert default_jobs([folder]) == 3  # 9 inputs: three chunks of four
    assert default_jobs([tmp_path / "missing"]) == 4  # run_batch names the missing path


def test_extract_imports_no_export_archive_or_dask_code(tmp_path):
    """`extract` of one text loads neither the analytics export (pyarrow), Dask, nor the review/archive
    commands, and starts no worker processes."""
    out = tmp_path / "one.jsonl"
    seed = SEEDS[0]
    probe = (
        "import sys, atexit\n"
        "import minutes_extract.batch.engines as engines\n"
        "engines.LocalEngine._start = lambda self: sys.exit('a pool of workers was started')\n"
        "def report():\n"
        f"    open({str(tmp_path / 'modules.txt')!r}, 'w').write('\\n'.join(sorted(sys.modules)))\n"
        "atexit.register(report)\n"
        "from minutes_extract.cli import main\n"
        f"sys.argv = ['minutes-extract', 'extract', {str(seed)!r}, '-o', {str(out)!r}, '--quiet']\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").count("\n") == 1
    modules = set((tmp_path / "modules.txt").read_text().split())
    unwanted = {"pyarrow", "dask", "distributed", "pandas", "minutes_extract.export", "minutes_extract.review",
                "minutes_extract.archive", "minutes_extract.batch.dask_engine"} & modules
    assert not unwanted
