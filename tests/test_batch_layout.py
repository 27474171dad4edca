"""Issue 9 item 7: the batch package is split by job and has no import loop (imports inside functions
count too: a loop hidden in a function is still a loop)."""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "minutes_extract"


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Modules of this project that `path` imports, anywhere in the file."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else (node.module or base)
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in SRC.rglob("*.py")}
    return {name: {m for m in imports_of(path) if m in modules and m != name} for name, path in modules.items()}


def cycle_through(start: str, edges: dict[str, set[str]]) -> list[str] | None:
    stack = [(start, [start])]
    seen = set()
    while stack:
        node, trail = stack.pop()
        for nxt in edges.get(node, ()):
            if nxt == start:
                return trail + [start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, trail + [nxt]))
    return None


def test_no_import_loop_through_the_batch_modules_or_the_writer():
    edges = graph()
    # a package imports its own modules by design; a loop is a module importing back into its importer
    for name in sorted(edges):
        if name.startswith("minutes_extract.batch") or name in ("minutes_extract.writer", "minutes_extract.dask_engine"):
            edges_without_parents = {k: {m for m in v if not k.startswith(m + ".")} for k, v in edges.items()}
            assert cycle_through(name, edges_without_parents) is None, cycle_through(name, edges_without_parents)


def test_every_jsonl_reader_uses_read_records():
    """Readers of `extract` outputs (rule files are not outputs: rules.py reads those)."""
    readers = [SRC / name for name in ("cli.py", "evaluate.py", "export.py", "calibrate.py", "review.py")]
    readers += [p for p in sorted((SRC / "archive").glob("*.py")) if p.name != "gazetteer.py"]  # reads a rule file
    for path in readers + sorted((SRC / "batch").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "json.loads(line" in text or "json.loads(raw" in text:
            raise AssertionError(f"{path.name} parses JSONL lines itself; use writer.read_records")
    assert "def below_floor" in (SRC / "evaluate.py").read_text() and "def below_floor" not in (SRC / "cli.py").read_text()


def test_the_python_floor_is_true():
    """re._parser (used to read a pattern's first characters) is new in Python 3.11: while any module imports
    it, the declared floor must say 3.11 (issue 9 item 10)."""
    import tomllib
    pyproject = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    needs_311 = any("_parser" in text and "from re import" in text
                    for text in (p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")))
    assert not needs_311 or pyproject["project"]["requires-python"] == ">=3.11"
