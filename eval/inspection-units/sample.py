"""Draw the labelled sample of eval/inspection-units (run once, before any change; kept for the record).

For each Ofsted report: about 30 extracted findings (stratified by polarity) and about 30 units the extractor did
not extract. Units are the findings component's own: a bullet block whole, a paragraph block cut at the pipeline's
sentence starts. Units under four words (headings, page furniture) are left out of the not-extracted pool.
Wrote sample.jsonl (file, start, end, pool, sha1) and pools.json; the rows, with a label added by hand, are
labels.jsonl (sample.jsonl itself was not kept). Rerunning it on a changed extractor draws a different sample.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from inspection_units import REPORTS, extract_records, findings_of, units_of  # noqa: E402

SEED = 20261207
PER_POOL = 30
MIN_WORDS = 4


def main() -> None:
    import hashlib
    rng = random.Random(SEED)
    rows, sizes = [], {}
    for name, record, doc in extract_records():
        text = record["text"]
        found = findings_of(record)
        spans = [(f["span"]["start"], f["span"]["end"]) for f in found]
        by_polarity: dict[str, list] = {}
        for f in found:
            by_polarity.setdefault(f["polarity"], []).append(f)
        picked = []
        for pol in sorted(by_polarity):  # proportional allocation per polarity
            pool = by_polarity[pol]
            k = round(PER_POOL * len(pool) / len(found))
            picked += rng.sample(pool, min(k, len(pool)))
        for f in sorted(picked, key=lambda f: f["span"]["start"]):
            s, e = f["span"]["start"], f["span"]["end"]
            rows.append({"file": name, "start": s, "end": e, "pool": "extracted",
                         "sha1": hashlib.sha1(text[s:e].encode()).hexdigest()})
        others = [(s, e) for s, e in units_of(doc, text)
                  if len(text[s:e].split()) >= MIN_WORDS and not any(s < fe and fs < e for fs, fe in spans)]
        for s, e in sorted(rng.sample(others, min(PER_POOL, len(others)))):
            rows.append({"file": name, "start": s, "end": e, "pool": "not_extracted",
                         "sha1": hashlib.sha1(text[s:e].encode()).hexdigest()})
        print(name, "findings", len(found), "other units", len(others), file=sys.stderr)
        sizes[name] = {"extracted": len(found), "not_extracted": len(others)}
    Path(__file__).with_name("pools.json").write_text(json.dumps(sizes, indent=1, sort_keys=True) + "\n")
    out = Path(__file__).with_name("sample.jsonl")
    out.write_text("".join(json.dumps(r) + "\n" for r in rows))


if __name__ == "__main__":
    main()
