"""Profile the minutes_findings component alone: python bench/profile_findings.py [DIR] [--repeat N] [--top N]
[--sort tottime|cumtime]. Every *.txt under DIR (default: the seed texts in fixtures/) is run through the pipeline up
to findings once (that warms the vocabulary and lazily built rules, as a long run has them); then only findings is
timed (CPU) and profiled over the same Docs, `--repeat` times."""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, nargs="?", default=ROOT / "fixtures")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--no-profile", action="store_true", help="only the CPU time, unprofiled")
    args = parser.parse_args()

    from minutes_extract.ingest import read_sources
    from minutes_extract.normalise import normalise
    from minutes_extract.pipeline import get_pipeline
    from minutes_extract.tokenizer import remember_source

    nlp = get_pipeline()
    paths = sorted(args.dir.glob("*.txt")) if args.dir == ROOT / "fixtures" else sorted(args.dir.rglob("*.txt"))
    docs, findings = [], None
    for path in paths:
        for source in read_sources(path):
            normalised = normalise(source.text)
            doc = nlp.tokenizer.inner(normalised.text)
            remember_source(doc, source.text, normalised)
            for name, component in nlp.pipeline:
                if name == "minutes_findings":
                    findings = component
                    break
                doc = component(doc)
            findings(doc)  # warm
            docs.append(doc)
    profiler = None if args.no_profile else cProfile.Profile(time.process_time)
    started = time.process_time()
    if profiler:
        profiler.enable()
    for _ in range(args.repeat):
        for doc in docs:
            findings(doc)
    if profiler:
        profiler.disable()
    spent = time.process_time() - started
    print(f"{len(docs)} docs x {args.repeat}: {spent:.3f} s CPU, {1000 * spent / len(docs) / args.repeat:.2f} ms/doc")
    if profiler:
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
