"""Canonical authorities: which council (or trust) each document belongs to.

The gazetteer (models/gazetteer.jsonl, one authority a line, checked against `Authority` on load) lists
councils with their name, type, ONS/GSS code, Ofsted URN (children's services authorities), short forms,
abbreviations, principal towns, civic buildings and web domains; former councils carry `valid_to` and
their successors, children's trusts the councils they serve.

`resolve(record)` collects cues from the record (the extractor's `meeting.authority`, names, short
forms, abbreviations, buildings, towns, `.gov.uk` addresses in the text, the source path), weighs them
by `models/gazetteer_rules.json`, and returns the authority with the cue that decided it and a
confidence, or `unknown` with the reason. A cue shared by several authorities (`DCC`, a trust serving
two councils) only supports an authority something else named; a tie or a weak lead stays unknown.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import RuleFileError
from ..records import Closed

AuthorityType = Literal["county", "unitary", "metropolitan_borough", "london_borough", "sui_generis", "district",
                        "welsh_principal", "scottish_council", "trust"]
ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"


class Authority(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    type: AuthorityType
    nation: Literal["england", "wales", "scotland"]
    gss: Optional[str] = Field(default=None, pattern=r"^[EWS]\d{8}$", description="ONS/GSS code")
    ofsted_urn: Optional[str] = Field(default=None, pattern=r"^\d+$")
    ofsted_name: Optional[str] = Field(default=None, description="local_authority in the Ofsted ILACS history")
    short_forms: list[str] = Field(default_factory=list)
    abbreviations: list[str] = Field(default_factory=list)
    towns: list[str] = Field(default_factory=list)
    buildings: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    valid_from: Optional[str] = Field(default=None, pattern=ISO_DAY)
    valid_to: Optional[str] = Field(default=None, pattern=ISO_DAY)
    successors: list[str] = Field(default_factory=list)
    serves: list[str] = Field(default_factory=list, description="Councils a trust delivers services for")


class ResolveRules(Closed):
    weights: dict[str, float]
    shared: float = Field(ge=0)
    minimum: float = Field(gt=0)
    ratio: float = Field(ge=1)
    prior: dict[str, float]
    council_suffix: str
    in_name: float = Field(ge=0, le=1)
    in_name_after: str
    in_name_before: str
    in_name_kinds: list[str]
    other_body_after: str
    header_chars: int = Field(ge=0)
    header_factor: float = Field(ge=1)
    venue_before: str
    ignore: list[str]


class AreaRule(Closed):
    column: str
    names: list[str]


class TimelineRules(Closed):
    areas: list[AreaRule]
    area_prefix: str
    link_chars: int = Field(ge=0)
    official_grades: dict[str, str]


class FollowupRules(Closed):
    cues: list[str]
    not_cues: list[str]
    subject: str
    of_whom: str
    relative: dict[str, int]
    body_threshold: float = Field(ge=0, le=100)
    match_threshold: float = Field(ge=0, le=100)
    undated_window_days: int = Field(ge=0)


class ReportRules(Closed):
    grade_colours: dict[Literal["outstanding", "good", "requires_improvement", "inadequate"], str]
    themes: dict[str, list[str]]
    other_theme: str


class ArchiveRules(Closed):
    description: str
    resolve: ResolveRules
    timeline: TimelineRules
    followups: FollowupRules
    report: ReportRules


CUE_KINDS = ("meeting_authority", "name", "domain", "building", "short_form", "abbreviation", "trust", "path", "town")


def _models_file(name: str, models: Optional[Path]) -> Path:
    if models is not None:
        return Path(models) / name
    from ..rules import models_dir
    return models_dir() / name


def load_rules(models: Optional[Path] = None) -> ArchiveRules:
    """models/gazetteer_rules.json, validated (RuleFileError names the file and the key)."""
    path = _models_file("gazetteer_rules.json", models)
    return _load_rules(str(path))


@lru_cache(maxsize=4)
def _load_rules(path: str) -> ArchiveRules:
    try:
        rules = ArchiveRules.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise RuleFileError(f"{path}: {_first_error(exc)}") from exc
    unknown = set(rules.resolve.weights) - set(CUE_KINDS)
    if unknown or set(CUE_KINDS) - set(rules.resolve.weights):
        raise RuleFileError(f"{path}: resolve.weights must name exactly {', '.join(CUE_KINDS)}")
    return rules


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        return f"{'.'.join(map(str, err['loc']))}: {err['msg']}"
    return str(exc).splitlines()[0]


class Gazetteer:
    """The authorities of models/gazetteer.jsonl by id, with the surface forms that name them."""

    def __init__(self, authorities: list[Authority], rules: ArchiveRules):
        self.authorities = authorities
        self.by_id = {a.id: a for a in authorities}
        self.rules = rules
        self._check_links()
        self.forms: dict[str, list[tuple[str, str]]] = defaultdict(list)  # surface -> [(kind, id)]
        for a in authorities:
            kind_of_name = "trust" if a.type == "trust" else "name"
            self._add(a.name, kind_of_name, a.id)
            for form in a.short_forms:
                self._add(form, "trust" if a.type == "trust" else "short_form", a.id)
            for form in a.abbreviations:
                self.forms[form].append(("abbreviation", a.id))  # as written only: 'Kcc' is no abbreviation
            for form in a.towns:
                self._add(form, "town", a.id)
            for form in a.buildings:
                self._add(form, "building", a.id)
        for form in rules.resolve.ignore:
            self._add(form, "ignore", "")
        surfaces = sorted(self.forms, key=len, reverse=True)
        body = "|".join(_flexible(s) for s in surfaces)
        self.pattern = re.compile(rf"(?<![\w&-])(?:{body})(?![\w&-])")
        self.suffix = re.compile(rules.resolve.council_suffix)
        self.in_name_after = re.compile(rules.resolve.in_name_after)
        self.in_name_before = re.compile(rules.resolve.in_name_before)
        self.other_body_after = re.compile(rules.resolve.other_body_after)
        self.venue_before = re.compile(rules.resolve.venue_before)
        self.by_domain: dict[str, str] = {}
        for a in authorities:
            if a.type == "trust":
                continue
            for d in a.domains:
                self.by_domain[d.lower().removesuffix(".gov.uk")] = a.id
            for form in [*a.short_forms, a.name]:
                self.by_domain.setdefault(_compact(form), a.id)
        self.by_slug = {}
        for a in authorities:
            if a.type != "trust":
                for form in [a.id, *a.short_forms]:
                    self.by_slug.setdefault(_slug(form), a.id)

    def _add(self, surface: str, kind: str, ident: str) -> None:
        for variant in {surface, surface.upper()}:
            if (kind, ident) not in self.forms[_key(variant)]:
                self.forms[_key(variant)].append((kind, ident))

    def _check_links(self) -> None:
        for a in self.authorities:
            for other in [*a.successors, *a.serves]:
                if other not in self.by_id:
                    raise RuleFileError(f"gazetteer: {a.id} links to unknown authority {other!r}")

    def lookup(self, surface: str) -> list[tuple[str, str]]:
        return self.forms.get(_key(surface), [])

    def find(self, name: Optional[str]) -> Optional[Authority]:
        """The authority a name stands for exactly (a full name, a short form or an id), else None."""
        if not name:
            return None
        if name in self.by_id:
            return self.by_id[name]
        hits = {ident for kind, ident in self.lookup(name) if kind in ("name", "short_form", "trust")}
        if len(hits) == 1:
            return self.by_id[hits.pop()]
        m = self.suffix.search(name)
        if m:
            return self.find(name[:m.start()].strip())
        return None


def _key(surface: str) -> str:
    return re.sub(r"\s+", " ", surface.replace("’", "'")).strip()


def _flexible(surface: str) -> str:
    """A surface form as a pattern: any run of spaces (PDF line breaks) and either apostrophe."""
    return r"\s+".join(re.escape(part).replace("'", "['’]") for part in surface.split())


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower().replace("&", "and"))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&", "and")).strip("-")


def load_gazetteer(models: Optional[Path] = None) -> Gazetteer:
    """models/gazetteer.jsonl, every line validated against `Authority` (RuleFileError: file, line, key)."""
    path = _models_file("gazetteer.jsonl", models)
    return _load_gazetteer(str(path), str(_models_file("gazetteer_rules.json", models)))


@lru_cache(maxsize=4)
def _load_gazetteer(path: str, rules_path: str) -> Gazetteer:
    # The project's one JSONL rule reader: "//" comments, and a RuleFileError naming file, line and key.
    from ..rules import load_jsonl_file
    authorities = [Authority.model_validate(row) for row in load_jsonl_file(Path(path), Authority)]
    ids = [a.id for a in authorities]
    if len(set(ids)) != len(ids):
        raise RuleFileError(f"{path}: duplicate ids {sorted({i for i in ids if ids.count(i) > 1})}")
    return Gazetteer(authorities, _load_rules(rules_path))


# -- resolving a document ---------------------------------------------------------------------------
class Cue(Closed):
    kind: str
    text: str
    start: Optional[int] = Field(default=None, description="Character offset in the record's text (None: "
                                 "meeting.authority or the source path)")
    end: Optional[int] = None
    in_name: bool = Field(default=False, description="Inside another name: a service, a person, a building")


class InDocument(Closed):
    """An archive row about one document of the archive: its id and path."""
    doc_id: str
    path: str


class AuthorityMatch(InDocument):
    """The authority a document belongs to, or unknown with the reason."""
    status: Literal["resolved", "unknown"]
    authority_id: Optional[str] = None
    name: Optional[str] = None
    type: Optional[str] = None
    gss: Optional[str] = None
    ofsted_urn: Optional[str] = None
    cue: Optional[Cue] = None
    confidence: float = Field(default=0.0, ge=0, le=1)
    reason: Optional[str] = None
    candidates: list[tuple[str, float]] = Field(default_factory=list, description="Best authorities and scores")


@dataclass
class _Tally:
    scores: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    named: set = field(default_factory=set)       # named by a cue of its own
    best_cue: dict[str, tuple[float, Cue]] = field(default_factory=dict)
    shared: list[tuple[list[str], float]] = field(default_factory=list)

    def add(self, ident: str, weight: float, cue: Cue) -> None:
        self.scores[ident] += weight
        self.named.add(ident)
        if ident not in self.best_cue or weight > self.best_cue[ident][0]:
            self.best_cue[ident] = (weight, cue)


def document_date(record: dict) -> Optional[str]:
    """The meeting date, else the latest day or month the document mentions (ISO, possibly YYYY-MM)."""
    date = (record.get("meeting") or {}).get("date")
    if date:
        return date
    found = [d["value"] for holder in [record.get("unassigned") or {}, *record.get("items", [])]
             for d in holder.get("dates", []) if d.get("precision") in ("day", "month") and d["value"][:1].isdigit()]
    return max(found) if found else None


def _cues(record: dict, gaz: Gazetteer) -> Iterable[tuple[str, list[str], Cue]]:
    """(kind, authority ids, cue) for every mention in the record."""
    meeting = (record.get("meeting") or {}).get("authority")
    named = gaz.find(meeting)
    if named is not None:
        yield "meeting_authority", [named.id], Cue(kind="meeting_authority", text=meeting)
    text = record.get("text", "")
    for m in gaz.pattern.finditer(text):
        hits = gaz.lookup(m.group())
        if any(kind == "ignore" for kind, _ in hits):
            continue
        suffix = gaz.suffix.match(text, m.end())
        if not suffix and gaz.other_body_after.match(text, m.end(), m.end() + 60):
            continue  # 'Dorset Clinical Commissioning Group', 'Kent Police': another body
        for kind in dict.fromkeys(k for k, _ in hits):
            ids = [i for k, i in hits if k == kind]
            if kind == "trust":
                ids = [s for i in ids for s in (gaz.by_id[i].serves or [i])]
            if kind == "short_form" and suffix:
                kind = "name"  # 'Kent' + ' County Council'
            if kind == "town" and gaz.venue_before.search(text, max(0, m.start() - 30), m.start()):
                kind = "building"  # 'Civic Centre, Scunthorpe'
            end = suffix.end() if kind == "name" and suffix else m.end()
            inside = kind in gaz.rules.resolve.in_name_kinds and (
                gaz.in_name_after.match(text, m.end(), m.end() + 40)
                or gaz.in_name_before.search(text, max(0, m.start() - 40), m.start()))
            yield kind, ids, Cue(kind=kind, text=text[m.start():end], start=m.start(), end=end, in_name=bool(inside))
    for m in re.finditer(r"\b((?:[a-z0-9-]+\.)*[a-z0-9-]+)\.gov\.uk\b", text, re.I):
        label = m.group(1).lower().split(".")[-1]
        ident = gaz.by_domain.get(label) or gaz.by_domain.get(_compact(label))
        if ident:
            yield "domain", [ident], Cue(kind="domain", text=m.group(), start=m.start(), end=m.end())
    path = (record.get("source") or {}).get("path", "")
    for part in re.split(r"[/\\!]", path):
        slug = _slug(Path(part).stem if "." in part else part)
        for ident_slug, ident in gaz.by_slug.items():
            if len(ident_slug) > 3 and re.search(rf"(?:^|-){re.escape(ident_slug)}(?:-|$)", slug):
                yield "path", [ident], Cue(kind="path", text=part)


def _in_force(a: Authority, date: Optional[str], tally: _Tally) -> bool:
    """False for a former council whose successor the document also names while dated after the change,
    and for a council the document predates."""
    if date and a.valid_from and date[:len(a.valid_from)] < a.valid_from[:len(date)]:
        return False
    if date and a.valid_to and date[:len(a.valid_to)] > a.valid_to[:len(date)]:
        return not any(s in tally.named for s in a.successors)
    return True


def resolve(record: dict, gaz: Optional[Gazetteer] = None) -> AuthorityMatch:
    """The canonical authority of one `extract` record (a dict as read from the JSONL)."""
    gaz = gaz or load_gazetteer()
    rules = gaz.rules.resolve
    tally = _Tally()
    for kind, ids, cue in _cues(record, gaz):
        weight = rules.weights[kind] * (rules.in_name if cue.in_name else 1.0)
        if cue.start is not None and cue.start < rules.header_chars and not cue.in_name:
            weight *= rules.header_factor  # the heading names the document's own council
        ids = list(dict.fromkeys(ids))
        if len(ids) == 1:
            tally.add(ids[0], weight, cue)
        else:
            tally.shared.append((ids, weight))
    for ids, weight in tally.shared:  # support only: never a candidate of its own
        for ident in ids:
            if ident in tally.named:
                tally.scores[ident] += weight * rules.shared
    date = document_date(record)
    for ident in list(tally.scores):
        auth = gaz.by_id[ident]
        if auth.type == "trust" or not _in_force(auth, date, tally):
            del tally.scores[ident]
    base = dict(doc_id=record.get("doc_id", ""), path=(record.get("source") or {}).get("path", ""))
    ranked = sorted(tally.scores.items(), key=lambda kv: (-kv[1], kv[0]))
    candidates = [(i, round(s, 2)) for i, s in ranked[:3]]
    if not ranked:
        return AuthorityMatch(**base, status="unknown", reason="no cue names or places a council")
    (best, score), runner = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
    if score < rules.minimum:
        return AuthorityMatch(**base, status="unknown", candidates=candidates,
                              reason=f"weak: {gaz.by_id[best].name} scores {score:g} < {rules.minimum:g}")
    if runner and score < rules.ratio * runner:
        return AuthorityMatch(**base, status="unknown", candidates=candidates,
                              reason=f"ambiguous: {gaz.by_id[best].name} {score:g} vs "
                                     f"{gaz.by_id[ranked[1][0]].name} {runner:g}")
    auth = gaz.by_id[best]
    cue = tally.best_cue[best][1]
    confidence = rules.prior.get(cue.kind, 0.5) * score / (score + runner)
    return AuthorityMatch(**base, status="resolved", authority_id=auth.id, name=auth.name, type=auth.type,
                          gss=auth.gss, ofsted_urn=auth.ofsted_urn, cue=cue, confidence=round(confidence, 3),
                          candidates=candidates)


def resolve_all(records: Iterable[dict], gaz: Optional[Gazetteer] = None) -> list[AuthorityMatch]:
    gaz = gaz or load_gazetteer()
    return [resolve(r, gaz) for r in records]
