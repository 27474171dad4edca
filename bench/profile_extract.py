"""Profile `extract --jobs 1` in one process: python bench/profile_extract.py DIR [--top N] [--sort tottime|cumtime]
[--out FILE.prof]. The pipeline is built before profiling starts (start-up is `make bench`'s concern);
every document under DIR is then read, extracted and serialised as the batch path does."""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    from minutes_extract.extract import extract_path
    from minutes_extract.pipeline import get_pipeline
    from minutes_extract.writer import to_line

    nlp = get_pipeline()
    paths = sorted(p for p in args.dir.rglob("*") if p.is_file())
    profiler = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
    started = time.process_time()
    profiler.enable()
    for _ in range(args.repeat):
        for path in paths:
            for record in extract_path(path, nlp):
                to_line(record)
    profiler.disable()
    print(f"{len(paths)} files x {args.repeat}: {time.process_time() - started:.2f} s CPU (profiled)")
    if args.out:
        profiler.dump_stats(str(args.out))
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
