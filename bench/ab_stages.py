"""A/B the per-stage CPU time of bench/run.py's stage table: a git revision against the working tree.

    python bench/ab_stages.py [--base REV] [--new REV] [--rounds N] [--docs N] [--dir DIR]

Exports REV (default HEAD) with `git archive` into a temporary directory, then runs bench/run.py's stage_times
(from the working tree, so both sides are timed alike) in a child process on DIR's texts (default: the seed
texts, cycled to --docs documents), alternately with that copy's source first on PYTHONPATH and with the
working tree's (or --new REV's, exported alike: the tree may then change while it runs), N rounds. Prints each
stage's minimum and median in T (stage time / bare tokenisation) per side and their ratios (new / base).
Outputs are compared separately (cmp of the JSONL): this only times.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import json, sys
sys.path.insert(0, {bench!r})
from pathlib import Path
import run
paths = [Path(p) for p in json.loads(sys.argv[1])]
print(json.dumps(run.stage_times(paths)))
"""


def timed_run(source_root: Path, paths: list[str]) -> dict[str, float]:
    """Stage seconds of one stage_times run with the package imported from source_root/src, in T."""
    env = dict(os.environ, PYTHONPATH=str(source_root / "src"))
    out = subprocess.run([sys.executable, "-c", CHILD.format(bench=str(ROOT / "bench")), json.dumps(paths)],
                         cwd=source_root, env=env, capture_output=True, text=True, check=True).stdout
    spent = json.loads(out.strip().splitlines()[-1])
    return {stage: seconds / spent["T"] for stage, seconds in spent.items() if stage != "T"}


def exported(rev: str, where: Path) -> Path:
    where.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    return where


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD")
    parser.add_argument("--new", default=None, help="a revision instead of the working tree")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=ROOT / "fixtures")
    args = parser.parse_args()
    texts = sorted(str(p) for p in args.dir.glob("*.txt"))
    paths = [texts[n % len(texts)] for n in range(args.docs)]
    with tempfile.TemporaryDirectory(prefix="ab-stages-") as tmp:
        base = exported(args.base, Path(tmp) / "base")
        new = exported(args.new, Path(tmp) / "new") if args.new else ROOT
        runs: dict[str, list[dict[str, float]]] = {"base": [], "new": []}
        for _ in range(args.rounds):
            runs["base"].append(timed_run(base, paths))
            runs["new"].append(timed_run(new, paths))
    stages = sorted(runs["base"][0], key=lambda s: -runs["base"][0][s])
    print(f"{'stage':<18} {'base min':>8} {'med':>6} {'new min':>8} {'med':>6} {'ratio min':>9} {'med':>6}  (in T)")
    for stage in stages:
        b = [r.get(stage, 0.0) for r in runs["base"]]
        n = [r.get(stage, 0.0) for r in runs["new"]]
        bmin, bmed, nmin, nmed = min(b), statistics.median(b), min(n), statistics.median(n)
        print(f"{stage:<18} {bmin:8.3f} {bmed:6.3f} {nmin:8.3f} {nmed:6.3f} "
              f"{nmin / bmin if bmin else 0:9.3f} {nmed / bmed if bmed else 0:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
