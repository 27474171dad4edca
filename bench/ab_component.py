"""A/B the pipeline stages' CPU time: a git revision against the working tree, alternating runs.

    python bench/ab_component.py [DIR ...] [--base REV] [--rounds N] [--passes N] [--stages NAME ...]

The generalised form of bench/ab_findings.py. REV (default HEAD) is exported with `git archive` into a
temporary directory; then, N rounds, a child process times every stage with bench/run.py's stage_times (the
`make bench` stage table's loop: CPU time, one document at a time, the last of --passes passes) on the texts
under DIR (default: the seed texts in fixtures/), once with that copy's source first on PYTHONPATH and once
with the working tree's. Both sides use this checkout's harness and .venv. Printed per stage: each side's
minimum and median ms/doc, the same in T (bare spacy.blank tokenisation of the same texts, timed in the same
loop), and new / base ratios. Compare outputs separately (cmp of the JSONL): this only times.
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


def child(dirs: list[str], passes: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from run import seed_texts, stage_times

    paths = sorted(p for d in dirs for p in Path(d).rglob("*.txt")) if dirs else seed_texts()
    spent = stage_times(paths, passes=passes)
    print(json.dumps({"docs": len(paths), "stages": spent}))


def timed_run(source_root: Path, dirs: list[str], passes: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(source_root / "src"))
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "ab_component.py"), "--child", *dirs,
                          "--passes", str(passes)], cwd=source_root, env=env, capture_output=True, text=True,
                         check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    return {k: 1000 * v / result["docs"] for k, v in result["stages"].items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*")
    parser.add_argument("--base", default="HEAD")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--stages", nargs="*", default=None, help="stages to print (default: all)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    dirs = [str(Path(d).resolve()) for d in args.dirs]
    if args.child:
        child(dirs, args.passes)
        return 0
    runs: dict[str, list[dict]] = {"base": [], "new": []}
    with tempfile.TemporaryDirectory(prefix="ab-component-") as tmp:
        base = Path(tmp)
        archive = subprocess.run(["git", "archive", args.base], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        for _ in range(args.rounds):
            runs["base"].append(timed_run(base, dirs, args.passes))
            runs["new"].append(timed_run(ROOT, dirs, args.passes))
    stages = args.stages or sorted(runs["base"][0], key=lambda k: -runs["base"][0][k])
    print(f"{'stage':24s} {'base min':>9s} {'med':>7s} {'new min':>9s} {'med':>7s}   T base->new (min)"
          f"   new/base min  median")
    for stage in stages:
        b = [r.get(stage, 0.0) for r in runs["base"]]
        n = [r.get(stage, 0.0) for r in runs["new"]]
        tb = min(r.get(stage, 0.0) / r["T"] for r in runs["base"])
        tn = min(r.get(stage, 0.0) / r["T"] for r in runs["new"])
        ratio_min = min(n) / min(b) if min(b) else float("nan")
        ratio_med = statistics.median(n) / statistics.median(b) if statistics.median(b) else float("nan")
        print(f"{stage:24s} {min(b):9.3f} {statistics.median(b):7.3f} {min(n):9.3f} {statistics.median(n):7.3f}"
              f"   {tb:5.2f} -> {tn:5.2f}   {ratio_min:10.3f} {ratio_med:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
