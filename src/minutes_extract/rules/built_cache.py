"""A component's compiled rules kept on disk between runs, beside the compiled-regex cache
(matching/compiled.py), so a start does not rebuild what the last one built from the same rules.

Building the findings rules (tries, key tables, gates over ~1,500 lexicon patterns) is most of a single
document's start-up beyond spaCy's own; read back from a pickle it is a fraction of that. What a
component's `setup(rules)` stored on it is pickled under a key that names everything the result depends on:
  - the rule dict itself (validated, lexicons inlined: an edited rule file or lexicon simply misses);
  - the source of every module of this package (an edited component, schema or matcher misses);
  - the versions of Python, spaCy and numpy (another interpreter or library never reads it).
A file that cannot be read, is damaged, or was written by other code is ignored and the rules are built
(and the file written again); a cache directory that cannot be written is left alone. Off with
$MINUTES_EXTRACT_CACHE=off, as the regex cache. Files are private to the user (mode 0600, written atomically).
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from ..matching.compiled import cache_dir

PACKAGE = Path(__file__).resolve().parents[1]  # src/minutes_extract
KEPT_PER_COMPONENT = 4  # older files of one component (other rules, other checkouts) beyond these are removed
_FORMAT = b"minutes-extract built rules 1\n"  # the file's first line: anything else is not ours


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of this package's source and of the versions of what built objects are made of."""
    import numpy
    import spacy
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    digest.update(f"{sys.version}|{spacy.__version__}|{numpy.__version__}|{pickle.HIGHEST_PROTOCOL}".encode())
    return digest.hexdigest()


def cache_path(component: str, name: str, rules: dict) -> Optional[Path]:
    """The file of `component` (its class) named `name` built from `rules`, None when the cache is off or the
    rules cannot be keyed."""
    directory = cache_dir()
    if directory is None:
        return None
    try:
        text = json.dumps(rules, sort_keys=True, ensure_ascii=False, allow_nan=True)
        digest = hashlib.sha256((code_version() + "\0" + name + "\0" + text).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    except (TypeError, ValueError, OSError):
        return None
    return directory / f"built-{component}-{digest}.pickle"


def load(path: Optional[Path]) -> Optional[dict]:
    """The attributes stored in `path`, or None (no file, or one that cannot be read back whole)."""
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            if handle.readline() != _FORMAT:
                return None
            state = pickle.load(handle)
    except Exception:  # missing, truncated, damaged or from other code: build instead
        return None
    return state if isinstance(state, dict) else None


def save(path: Optional[Path], state: dict) -> None:
    """Writes `state` to `path` atomically (readers never see half a file); never raises."""
    if path is None:
        return
    temp = None
    try:
        data = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".built-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(_FORMAT)
            handle.write(data)
        os.replace(temp, path)
        temp = None
        _prune(path)
    except Exception:  # unpicklable state, a read-only or full disk: the next start builds again
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _prune(path: Path) -> None:
    """Keeps the newest KEPT_PER_COMPONENT files of this component (rules edited since, other checkouts)."""
    prefix = path.name.rsplit("-", 1)[0] + "-"
    files = sorted((p for p in path.parent.glob(prefix + "*.pickle") if p != path),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEPT_PER_COMPONENT - 1:]:
        try:
            old.unlink()
        except OSError:
            pass


def built_state(component: str, name: str, rules: dict, build: Callable[[], dict]) -> dict:
    """What `build()` returns for `component` named `name` built from `rules`: read from the cache when an
    earlier build of the same rules by the same code wrote it, else built and written."""
    path = cache_path(component, name, rules)
    state = load(path)
    if state is None:
        state = build()
        save(path, state)
    return state
