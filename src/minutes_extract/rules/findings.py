"""Schemas of models/rules/findings.json and of the finding lexicons it names (models/lexicons/
finding_cues.jsonl, finding_modifiers.jsonl, finding_context.jsonl; a JSONL file is validated row by row)."""
from __future__ import annotations

from typing import Literal, NamedTuple, Optional, Union

from pydantic import ValidationInfo, field_validator, model_validator

from ..kinds import (
    ROLES_OF_KIND, Anchor, Attribution, ContextKind, ContextRole, CueOpens, CueTier, ExcludeReason, ModifierDirection,
    ModifierKind, Polarity, Reporter, ScopeEnd,
)
from .base import Regex, RuleFile, Strict, described

Pattern = described("Case-insensitive regex matched at word boundaries; a space matches any run of whitespace.")


class CueRow(Strict):
    """One evaluative cue (the 'targets' of medspaCy's ConText)."""
    id: str = described("Rule name, carried by each finding the cue decides.")
    polarity: Polarity = described("What the cue says of a service: a strength or an area for development.")
    tier: CueTier = described("heading: names a list of findings; strong: weight 1; weak: counts only in a "
                              "finding context; summary: a count of findings without content.")
    pattern: Regex = Pattern
    relay: bool = described("A member may relay this cue from an inspection or report and it still counts.",
                            default=False)
    opens: Optional[CueOpens] = described("hypothetical: cues after it in its clause are wanted, not found; "
                                          "negation: it also negates the next cue.", default=None)
    unscoped: bool = described("A modal before it does not cancel it ('would help to improve').", default=False)
    needs_source: bool = described("Sets a list's polarity only when its introduction names an inspectorate.",
                                   default=False)
    measure: bool = described("A performance verdict that names what it judges: needs no service subject.",
                              default=False)
    topic: bool = described("False: the cue does not count as naming the sentence's topic.", default=True)
    compare: bool = described("A measure compared with a benchmark or its past (direction read from the measure).",
                              default=False)
    window: int = described("max_scope of the modifier it opens: the words after it in which a cue is negated "
                            "or hypothetical (0: that kind's, KIND_SCOPES below).", default=0, ge=0)
    direction: Optional[Literal["up"]] = described(
        "up: its polarity holds where higher is better, and flips for a measure named before it where lower is "
        "better (findings.json lower_is_better: 'above target' for waiting times).", default=None)
    undirected: Optional[Literal["weak", "none"]] = described(
        "With direction 'up', where the sentence names no measure whose better direction is known: weak, it weighs "
        "as a weak cue ('above the national average'); none, it says nothing ('had risen to 512').", default=None)


class Scope(NamedTuple):
    """Where a modifier reaches, as medspaCy's ConTextRule: its direction, how many words and what ends it."""
    direction: ModifierDirection
    max_scope: Optional[int]  # a cue must start within this many words of it (None: anywhere in the sentence)
    terminated_by: tuple[ScopeEnd, ...]


# A modifier row's scope when the row does not say (the behaviour of each kind before rows could say).
KIND_SCOPES: dict[str, Scope] = {
    "negation": Scope("forward", 3, ("clause_break", "negation_break", "cue")),
    "hypothetical": Scope("forward", 13, ("clause_break",)),
    "action": Scope("forward", 5, ("clause_break",)),
    "historical": Scope("forward", 7, ("clause_break",)),
    "concession": Scope("forward", 13, ("clause_break",)),
    "contrast": Scope("forward", None, ()),
    "mask": Scope("pseudo", None, ()),
}


def modifier_scope(row: dict, kind: str) -> Scope:
    """The scope of a modifier row of `kind` (its own kind, or the kind a cue `opens`): each field the row
    gives, else its kind's (KIND_SCOPES). A cue row gives only `window`, its max_scope (0: its kind's)."""
    default = KIND_SCOPES[kind]
    if kind != row.get("kind"):  # a cue that opens a modifier's scope
        return default._replace(max_scope=row.get("window") or default.max_scope)
    return Scope(row.get("direction", default.direction), row.get("max_scope", default.max_scope),
                 tuple(row.get("terminated_by", default.terminated_by)))


class ModifierRow(Strict):
    """One ConText-style modifier (medspaCy's ConTextRule): its kind says what it does to a cue in its scope
    (negation flips it; hypothetical, action, historical cancel it; concession halves it; contrast doubles it;
    mask hides look-alikes), direction, max_scope and terminated_by say where that scope is. A field left out
    is its kind's (KIND_SCOPES), so a row of only id, kind and pattern behaves as every row of its kind."""
    id: str = described("Rule name of the modifier.")
    kind: ModifierKind = described("negation, hypothetical, action, historical, contrast, concession or mask.")
    pattern: Regex = Pattern
    # Left out, each of the three is its kind's (KIND_SCOPES); the defaults below only say "not given".
    direction: ModifierDirection = described(
        "forward: it modifies cues after it; backward: cues before it; bidirectional: both; pseudo: none (a "
        "look-alike that only hides the cues and modifiers it overlaps). Default: forward (mask: pseudo).",
        default=None)
    max_scope: Optional[int] = described(
        "Words its scope spans (medspaCy's max_scope): a cue must start within this many words of it, so fewer "
        "words than this lie between them; null: the rest of the sentence. Default: its kind's (negation 3, "
        "hypothetical 13, action 5, historical 7, concession 13, contrast null).", default=None, ge=1)
    terminated_by: list[ScopeEnd] = described(
        "What ends its scope between it and a cue: clause_break or negation_break (patterns of findings.json), "
        "or a hit of a kind (cue: a cue that opens nothing; negation, hypothetical, ...). A scope always ends "
        "with its sentence. Default: its kind's (negation: clause_break, negation_break, cue; contrast: nothing; "
        "the others: clause_break).", default=None)

    @field_validator("direction")
    @classmethod
    def _mask_is_pseudo(cls, direction: str, info: ValidationInfo) -> str:
        if info.data.get("kind") == "mask" and direction != "pseudo":
            raise ValueError(f"a mask modifies no cue: its direction is 'pseudo', not {direction!r}")
        return direction


class ContextRow(Strict):
    """Who speaks, who found it, what a list's introduction says, and what is not a finding."""
    id: str = described("Rule name of the context pattern.")
    kind: ContextKind = described("source, speaker, exclude, lead or subject.")
    role: ContextRole = described("The role the match gives; one of its kind's roles (kinds.ROLES_OF_KIND).")
    pattern: Regex = Pattern
    anchor: Optional[Anchor] = described("'start': matched only at the start of a sentence.", default=None)
    names_inspectorate: bool = described("Source rows: the match names an inspectorate or review other than Ofsted "
                                         "(CQC, CIW, HMI Probation, a peer review): in an item naming one, findings "
                                         "the inspection or 'they' reports are attributed to inspectors.", default=False)

    @model_validator(mode="after")
    def _role_of_its_kind(self) -> "ContextRow":
        if self.role not in ROLES_OF_KIND[self.kind]:
            raise ValueError(f"role {self.role!r} is no role of kind {self.kind!r} "
                             f"(one of {', '.join(ROLES_OF_KIND[self.kind])})")
        return self


class FindingLexicons(Strict):
    cues: Union[str, list[CueRow]] = described("The cue lexicon: a JSONL file under models/ or its rows.")
    modifiers: Union[str, list[ModifierRow]] = described("The modifier lexicon: a JSONL file or its rows.")
    context: Union[str, list[ContextRow]] = described("The context lexicon: a JSONL file or its rows.")


class FindingWeights(Strict):
    heading: float = described("Weight of a heading cue inside a sentence.")
    strong: float = described("Weight of a strong cue.")
    weak: float = described("Weight of a weak cue (and of a topic cue).")
    summary: float = described("Weight of a summary cue inside a sentence.")
    after_contrast: float = described("Factor on a cue after a contrast ('improving but still varied').")
    in_concession: float = described("Factor on a cue inside a concession ('although ...').")
    measure: float = described("Factor on a performance verdict that names its measure.")
    tie_to_contrast: float = described("Weight added to the polarity of a sentence's 'but'/'however' clause when its "
                                       "cues tie ('X was a strength, but Y was not recorded').", default=0.0)


class FindingsRules(RuleFile):
    lexicons: FindingLexicons = described("The lexicons the component reads (inlined by pipeline.component_rules).")
    weights: FindingWeights = described("How much each tier of cue and each modifier weighs.")
    min_weight: float = described("Least summed weight of a sentence's cues that makes it a finding.")
    clause_break: Regex = described("Where a clause ends: ends the scope of a modifier whose terminated_by "
                                    "names it (every kind but contrast, by default).")
    negation_break: Regex = described("Words ('and', 'that', ...) that end the scope of a modifier whose "
                                      "terminated_by names negation_break (negations, by default).")
    predicate_break: Regex = described("The finite verb that starts a sentence's predicate ('Efforts to tackle "
                                       "fly-tipping had made a difference'): ends the scope of a modifier inside the "
                                       "subject whose terminated_by names predicate_break.", default="(?!)")
    concession_hedge: Regex = described("The start of a trailing concessive clause that only hedges the main clause "
                                        "('..., although further progress was needed'): it weighs as a concession; "
                                        "any other trailing concession contrasts, as 'but' does.", default="(?!)")
    grade_after_question: Regex = described("A grade that ends a key question's line ('...wellbeing? 5 - Very Good'), "
                                            "matched where the sentencizer would start a sentence after the '?': "
                                            "no new sentence there, the row is one unit.", default="(?!)")
    benchmark_cue: Regex = described("A verdict cue naming what a measure is judged against (a target, threshold, "
                                     "average, benchmark): such a verdict speaks of a service's performance whatever "
                                     "the item's title.", default="(?!)")
    complement_head: Regex = described("A hypothetical modifier that governs a that-complement ('should ensure "
                                       "that', 'it was important that'), matched at its start: its scope ends at "
                                       "complement_break instead of clause_break.", default="(?!)")
    complement_break: Optional[Regex] = described("clause_break without the coordination of complements ('and "
                                                  "that'): 'should ensure that A and that B' reaches B.", default=None)
    modal_in_cue: Regex = described("A modal inside a cue's own span ('absences could be reduced'): it is no verdict.",
                                    default="(?!)")
    finance_as_means: Regex = described("Text just before a money word that names it as the means to a verdict stated "
                                        "earlier ('had fallen to 265 following investment of'): such a sentence is "
                                        "no budget position.", default="(?!)")
    heading_link_before: Regex = described("Text before a heading cue that makes it introduce content in a sentence.")
    heading_link_after: Regex = described("Text after a heading cue that makes it introduce content ('included').")
    executive_name: Regex = described("A cabinet or lead member named with their office (group `name`).")
    councillor_name: Regex = described("A councillor named at the start of a sentence (group `name`): its speaker.")
    terminal_punctuation: list[str] = described("Characters that end a sentence or a complete line.")
    list_marker: Regex = described("A list marker at the start of a unit (bullet, '(a)', 'ii.', '1.').")
    sibling_marker: Regex = described("A marker that makes blocks siblings of one list ('(a)', '2.').")
    unit_prefix: Regex = described("Words stripped from a unit's start before reading it ('that', 'also').")
    intro_end: Regex = described("The end of a line that introduces a list (':', 'as follows').")
    question_end: Regex = described("A unit ending in a question: not a finding.")
    default_development_lead: Regex = described("An introduction ending 'identified:' introduces areas for development.")
    attribution: dict[Reporter, Attribution] = described("A finding's attributed_to from its source or speaker role.")
    skip_sections: list[str] = described("Section kinds (segmenter labels) whose text holds no finding.")
    name_sections: list[str] = described("Section kinds of names (attendance): only their short lines are skipped.",
                                         default_factory=list)
    report_sections: list[str] = described("Section kinds of skip_sections read in an inspection report (its "
                                           "recommendations are the inspectorate's areas for improvement).",
                                           default_factory=list)
    min_unit_words: int = described("Fewest words of a unit read for a finding.")
    title_words: int = described("Most words of a line read as a title (or a name) rather than a sentence.")
    on_time: Regex = described("A timeliness measure's words ('within', 'on time') before a verdict.")
    time_unit: Regex = described("A number of days, weeks, months or hours: a timeliness measure.")
    topic_object: Regex = described("A preposition after a cue that gives it an object ('good progress in').")
    topic_content: Regex = described("Words after a cue that give it content ('including', 'such as').")
    cell_separator: Regex = described("The separator of a table row's cells flattened to text ('Training | Take-up ... | Amber').")
    table_header: Regex = described("A table's header row: short cells of words only ('Audit | Opinion | Key issues').")
    summary_content: Regex = described("After a count of strengths or areas, the words that go on to name them in the same "
                                       "sentence ('two areas for priority action, relating to the quality of plans').")
    higher_is_better: Regex = described("Measures whose rise is good (completed, attendance, ...).")
    lower_is_better: Regex = described("Measures whose rise is bad (absence, waiting, complaints, ...).")
    fronted_phrase: Regex = described("A topic or time phrase fronted before a sentence's subject, up to its comma "
                                      "('In relation to caseloads, ', 'Following the presentation, '): the speaker is "
                                      "read after it when none is read at the start.", default="(?!)")
    measure_after_comparison: Regex = described(
        "The measure named just after a comparison cue whose sentence names none before it ('was below the national "
        "average for the timeliness of plans'; group `measure`): its direction decides the polarity.", default="(?!)")
    modified_head: Regex = described(
        "Measure words whose direction, when a measure word of the other direction stands just before them as their "
        "modifier ('agency staff usage', 'B&B use'), is the modifier's.", default="(?!)")
    demand_measure: Regex = described("Volumes of demand (presentations, contacts, requests): named nearest a trend "
                                      "cue, its rise or fall is no verdict either way.", default="(?!)")
    trailing_concession: Regex = described("Concession words that, after a comma and with no cue before them, open the "
                                           "clause that states the verdict ('no exclusions, though suspensions had "
                                           "risen').", default="(?!)")
    date_number: Regex = described("Numbers that are dates ('December 2025', '31 October'): no value a compare cue "
                                   "compares.", default="(?!)")
    value_change: Regex = described("A compare cue holding an earlier and a later value ('from 24% to 19%').")
    shortfall_or_surplus: Regex = described("The start of a compare cue that says which side of the target the "
                                            "value is ('below the 90% target'): higher is better unless the "
                                            "measure says otherwise.")
    open_words: list[str] = described("Words a line ending in does not end its sentence ('the', 'of', ...).")
    bullet_glyph: Regex = described("A bullet glyph at the start of a block.")
    label_prefix: Regex = described("A label before a colon at a unit's start ('Children in care: ...').")
    soft_exclusions: list[ExcludeReason] = described(
        "Exclusion reasons ignored inside a list headed as strengths or areas for development.")
    opening_exclusions: list[ExcludeReason] = described(
        "Exclusion reasons of a bullet's first sentence that make the bullet a member's point or procedure: only "
        "sentences a reporter (officer, report, inspection) says in it are read.", default_factory=list)
    service_item: Regex = described("An item title about a service's performance (annual report, audit, ...).")
    item_window: int = described("Characters from an item's start searched for service_item.")
    political_item: Regex = described("An item title naming political business (a motion, the Leader's statement, "
                                      "questions, an executive member's update): there an executive member's verdict "
                                      "is a member's, no finding.", default="(?!)")
    political_title_chars: int = described("Most characters of an item's title line searched for political_item.",
                                           default=160)
    reporters: list[Reporter] = described("Speakers and sources whose evaluative sentences report a service's "
                                          "performance whatever the item.")
    list_item_sentences: int = described("Most sentences of a list item read as one unit.")
    list_item_words: int = described("Most words of a list item read as one unit.")
    direct_speech: Regex = described("A speech verb opening a quotation ('said: \"'): a member quoted reacts, "
                                     "over every paragraph of the quotation.")
    motion_intro: Regex = described("An introduction of a motion's or amendment's text ('seconded the following "
                                    "amendment:'): the quotation opening in the next paragraphs is its mover's words.")
    heading_words: int = described("Most words of a block read as a section heading that introduces findings.")
    anaphoric_intro: Regex = described("A list introduction that only points back ('These include:'): its list "
                                       "takes the polarity of the sentence before it.")
