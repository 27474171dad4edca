"""A/B the findings component's CPU time: a git revision against the working tree, alternating runs.

    python bench/ab_findings.py [DIR] [--base REV] [--rounds N] [--repeat N]

The machine is shared and noisy: one run of each side tells little. This exports REV (default HEAD) with
`git archive` into a temporary directory, then runs bench/profile_findings.py --no-profile on DIR (default: the
seed texts) alternately with that copy's source first on PYTHONPATH and with the working tree's, N rounds, and
prints each side's minimum and median ms/doc and their ratio (new / base). Both sides use this checkout's .venv.
Compare outputs separately (cmp of the JSONL): this only times.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MS_RE = re.compile(r"([\d.]+) ms/doc")


def timed_run(source_root: Path, args: list[str]) -> float:
    """ms/doc of one profile_findings run with the package imported from source_root/src."""
    env = dict(os.environ, PYTHONPATH=str(source_root / "src"))
    out = subprocess.run([sys.executable, str(source_root / "bench" / "profile_findings.py"), *args, "--no-profile"],
                         cwd=source_root, env=env, capture_output=True, text=True, check=True).stdout
    return float(MS_RE.search(out).group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path, default=None)
    parser.add_argument("--base", default="HEAD")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    run_args = ([str(args.dir.resolve())] if args.dir else []) + ["--repeat", str(args.repeat)]
    with tempfile.TemporaryDirectory(prefix="ab-findings-") as tmp:
        base = Path(tmp)
        archive = subprocess.run(["git", "archive", args.base], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        times: dict[str, list[float]] = {"base": [], "new": []}
        for _ in range(args.rounds):
            times["base"].append(timed_run(base, run_args))
            times["new"].append(timed_run(ROOT, run_args))
    for side, values in times.items():
        print(f"{side:5s} min {min(values):7.2f} ms/doc  median {statistics.median(values):7.2f} ms/doc  "
              f"({', '.join(f'{v:.2f}' for v in values)})")
    print(f"new / base: min {min(times['new']) / min(times['base']):.3f}, "
          f"median {statistics.median(times['new']) / statistics.median(times['base']):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
