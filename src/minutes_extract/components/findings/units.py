"""Units: a bullet (split when its sentences differ in polarity) or a prose sentence, and who found it."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional

from .regex_keys import _IS_WORD
from .context import Reading, Verdict


# -- the document's blocks, as units -----------------------------------------------------------------------
@dataclass
class Block:
    start: int
    end: int
    label: str
    section: Optional[str]
    item: int
    continuations: list[tuple[int, int]] = field(default_factory=list)

    @property
    def last_end(self) -> int:
        return self.continuations[-1][1] if self.continuations else self.end


@dataclass
class Lead:
    """What a list's introduction says about its bullets."""
    polarity: Optional[str] = None
    cue: Optional[str] = None
    role: Optional[str] = None        # member_list | plan_list | None (officers' or neutral)
    finding: bool = False             # introduces an inspection's (or a report's) findings
    source: Optional[str] = None
    speaker: Optional[str] = None
    default: Optional[str] = None     # polarity of cue-less bullets ("Inspectors identified:")


@dataclass
class Finding:
    start: int
    end: int
    polarity: str
    cue: Optional[str]
    rule: str
    attributed_to: Optional[str]


_OPENING_MARKS = "\"'“‘ "  # a quotation's opening marks before its first word
_RELAYED_SOURCES = ("ofsted", "inspectors", "report")  # a member may relay what these found (member_relay)


class UnitReader:
    """The unit decisions of FindingReader (a mixin: the walk lives in reader.py)."""

    report_speaks = False  # hook: an inspection report, where the inspectorate speaks throughout (FindingReader)

    # -- units ----------------------------------------------------------------------------------------
    def bullet(self, block: Block, readings: list[Reading], lead: Lead) -> list[Finding]:
        if lead.role == "plan_list":
            return []
        member_list = lead.role == "member_list"
        if member_list or any(r.speaker == "member" for r in readings) or self.politician(readings[0].speaker
                                                                                        or lead.speaker):
            # a member's point, or a question and its answer: read sentence by sentence
            return self.prose(readings, "member" if member_list else lead.speaker, lead,
                              bullet_source=self.source_of(readings))
        if self.words(block.start, block.last_end) < self.rules.min_unit_words or self.short_heading(block):
            return []
        speaker = readings[0].speaker or lead.speaker
        polarities = self.bullet_polarities(readings, lead, speaker)
        if not any(polarities):
            return []  # (a member's point, below, only takes polarities away)
        members_point = self.hard_exclusion(readings[0], lead) and readings[0].excluded in self.rules.opening_exclusions
        if members_point:
            # a bullet opening with a question or a suggestion is a member's point: only a reporter's own sentence in
            # it counts (a bullet opening with a plan may go on to what was found: its sentences are read each)
            polarities = [p if r.speaker in self.rules.reporters else None for p, r in zip(polarities, readings)]
        if not any(polarities):
            return []
        runs = self.runs(polarities)
        if len(runs) == 1:
            (first, last, polarity, verdict, rule), = runs
            # (in a member's point the finding is the reporter's sentence on, not the member's opening)
            start = readings[first].start if members_point else block.start
            if members_point:  # ... up to its last polar sentence
                last = max(n for n, p in enumerate(polarities) if p is not None)
            return [self.finding(self.unit_start(start), readings[last].end, polarity, verdict, rule,
                                 lead, readings, speaker)]
        return [self.finding(self.unit_start(readings[a].start), readings[b].end, polarity, verdict,
                             "split_sentences", lead, readings[a:b + 1], speaker, from_list=rule != "bullet_cue")
                for a, b, polarity, verdict, rule in runs]

    def bullet_polarities(self, readings: list[Reading], lead: Lead,
                          speaker: Optional[str]) -> list[Optional[tuple[str, Verdict, str]]]:
        """Per sentence: (polarity, deciding verdict, rule) or None for a neutral sentence."""
        out = []
        in_context = (lead.finding or lead.polarity is not None or self.source_of(readings) in ("ofsted", "inspectors")
                      or self.report_speaks)
        for n, r in enumerate(readings):
            verdict = r.verdict(in_context or bool(r.source))
            if not verdict.polarity and not (n == 0 and (lead.polarity or lead.default)):
                out.append(None)  # neutral whatever its exclusions
            elif self.hard_exclusion(r, lead, r.speaker or speaker) or r.speaker == "member" or r.quoted:
                out.append(None)
            elif n == 0 and lead.polarity:
                out.append((lead.polarity, verdict, "list_heading"))
            elif (verdict.polarity and verdict.weight >= self.rules.min_weight * (0.5 if in_context else 1)
                  and (in_context or (self.service and (r.subject or r.source or speaker in self.rules.reporters)))):
                out.append((verdict.polarity, verdict, "bullet_cue"))
            elif n == 0 and lead.default:
                out.append((lead.default, verdict, "identified_list"))
            else:
                out.append(None)
        return out

    def hard_exclusion(self, reading: Reading, lead: Lead, speaker: Optional[str] = None) -> bool:
        """Excluded, unless only softly (finance) inside a list headed as strengths or areas for development."""
        excluded = self.excluded_for(reading, speaker)
        return bool(excluded) and not (lead.polarity and excluded in self.rules.soft_exclusions)

    @staticmethod
    def excluded_for(reading: Reading, speaker: Optional[str]) -> Optional[str]:
        """Why a sentence is no finding in its speaker's mouth: a claim ("among the best in the region", "a huge
        success") excludes only when an executive member or the Leader makes it (officers' verdicts may praise)."""
        return None if reading.excluded == "claim" and speaker != "executive" else reading.excluded

    def politician(self, speaker: Optional[str]) -> bool:
        """An executive member speaking in political business (a motion's debate, the Leader's statement, an
        executive member's update, questions): their verdict, like a member's, is no finding."""
        return speaker == "executive" and self.political

    def short_heading(self, block: Block) -> bool:
        """A numbered line of two words without a stop ("3. Officer's assessment"): the next section's heading."""
        text = self.text[block.start:block.last_end]
        marker = self.rules.list_marker.match(text)
        text = text[marker.end() if marker else 0:].strip()
        return len(text.split()) < self.rules.min_unit_words and not text.endswith((".", "!", ";"))

    def words(self, start: int, end: int) -> int:
        """How many words (runs of \\w) the text between two offsets holds, a word cut at the start included."""
        if end <= start:
            return 0
        starts = self.word_starts
        count = bisect_left(starts, end) - bisect_left(starts, start)
        return count + bool(start and _IS_WORD(self.text, start - 1) and _IS_WORD(self.text, start))

    @staticmethod
    def runs(polarities: list) -> list[tuple[int, int, str, Verdict, str]]:
        """(first, last sentence, polarity, verdict, rule) per unit: the whole bullet from its first polar sentence
        when its sentences agree (neutral ones included), else each polar sentence on its own."""
        polar = [(n, *value) for n, value in enumerate(polarities) if value is not None]
        if len({p[1] for p in polar}) > 1:
            return [(n, n, polarity, verdict, rule) for n, polarity, verdict, rule in polar]
        n, polarity, verdict, rule = polar[0]
        return [(n, len(polarities) - 1, polarity, verdict, rule)]

    def prose(self, readings: list[Reading], speaker: Optional[str], lead: Lead,
              bullet_source: Optional[str] = None) -> list[Finding]:
        out, relayed_from, reporting = [], None, False
        for r in readings:
            speaker = r.speaker if r.speaker and r.speaker != "informed" else speaker
            # sentences after the inspectorate speaks ("The letter identified several areas for improvement."), in the
            # same paragraph and with no speaker of their own, go on reporting what it found
            continues = reporting and r.speaker is None
            reporting = r.speaker == "inspection" or continues
            relayed_from = relayed_from or (r.source if r.source in ("ofsted", "inspectors") else None)
            if r.intro:
                continue  # (a list's introduction is never weighed: Reading.weighed)
            if (speaker == "member" or r.quoted) and (r.source or bullet_source) not in _RELAYED_SOURCES:
                continue  # a member's words that relay no inspectorate or report: no finding, whatever its cues (below)
            verdict = r.verdict(bool(r.source) or r.speaker == "inspection" or lead.finding or continues
                                or self.report_speaks)
            if verdict.polarity is None:
                continue
            relayed = verdict.relay and (r.source or bullet_source) in _RELAYED_SOURCES
            # a quoted politician relaying the inspectors as the subject of a sentence ("\"The inspectors told us that ...")
            relayed = relayed or (r.quoted and r.source in ("ofsted", "inspectors")
                                  and bool(self.rules.source.match(r.body.lstrip(_OPENING_MARKS))))
            # (a politician quoted is a member: "said: \"I am delighted\""; so is an executive in political business)
            # (... unless relaying what an inspectorate found: "The Cabinet Member replied that inspectors had found")
            member = speaker == "member" or r.quoted or (self.politician(speaker)
                                                         and r.source not in ("ofsted", "inspectors"))
            if member and not relayed:
                continue
            excluded = self.excluded_for(r, speaker)
            if (excluded and not (relayed and excluded == "courtesy")
                    and not self.audited(r, verdict, bullet_source, continues)
                    and not self.required_by_inspectorate(r, verdict)):
                continue
            # an officer or the report saying so of something a service does, in its own sentence, speaks of the
            # service's performance whatever the item's title
            # ... as does an inspectorate or review saying so ("The Ombudsman found fault in ...")
            inspected = (r.source in ("ofsted", "inspectors") and r.speaker in (None, "inspection", "officer", "report", "informed")
                         ) or continues  # (... or goes on reporting what it found, in its paragraph)
            # ... as does a measure judged by a strong cue against its target or benchmark ("worse than target")
            strict = r.strict  # (weak cues do not count for it)
            judged_measure = (r.measured and strict.polarity == verdict.polarity and strict.weight >= self.rules.min_weight
                              and bool(self.rules.benchmark_cue.search(strict.cue or "")))
            if not self.report_speaks and (not (self.service or inspected or judged_measure
                                                or (r.speaker in self.rules.reporters and r.subject)) or not (
                    r.subject or r.source or lead.finding or speaker in self.rules.reporters or self.inspection)):
                continue  # evaluates something, but not a service's performance
            if verdict.weight < self.rules.min_weight * (0.5 if verdict is r.lenient else 1):
                continue
            if self.words(r.start, r.end) < self.rules.min_unit_words:
                continue
            rule = "member_relay" if member else "sentence_cue"
            out.append(self.finding(self.unit_start(r.start), r.end, verdict.polarity, verdict, rule, Lead(),
                                    [r], speaker, relayed_from))
        return out

    def audited(self, reading: Reading, verdict: Verdict, bullet_source: Optional[str], continues: bool = False) -> bool:
        """An inspectorate's or auditor's verdict that names money ("identified a significant weakness in its financial
        planning, as ... the budget gap"): a finding about arrangements, not a budget position (a soft exclusion)."""
        if reading.excluded not in self.rules.soft_exclusions:
            return False
        # an inspectorate or auditor as the sentence's own subject ("the auditors had not identified any significant
        # weaknesses in ... value for money", "Their view was that the plan relied too heavily on reserves") judges
        if reading.speaker == "inspection":
            return True
        # ... or goes on reporting in its paragraph ("On value for money, the auditor had found ... However, a significant
        # weakness had been identified in the arrangements for financial sustainability: ... £9.6m of reserves ...")
        if ((reading.source in ("ofsted", "inspectors") or continues) and reading.speaker is None
                and reading.strict.polarity):
            return reading.strict.polarity == verdict.polarity and reading.strict.weight >= self.rules.min_weight
        return verdict.relay and (reading.source or bullet_source) in ("ofsted", "inspectors")

    @staticmethod
    def required_by_inspectorate(reading: Reading, verdict: Verdict) -> bool:
        """An inspectorate's own sentence whose strong verdict goes on to what it requires ("Inspectors concluded that
        ... lead to inconsistent experiences ..., and that the partnership must publish an updated plan"; "The key
        recommendation was that the Council should develop a robust plan"): a finding, not the council's plan."""
        return reading.excluded == "plan" and reading.speaker == "inspection" and verdict.polarity is not None and (
            reading.strict.polarity == verdict.polarity)

    def unit_start(self, start: int) -> int:
        """Skip a list marker ("• ", "1. ", "(a) ") so the quoted text starts at the words."""
        m = self.rules.list_marker.match(self.text, start)
        return m.end() if m else start

    @staticmethod
    def source_of(readings: list[Reading]) -> Optional[str]:
        return next((r.source for r in readings if r.source), None)

    def finding(self, start: int, end: int, polarity: str, verdict: Verdict, rule: str, lead: Lead,
                readings: list[Reading], speaker: Optional[str], relayed_from: Optional[str] = None,
                from_list: bool = False) -> Finding:
        from_list = from_list or rule in ("list_heading", "identified_list")
        cue = lead.cue if rule == "list_heading" else verdict.cue
        if verdict.heading and self.inspection:  # "other positives had included ..." relays the inspection
            relayed_from = relayed_from or self.inspection
        return Finding(start, end, polarity, cue, rule,
                       self.attribute(readings, from_list, lead, speaker, relayed_from))

    def attribute(self, readings: list[Reading], from_list: bool, lead: Lead, speaker: Optional[str],
                  relayed_from: Optional[str]) -> Optional[str]:
        """Who found it: the inspectorate it names, else the one its list or paragraph relays, else its speaker."""
        names = self.rules.attribution
        own = self.source_of(readings) or ("inspection" if any(r.speaker == "inspection" for r in readings) else None)
        speaker = next((r.speaker for r in readings if r.speaker), None) or speaker
        if "inspection" in (own, speaker) and own in (None, "inspection") and self.inspectorate == "other":
            return names["inspectors"]  # "The peers observed ...", "They found ..." after the item named the CQC
        if own in names and own != "report":
            return names[own]
        if (from_list or lead.finding) and (lead.source or self.inspection):
            source = lead.source or self.inspection
            if source in ("report", "inspectors") and self.inspectorate:  # "Key findings from the report:" of the
                return names["ofsted" if self.inspectorate == "ofsted" else "inspectors"]  # inspectorate the item named
            return names.get(source)
        if relayed_from:
            return names[relayed_from]
        if speaker in names:
            return names[speaker]
        return names.get(own or lead.source)
