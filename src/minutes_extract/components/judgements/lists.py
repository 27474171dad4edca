"""AreaLists: areas listed around a judged area share its grade (`X, Y and Z were all judged Good`,
`as were care leavers`, `including the new judgement for care leavers`)."""
from __future__ import annotations

import re
from typing import Optional

from .rules import _AUX_TAIL, _CLAUSE_REACH, _LIST_ITEM_REACH, _LIST_MAX, Candidate, Cue, _Sentence


class AreaLists:
    """Mixin of JudgementFinder (needs self.r, self.area_key, self.closing_quote)."""

    def listed_areas(self, s: _Sentence, m: re.Match, cand: Candidate) -> list[Candidate]:
        """`help and protection, children in care and care leavers were all judged Good`: the areas
        listed before the one the cue matched share its grade."""
        if "area" not in m.re.groupindex or not m.group("area"):
            return []
        out: list[Candidate] = []
        end = cand.start - s.offset
        while True:
            reach = max(0, end - _LIST_ITEM_REACH)
            prev = self.r.area_list_before.search(s.text, reach, end) or self.r.area_list_item_before.search(
                s.text, reach, end)  # "Governance and leadership; staff; and ...": whole items of a semicolon list
            if prev and len(out) >= _LIST_MAX:
                prev = None  # a list this long is not one judgement's areas
            if not prev:
                if out and cand.area_key in self.r.list_splits:
                    out.extend(self.split_area(cand))  # "..., children in care and care leavers": two areas
                return out
            area = prev.group("area")
            if self.r.fronted_list_head.search(s.text, 0, prev.start("area")):
                return out  # "Under organisational delivery, governance and leadership, ...": the heading, no item
            if self.area_key(area) == "overall" and self.r.grade_ends.search(s.text[:prev.start("area")].rstrip()):
                return out  # "... to be good overall, and care leavers were judged good": "overall" ends a judgement
            out.append(Candidate(s.offset + prev.start("area"), s.offset + prev.end("area"), cand.grade, area,
                                 self.area_key(area), cand.year, cand.forecast, "area_list"))
            end = prev.start("area")

    def as_were(self, s: _Sentence, after: int, cand: Candidate) -> list[Candidate]:
        """`Children in care were judged good, as were care leavers`: the second area shares the grade."""
        m = self.r.as_were_area.match(s.text, after + self.closing_quote(s.text, after))
        if not m or m.group("area").strip().lower() == "overall":  # "as had the overall effectiveness" names it; bare "as was overall" does not
            return []
        area = m.group("area")
        return [Candidate(s.offset + m.start("area"), s.offset + m.end("area"), cand.grade, area, self.area_key(area),
                          cand.year, cand.forecast, "as_were_area")]

    def listed_after_grade(self, s: _Sentence, after: int, cand: Candidate) -> list[Candidate]:
        """`judged Good in help and protection, children in care and care leavers`: the areas listed after the
        one named after the grade share it."""
        at = after + self.closing_quote(s.text, after)
        named = self.r.area_after_grade.match(s.text, at)
        out: list[Candidate] = []
        if not named and (cand.area == "overall" or self.counted(cand)):  # "all three areas were judged good: X, Y and Z"
            named = self.r.area_list_colon.match(s.text, at)
            if named and self.area_key(named.group("area")) != "overall":
                area = named.group("area")
                out.append(Candidate(s.offset + named.start("area"), s.offset + named.end("area"), cand.grade, area,
                                     self.area_key(area), cand.year, cand.forecast, "area_list"))
            else:
                named = None
        if not named or (not out and cand.area_key != self.area_key(named.group("area"))):
            return []
        return self.listed_after_area(s, named.end("area"), cand, out)

    def listed_after_area(self, s: _Sentence, at: int, cand: Candidate,
                          out: Optional[list[Candidate]] = None) -> list[Candidate]:
        """`out` and the areas listed after an area ending at `at` (`..., Y and Z`): each shares the candidate's
        grade."""
        out = [] if out is None else out
        while len(out) < _LIST_MAX:
            nxt = self.r.area_list_after.match(s.text, at)
            if not nxt or self.area_key(nxt.group("area")) == "overall":
                break
            area = nxt.group("area")
            out.append(Candidate(s.offset + nxt.start("area"), s.offset + nxt.end("area"), cand.grade, area,
                                 self.area_key(area), cand.year, cand.forecast, "area_list"))
            at = nxt.end("area")
        if out and out[-1].area_key in self.r.list_splits:
            out.extend(self.split_area(out[-1]))  # "..., children in care and care leavers": two areas
        return out

    def names_area_or_authority(self, area: str, key: Optional[str], subject: str) -> bool:
        return key not in (None, "overall") or bool(self.r.standard_area.match(area)) \
            or bool(self.r.named_subject.search(subject or ""))

    def areas_after(self, s: _Sentence, cue: Cue, m: re.Match, cand: Candidate) -> list[Candidate]:
        """`Good ratings were received for the impact of leaders, help and protection and overall
        effectiveness`: the areas listed after the first one share its grade."""
        if not cue.id.startswith("grade_noun") or "noun" not in m.re.groupindex:
            return []
        tail = self.r.areas_after_noun.match(s.text, m.end("noun"))
        if not tail or self.area_key(tail.group("area")) == "overall":
            return []
        out: list[Candidate] = []
        at = tail.end("area")
        while len(out) < _LIST_MAX:
            nxt = self.r.area_list_after.match(s.text, at)
            if not nxt:
                return out
            area, key = nxt.group("area"), self.area_key(nxt.group("area"))
            out.append(Candidate(s.offset + nxt.start("area"), s.offset + nxt.end("area"), cand.grade,
                                 "overall" if key == "overall" else area, key, cand.year, cand.forecast, "area_list"))
            at = nxt.end("area")
        return out

    def subject_list(self, s: _Sentence, cue: Cue, m: re.Match, cand: Optional[Candidate]) -> list[Candidate]:
        """A subject that lists several areas, each with words of its own (`Other services for children who
        need help and protection, children who are looked after or in permanent placements, adoption, and
        the leadership ... were judged to be 'Good'`): one candidate per area, the last one last."""
        groups = m.re.groupindex
        if any(g in groups and (m.group(g) or "").strip() for g in ("area", "subj", "obj", "mid", "noun")):
            return []  # the cue found its own area, subject or object
        text = s.text
        clause_start = max(text.rfind(";", 0, m.start()), text.rfind(":", 0, m.start()),
                           m.start() - _CLAUSE_REACH) + 1
        prefix = _AUX_TAIL.sub("", text[clause_start:m.start()])
        terms = list(self.r.area_term.finditer(prefix))
        if len(terms) < 2:
            return []
        masked = list(prefix)
        for t in terms:
            masked[t.start():t.end()] = "x" * (t.end() - t.start())
        cut = [b.end() for b in self.r.list_subject_boundary.finditer("".join(masked))]
        cut += [g.end() for g in self.r.prefilter.finditer(prefix)]  # a grade ends an earlier judgement
        start = max(cut, default=0)
        terms = [t for t in terms if t.start() >= start]
        if terms and not prefix[start:terms[0].start()].strip() and self.area_key(terms[0].group()) == "overall":
            terms = terms[1:]  # "rated Good overall, with ...": the adverb of an earlier judgement
        if len(terms) < 2 or len(prefix[terms[-1].end():].split()) > self.r.list_gap_words:
            return []
        for a, b in zip(terms, terms[1:]):
            gap = prefix[a.end():b.start()]
            if not self.r.list_separator.search(gap) or len(gap.split()) > self.r.list_gap_words:
                return []
        rest = self.r.area_term.sub(" ", prefix[start:])
        if self.r.excluded_subject.search(rest) or self.r.other_provider.search(prefix[start:]):
            return []  # "Sunrise Fostering, an independent fostering agency, ...": not a list of the authority's areas
        grade = cand.grade if cand else ""
        year, forecast = (cand.year, cand.forecast) if cand else (None, False)
        out = []
        for t in terms:
            key = self.area_key(t.group())
            out.append(Candidate(s.offset + clause_start + t.start(), s.offset + clause_start + t.end(), grade,
                                 "overall" if key == "overall" else t.group(), key, year, forecast, "area_list"))
        return out

    def split_area(self, cand: Candidate) -> list[Candidate]:
        first, _, second = cand.area.rpartition(" and ")
        keys = self.r.list_splits[cand.area_key]
        cand.area, cand.area_key = first, keys[0]
        return [Candidate(cand.end - len(second) - 1, cand.end, cand.grade, second, keys[1], cand.year, cand.forecast,
                          "area_list")]

    def included_areas(self, s: _Sentence, after: int, cand: Candidate) -> list[Candidate]:
        """`'Good' in all areas, including the new judgment for care leavers` also grades care leavers."""
        if cand.area != "overall":
            return []
        m = self.r.including_area.search(s.text, after)
        if not m or self.r.apart_from.search(s.text, after, m.start()):
            return []
        if self.r.prefilter.search(s.text, m.end(), m.end() + 40) and not self.r.included_past_grade.match(s.text[m.end():]):
            return []  # the area has a grade of its own (a former grade, "which was previously inadequate", is another)
        area = m.group("area")
        return [Candidate(s.offset + m.start(), s.offset + m.end(), cand.grade, area, self.area_key(area), cand.year,
                          cand.forecast, "including_area")]

    def named_provisions(self, s: _Sentence, cand: Candidate) -> list[Candidate]:
        """`Both of our children's homes, Maple Lodge and Fernbank, were rated good`: the names set beside a
        plural provision each take the grade (the first keeps the candidate, the others follow)."""
        if cand.area_key is not None or cand.area == "overall":
            return []
        names = [n for n in _NAME_SPLIT.split(cand.area) if n.strip()]
        at = cand.start - s.offset
        before = s.text[:at] if s.text[at:at + len(cand.area)] == cand.area else ""
        after = s.text[at + len(cand.area):] if before or at == 0 else ""
        if len(names) < 2 or not (self.r.provision_plural.search(before) or self.r.provision_plural_after.match(after)
                                  or all(self.r.home_name.match(n.strip()) for n in names)):
            return []  # "Willow House and Beech Lodge are rated Outstanding": each home named takes the grade
        out, offset = [], at
        for k, name in enumerate(names):
            offset = s.text.find(name, offset)
            if k == 0:
                cand.area, cand.end = name, max(cand.end, s.offset + offset + len(name))
                continue
            out.append(Candidate(s.offset + offset, s.offset + offset + len(name), cand.grade, name, None, cand.year,
                                 cand.forecast, "area_list"))
        return out


_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")

