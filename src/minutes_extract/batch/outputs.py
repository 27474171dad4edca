"""Output safety, checked before anything is opened for writing: an output must not be an input, the
error file must not be the output, and both must be writable. Outputs inside an input directory are
not refused: the walk skips them (`own_outputs`)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional

from ..errors import UsageError


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def check_writable(path: Path) -> None:
    """A file we may create or append to: an existing writable file, or a name in a (future) directory
    whose nearest existing ancestor is a writable directory."""
    if path.is_dir():
        raise UsageError(f"cannot write {path}: Is a directory")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise UsageError(f"cannot write {path}: Permission denied")
        return
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise UsageError(f"cannot write {path}: Not a directory")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {path}: Permission denied")


def check_outputs(inputs: Iterable[Path], out: Optional[Path], errors: Optional[Path]) -> None:
    """One UsageError (exit 2) for an output that would destroy an input or another output."""
    outputs = [(flag, path) for flag, path in (("-o", out), ("--errors", errors)) if path is not None]
    if out is not None and errors is not None and same_file(out, errors):
        raise UsageError(f"--errors {errors} is the output file itself; give the error records their own file")
    for flag, path in outputs:
        for given in inputs:
            if not given.is_dir() and same_file(path, given):
                raise UsageError(f"{flag} {path} is also an input; writing it would destroy it")
    for _, path in outputs:
        check_writable(path)


def own_outputs(out: Optional[Path], errors: Optional[Path]) -> set[str]:
    """Real paths of this run's output files: the walk over input directories skips them."""
    return {os.path.realpath(path) for path in (out, errors) if path is not None}
