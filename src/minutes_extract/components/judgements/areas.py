"""AreaReader: which area a grade judges (the cue's own area, the clause subject, an appositive name, a
standard's name or overall), and the small helpers the finder shares."""
from __future__ import annotations

import re
from typing import Optional

from ...matching import lowered
from .rules import (
    ANAPHORIC,
    _ANTECEDENT_CUT, _ARTICLE_BEFORE_OVERALL, _AUX_TAIL, _CAPITALISED_NAME, _NAME_BEFORE, _QUOTES, _TRANSITION_CUES,
    Candidate, Cue, _Sentence,
)


_NOT_PLACE_WORDS = {"the", "a", "an", "this", "that", "these", "those", "it", "its", "our", "their", "and", "of",
                    "borough", "county", "city", "district", "council", "authority", "island", "trust", "partnership"}
_TRAILING_NAME = re.compile(r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?\s*$")  # "... compared this with Ashdown Borough Council"
_PLACE_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_ADJACENT_GAP = 3  # characters between a grade and an "up from" grade that is its former one (", ")
_ELLIPSIS_GAP = 20  # characters between a judgement and an elliptical grade that shares its area ("in 2020 and")


class AreaReader:
    """Mixin of JudgementFinder (needs self.r and the finder's subject_list)."""

    # -- areas --------------------------------------------------------------------------------------
    def area_for(self, s: _Sentence, cue: Cue, m: re.Match, group: str, clause_start: int,
                 earlier: list[Candidate]) -> Optional[tuple[str, Optional[str], int]]:
        """(area, area key, span start) or None when the grade is not a judgement of a named or whole service."""
        text = s.text
        groups = m.re.groupindex
        gend = m.end(group)
        if cue.earlier_area and earlier:  # "upgraded to Good from RI": the former grade of the same area
            return earlier[-1].area, earlier[-1].area_key, m.start(group)
        if cue.id == "up_from" and earlier and 0 <= m.start() - (earlier[-1].end - s.offset) <= _ADJACENT_GAP:
            return earlier[-1].area, earlier[-1].area_key, m.start()  # "a grade of good, up from RI": the same area's
        if self.r.fronted_participle.match(text, clause_start, m.start()):  # "Given a rating of 'Outstanding', the care leaver service ..."
            subj = self.r.subject_after.match(text, gend + self.closing_quote(text, gend))
            if subj:
                return self.classify(subj.group("subj"), subj.start("subj"), earlier)
        if "area" in groups and m.group("area"):
            if not cue.own_grade and self.r.excepted_before.search(text, clause_start, m.start("area")):
                return None  # "all areas except adoption judged inadequate": adoption is the one not so judged
            key = self.area_key(m.group("area"))
            if key == "overall":
                return "overall", key, m.start("area")
            start = m.start("area") - self.name_before(text[:m.start("area")])
            return text[start:m.end("area")], key, start
        if "subj" in groups and m.group("subj") and m.group("subj").strip():
            fronted = self.r.fronted_for_area.search(text, clause_start, m.start("subj")) \
                if self.r.pronoun_object.match(m.group("subj").strip()) else None
            if fronted and self.area_key(fronted.group("area")) != "overall":  # "for children in care it was Outstanding"
                return fronted.group("area"), self.area_key(fronted.group("area")), fronted.start("area")
            named = self.r.area_term.search(m.group("mid") or "") if "mid" in groups else None
            if named and self.area_key(named.group()) != "overall" and self.r.pronoun_object.match(m.group("subj").strip()):
                # "The graded judgement for adoption performance is that it is good": "it" is the area named before
                return named.group(), self.area_key(named.group()), m.start()
            return self.classify(m.group("subj"), m.start("subj"), earlier)
        if "mid" in groups:
            mid = m.group("mid") or ""
            if self.r.excluded_subject.search(mid):
                return None
            found = self.r.area_term.search(mid)
            if found and self.area_key(found.group()) != "overall":
                return found.group(), self.area_key(found.group()), m.start()
            given = self.r.area_given_before.search(text, clause_start, m.start())
            if given and self.area_key(given.group("area")) != "overall":  # "gave help and protection a grade of good"
                return given.group("area"), self.area_key(given.group("area")), given.start("area")
            received = self.received_by_provision(text, m.start(), clause_start)
            if received is not None:  # "The council's short breaks home, Larchfield, received a rating of Outstanding"
                return received or None
            owned = self.possessive_owner(text, m.start(), clause_start, earlier)
            if owned is False:
                return None
            if owned:  # "the scheme was inspected in 2022 and its rating of RI ...": the rating is the scheme's
                return owned
            inspected = self.inspected_then(text[clause_start:m.start()], clause_start)
            if inspected:  # "the fostering service was inspected in May and received an overall judgement of good"
                return inspected
            whose = self.whose_area(text, clause_start, m.start())
            if whose:  # "the staff of Eastholme Adult Learning, whose inspection resulted in a grade of good"
                return whose
            return "overall", "overall", self.noun_phrase_start(text, m.start(), clause_start)
        if cue.id.startswith("grade_noun"):
            tail = self.r.areas_after_noun.match(text, m.end("noun"))
            if tail and self.area_key(tail.group("area")) != "overall":
                return tail.group("area"), self.area_key(tail.group("area")), m.start()
            given = self.r.noun_recipient.match(text, m.end("noun"))
            if given and (self.r.excluded_subject.search(given.group("obj")) or self.r.other_provider.search(given.group("obj"))):
                return None  # "the good rating given to St Peter's Primary School": a school's
            named = self.r.noun_of_appositive.match(text, m.end("noun"))
            if named:  # "the inadequate rating of the council's home care service, Careline Plus, ..."
                obj = named.group("obj")
                if self.other_provision_named(obj.rstrip() + " "):
                    return None
                own = self.appositive_object(obj, named.start("obj"))
                if own:
                    return own[0], own[1], m.start()
            received = self.received_by_provision(text, m.start(), clause_start)
            if received is not None:  # "Larchfield, the council's short breaks home, received an Outstanding rating"
                return received or None
            owner = self.possessive_own_provision(text, m.start(group), earlier)
            if owner:  # "the visit to the Council's adult learning service, which followed the service's RI outcome"
                return owner[0], owner[1], m.start()
            got = self.received_by_area(text, m.start(), clause_start, earlier)
            if got:  # "the fostering service had received the council's first outstanding grade": the service's
                return got
            owned = self.possessive_owner(text, m.start(), clause_start, earlier)
            if owned is False:
                return None
            if owned:  # "Ash Grove had retained its Good rating": the rating is the subject's
                return owned
            honoured = self.honoured_place(text, m.start(), clause_start)
            if honoured is not None:  # "congratulates the staff at Larkspur on the outstanding judgement"
                return honoured or None
            return "overall", "overall", self.noun_phrase_start(text, m.start(), clause_start)
        if "obj" in groups and m.group("obj") and m.group("obj").strip():
            if m.group("obj").rstrip().endswith(","):  # "rated Brook House, one of the council's homes, as ..."
                return self.appositive_object(m.group("obj"), m.start("obj"))
            found = self.classify(m.group("obj"), m.start("obj"), earlier, text[clause_start:m.start()])
            return found and (found[0], found[1], m.start())
        listed = self.subject_list(s, cue, m, None)
        if listed:
            return listed[-1].area, listed[-1].area_key, listed[-1].start - s.offset
        cue_start = m.start()
        if cue.id in _TRANSITION_CUES:  # "Hawthorn Lodge had moved from RI to Good": the subject is before the verb
            main = self.r.appended_subject.search(text[clause_start:cue_start])
            if main and not self.r.prefilter.search(main.group()):
                # "The grade for X was the only one to have moved, from A to B": the main clause's subject (after
                # "rated Good, down from Outstanding" the former grade is the earlier judgement's, read as before)
                return self.classify(main.group("subj"), clause_start + main.start("subj"), earlier)
            moved = self.r.transition_tail.search(text, clause_start, cue_start)
            cue_start = moved.start() if moved else cue_start
        found = self.subject_before(text, cue_start, clause_start, earlier)
        if found is None and cue.id in _TRANSITION_CUES and not self.r.excluded_subject.search(text[clause_start:m.start()]):
            return "overall", "overall", m.start()  # "The aim was to move from RI to Good"
        if found is None and cue.needs_earlier and earlier and earlier[-1].end - s.offset <= m.start() \
                and len(text[earlier[-1].end - s.offset:m.start()]) <= _ELLIPSIS_GAP:
            # "grades for leadership (inadequate in 2020 and requires improvement in 2023)": the elliptical grade
            # shares the area of the judgement just before it
            return earlier[-1].area, earlier[-1].area_key, m.start()
        return found

    def honoured_place(self, text: str, at: int, clause_start: int):
        """The named place whose staff are thanked or congratulated on the grade at `at` (`the staff at Larkspur on
        the outstanding judgement`): (name, key, start); False for a school's or another provider's; None when no
        place is named so or it is the authority or its children's services (the whole service's grade)."""
        place = self.r.honoured_name.search(text, clause_start, at)
        if not place:
            return None
        name = place.group("name")
        if self.r.named_subject.search(name) or self.r.authority_suffix.search(name) \
                or self.area_key(name) == "overall":
            return None
        if self.r.excluded_subject.search(name) or self.other_provision_named(name + " "):
            return False
        return name, self.area_key(name), place.start("name")

    def whose_area(self, text: str, clause_start: int, at: int) -> Optional[tuple[str, Optional[str], int]]:
        """The area a `whose` relative clause before `at` hangs on, when its antecedent ends with an area term
        (`the staff of Westhaven Adult and Community Learning, whose inspection ...`); else None."""
        whose = self.whose_relative(text, clause_start, at)
        if not whose:
            return None
        ante = whose.group("ante").rstrip()
        terms = list(self.r.area_term.finditer(ante))
        if not terms or terms[-1].end() != len(ante):
            return None
        key = self.area_key(terms[-1].group())
        if key in (None, "overall"):
            return None
        offset = whose.start("ante")
        start = terms[-1].start() - self.name_before(ante[:terms[-1].start()])
        return ante[start:], key, offset + start

    def possessive_owner(self, text: str, noun_start: int, clause_start: int, earlier: list[Candidate]):
        """The named area that owns `its`/`their` rating: the subject before a transition verb ("Ash Grove had
        retained its Good rating") or of the clause coordinated before it ("Our shared lives scheme was inspected
        in 2022 and its rating of RI ..."). None when there is no possessive or the owner is the whole service."""
        owner = self.r.possessive_before_grade.search(text, clause_start, noun_start)
        if not owner:
            return None
        verb = self.r.transition_tail.search(text, clause_start, owner.start())
        end = verb.start() if verb else owner.start()
        coordinated = self.r.coordinated_owner.search(text, clause_start, end)
        if coordinated:
            end = coordinated.start()
        found = self.subject_before(text, end, clause_start, earlier)
        if found and found[0] != "overall":
            return found
        return self.possessive_provision(text, owner.start())

    def possessive_provision(self, text: str, at: int):
        """`Ashgrove, the council's short breaks home, ...; so its previous 'Outstanding' rating stands`, `what had
        changed at Beech Lodge since its inadequate rating`: with no subject of its own clause to own it, `its` is the
        authority's provision the sentence opens with, else the last home named before it; False when the sentence is
        about another provider (no judgement of the authority's), None when nothing owns it."""
        if self.r.other_provider.search(text):
            return False  # "Riverside House, a privately run home, ... its inadequate rating": not the authority's
        intro = self.r.own_provision_intro.match(text) or self.r.provision_appositive_intro.match(text)
        if intro:  # (or "The fourth home, Maple Rise, ...")
            return intro.group("name"), None, intro.start("name")
        homes = list(self.r.home_name_within.finditer(text, 0, at))
        return (homes[-1].group(), None, homes[-1].start()) if homes else None

    def possessive_own_provision(self, text: str, gstart: int, earlier: list[Candidate]):
        """`the service's <grade>`: the authority's own provision with that head named before it in the sentence
        (`the Council's adult and community learning service`), as a named area; else None."""
        owner = self.r.provision_possessive_before_grade.search(text, 0, gstart)
        if not owner:
            return None
        head = owner.group("head").lower()
        named = [p for p in self.r.own_provision.finditer(text, 0, owner.start()) if p.group().lower().endswith(head)]
        if not named:
            return None
        found = self.classify(named[-1].group(), named[-1].start(), earlier)
        return found if found and found[1] not in (None, "overall", ANAPHORIC) else None

    def received_by_area(self, text: str, at: int, clause_start: int, earlier: list[Candidate]):
        """The named area (not the whole service) that received the grade noun at `at`; else None."""
        verb = self.r.received_grade_tail.search(text, clause_start, at)
        if not verb:
            return None
        found = self.subject_before(text, verb.start(), clause_start, earlier)
        return found if found and found[1] not in (None, "overall", ANAPHORIC) else None

    def received_by_provision(self, text: str, at: int, clause_start: int):
        """The subject that received the grade at `at` (`Larchfield, the council's short breaks home, received a
        rating of ...`) when it is a name set beside a provision: the authority's own (name, key, start); False for
        another provider's; None when the clause has no such subject."""
        verb = self.r.receiving_verb_tail.search(text, clause_start, at)
        if not verb:
            return None
        subject = text[clause_start:verb.start()]
        if self.other_provision_named(subject):
            return False
        if self.r.excluded_subject.search(subject) and self.subject_before(text, verb.start(), clause_start, []) is None:
            return False  # "Hillcrest Academy, which had received an inadequate judgement": a school's
        own = self.own_provision_named(subject)
        return (own[0], self.area_key(own[0]) or own[2], clause_start + own[1]) if own else None

    def subject_before(self, text: str, cue_start: int, clause_start: int, earlier: list[Candidate]):
        prefix = text[clause_start:cue_start]
        trimmed = _AUX_TAIL.sub("", prefix)
        member = self.r.one_of_set.search(trimmed)
        if member:  # "Eastshire is one of only 15 councils (rated ...)": the subject is Eastshire
            head = self.r.one_of_head.search(trimmed[:member.start()])
            return head and self.classify(head.group("subj"), clause_start + head.start("subj"), earlier)
        named_after = self.provision_name_after(trimmed, clause_start)
        if named_after:  # "the fostering agency, Brackenridge Family Placements, had retained its rating": the name
            return named_after
        named = self.standard_clause(trimmed)
        if named:
            return named[0], named[1], clause_start + named[2]
        at_end = self.r.area_at_end.search(trimmed.rstrip())
        terms = [t.span() for t in self.r.area_term.finditer(trimmed)]
        pieces = [p for p in self.r.subject_boundary.finditer(trimmed)  # not the "and" inside "help and protection"
                  if not any(a < p.start() and p.end() < b for a, b in terms)]
        cut = pieces[-1].end() if pieces else 0
        if at_end and at_end.start() < cut:
            return at_end.group(1), self.area_key(at_end.group(1)), clause_start + at_end.start(1)
        piece = trimmed[cut:]
        if not piece.strip() and pieces and self.r.relative_pronoun.match(pieces[-1].group().strip()):
            before = trimmed[:pieces[-1].start()].rstrip(" ,;")
            inner = list(self.r.subject_boundary.finditer(before))
            antecedent = before[inner[-1].end() if inner else 0:]
            verb = _ANTECEDENT_CUT.match(antecedent)
            start = (inner[-1].end() if inner else 0) + (verb.end() if verb else 0)
            return self.classify(before[start:], clause_start + start, earlier)
        if self.other_provision_named(trimmed):
            return None  # "Sunnybank Care Home, a private provider, was rated Good": not the authority's
        whose = self.whose_relative(trimmed)
        if whose and (self.another_place(_TRAILING_NAME.search(whose.group("ante")).group())
                      or self.classify(whose.group("ante"), clause_start + whose.start("ante"), earlier) is None):
            return None  # "the partner in practice, Lowfield Council, whose own services are rated outstanding"
        relative = self.r.parenthetical_relative.search(trimmed)
        if relative and trimmed[:relative.start()].strip():  # "Our agency, which works with others, was rated Good"
            return self.subject_before(text, clause_start + relative.start(), clause_start, earlier)
        own = self.own_provision_named(trimmed)
        if own:
            return own[0], self.area_key(own[0]) or own[2], clause_start + own[1]
        aside = self.comma_aside(trimmed, pieces, piece)
        if aside is not None:  # "three care homes in the borough, all independently run, had been rated ...": before the aside
            found = self.subject_before(text, clause_start + aside, clause_start, earlier)
            return found if found is not None else self.own_provision_aside(trimmed, pieces, clause_start, earlier)
        if self.r.coordinated_tail.search(trimmed) and self.r.inspected_then.search(trimmed):
            return self.inspected_then(trimmed, clause_start)  # "the fostering service was inspected in May and was rated Good"
        if earlier and self.r.coordinated_tail.search(trimmed):
            return earlier[-1].area, earlier[-1].area_key, clause_start + len(trimmed)  # "... rated A (2019) and is now rated B"
        shared = self.shared_subject(trimmed, prefix, cut, clause_start, earlier)
        if shared:  # "the council had received its letter in October and had been rated RI": the council's grade
            return shared
        if not piece.strip() and pieces and pieces[-1].group() == "," and earlier:
            return earlier[-1].area, earlier[-1].area_key, clause_start + cut  # "..., having previously been judged RI"
        if not piece.strip() and pieces and pieces[-1].group().strip() in (",", "-", "–", "—"):
            # "St Mark's Primary School, judged inadequate in October, ...": a participle after a comma (or a dash:
            # "Our fostering service - rated good last year - is ...") describes
            # the noun phrase before the comma
            head = pieces[-2].end() if len(pieces) > 1 else 0
            noun = trimmed[head:pieces[-1].start()]
            described = self.classify(noun, clause_start + head, earlier, trimmed[:head])
            if described or self.r.excluded_subject.search(noun) or self.other_provision_named(noun):
                return described  # (not "In 2019, judged inadequate, the council ...": no noun phrase there)
        found = self.classify(piece, clause_start + cut, earlier, trimmed[:cut])
        if found is None and len(pieces) > 0 and pieces[-1].group().strip() == "and":
            joined = pieces[-2].end() if len(pieces) > 1 else 0  # "services for children and families"
            return self.classify(trimmed[joined:], clause_start + joined, earlier, trimmed[:joined])
        return found

    def provision_name_after(self, trimmed: str, clause_start: int):
        """A subject ending in a generic provision and its proper name in apposition (`the fostering agency, Brackenridge
        Family Placements,`): (name, the provision's area key, start); None for another provider's or no such subject."""
        tail = self.r.provision_apposition_tail.search(trimmed)
        if not tail or self.r.other_provider.search(trimmed) or self.r.excluded_subject.search(tail.group("desc")):
            return None
        return tail.group("name"), self.area_key(tail.group("desc")), clause_start + tail.start("name")

    def shared_subject(self, trimmed: str, prefix: str, cut: int, clause_start: int, earlier: list[Candidate]):
        """The subject of a passive grade coordinated with an earlier predicate of the same subject (`the council had
        received its assessment letter in October and had been rated RI`): the first conjunct's subject, read as any
        subject; None when the grade's clause is no such conjunct (no auxiliary before the grade verb: an active verb
        has its own object) or that subject is unreadable."""
        if trimmed == prefix or not self.r.coordinated_tail.search(trimmed):
            return None
        first = self.r.coordinated_predicate_subject.match(trimmed, cut)
        if not first:
            return None
        return self.classify(first.group("subj"), clause_start + first.start("subj"), earlier)

    def inspected_then(self, before: str, offset: int) -> Optional[tuple[str, Optional[str], int]]:
        """The area whose inspection the clause before a coordinated grade reports (`the fostering service was
        inspected in May and ...`); None when there is none or it is another provider's (`an independent fostering
        agency was inspected and ...`)."""
        m = self.r.inspected_then.search(before)
        if not m or self.area_key(m.group("area")) in (None, "overall") or self.r.other_provider.search(
                before, max(0, m.start() - 40), m.end("area")):
            return None
        named = self.own_provision_named(before[:m.end("area")] + ", ")
        if named:  # "Eastbrook Adult Learning, the council's adult learning service, was inspected ... and": its name
            return named[0], self.area_key(m.group("area")), offset + named[1]
        return m.group("area"), self.area_key(m.group("area")), offset + m.start("area")

    def own_provision_aside(self, trimmed: str, pieces: list[re.Match], clause_start: int,
                            earlier: list[Candidate]) -> Optional[tuple[str, Optional[str], int]]:
        """The aside itself when the noun before it names nothing and the aside is the authority's own provision
        (`Its predecessor, the council's own adoption service, had been judged good`); else None."""
        inside_start = pieces[-2].end()
        inside = trimmed[inside_start:pieces[-1].start()]
        if not self.r.own_provision.search(inside):
            return None
        return self.classify(inside, clause_start + inside_start, earlier, trimmed[:inside_start])

    def comma_aside(self, trimmed: str, pieces: list[re.Match], piece: str) -> Optional[int]:
        """Where a comma-delimited aside just before the verb starts (`X, all independently run, had been rated`):
        the subject is before it. None when the clause does not end in such an aside, the aside holds a grade, or
        nothing stands before it."""
        if piece.strip() or len(pieces) < 2 or pieces[-1].group() != "," or pieces[-2].group() != ",":
            return None
        inside = trimmed[pieces[-2].end():pieces[-1].start()]
        subject = trimmed[pieces[-3].end() if len(pieces) > 2 else 0:pieces[-2].start()]
        if not inside.strip() or not subject.strip() or self.r.prefilter.search(inside + " " + subject):
            return None
        return pieces[-2].start()

    def appositive_object(self, obj: str, start: int) -> Optional[tuple[str, Optional[str], int]]:
        """A graded object set beside its description: the authority's own home, agency or service is the area;
        anything else (another provider, a school, an undescribed name) is not a judgement of the authority."""
        trimmed = obj.rstrip() + " "
        if self.other_provision_named(trimmed):
            return None
        own = self.own_provision_named(trimmed)
        if not own:
            return None
        return own[0], self.area_key(own[0]) or own[2], start + own[1]

    def whose_relative(self, text: str, lo: int = 0, hi: Optional[int] = None) -> Optional[re.Match]:
        """whose_relative.search(text, lo, hi), skipped when text[lo:hi] lacks a word every match holds."""
        hi = len(text) if hi is None else hi
        words = self.r.whose_relative_words
        low = lowered(text) if words else None
        if low is not None and not all(low.find(word, lo, hi) >= 0 for word in words):
            return None
        return self.r.whose_relative.search(text, lo, hi)

    def appositive(self, trimmed: str) -> Optional[re.Match]:
        """own_provision_appositive.search(trimmed), skipped on a text that does not end as every match does."""
        end = self.r.own_provision_appositive_end
        if end is not None and not trimmed.rstrip().endswith(end):
            return None
        return self.r.own_provision_appositive.search(trimmed)

    def other_provision_named(self, trimmed: str) -> bool:
        """A name set beside a description of a provider, home or school that is not the authority's own."""
        m = self.appositive(trimmed)
        if not m or not (m.group("desc") or m.group("desc2")):
            return False
        desc = m.group("desc") or m.group("desc2")
        if self.r.other_provider.search(desc):
            return True  # "one of the borough's independent homes"
        if self.described_as_one_of_own(desc):
            return False
        return bool(self.r.excluded_subject.search(desc)) and not self.r.own_provision.search(desc)

    def described_as_one_of_own(self, desc: str) -> bool:
        """`Larkspur Cottage, a short breaks home, was judged Outstanding` in a paragraph about the council's own
        homes: an indefinite description of a home or agency there is one of them (paragraph_own is the finder's)."""
        return getattr(self, "paragraph_own", False) and bool(self.r.indefinite_provision.match(desc)) \
            and not self.r.other_provider.search(desc)

    def own_provision_named(self, trimmed: str) -> Optional[tuple[str, int, Optional[str]]]:
        """`Oak Lodge, one of the council's own homes, was rated Outstanding`, `the council's adoption agency,
        Adopt South Central, was ...`: a name set beside the authority's own home, agency or service is the area."""
        m = self.appositive(trimmed)
        if not m:
            return None
        if m.group("name3"):  # "the reablement service, run by the council,": the head is the service itself
            name = m.group("name3")
            head = self.r.determiner.match(name)
            if self.r.named_subject.search(name) or self.r.excluded_subject.search(name):
                return None  # the authority or its children's services: the plain subject decides
            return name[head.end() if head else 0:], m.start("name3") + (head.end() if head else 0), None
        name, desc = ("name", "desc") if m.group("name") else ("name2", "desc2")
        if name == "name" and self.described_as_one_of_own(m.group(desc)):
            return m.group(name), m.start(name), None  # one of the homes the paragraph introduced: the name alone
        if not self.r.own_provision.search(m.group(desc)):
            return None
        return m.group(name), m.start(name), self.area_key(m.group(desc))  # the name stands for the area described

    def standard_clause(self, clause: str) -> Optional[tuple[str, Optional[str], int]]:
        """A clause that opens with an inspection standard's name, commas and all ("how well children, young
        people and adults were helped and protected"): the whole clause before the verb is the area."""
        lead = len(clause) - len(clause.lstrip(" ,"))
        name = clause.strip(" ,")
        if not self.r.standard_area.match(name) or self.r.prefilter.search(name) or len(name.split()) > 20:
            return None
        how = self.r.standard_area.match(name).group().lower().startswith("how")
        if not how and (self.r.subject_boundary.search(name) or self.r.excluded_subject.search(name)):
            return None  # only "how well ..." names hold a comma or a clause (or "young people") of their own
        key = self.area_key(name)
        return None if key == "overall" else (name, key, lead)

    def classify(self, subject: str, start: int, earlier: list[Candidate], earlier_text: str = ""):
        """What a grade's subject says about the area: overall, a named area, or not a judgement (None)."""
        lead = len(subject) - len(subject.lstrip())
        s = _AUX_TAIL.sub("", subject).strip().strip(_QUOTES + " ,")
        start += lead
        if self.r.anaphoric_subject.search(s):  # "the home was judged ...": whose home, the sentence before decides
            return "overall", ANAPHORIC, start
        while True:
            m = self.r.determiner.match(s)
            if not m:
                break
            s, start = s[m.end():], start + m.end()
        if not s:
            return "overall", "overall", start
        head = self.r.judgement_noun_head.match(s)
        if head:  # "the grade for leadership": the area it names
            s, start = s[head.end():], start + head.end()
        if self.r.excluded_subject.search(s):
            return None
        if self.r.all_subject.match(s):
            return "overall", "overall", start
        if self.r.counted_areas.match(s):  # "the other three areas were rated good": counted areas, as written
            return s, None, start
        if self.r.vague_subject.match(s):
            return None
        if self.r.pronoun_object.match(s) and earlier_text:
            inspected = list(self.r.clause_antecedent.finditer(earlier_text))
            key = self.area_key(inspected[-1].group("area")) if inspected else None
            if key not in (None, "overall") and not self.r.other_provider.search(
                    earlier_text, max(0, inspected[-1].start() - 40), inspected[-1].end("area")):  # "the fostering service was last inspected in 2022, when it was graded Good"
                return inspected[-1].group("area"), key, start
        if self.r.pronoun_object.match(s) and earlier_text:
            inspected = self.r.inspection_of_object.search(earlier_text)
            if inspected:  # "The last assessment of the council's own reablement service, in 2024, rated it good"
                obj = inspected.group("obj")
                if self.r.other_provider.search(obj) or self.other_provision_named(obj + " "):
                    return None
                found = self.classify(obj, start, earlier)
                return found and (found[0], found[1], start)
        if self.r.pronoun_object.match(s) and earlier_text and (
                self.r.excluded_subject.search(earlier_text) or self.r.other_provider.search(earlier_text)):
            return None  # "The inspection of Greenfield Primary School rated it Good", "... an independent agency, and rated it Good"
        if self.r.pronoun_subject.match(s):
            if earlier and earlier[-1].area != "overall":
                return earlier[-1].area, earlier[-1].area_key, start
            return None
        q = self.r.quantifier.match(s)
        if q and q.end() < len(s):
            s, start = s[q.end():], start + q.end()
        if self.r.standard_area.match(s):  # "the effectiveness of leaders and managers", "how well children ..."
            key = self.area_key(s)
            return ("overall", key, start) if key == "overall" else (s, key, start)
        served = self.r.area_service_head.search(s)
        if served and self.area_key(served.group("area")) not in (None, "overall"):
            return s, self.area_key(served.group("area")), start  # "care leavers services", "our adoption agency"
        at_end = self.r.area_at_end.search(s)
        named_service = at_end and self.area_key(at_end.group(1)) not in (None, "overall")
        if _CAPITALISED_NAME.match(s) and self.r.authority_suffix.search(s) and self.another_place(s):
            return None  # "Lowfield Council, which is rated outstanding": another authority
        if self.r.entity_head.search(s) and not self.r.area_of_service.search(s) and not named_service:
            if self.r.own_agency_subject.search(subject.strip().strip(_QUOTES + " ,")):
                return s, None, start  # "our in-house agency": the authority's own agency is its own area
            return "overall", "overall", start  # the inspected body itself: "the Adoption Agency"
        if at_end:
            key = self.area_key(at_end.group(1))
            if key == "overall":
                return "overall", key, start
            head = at_end.start(1) - self.name_before(s[:at_end.start(1)])
            return s[head:], key, start + head
        found = self.r.area_term.search(s)
        if found:
            key = self.area_key(found.group())
            return ("overall", key, start) if key == "overall" else (s, key, start)
        if self.r.area_subject.search(s):
            return s, None, start
        parts = [p.strip() for p in self.r.list_separator.split(s) if p.strip()]
        if parts and all(self.r.home_name.match(p) for p in parts):  # (a bare "and" names no home)  # "Ash Grove had been rated Outstanding": a home, not a place
            return s, None, start
        if self.r.pronoun_object.match(s) and earlier and earlier[-1].area != "overall":
            return earlier[-1].area, earlier[-1].area_key, start  # "X was judged Good, ... when it was judged RI"
        if self.r.overall_subject.search(s):
            return "overall", "overall", start
        if _CAPITALISED_NAME.match(s):  # "Middlesbrough was judged good": the authority, unless another place
            return None if self.another_place(s) else ("overall", "overall", start)
        return None

    def another_place(self, name: str) -> bool:
        """`Eastmoor had been rated good` in Kingsmoor Council's minutes: a bare place name sharing no word with the
        authority the document names first is another authority (no check when the document names none)."""
        own = getattr(self, "own_authority", None)
        if not own:
            return False
        name = name.strip()
        council = self.r.authority_suffix.search(name)
        if council and council.start() > 0:  # "Lowfield Council", "Eastmoor Borough Council": the place before it
            name = name[:council.start()]
            if len(name.split()) > 1:
                return not any(w.lower() in own for w in name.split())
        places = [p.strip() for p in _PLACE_LIST.split(name) if p.strip()]
        if len(places) > 1 and all(len(p.split()) == 1 and p[:1].isupper() and not p.isupper() for p in places):
            return not any(p.lower() in own for p in places)  # "Islington, Hackney and Camden were all rated ..."
        if len(name.split()) != 1 or name.isupper() or name.lower() in _NOT_PLACE_WORDS:
            return False  # only a one-word place ("Slough"): not "RBWM", "The Borough", "Achieving for Children"
        return name.lower() not in own

    def name_before(self, text: str) -> int:
        """Length of the capitalised name just before an area term ("City and Hackney "), never reaching
        back over a grade ("Children in care were Good and care leavers ...")."""
        name = _NAME_BEFORE.search(text).group()
        listed = list(self.r.area_term.finditer(name))
        if listed:  # "Adoption and fostering were both graded Good": an area listed before, not a name
            name = name[listed[-1].end():]
            name = name[len(name) - len(re.sub(r"^\W*(?:and|&)?\s*", "", name)):]
        grades = list(self.r.prefilter.finditer(name))
        if grades:
            name = re.sub(r"^\W*(?:and|&)?\s*", "", name[grades[-1].end():])
        lead = self.r.name_preposition.match(name)  # "For care leavers, ...": the preposition names nothing
        return len(name) - (lead.end() if lead else 0)

    def area_key(self, area: str) -> Optional[str]:
        found = self.r.area_term.search(area)
        return self.r.area_keys.get(re.sub(r"\s+", " ", found.group().lower())) if found else None

    def noun_phrase_start(self, text: str, start: int, clause_start: int) -> int:
        """Start the quoted text at the article before a judgement noun phrase ("the inadequate ...")."""
        m = re.search(r"\b(?:the|an?|its|their|our)\s+(?:[\w’'-]+\s+){0,3}$", text[clause_start:start], re.I)
        return clause_start + m.start() if m else start

    # -- small helpers ------------------------------------------------------------------------------
    def year_near(self, text: str, gstart: int, gend: int, clause_start: int) -> Optional[int]:
        after = self.r.year.search(text, gend, min(len(text), gend + 60))
        if after:
            return int(after.group(1))
        before = list(self.r.year.finditer(text, clause_start, gstart))
        return int(before[-1].group(1)) if before else None

    @staticmethod
    def closing_quote(text: str, end: int) -> int:
        return 1 if end < len(text) and text[end] in _QUOTES else 0

    def canonical_areas(self, cands: list[Candidate]) -> list[Candidate]:
        """One spelling per area in a document: `care leavers` after `Experience and progress of Care
        Leavers` takes the first spelling, so the same judgement is not counted twice."""
        first: dict[str, str] = {}
        names = self.provision_names(cands)
        for c in cands:
            if c.area == "overall" or c.area_key is None or c.area_key == "overall":
                continue
            if _ARTICLE_BEFORE_OVERALL.match(c.area):  # "the overall experiences and progress of ...": named as written, no article
                c.area = c.area[_ARTICLE_BEFORE_OVERALL.match(c.area).end():]
            if c.area_key in names and self.r.provision_head.search(c.area):
                c.area = names[c.area_key]  # "Regional adoption agency judged Outstanding" is Adopt Coastal's grade
                continue
            c.area = first.setdefault(c.area_key, c.area)
        return cands

    def provision_names(self, cands: list[Candidate]) -> dict[str, str]:
        """The proper name a document gives a provision (`Adopt Coastal, the regional adoption agency ...`): a
        candidate whose area carries an area key but holds no area term was named beside its description."""
        names: dict[str, str] = {}
        for c in cands:
            if c.area_key not in (None, "overall") and c.area != "overall" and not self.r.area_term.search(c.area):
                names.setdefault(c.area_key, c.area)
        return names
