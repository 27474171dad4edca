"""`make bench`: where the time and memory of `minutes-extract extract` go, in one run (about 10 minutes).

Sections (all by default; `--only NAME ...` runs some):
  stages      one document's time per stage (read, normalise, tokenise, each component, assemble, JSON) in T,
              the time bare `spacy.blank("en")` tokenisation takes on the same texts in the same loop
              (CPU time of this process, so a busy machine moves both alike);
  throughput  words/s of `extract --jobs 1` on 1,000 documents against bare tokenisation (the ratio), the
              `--jobs 2` speed-up, and peak RSS on 1,000 vs 5,000 documents;
  sizes       per-stage cost per word of a 10 MB text against a 100 KB one (linear time), and peak RSS and
              wall time of `extract` on a 20 MB and a 50 MB text (linear memory);
  startup     wall time of `extract` on one small text against `python -c "import spacy; spacy.blank('en')"`;
  hostile     seconds to read inputs that once took pathological time.
Exit status 1 when a target is missed. Speed targets live here, never in unit tests.

Archives are copies of the seed texts in fixtures/ under distinct names; big texts are seeds joined
end to end. Words are whitespace-separated tokens of the source texts, counted the same way for every
rate. Extract rates come from the command's own summary line (processing time, after the pipeline is
loaded); wall-clock times including interpreter start-up are shown beside them.
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
SECTIONS = ("stages", "throughput", "sizes", "startup", "hostile")
TARGETS = {"ratio": 0.30, "speedup": 1.6, "rss_growth": 1.2, "size_growth": 1.5, "rss_20mb": 600.0,
           "rss_50mb": 1000.0, "startup": 1.25, "hostile_s": 10.0}
SUMMARY_RE = re.compile(r"(\d+) words in ([\d.]+) s \(([\d,]+) words/s\)")
STAGE_DOCS = 200          # documents of the stage table
SMALL_SIZE = 100 * 1024   # bytes of the text whose per-word cost is the reference
LARGE_SIZE = 10 * 1024 * 1024


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


def big_text(seeds: list[Path], size: int) -> str:
    """Seeds joined end to end (a blank line between) until the text holds `size` bytes (UTF-8)."""
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    parts, total, n = [], 0, 0
    while total < size:
        text = texts[n % len(texts)]
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
        n += 1
    return "\n\n".join(parts)


def run_extract(inputs: Path, out: Path, jobs: int, source_words: int, *extra: str, fatal: bool = True) -> dict:
    """Runs the real command; returns its processing time, words/s of the source texts' words (as the bare
    rate counts them), wall time and peak RSS (MB) of its largest process (wait4 reports the maximum over
    the process and its reaped workers)."""
    started = time.perf_counter()
    proc = subprocess.Popen([str(CLI), "extract", str(inputs), "-o", str(out), "--jobs", str(jobs), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    match = SUMMARY_RE.search(stderr)
    if code != 0 or not match:
        if fatal:
            sys.exit(f"bench: extract failed ({code}): {stderr.strip()}")
        return {"failed": f"exit {code}: {stderr.strip()[-300:]}", "wall_s": wall, "peak_rss_mb": usage.ru_maxrss / 1024}
    words, rate = int(match.group(1)), int(match.group(3).replace(",", ""))
    seconds = words / rate  # the summary's own time, unrounded
    return {"jobs": jobs, "seconds": seconds, "words_per_s": source_words / seconds, "wall_s": wall,
            "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024}  # Linux: KB


def count_words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def bare_tokenisation(paths: list[Path]) -> dict:
    """spacy.blank("en") over the same texts (read beforehand: tokenisation alone is timed), wall time as
    the extract summary measures it."""
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


# ---------------------------------------------------------------- stages

def stage_times(paths: list[Path], passes: int = 2) -> dict:
    """CPU seconds per stage over `paths`, one document at a time as the extract path runs them (last of
    `passes`: the earlier ones warm the vocabulary and caches, as a long run does), with "T": bare
    spacy.blank("en") tokenisation of the same texts, timed in the same loop."""
    import spacy
    from minutes_extract.assemble import assemble
    from minutes_extract.batch.tasks import written
    from minutes_extract.gc_policy import collector_paused
    from minutes_extract.ingest import read_sources
    from minutes_extract.normalise import normalise
    from minutes_extract.pipeline import get_pipeline
    from minutes_extract.records import SourceInfo
    from minutes_extract.tokenizer import remember_source

    nlp, bare = get_pipeline(), spacy.blank("en")
    bare.max_length = nlp.max_length
    clock = time.process_time
    for _ in range(passes):
        spent: dict[str, float] = defaultdict(float)

        def timed(stage, fn, *args):
            started = clock()
            value = fn(*args)
            spent[stage] += clock() - started
            return value

        for path in paths:
            (source,) = timed("read (ingest)", lambda p: list(read_sources(p)), path)
            with collector_paused():  # as extract_source runs a document
                normalised = timed("normalise", normalise, source.text)
                # the pipeline's tokenizer normalises first (timed above): tokenise is its inner spaCy tokenizer only
                doc = timed("tokenise", nlp.tokenizer.inner, normalised.text)
                remember_source(doc, source.text, normalised)
                for name, component in nlp.pipeline:
                    doc = timed(name.removeprefix("minutes_"), component, doc)
                info = SourceInfo(path=source.path, format=source.format, sha256=source.sha256, size=source.size)
                record = timed("assemble", assemble, doc, info, source.pages, normalised.to_source, source.warnings)
            timed("json (writer)", written, record)
            del doc, record
            timed("T", bare, source.text)
    return dict(spent)


def print_stage_table(spent: dict, docs: int, title: str) -> None:
    t = spent["T"]
    stages = {k: v for k, v in spent.items() if k != "T"}
    total = sum(stages.values())
    print(f"\n{title}")
    print(f"  {'stage':<16} {'ms/doc':>8} {'in T':>7} {'share':>7}")
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<16} {1000 * seconds / docs:8.2f} {seconds / t:7.2f} {100 * seconds / total:6.1f} %")
    print(f"  {'total':<16} {1000 * total / docs:8.2f} {total / t:7.2f}   (T = bare tokenisation, "
          f"{1000 * t / docs:.2f} ms/doc; T-speed {t / total:.2f})")


# ---------------------------------------------------------------- sizes

def stage_child(path: Path, out: Path) -> None:
    """In a child process: the stage times of one big text (one pass), its words and peak RSS."""
    import resource
    stage_times(seed_texts(), passes=1)  # warm: the vocabulary and lazily built rules, as a long run has them
    small = path.stat().st_size <= SMALL_SIZE * 2
    spent = stage_times([path], passes=5 if small else 1)  # a small text: the last of five passes (steadier)
    words = len(path.read_text(encoding="utf-8").split())
    out.write_text(json.dumps({"stages": spent, "words": words,
                               "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def stages_of_text(path: Path, work: Path) -> dict:
    """stage_child in a fresh process (its memory is its own), warmed on the seeds first."""
    out = work / f"{path.stem}.stages.json"
    subprocess.run([sys.executable, __file__, "--stage-child", str(path), str(out)], check=True)
    return json.loads(out.read_text())


def size_section(seeds: list[Path], work: Path, figures: dict, missed: list) -> dict:
    found = {}
    texts = {}
    for label, size in (("100 KB", SMALL_SIZE), ("10 MB", LARGE_SIZE)):
        path = work / f"text_{label.replace(' ', '')}.txt"
        path.write_text(big_text(seeds, size), encoding="utf-8")
        texts[label] = path
        started = time.perf_counter()
        found[label] = stages_of_text(path, work)
        found[label]["wall_s"] = time.perf_counter() - started
    small, large = found["100 KB"], found["10 MB"]
    print(f"\ncost per word of a 10 MB text against a 100 KB one (target: each stage <= {TARGETS['size_growth']}x;"
          f" stages under 2 % of the 10 MB time are shown, not judged)")
    print(f"  {'stage':<16} {'us/word 100 KB':>14} {'us/word 10 MB':>14} {'growth':>7}")
    total_large = sum(v for k, v in large["stages"].items() if k != "T")
    worst = 0.0
    for stage in sorted(large["stages"], key=lambda k: -large["stages"][k]):
        a = 1e6 * small["stages"].get(stage, 0.0) / small["words"]
        b = 1e6 * large["stages"][stage] / large["words"]
        growth = b / a if a > 0 else float("inf")
        judged = stage != "T" and large["stages"][stage] >= 0.02 * total_large
        if judged:
            worst = max(worst, growth)
        flag = "" if not judged else ("ok" if growth <= TARGETS["size_growth"] else "MISSED")
        print(f"  {stage:<16} {a:14.2f} {b:14.2f} {growth:7.2f}  {flag}")
    figures["size_growth"] = worst
    print(f"  peak RSS of the stage run: 100 KB {small['peak_rss_mb']:.0f} MB, 10 MB {large['peak_rss_mb']:.0f} MB")

    for label, size, target in (("20 MB", 20, "rss_20mb"), ("50 MB", 50, "rss_50mb")):
        path = work / f"text_{size}MB.txt"
        path.write_text(big_text(seeds, size * 1024 * 1024), encoding="utf-8")
        words = len(path.read_text(encoding="utf-8").split())
        run = run_extract(path, work / f"text_{size}MB.jsonl", 1, words, fatal=False)  # the default --max-doc-mb
        found[label] = run
        path.unlink()
        if "failed" in run:
            print(f"extract --jobs 1, one {label} text: FAILED after {run['wall_s']:.1f} s, peak RSS "
                  f"{run['peak_rss_mb']:.0f} MB: {run['failed']}", flush=True)
            figures[target] = float("inf")
            continue
        per_word = 1e6 * run["cpu_s"] / words
        print(f"extract --jobs 1, one {label} text: CPU {run['cpu_s']:.1f} s ({per_word:.1f} us/word, start-up "
              f"included), wall {run['wall_s']:.1f} s, peak RSS {run['peak_rss_mb']:.0f} MB (target <= "
              f"{TARGETS[target]:.0f} MB)", flush=True)
        figures[target] = run["peak_rss_mb"]
    return found


# ---------------------------------------------------------------- start-up

def wall_of(command: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run; CPU is user + system time of the process and the children it reaped,
    which a busy machine moves much less than wall time."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(command)} failed")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def startup_section(seeds: list[Path], work: Path, figures: dict, runs: int = 5) -> dict:
    """Best of five, alternating the two commands so a busy moment hits both; medians and CPU times shown
    beside. Like for like: spaCy's modules were compiled to bytecode when pip installed them; ours, installed
    editable from src/, are compiled on every start when PYTHONDONTWRITEBYTECODE is set (as on the project
    machine). So they are compiled first, as pip does for a regular install of the package. One extract runs
    before the timed ones, as any earlier run on the machine would have: it fills the on-disk caches of
    compiled rules (matching/compiled.py, rules/built_cache.py) that every later start reads.
    Note: `spacy.blank("en")` loads every installed spacy_factories entry point, this package's components
    (and so its rule modules) included: the reference pays most of this package's import time too."""
    import compileall
    import minutes_extract
    from statistics import median
    compileall.compile_dir(str(Path(minutes_extract.__file__).parent), quiet=1)
    small = min(seeds, key=lambda p: p.stat().st_size)
    spacy_cmd = [sys.executable, "-c", "import spacy; spacy.blank('en')"]
    extract_cmd = [str(CLI), "extract", str(small), "-o", str(work / "one.jsonl"), "--quiet"]
    wall_of(extract_cmd)  # fills the caches (a no-op when an earlier run did)
    spacy_s, extract_s, spacy_cpu, extract_cpu = [], [], [], []
    for _ in range(runs):
        for command, walls, cpus in ((spacy_cmd, spacy_s, spacy_cpu), (extract_cmd, extract_s, extract_cpu)):
            wall, cpu = wall_of(command)
            walls.append(wall)
            cpus.append(cpu)
    figures["startup"] = min(extract_s) / min(spacy_s)
    print(f"\nstart-up: extract {small.name} ({small.stat().st_size // 1024} KB) {min(extract_s):.2f} s, "
          f"import spacy + blank('en') {min(spacy_s):.2f} s (best of {runs} each)\n"
          f"  medians: wall {median(extract_s):.2f} / {median(spacy_s):.2f} s = "
          f"{median(extract_s) / median(spacy_s):.2f}; CPU {median(extract_cpu):.2f} / {median(spacy_cpu):.2f} s = "
          f"{median(extract_cpu) / median(spacy_cpu):.2f}", flush=True)
    return {"extract_s": extract_s, "spacy_s": spacy_s, "extract_cpu_s": extract_cpu, "spacy_cpu_s": spacy_cpu}


# ---------------------------------------------------------------- hostile inputs

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


# ---------------------------------------------------------------- the run

def judge(figures: dict) -> list[str]:
    labels = {
        "ratio": "words/s ratio extract --jobs 1 / bare spaCy",
        "speedup": f"--jobs 2 speed-up ({os.cpu_count()} cores)",
        "rss_growth": "peak RSS large / small archive (--jobs 2)",
        "size_growth": "worst stage, cost/word 10 MB / 100 KB",
        "rss_20mb": "peak RSS (MB), one 20 MB text",
        "rss_50mb": "peak RSS (MB), one 50 MB text",
        "startup": "start-up: extract one text / spaCy import",
        "hostile_s": "slowest hostile input read (s)",
    }
    at_most = {"rss_growth", "size_growth", "rss_20mb", "rss_50mb", "startup", "hostile_s"}
    missed = []
    print(f"\n{'figure':<46} {'value':>8}  target")
    for name, value in figures.items():
        ok = value <= TARGETS[name] if name in at_most else value >= TARGETS[name]
        sign = "<=" if name in at_most else ">="
        print(f"{labels[name]:<46} {value:8.2f}  {sign} {TARGETS[name]:.2f}  {'ok' if ok else 'MISSED'}")
        if not ok:
            missed.append(name)
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS), metavar="SECTION",
                        help=f"Run only these sections ({', '.join(SECTIONS)}).")
    parser.add_argument("--sizes", type=int, nargs=2, default=(1000, 5000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--json", type=Path, help="Also write the figures to this JSON file.")
    parser.add_argument("--keep", type=Path, help="Build the archives and texts here and keep them.")
    parser.add_argument("--stage-child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage_child:
        stage_child(*args.stage_child)
        return 0
    small, large = args.sizes
    sections = set(args.only)
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores at the start"
          + (" (a busy machine: wall-clock figures suffer, the stage table in T much less)" if load > 1 else ""))

    work = args.keep or Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, float] = {}
    results: dict = {"targets": TARGETS, "load_average": load}
    started = time.perf_counter()
    try:
        seeds = seed_texts()
        if sections & {"stages", "throughput"}:
            print(f"building archives of {small} and {large} documents from {len(seeds)} seeds in {FIXTURES} ...",
                  flush=True)
            small_paths = build_archive(work / f"archive_{small}", small, seeds)
        if "stages" in sections:  # first: a broken pipeline fails fast
            docs = small_paths[:min(STAGE_DOCS, small)]
            results["stages_s"] = spent = stage_times(docs)
            print_stage_table(spent, len(docs), f"where one document's time goes ({len(docs)} documents, --jobs 1 "
                                                "path, CPU time; in T = stage time / bare tokenisation time):")
        if "throughput" in sections:
            large_words = count_words(build_archive(work / f"archive_{large}", large, seeds))
            bare = bare_tokenisation(small_paths)
            print(f"\nbare spacy.blank('en')      {bare['words_per_s']:>12,.0f} words/s", flush=True)
            runs = {}
            for label, archive, jobs, words in (("jobs1", small, 1, bare["words"]), ("jobs2", small, 2, bare["words"]),
                                                ("large", large, 2, large_words)):
                run = runs[label] = run_extract(work / f"archive_{archive}", work / f"{label}.jsonl", jobs, words)
                print(f"extract --jobs {jobs} ({archive})   {run['words_per_s']:>12,.0f} words/s   wall "
                      f"{run['wall_s']:.1f} s   peak RSS {run['peak_rss_mb']:.0f} MB", flush=True)
            results.update(bare=bare, **runs)
            figures["ratio"] = runs["jobs1"]["words_per_s"] / bare["words_per_s"]
            figures["speedup"] = runs["jobs2"]["words_per_s"] / runs["jobs1"]["words_per_s"]
            figures["rss_growth"] = runs["large"]["peak_rss_mb"] / runs["jobs2"]["peak_rss_mb"]
        if "sizes" in sections:
            results["sizes"] = size_section(seeds, work, figures, [])
        if "startup" in sections:
            results["startup"] = startup_section(seeds, work, figures)
        if "hostile" in sections:
            results["hostile_s"] = hostile = hostile_inputs()
            print("\nreading hostile inputs: " + ", ".join(f"{k} {v:.2f} s" for k, v in hostile.items()))
            figures["hostile_s"] = max(hostile.values())
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    missed = judge(figures)
    print(f"\nbench took {time.perf_counter() - started:.0f} s")
    if args.json:
        results["figures"] = figures
        args.json.write_text(json.dumps(results, indent=1))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
