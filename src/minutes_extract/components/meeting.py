"""minutes_meeting: the authority, body and date of the meeting a document records.

Headers say it best (`Date of Meeting: December 7th 2022`, `Meeting: 03/07/2025 - Health and Wellbeing
Board (Item 10)`, `Corporate Parenting Panel - Tuesday 23 November 2021 3.30 p.m.`, `MINUTES of a
meeting of the Cabinet held ... on Thursday, 9 January 2025`), so the first lines are read first.
Without a header the body is the named committee the text treats as this meeting, and the authority
is the council the text names most (full name, abbreviation, place name).

Sets doc._.meeting = {"authority", "body", "date"} and doc._.meeting_date (ISO date or None), which
the dates component uses to complete year-less dates.
"""
from __future__ import annotations

import calendar
import re
from collections import Counter
from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the extensions)
from ..extensions import document_text
from ..values.dates import full_year, month_number
from ..matching import RuleFields, expand_fragments, first_characters, trie_pattern
from ..matching.ends import needs_digit
from ..matching.searches import tail_search
from .base import RulesOnDisk

_DIGIT = re.compile(r"\d")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?i:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?i:st|nd|rd|th)?,?\s+(\d{4})")


def parse_meeting_date(text: str) -> Optional[str]:
    """ "December 7th 2022" / "20th March, 2017" / "03/07/2025" (UK day first) -> ISO date, else None."""
    text = text.strip()
    m = _NUMERIC_DATE.match(text)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), full_year(m.group(3))
    else:
        m = _DAY_MONTH_YEAR.search(text)
        if m:
            day, month, year = int(m.group(1)), month_number(m.group(2)), int(m.group(3))
        else:
            m = _MONTH_DAY_YEAR.search(text)
            if not m:
                return None
            day, month, year = int(m.group(2)), month_number(m.group(1)), int(m.group(3))
    if not month or not year or not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _leading_lines(text: str, count: int) -> list[str]:
    """The first `count` non-blank lines (stripped) of the first 20,000 characters, splitting no more
    of the text than needed."""
    head = text[:20_000]
    parts = head.split("\n", 2 * count + 2)  # normalised text has a blank line between blocks
    lines = [line for part in parts[:-1] if (line := part.strip())]
    if len(lines) < count:
        lines += [line for part in parts[-1].split("\n") if (line := part.strip())]
    return lines[:count]


def _title(text: str) -> str:
    """ "CORPORATE PARENTING PANEL" -> "Corporate Parenting Panel" (text in mixed case is kept)."""
    if not text.isupper():
        return text
    small = {"and", "of", "for", "the", "on", "in"}
    words = text.lower().split()
    return " ".join(w if (k and w in small) else w[:1].upper() + w[1:] for k, w in enumerate(words))


def _literal_alternation(words: list[str], not_before: str, not_after: str) -> re.Pattern:
    """Capitalised literals (group 1), the longest that fits, not inside a longer word. The look-behind
    sits after the first letter so the pattern starts with a literal: the scan jumps between the
    capitals that can start a word instead of trying every position."""
    tree: dict[str, list[str]] = {}
    for word in set(words):
        if "A" <= word[:1] <= "Z":
            tree.setdefault(word[0], []).append(word[1:])
    firsts = [re.escape(first) + rf"(?<!{not_before}.)" + trie_pattern(rests, literal_spaces=True) for first, rests in sorted(tree.items())]
    return re.compile("(" + "|".join(firsts) + rf")(?!{not_after})")


def _windows(text: str, reversed_text: str, hits: list[tuple[int, int]], back: re.Pattern,
             ahead: re.Pattern) -> list[tuple[int, int]]:
    """Regions that hold every match of a pattern whose matches each contain a hit: from the stretch before
    a hit the pattern can cover (`back`, matched on the reversed text) to the end of what it can read after
    the hit (`ahead`; neither crosses a line end). Overlapping regions merge, so scanning them finds what
    scanning the whole text finds."""
    size = len(text)
    regions = sorted((size - back.match(reversed_text, size - start).end(), ahead.match(text, end).end())
                     for start, end in hits)
    merged: list[tuple[int, int]] = []
    for start, end in regions:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _scan(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match]:
    """The pattern's matches in each window, in order."""
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


class Mentions:
    """Several patterns found in one scan: the scan stops once at each character that can start one of
    them (the patterns here start with a capital) and looks ahead for every pattern there, each in a named
    group, instead of one scan per pattern. `find` gives, per pattern, the matches its own finditer would
    give, as matches of the scan: read them through the pattern's group (its own groups are renamed
    "<pattern>__<group>")."""

    def __init__(self, patterns: dict[str, re.Pattern]):
        self.names = list(patterns)
        # each pattern alone, its match in a group of its name (the scan's groups are read the same way)
        self.alone = {name: re.compile(f"(?P<{name}>{self._renamed(name, p.pattern)})", p.flags)
                      for name, p in patterns.items()}
        firsts = [first_characters(p) for p in patterns.values()]
        if any(f is None for f in firsts) or any(p.flags & ~re.UNICODE for p in patterns.values()):
            self.scan = None  # not known where they start (or flags the look-aheads would lose): one scan each
            return
        looks = "".join(f"(?:(?=(?P<{name}>{self._renamed(name, p.pattern)}))|)" for name, p in patterns.items())
        any_found = "".join(f"(?({name})|" for name in self.names) + "(?!)" + ")" * len(self.names)
        # The look-behind steps back over the character just read so the look-aheads start on it.
        self.scan = re.compile(f"[{''.join(firsts)}](?<={looks}(?s:.)){any_found}")

    @staticmethod
    def _renamed(name: str, pattern: str) -> str:
        pattern = re.sub(r"^\(\?[aiLmsux]+\)", "", pattern)  # leading flags: kept in the pattern's flags
        return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{name}__{m.group(1)}>", pattern)

    def find(self, text: str) -> dict[str, list[re.Match]]:
        if self.scan is None:
            return {name: list(pattern.finditer(text)) for name, pattern in self.alone.items()}
        found: dict[str, list[re.Match]] = {name: [] for name in self.names}
        resume = dict.fromkeys(self.names, 0)  # a pattern's next match starts after its last one
        for m in self.scan.finditer(text):
            for name in self.names:
                start = m.start(name)
                if start >= resume[name]:
                    found[name].append(m)
                    resume[name] = m.end(name)
        return found


class MeetingRules(RuleFields):
    fragments_key = "fragments"
    header_lines: int
    body_line: re.Pattern
    wrapped_header_end: re.Pattern
    date_line: re.Pattern
    date_label_line: re.Pattern
    body_noun: re.Pattern
    full_council: re.Pattern
    generic_body: re.Pattern
    not_body_words: re.Pattern
    named_body: re.Pattern
    bare_bodies: set[str]
    body_action_after: re.Pattern
    body_action_before: re.Pattern
    other_body_before: re.Pattern
    generic_reference: re.Pattern
    body_score: dict[str, float]
    scan_chars: int
    authority_header: re.Pattern
    council_word: re.Pattern
    name_before_council: re.Pattern
    authority_score: dict[str, float]
    place_in_name_after: re.Pattern
    place_joint: re.Pattern
    place_after_name: re.Pattern
    venue: re.Pattern
    venues: dict[str, str]
    domain: re.Pattern
    domain_label: re.Pattern
    domain_suffixes: tuple[str, ...]

    def __init__(self, rules: dict):
        super().__init__(rules)
        frag = rules["fragments"]

        def rx(pattern: str) -> re.Pattern:
            return re.compile(expand_fragments(pattern, frag))

        self.headers = [(h["id"], rx(h["pattern"])) for h in rules["header_patterns"]]
        self.dated_headers = {rule for rule, pattern in self.headers if needs_digit(pattern)}
        # Patterns that only head the document: further down the same words open an item.
        self.max_line = {h["id"]: h["max_line"] for h in rules["header_patterns"] if "max_line" in h}
        self.fallback_dates = {h["id"] for h in rules["header_patterns"] if h.get("fallback")}
        self.dates_needing_body = {h["id"] for h in rules["header_patterns"] if h.get("needs_body")}
        # Lines that start with none of the `starts` can only be read by the patterns without one, and
        # only when they hold one of the pattern's `needs`.
        self.header_starts = re.compile("|".join(f"(?:{h['starts']})" for h in rules["header_patterns"]
                                                 if "starts" in h))
        self.unstarted_headers = [(h["id"], rx(h["pattern"]), tuple(h.get("needs", ())))
                                  for h in rules["header_patterns"] if "starts" not in h]
        self.body_cleanup = [re.compile(p) for p in rules["body_cleanup"]]
        windows = rules["body_windows"]
        self.body_anchor = rx(windows["anchor"])
        self.body_window = (re.compile(windows["back"]), re.compile(windows["ahead"]))
        self.by_place: dict[str, str] = {}
        self.by_abbreviation: dict[str, str] = {}
        for entry in rules["authorities"]:
            for place in entry["places"]:
                self.by_place[place.lower()] = entry["name"]
            for abbreviation in entry["abbreviations"]:
                self.by_abbreviation[abbreviation] = entry["name"]
        # Place names match as written (capitalised) or in capitals: "hackney carriage" is not Hackney.
        spellings = [p for e in rules["authorities"] for p in e["places"]]
        spellings = sorted(set(spellings + [p.upper() for p in spellings]), key=len, reverse=True)
        self.place = _literal_alternation(spellings, r"[\w-]", r"[\w-]")
        # "kent.gov.uk", "rotherham.gov.uk", "bcpcouncil.gov.uk": a place name without spaces
        self.by_domain = {re.sub(r"[^a-z0-9]", "", key.lower()): name
                          for key, name in [*self.by_place.items(), *self.by_abbreviation.items()]}
        self.by_domain.update(rules["domains"])  # addresses that are not the place name
        self.abbreviation = _literal_alternation(list(self.by_abbreviation), r"[\w&]", r"[\w&]")
        self.mentions = Mentions({"place": self.place, "abbreviation": self.abbreviation, "venue": self.venue,
                                  "noun": self.body_anchor})
        self.wrapped_header_end_in = tail_search(self.wrapped_header_end)


class MeetingReader:
    """Pure text -> {"authority", "body", "date"}."""

    def __init__(self, rules: MeetingRules):
        self.r = rules

    def read(self, text: str) -> dict:
        lines = self.unwrapped(_leading_lines(text, self.r.header_lines))
        header = self.from_header(lines)
        opening = text[: self.r.scan_chars]  # a long document says who met early on
        mentions = self.r.mentions.find(opening)
        body = header.get("body") or self.body_from_text(opening, mentions)
        authority = self.authority_from_header(lines[:6]) or self.authority_from_text(opening, mentions)
        return {"authority": authority, "body": body, "date": header.get("date")}

    # -- headers -----------------------------------------------------------------------------------
    def unwrapped(self, lines: list[str]) -> list[str]:
        """Header lines with a line that stops on "for"/"of"/"and" joined to the next, which goes on with
        a capital ("Decision Session – Executive Member for" / "Children, Young People and Education")."""
        out: list[str] = []
        for line in lines:
            if out and self.r.wrapped_header_end_in(out[-1]) and line[:1].isupper():
                out[-1] = f"{out[-1]} {line}"
            else:
                out.append(line)
        return out

    def from_header(self, lines: list[str]) -> dict:
        found: dict = {}
        fallback: dict = {}  # dates that count only when no other header line gives one
        block = "\n".join(lines)
        unstarted = [(rule, pattern, needs) for rule, pattern, needs in self.r.unstarted_headers
                     if not needs or any(map(block.__contains__, needs))]  # most headers hold no weekday
        for k, line in enumerate(lines):
            if self.r.header_starts.match(line):
                patterns = self.r.headers
            else:
                patterns = [(rule, pattern) for rule, pattern, needs in unstarted
                            if not needs or any(map(line.__contains__, needs))]
            digit = _DIGIT.search(line) is not None
            for rule, pattern in patterns:
                if k >= self.r.max_line.get(rule, k + 1):
                    continue
                if not digit and rule in self.r.dated_headers:
                    continue  # every match holds a date's digits
                m = pattern.search(line)
                if not m:
                    continue
                groups = m.groupdict()
                if "body" in groups:
                    body = self.clean_body(groups["body"] or "")
                    if not body:
                        continue  # "Minutes of the meeting held on ...": the previous meeting, not a header
                    found.setdefault("body", body)
                if groups.get("date") and "date" not in found:
                    date = parse_meeting_date(groups["date"])
                    if date and rule in self.r.fallback_dates:
                        fallback.setdefault("date_with_body" if rule in self.r.dates_needing_body else "date", date)
                    elif date:
                        found["date"] = date
                break
            else:
                self.body_then_date_line(lines, k, found)
                self.date_label_then_date_line(lines, k, found)
            if "body" in found and "date" in found:
                break
        if "body" in found and "date_with_body" in fallback:
            fallback.setdefault("date", fallback["date_with_body"])
        fallback.pop("date_with_body", None)
        return {**fallback, **found}

    def body_then_date_line(self, lines: list[str], k: int, found: dict) -> None:
        """A line naming the body followed by a line holding the date (`Joint Standards Committee` /
        `30 June 2022`), or a body-only title line such as `CABINET` under the council's name."""
        m = self.r.body_line.match(lines[k]) or (self.r.body_noun.fullmatch(_title(lines[k])) and
                                                 re.match(r"(?P<body>.+)", _title(lines[k])))
        if not m:
            return
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        date = self.r.date_line.match(nxt)
        if not date and not lines[k].isupper() and self.r.body_noun.findall(lines[k])[-1][:1].islower():
            return  # "Your council" in a site's menu: a body's name is capitalised
        body = self.clean_body(m.group("body"))
        if not date and self.r.authority_header.match(_title(lines[k])) and not self.r.full_council.match(body or ""):
            body = None  # "Kingsmere County Council" over the committee's name: the authority
        if body and "body" not in found and (date or (k < 4 and len(body.split()) <= 8)):
            found["body"] = body
        if date and "date" not in found:
            parsed = parse_meeting_date(date.group("date"))
            if parsed:
                found["date"] = parsed

    def date_label_then_date_line(self, lines: list[str], k: int, found: dict) -> None:
        """A date field whose value is on the line under its label (`Date of Decision:` / `March 15th 2023`)."""
        if "date" in found or k + 1 >= len(lines) or not self.r.date_label_line.match(lines[k]):
            return
        date = self.r.date_line.match(lines[k + 1])
        parsed = parse_meeting_date(date.group("date")) if date else None
        if parsed:
            found["date"] = parsed

    def clean_body(self, body: str, header: bool = True) -> Optional[str]:
        for pattern in self.r.body_cleanup:
            body = pattern.sub("", body)
        body = _title(body.strip())
        if not body or not self.r.body_noun.search(body) or self.r.not_body_words.search(body):
            return None
        if self.r.full_council.match(body):
            return body if header else None  # "COUNTY COUNCIL" under the council's name: a full council meeting
        if self.r.generic_body.match(body):
            return None
        if body.endswith("Council") and (not header or self.r.place.search(body)):
            return None  # the authority itself, or a youth council mentioned in passing
        return body

    def authority_from_header(self, lines: list[str]) -> Optional[str]:
        for line in lines:
            m = self.r.authority_header.match(_title(line))  # "KENT COUNTY COUNCIL" -> "Kent County Council"
            if m:
                return m.group("name")
        return None

    # -- running text ------------------------------------------------------------------------------
    def body_from_text(self, text: str, mentions: Optional[dict] = None) -> Optional[str]:
        """The named body the text treats as this meeting: the subject of `noted`/`resolved`, the body
        `members of the ...` belong to, and the one whose noun the text keeps using (`the Committee`)."""
        mentions = self.r.mentions.find(text) if mentions is None else mentions
        hits = [m.span("noun") for m in mentions["noun"]]
        if not hits:
            return None  # every named body and generic reference holds a body noun
        windows = _windows(text, text[::-1], hits, *self.r.body_window)
        generic: Counter = Counter()
        generic_actions: Counter = Counter()
        for m in _scan(self.r.generic_reference, text, windows):
            noun = m.group("noun").replace(" ", "-").lower()
            generic[noun] += 1
            generic_actions[noun] += bool(self.r.body_action_after.match(m.group("after")))
        top = generic_actions.most_common(1)
        usual = top[0][0] if top and top[0][1] else None  # the kind of body the text shows acting
        scores: Counter = Counter()
        actions: Counter = Counter()
        nouns: dict[str, str] = {}
        first: dict[str, int] = {}
        cleaned: dict[str, Optional[str]] = {}
        for m in _scan(self.r.named_body, text, windows):
            raw = m.group("body")
            body = cleaned[raw] if raw in cleaned else cleaned.setdefault(raw, self.clean_body(raw, header=False))
            if not body or (len(body.split()) == 1 and body not in self.r.bare_bodies):
                continue
            before, after = text[max(0, m.start() - 60):m.start()], text[m.end():m.end() + 40]
            acted_on = None  # whether `before` shows the body acting, read at most once
            if self.r.other_body_before.search(before):
                acted_on = bool(self.r.body_action_before.search(before))
                if not acted_on:
                    continue  # "presented to Cabinet", "a report by the Board"
            score = self.r.body_score["mention"]
            if self.r.body_action_after.match(after) or (
                    acted_on if acted_on is not None else self.r.body_action_before.search(before)):
                score += self.r.body_score["action"]
            noun = self.r.body_noun.findall(body)[-1].replace(" ", "-").lower()
            score += self.r.body_score["generic_match"] * generic.get(noun, 0)
            scores[body] += score
            plain = self.r.body_score["mention"] + self.r.body_score["generic_match"] * generic.get(noun, 0)
            actions[body] += score > plain
            nouns[body] = noun
            first.setdefault(body, m.start())
        for body, noun in nouns.items():
            # "The Sub Committee received ...": this meeting's kind of body; the text's own named body of
            # that kind wins over others it mentions
            scores[body] += self.r.body_score["generic_action"] * generic_actions.get(noun, 0)
            if usual and noun != usual:
                scores[body] += self.r.body_score["other_noun"]
        candidates = [b for b in scores if actions[b] or generic_actions.get(nouns[b], 0)]
        if not candidates:
            return None
        return max(candidates, key=lambda b: (scores[b], -first[b]))

    def authority_from_text(self, text: str, mentions: Optional[dict] = None) -> Optional[str]:
        mentions = self.r.mentions.find(text) if mentions is None else mentions
        weights = self.r.authority_score
        scores: Counter = Counter()
        for council in self.r.council_word.finditer(text):
            m = self.r.name_before_council.search(text, max(0, council.start() - 80), council.start())
            if not m:
                continue
            place = re.sub(r"^(?:The|THE)\s+", "", m.group("place"))
            name = self.r.by_place.get(place.lower()) or self.council_named(place)
            if name:
                scores[name] += weights["full_name"] - weights["place"]  # the place itself also counts below
        for m in mentions["abbreviation"]:
            scores[self.r.by_abbreviation[m.group("abbreviation")]] += weights["abbreviation"]
        for m in mentions["place"]:
            start, end = m.span("place")
            after, before = text[end:end + 20], text[max(0, start - 30):start]
            if self.r.place_joint.search(after) or self.r.place_joint.search(before):
                weight = weights["place_joint"]   # "Monmouthshire & Torfaen": a joint service
            elif (self.r.place_in_name_after.match(after)
                  or self.r.place_after_name.search(text, max(0, start - 30), start)):
                weight = weights["place_in_name"]  # "Dorset Combined Youth Justice Service", "Cllr Sarah Wakefield"
            else:
                weight = weights["place"]
            scores[self.r.by_place[m.group("place").lower()]] += weight
        for m in self.r.domain.finditer(text):
            label = self.r.domain_label.search(text, max(0, m.start() - 40), m.start())
            name = label and self.council_of_domain(label.group("label").lower())
            if name:
                scores[name] += weights["domain"]
        for m in mentions["venue"]:
            town = m.group("venue__town")
            if town in self.r.venues:
                scores[self.r.venues[town]] += weights["venue"]  # "County Hall, Maidstone"
        if not scores:
            return None
        ranked = scores.most_common(2)
        if ranked[0][1] < weights["minimum"] or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def council_of_domain(self, label: str) -> Optional[str]:
        label = label.replace("-", "")
        for suffix in ("",) + self.r.domain_suffixes:
            if suffix and not label.endswith(suffix):
                continue
            name = self.r.by_domain.get(label[: len(label) - len(suffix)] if suffix else label)
            if name:
                return name
        return None

    def council_named(self, place: str) -> Optional[str]:
        """A council's full name whose place is in the lexicon under a longer name ("Durham County Council")."""
        m = self.r.place.fullmatch(place)
        return self.r.by_place.get(m.group(1).lower()) if m else None


class MeetingComponent(RulesOnDisk):
    compiled_rules = MeetingRules

    def __call__(self, doc: Doc) -> Doc:
        meeting = MeetingReader(self.rules).read(document_text(doc))
        doc._.meeting = meeting
        doc._.meeting_date = meeting["date"]
        return doc


@Language.factory("minutes_meeting", requires=[], assigns=["doc._.meeting", "doc._.meeting_date"],
                  default_config={"rules": {}})
def make_meeting(nlp: Language, name: str, rules: dict) -> MeetingComponent:
    return MeetingComponent(name, rules)
