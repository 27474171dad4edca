"""Compiled rule regexes kept on disk between runs, so building the pipeline does not parse and compile
the same ~1,700 patterns in Python on every start (about half of the build time).

Inside `regex_code_cache()`, Python's regex compiler (re._compiler.compile, which re.compile calls on a
miss of its own small in-memory cache) is replaced by one that looks the pattern up in a cache file
first: the file holds, per (pattern, flags), the compiled program that `re` would build, and
`_sre.compile` turns it back into the same Pattern object (Patterns with equal programs compare equal;
the cache checks that on the first pattern it compiles itself and stands aside when they differ).
Keys are the pattern texts themselves, so an edited rule file simply misses; the file is written again
when a build missed, holding the patterns of that build first and then as many of the others it held
(write_merged). It is named by the Python version and
the regex engine's magic number, so another interpreter never reads it.

Where: $MINUTES_EXTRACT_CACHE (a directory; "off" disables the cache), else $XDG_CACHE_HOME or
~/.cache, under minutes-extract/. A cache that cannot be read or written is ignored.
"""
from __future__ import annotations

import marshal
import os
from array import array
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

CACHE_ENV = "MINUTES_EXTRACT_CACHE"

try:  # the private pieces of re this needs; without them the cache is simply off
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = _compiler = _parser = None  # type: ignore[assignment]


def _CODE(data=b"") -> array:
    """The regex program as an array of the engine's code units (bytes in the cache file)."""
    code = array(_CODE_TYPE)
    if isinstance(data, bytes):
        code.frombytes(data)
    else:
        code.extend(data)
    return code


_CODE_TYPE = next((t for t in "IL" if array(t).itemsize == getattr(_sre, "CODESIZE", 4)), "I")


def cache_dir() -> Optional[Path]:
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return None if chosen.lower() in ("off", "0", "no", "false") else Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "minutes-extract"


def cache_file(directory: Path) -> Path:
    version = "".join(map(str, sys.version_info[:3]))
    return directory / f"regex-py{version}-sre{_sre.MAGIC}-{_sre.CODESIZE}.marshal"


class RegexCodeCache:
    """(pattern, flags) -> the arguments of _sre.compile that re would pass, read from and written to one file."""

    def __init__(self, path: Optional[Path]):
        self.path = path
        self.codes: dict = {}
        self.used: dict = {}
        self.missed = 0
        self.checked = False
        self.broken = False
        if path is not None:
            try:
                with open(path, "rb") as handle:
                    loaded = marshal.load(handle)
                if isinstance(loaded, dict):
                    self.codes = loaded
            except (OSError, EOFError, ValueError, TypeError):
                self.codes = {}

    def compile(self, original, pattern, flags=0):
        """re._compiler.compile(pattern, flags), from the cache when it holds the pattern."""
        if self.broken or not isinstance(pattern, (str, bytes)):
            return original(pattern, flags)
        key = (pattern, flags)
        args = self.codes.get(key)
        if args is not None:
            try:
                compiled = _sre.compile(pattern, args[0], _CODE(args[1]).tolist(), *args[2:])
            except Exception:  # a damaged entry: compile it afresh
                args = None
            else:
                self.used[key] = args
                return compiled
        args = self._program(pattern, flags)
        compiled = _sre.compile(pattern, args[0], _CODE(args[1]).tolist(), *args[2:])
        if not self.checked:  # the program must be the one re builds: Patterns compare their programs
            self.checked = True
            if compiled != original(pattern, flags):
                self.broken = True
                return original(pattern, flags)
        self.used[key] = args
        self.missed += 1
        return compiled

    @staticmethod
    def _program(pattern, flags) -> tuple:
        """What re._compiler.compile passes to _sre.compile after the pattern (its own steps, in order)."""
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # the program as bytes: one object to store instead of thousands of ints (loads ~30x faster)
        return (int(flags | parsed.state.flags), _CODE(map(int, code)).tobytes(), parsed.state.groups - 1,
                dict(groupindex), tuple(indexgroup))

    def save(self) -> None:
        """Writes the patterns this build used when any was missing (atomically: readers never see half)."""
        if self.path is None or self.broken or not self.missed:
            return
        write_merged(self.path, self.used, ".regex-")


def write_merged(path: Path, used: dict, prefix: str) -> None:
    """Writes `used` (what this build read or computed) to the marshal file `path`, atomically, followed by
    the entries the file holds now that this build did not use, up to as many again: two checkouts (or
    rule directories) whose rules differ in a few patterns then keep each other's entries instead of
    each build missing what the other's last one dropped; entries no recent build used fall off the end."""
    kept = dict(used)
    try:
        with open(path, "rb") as handle:
            before = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        before = None
    if isinstance(before, dict):
        room = len(used)
        for key, value in before.items():
            if room <= 0:
                break
            if key not in kept:
                kept[key] = value
                room -= 1
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            marshal.dump(kept, handle)
        os.replace(temp, path)
    except (OSError, ValueError):
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


@contextmanager
def regex_code_cache() -> Iterator[Optional[RegexCodeCache]]:
    """Within the block, every regex compiled (that re's own cache misses) goes through the disk cache."""
    directory = cache_dir() if _compiler is not None else None
    if directory is None or getattr(_compiler.compile, "_minutes_cache", False):
        yield None  # off, or already inside one (a nested build)
        return
    cache = RegexCodeCache(cache_file(directory))
    original = _compiler.compile

    def compile(pattern, flags=0):
        return cache.compile(original, pattern, flags)

    compile._minutes_cache = True  # type: ignore[attr-defined]
    _compiler.compile = compile
    try:
        yield cache
    finally:
        _compiler.compile = original
    cache.save()
