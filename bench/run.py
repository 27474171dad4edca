"""`make bench`: throughput, parallel speed-up and memory of `minutes-extract extract` on a built archive.

Builds archives of 1,000 and 5,000 documents from the seed texts in fixtures/ (copies under distinct
names), then reports in one run:
  * words/s of `extract --jobs 1` and of bare `spacy.blank("en")` tokenisation of the same texts (ratio);
  * the `--jobs 2` speed-up over `--jobs 1`;
  * peak RSS on 1,000 vs 5,000 documents: of the largest process of `extract --jobs 2` (parent or
    worker; the kernel's ru_maxrss of the reaped process tree), so the long run takes half the time;
  * where the time of one document goes (read, normalise, each pipeline component, assemble, JSON).
  * seconds to read hostile inputs (a 20 MB text, deeply nested HTML).
Targets: ratio >= 0.30, speed-up >= 1.6, RSS(5,000) <= 1.2 x RSS(1,000), each hostile input read in
<= 10 s. Exit status 1 when one is missed. (Speed targets live here, never in unit tests.)

Words are whitespace-separated tokens of the source texts, counted the same way for both rates.
Extract rates come from the command's own summary line (processing time, after the pipeline is loaded);
wall-clock times including interpreter start-up are shown beside them.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CLI = Path(sys.executable).with_name("minutes-extract")
TARGETS = {"ratio": 0.30, "speedup": 1.6, "rss_growth": 1.2}
SUMMARY_RE = re.compile(r"(\d+) words in ([\d.]+) s \(([\d,]+) words/s\)")


def seed_texts() -> list[Path]:
    seeds = sorted(FIXTURES.glob("*.txt"))
    if not seeds:
        sys.exit(f"bench: no *.txt seeds in {FIXTURES}")
    return seeds


def build_archive(folder: Path, size: int, seeds: list[Path]) -> list[Path]:
    """`size` documents in 100-file subfolders (an archive's shape), cycling through the seeds."""
    paths = []
    for n in range(size):
        path = folder / f"batch{n // 100:03d}" / f"minutes_{n:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seeds[n % len(seeds)], path)
        paths.append(path)
    return paths


def run_extract(archive: Path, out: Path, jobs: int, source_words: int) -> dict:
    """Runs the real command; returns its processing time, words/s of the source texts' words (as the bare
    rate counts them), wall time and peak RSS (MB) of its largest process (wait4 reports the maximum over
    the process and its reaped workers)."""
    started = time.perf_counter()
    proc = subprocess.Popen([str(CLI), "extract", str(archive), "-o", str(out), "--jobs", str(jobs)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    match = SUMMARY_RE.search(stderr)
    if code != 0 or not match:
        sys.exit(f"bench: extract failed ({code}): {stderr.strip()}")
    words, rate = int(match.group(1)), int(match.group(3).replace(",", ""))
    seconds = words / rate  # the summary's own time, unrounded
    return {"jobs": jobs, "seconds": seconds, "words_per_s": source_words / seconds, "wall_s": wall,
            "peak_rss_mb": usage.ru_maxrss / 1024}  # Linux reports KB


def count_words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def bare_tokenisation(paths: list[Path]) -> dict:
    """spacy.blank("en") over the same texts (read beforehand: tokenisation alone is timed)."""
    import spacy
    nlp = spacy.blank("en")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = sum(len(t.split()) for t in texts)
    best = float("inf")
    for _ in range(2):  # best of two: the first pass warms caches, as extract's long run does
        started = time.perf_counter()
        for text in texts:
            nlp(text)
        best = min(best, time.perf_counter() - started)
    return {"words": words, "seconds": best, "words_per_s": words / best}


def stage_breakdown(paths: list[Path]) -> dict[str, float]:
    """Seconds per stage over `paths`, one document at a time, as the extract path runs them."""
    from minutes_extract.assemble import assemble
    from minutes_extract.ingest import read_sources
    from minutes_extract.normalise import normalise
    from minutes_extract.pipeline import get_pipeline
    from minutes_extract.records import SourceInfo

    nlp = get_pipeline()
    spent: dict[str, float] = defaultdict(float)

    def timed(stage, fn, *args):
        started = time.perf_counter()
        value = fn(*args)
        spent[stage] += time.perf_counter() - started
        return value

    for path in paths:
        (source,) = timed("read (ingest)", lambda p: list(read_sources(p)), path)
        normalised = timed("normalise", normalise, source.text)
        doc = timed("tokenizer", nlp.make_doc, normalised.text)
        for name, component in nlp.pipeline:
            doc = timed(name, component, doc)
        info = SourceInfo(path=source.path, format=source.format, sha256=source.sha256, size=source.size)
        record = timed("assemble", assemble, doc, info, source.pages, normalised.to_source, source.warnings)
        timed("json (writer)", record.model_dump_json)
    return dict(spent)


HOSTILE_SECONDS = 10.0  # reading one hostile input (moved here from the unit tests: speed needs an idle machine)


def hostile_inputs() -> dict[str, float]:
    """Seconds to read inputs that once took pathological time: a 20 MB text, HTML nested 20,000 deep."""
    from minutes_extract.ingest import source_from_bytes
    line = "The Committee noted that caseloads had fallen to 18 per social worker – “good” progress.\n"
    cases = {
        "20 MB text": ("big.txt", (line * (20 * 1024 * 1024 // len(line.encode()))).encode("utf-8")),
        "HTML nested 20,000 deep": ("deep.html", ("<html><body>" + "<div>" * 20000 + "deep" + "</div>" * 20000
                                                  + "</body></html>").encode()),
    }
    spent = {}
    for label, (name, data) in cases.items():
        started = time.perf_counter()
        source_from_bytes(name, data)
        spent[label] = time.perf_counter() - started
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(1000, 5000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--json", type=Path, help="Also write the figures to this JSON file.")
    parser.add_argument("--keep", type=Path, help="Build the archives here and keep them.")
    args = parser.parse_args()
    small, large = args.sizes

    work = args.keep or Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    try:
        seeds = seed_texts()
        print(f"building archives of {small} and {large} documents from {len(seeds)} seeds in {FIXTURES} ...", flush=True)
        small_paths = build_archive(work / f"archive_{small}", small, seeds)
        large_words = count_words(build_archive(work / f"archive_{large}", large, seeds))

        stages = stage_breakdown(small_paths[: min(200, small)])  # first: a broken pipeline fails fast
        bare = bare_tokenisation(small_paths)
        print(f"bare spacy.blank('en')      {bare['words_per_s']:>12,.0f} words/s", flush=True)
        j1 = run_extract(work / f"archive_{small}", work / "j1.jsonl", 1, bare["words"])
        print(f"extract --jobs 1 ({small})   {j1['words_per_s']:>12,.0f} words/s   wall {j1['wall_s']:.1f} s   "
              f"peak RSS {j1['peak_rss_mb']:.0f} MB", flush=True)
        j2 = run_extract(work / f"archive_{small}", work / "j2.jsonl", 2, bare["words"])
        print(f"extract --jobs 2 ({small})   {j2['words_per_s']:>12,.0f} words/s   wall {j2['wall_s']:.1f} s   "
              f"peak RSS {j2['peak_rss_mb']:.0f} MB", flush=True)
        big = run_extract(work / f"archive_{large}", work / "big.jsonl", 2, large_words)
        print(f"extract --jobs 2 ({large})   {big['words_per_s']:>12,.0f} words/s   wall {big['wall_s']:.1f} s   "
              f"peak RSS {big['peak_rss_mb']:.0f} MB", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    figures = {
        "ratio": j1["words_per_s"] / bare["words_per_s"],
        "speedup": j2["words_per_s"] / j1["words_per_s"],
        "rss_growth": big["peak_rss_mb"] / j2["peak_rss_mb"],
    }
    missed = []
    total = sum(stages.values())
    print(f"\nwhere one document's time goes ({min(200, small)} documents, --jobs 1 path):")
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<22} {1000 * seconds / min(200, small):7.2f} ms/doc  {100 * seconds / total:5.1f} %")

    hostile = hostile_inputs()
    print(f"\nreading hostile inputs (target <= {HOSTILE_SECONDS:.0f} s each):")
    for label, seconds in hostile.items():
        ok = seconds <= HOSTILE_SECONDS
        print(f"  {label:<26} {seconds:6.2f} s  {'ok' if ok else 'MISSED'}")
        if not ok:
            missed.append(label)

    print(f"\n{'figure':<44} {'value':>8}  target")
    labels = {"ratio": f"words/s ratio extract / bare spaCy", "speedup": f"--jobs 2 speed-up ({os.cpu_count()} cores)",
              "rss_growth": f"peak RSS {large} / {small} documents (--jobs 2)"}
    for name, value in figures.items():
        ok = value <= TARGETS[name] if name == "rss_growth" else value >= TARGETS[name]
        sign = "<=" if name == "rss_growth" else ">="
        print(f"{labels[name]:<44} {value:8.2f}  {sign} {TARGETS[name]:.2f}  {'ok' if ok else 'MISSED'}")
        if not ok:
            missed.append(name)
    if args.json:
        args.json.write_text(json.dumps({"bare": bare, "jobs1": j1, "jobs2": j2, "large": big, "figures": figures,
                                         "stages_s": stages, "targets": TARGETS,
                                         "hostile_s": hostile}, indent=1))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
