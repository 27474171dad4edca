"""Scoring against gold annotations, with the same matching rules and figures as the reference
scorer (../shared/eval/score.py): fuzzy text match for items, resolutions and findings, exact values
for metrics, distinct dates and distinct (area, grade) judgements."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Optional

from rapidfuzz import fuzz

FIELDS = ("items", "resolutions", "findings", "metrics", "dates", "judgements")
CORE = ("resolutions", "findings", "metrics", "dates", "judgements")
VOTES = "votes"  # scored only against gold that has votes (eval/votes-gold); the reference scorer has none
COLLECTED = FIELDS + (VOTES,)
SKIP_DATE_PRECISION = {"year", "season", "financial_year", "decade"}
_GLYPH_RE = re.compile(r"[\u00b7\u2022\u25aa\u25cf\uf0b7\-\u2013\u2014*]+\s")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def norm(s) -> str:
    s = (s or "").lower().translate(_QUOTES)
    s = _GLYPH_RE.sub(" ", s)
    s = re.sub(r"\s+", " ", s)
    return s.strip(" .;:,-\"'")


def text_match(a, b) -> float:
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    short, long_ = sorted((a, b), key=len)
    if len(long_) > 2.5 * len(short) + 40:
        return 0.0
    return fuzz.partial_ratio(short, long_)


def collect(node, out: dict) -> dict:
    if isinstance(node, dict):
        for k, v in node.items():
            if k in COLLECTED and isinstance(v, list):
                out.setdefault(k, []).extend(x for x in v if isinstance(x, dict))
                if k == "items":
                    for x in v:
                        collect(x, out)
            else:
                collect(v, out)
    elif isinstance(node, list):
        for x in node:
            collect(x, out)
    return out


def greedy(gold: list, pred: list, score: Callable, threshold: float):
    pairs = sorted(((score(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    used_g, used_p, tp = set(), set(), 0
    for s, i, j in pairs:
        if s < threshold:
            break
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        tp += 1
    return (tp, [gold[i] for i in range(len(gold)) if i not in used_g],
            [pred[j] for j in range(len(pred)) if j not in used_p])


def _num(x):
    try:
        return None if x is None else float(x)
    except (TypeError, ValueError):
        return None


def bounds(m: dict):
    v, lo, hi = _num(m.get("value")), _num(m.get("low")), _num(m.get("high"))
    if lo is None and hi is None:
        lo = hi = v
    elif lo is None:
        lo = hi
    elif hi is None:
        hi = lo
    return lo, hi


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(a - b) <= max(1e-6, 1e-3 * abs(b))


def metric_score(with_kind: bool) -> Callable:
    def score(g, p):
        (gl, gh), (pl, ph) = bounds(g), bounds(p)
        if not (_close(gl, pl) and _close(gh, ph)):
            return 0
        if with_kind and (g.get("kind") or "").lower() != (p.get("kind") or "").lower():
            return 0
        return 100
    return score


def date_value(d: dict) -> str:
    return str(d.get("value") or d.get("date") or d.get("iso") or "")


def date_score(g, p) -> int:
    gv, pv = date_value(g), date_value(p)
    if gv.startswith("XXXX"):
        return 100 if pv.endswith(gv[4:]) else 0
    return 100 if gv == pv[: len(gv)] and len(pv) == len(gv) else 0


def grade(j: dict) -> str:
    return re.sub(r"[\s-]+", "_", str(j.get("grade") or "").lower()).replace(
        "requires_improvement_to_be_good", "requires_improvement")


def is_overall(a) -> bool:
    a = norm(a)
    return a in ("", "overall", "overall effectiveness", "overall judgement", "overall judgment") or a.startswith("overall")


def judgement_score(g, p) -> float:
    if grade(g) != grade(p):
        return 0
    ga, pa = g.get("area") or "overall", p.get("area") or "overall"
    if is_overall(ga) or is_overall(pa):
        return 100 if is_overall(ga) == is_overall(pa) else 0
    return fuzz.token_set_ratio(norm(ga), norm(pa))


def finding_score(g, p) -> float:
    if (g.get("polarity") or "").lower() != (p.get("polarity") or "").lower():
        return 0
    return text_match(g.get("text"), p.get("text"))


def item_score(g, p) -> float:
    return fuzz.token_set_ratio(norm(g.get("title")), norm(p.get("title")))


def vote_score(g, p) -> float:
    """A vote matches on its outcome and every tally (a count stated on one side only is a mismatch), then
    on its subject (fuzzy: token-set or partial ratio; a gold vote with no subject matches on the rest)."""
    if (g.get("outcome") or "").lower() != (p.get("outcome") or "").lower():
        return 0
    if any(_num(g.get(side)) != _num(p.get(side)) for side in ("for", "against", "abstain")):
        return 0
    gs, ps = norm(g.get("subject")), norm(p.get("subject") or p.get("text"))
    if not gs:
        return 100
    if not ps:
        return 0
    return max(fuzz.token_set_ratio(gs, ps), fuzz.partial_ratio(gs, ps))


VOTE_SPEC = (vote_score, 60)

SPECS = {
    "items": (item_score, 85),
    "resolutions": (lambda g, p: text_match(g.get("text"), p.get("text")), 80),
    "findings": (finding_score, 80),
    "findings_any_polarity": (lambda g, p: text_match(g.get("text"), p.get("text")), 80),
    "metrics": (metric_score(True), 100),
    "metric_values": (metric_score(False), 100),
    "dates": (date_score, 100),
    "judgements": (judgement_score, 60),
}
SOURCE = {"findings_any_polarity": "findings", "metric_values": "metrics"}


def counted(field: str, x: dict) -> bool:
    """Whether the scorer counts this entry at all (durations, year-like dates and forecasts are not scored)."""
    if field == "metrics":
        return (x.get("kind") or "").lower() != "duration"
    if field == "dates":
        return (x.get("precision") or "").lower() not in SKIP_DATE_PRECISION and bool(date_value(x))
    if field == "judgements":
        return not x.get("forecast")
    return True


def dedup_key(field: str, x: dict):
    """Entries with the same key count once: distinct dates, distinct (grade, area) judgements."""
    if field == "dates":
        return date_value(x)
    if field == "judgements":
        return (grade(x), norm(x.get("area") or "overall"))
    return ("entry", id(x))


def prepare(field: str, xs: list) -> list:
    kept = [x for x in xs if counted(field, x)]
    if field in ("dates", "judgements"):
        return list({dedup_key(field, x): x for x in kept}.values())
    return kept


def load_predictions(out_path: Path) -> dict:
    from .writer import json_object, read_records
    preds = {}
    for rec in read_records(out_path, check=json_object):
        src = rec.get("source") or {}
        path = src.get("path") if isinstance(src, dict) else src
        stem = Path(str(path or rec.get("path") or rec.get("doc_id"))).stem
        preds[stem] = collect(rec, {})
    return preds


def judge(pred: dict, gold: dict) -> dict[str, list[tuple[dict, Optional[bool]]]]:
    """One document, per extraction: for each scored field, every predicted entry (`pred` as collect()
    gives it) with True when the scorer counts it as a true positive, False when it counts it as a false
    positive, None when the scorer ignores it. Entries the scorer folds into one (the same date, the same
    judgement) share the verdict of the one it kept. Same matching as score()."""
    verdicts = {}
    for field_name in FIELDS:
        scorer, threshold = SPECS[field_name]
        g = prepare(field_name, [x for x in gold.get(field_name, []) if isinstance(x, dict)])
        entries = pred.get(field_name, [])
        kept = prepare(field_name, entries)
        _, _, unmatched = greedy(g, kept, scorer, threshold)
        wrong = {id(x) for x in unmatched}
        by_key = {dedup_key(field_name, x): id(x) not in wrong for x in kept}
        verdicts[field_name] = [(x, by_key[dedup_key(field_name, x)] if counted(field_name, x) else None)
                                for x in entries]
    return verdicts


def score(out_path: Path, gold_dir: Path) -> dict:
    """Per-field precision/recall/F1, macro F1 over CORE, and the misses (for --verbose)."""
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.json"))}
    preds = load_predictions(Path(out_path))
    specs = scored_specs(golds)
    tot = {f: [0, 0, 0] for f in specs}
    misses: dict[str, list] = {f: [] for f in specs}
    for stem, gold in golds.items():
        pred = preds.get(stem, {})
        for field_name, (scorer, threshold) in specs.items():
            src = SOURCE.get(field_name, field_name)
            g = prepare(src, [x for x in gold.get(src, []) if isinstance(x, dict)])
            p = prepare(src, pred.get(src, []))
            tp, fn, fp = greedy(g, p, scorer, threshold)
            tot[field_name][0] += tp
            tot[field_name][1] += len(g)
            tot[field_name][2] += len(p)
            misses[field_name].extend([(stem, "FN", x) for x in fn] + [(stem, "FP", x) for x in fp])
    rows = {}
    for f, (tp, ng, np_) in tot.items():
        p = tp / np_ if np_ else (1.0 if ng == 0 else 0.0)
        r = tp / ng if ng else (1.0 if np_ == 0 else 0.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows[f] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3), "gold": ng, "pred": np_, "tp": tp}
    core = [f for f in CORE if f in rows] or [f for f in rows]
    macro = sum(rows[f]["f1"] for f in core) / len(core) if core else 0.0
    return {"fields": rows, "macro_f1": round(macro, 3), "docs": len(golds),
            "docs_missing": [k for k in golds if k not in preds], "misses": misses}


def scored_specs(golds: dict) -> dict:
    """The fields scored against these gold files: every reference field (as score.py does), and `votes`
    when the gold has votes. A directory of votes gold alone (eval/votes-gold) is scored on votes only."""
    has_votes = any(isinstance(g, dict) and VOTES in g for g in golds.values())
    has_reference = any(isinstance(g, dict) and any(SOURCE.get(f, f) in g for f in SPECS) for g in golds.values())
    specs = dict(SPECS) if has_reference or not has_votes else {}
    if has_votes:
        specs[VOTES] = VOTE_SPEC
    return specs


def format_report(result: dict, verbose: bool = False) -> str:
    lines = [f"{'field':24} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for f, r in result["fields"].items():
        lines.append(f"{f:24} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['gold']:5d} {r['pred']:5d}")
    missing = result["docs_missing"]
    if missing:
        lines.append(f"documents with no output record: {len(missing)}: {' '.join(missing[:20])}")
    if verbose:
        keep = ("text", "kind", "value", "low", "high", "polarity", "grade", "area", "title", "outcome", "for",
                "against", "abstain", "subject")
        for f in ("items",) + CORE + (VOTES,):
            for stem, kind, x in result["misses"].get(f, []):
                shown = json.dumps({k: v for k, v in x.items() if k in keep}, ensure_ascii=False)[:200]
                lines.append(f"  {f} {kind} {stem}: {shown}")
    core = [f for f in CORE if f in result["fields"]] or list(result["fields"])
    lines.append(f"macro F1 over {', '.join(core)}: {result['macro_f1']:.3f} on {result['docs']} documents")
    return "\n".join(lines)


def below_floor(result: dict, floor: dict) -> list[str]:
    """The scores of `result` under the committed floor (macro F1 and per-field F1), as readable lines."""
    below = []
    if result["macro_f1"] < floor.get("macro_f1", 0):
        below.append(f"macro F1 {result['macro_f1']:.3f} < {floor['macro_f1']:.3f}")
    for name, minimum in floor.get("fields", {}).items():
        got = result["fields"][name]["f1"]
        if got < minimum:
            below.append(f"{name} F1 {got:.3f} < {minimum:.3f}")
    return below


def load_floor(path: Path) -> dict:
    """A committed floor file ({"macro_f1": ..., "fields": {...}}); a missing or malformed one is a UsageError."""
    from .errors import UsageError
    try:
        floor = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read the floor file {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise UsageError(f"the floor file {path} is not JSON: {exc}") from exc
    if not isinstance(floor, dict) or not isinstance(floor.get("fields", {}), dict):
        raise UsageError(f"the floor file {path} must be an object with macro_f1 and fields")
    return floor
