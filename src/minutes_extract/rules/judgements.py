"""Schema of models/rules/judgements.json (minutes_judgements)."""
from __future__ import annotations

from typing import Literal, Optional

from ..records import Grade
from .base import Regex, RuleFile, StartStrings, Strict, described

# Regex keys are compiled case-insensitively with <<NAME>> fragments (and <<AREA>>) expanded, unless their
# description says case-sensitive.


class GradePattern(Strict):
    grade: Grade = described("The grade a matching grade text stands for.")
    pattern: Regex = described("Regex searched in the lower-cased grade text.")


class Area(Strict):
    id: str = described("Area key: spellings with one id are one area ('overall' is the whole service).")
    terms: list[str] = described("Spellings of the area (lower case; a space matches any whitespace).")


class Cue(Strict):
    id: str = described("Rule name, carried by each judgement as its provenance (some ids have code of their own).")
    strength: Literal["strong", "weak"] = described(
        "'weak': the grade must be quoted, capitalised mid-sentence or not good/outstanding.")
    pattern: Regex = described("Regex with a group `grade` (may have `area`, `subj`, `obj`, `mid`, `noun`, `grade1`).")
    capitalised_area: bool = described("The `area` group must start with a capital (a table run into prose).",
                                       default=False)
    needs_earlier: bool = described("Only after an earlier judgement in the sentence (an elliptical grade).",
                                    default=False)
    after: Optional[Regex] = described("Case-sensitive regex that what follows the grade must match.", default=None)
    named_subject: bool = described("The subject must name an area or the authority.", default=False)
    area_after_grade: bool = described("The area follows the grade ('and good for care leavers').", default=False)
    own_grade: bool = described("An excepted area's own grade ('except care leavers, which was RI').", default=False)
    forecast: bool = described("The cue itself is a hope about a future grade ('aims to be outstanding').",
                               default=False)
    lists_after: bool = described("The areas listed after the cue's own area share its grade ('The areas graded RI were: X, "
                                  "Y and Z').", default=False)
    earlier_area: bool = described("The grade is the former one of the judgement just found in its sentence, and "
                                   "takes its area ('upgraded to Good from Requires Improvement').", default=False)
    presupposed: bool = described("A grade inside a definite noun phrase (`presupposed_grade`: 'the good judgement', 'its "
                                  "inadequate rating') is a past fact: a modal later in the clause ('whether the good "
                                  "judgement could be sustained') does not make it a hope.", default=False)
    own_clause_tense: bool = described("The grade is the predicate of its own that-clause ('the judgement that X was "
                                       "good'): only that clause's tense decides a forecast, not what follows it.",
                                       default=False)


class JudgementsRules(RuleFile):
    fragments: dict[str, Regex] = described("<<NAME>> placeholders (<<AREA>> is built from `areas`).")
    grades: list[GradePattern] = described("Grade texts and the grade each stands for, tried in order.")
    grade_prefilter: Regex = described("Case-sensitive regex of a grade word: lines without one are not read.")
    grade_prefilter_starts: StartStrings = described("What every grade_prefilter match starts with.")
    areas: list[Area] = described("The judgement areas and their spellings.")
    cues: list[Cue] = described("What ties a grade to a judgement, tried in order for each grade.")
    accept_after_grade: Regex = described("What may follow an unquoted grade of a verb cue.")
    # filters and forecasts
    forecast: Regex = described("Future or hypothetical wording before a grade: a hope (`forecast: true`).")
    forecast_after: Regex = described("Wording after a grade that makes it a hope ('... to be achieved').")
    grade_label_after_copula: Regex = described("Ends at a grade after a copula: 'requires improvement' there is the grade's "
                                                "name ('help and protection remained requires improvement'), not a verb.")
    home_name_within: Regex = described("A home's name anywhere in a sentence ('Beech Lodge'): the owner of a later "
                                        "'its ... rating' when its own clause has no subject that owns it.")
    own_authority_name: Regex = described("The authority a document names first (group `name` or `name2`): a bare place "
                                          "name sharing no word with it is another authority ('Eastmoor had been rated good').")
    own_authority_reach: int = described("Characters from the start of a document searched for own_authority_name.")
    presupposed_grade: Regex = described("Ends at a grade held by a definite noun phrase ('the', 'its', 'our' ...), not "
                                         "after a verb of attaining ('achieve the good rating').")
    negation: Regex = described("A negation just before the grade: not a judgement.")
    national: Regex = described("National or other authorities' figures in the grade's clause: not this authority's.")
    alternatives_after: Regex = described("'good or outstanding' from the grade on: an alternative, not a judgement.")
    alternatives_before: Regex = described("'good or outstanding' ending at the grade: an alternative.")
    other_scale: Regex = described("Another inspectorate's scale named in the sentence (Estyn, Care Inspectorate).")
    survey_rating: Regex = described("After the grade: a rating by a survey's respondents, not an inspectorate.")
    noun_modifier_exclude: Regex = described("'credit rating', 'hygiene rating': other ratings before the cue.")
    strong_unmarked_needs: Regex = described("An unmarked 'good' judgement_of cue needs one of these in the sentence.")
    unmarked_noun_needs: Regex = described("An unmarked 'good judgement' is a judgement only after an article.")
    inspection_context: Regex = described("Inspection words; a grade line needs one within context_window characters.")
    inspection_context_starts: StartStrings = described("What every inspection_context match starts with.")
    # subjects and areas
    excluded_subject: Regex = described("Subjects that are not this authority's services (schools, cases, practice).")
    vague_subject: Regex = described("Vague subjects ('some areas'): no judgement.")
    all_subject: Regex = described("'all areas', 'every judgement': the overall grade.")
    overall_subject: Regex = described("Subjects that are the whole service (services, council, agency): overall.")
    area_subject: Regex = described("Subjects that are an area as written (a board, a partnership).")
    entity_head: Regex = described("The inspected body itself ('the Adoption Agency'): overall.")
    area_of_service: Regex = described("'services for <<AREA>>': a named area, not the whole body.")
    including_area: Regex = described(
        "'including <<AREA>>' after an overall grade: that area shares it (group `area`).")
    apart_from: Regex = described("'apart from', 'except' before including_area: the area does not share the grade.")
    excepted_before: Regex = described("'except' before a cue's area: that area is the one not so judged.")
    area_subtitle: Regex = described("Separator of a table area's subtitle ('Court disposals - ...').")
    area_qualifier: Regex = described("'of'/'for' or a dash that ends a table area's head.")
    standard_area: Regex = described(
        "An inspection standard's name ('how well children ...', 'the effectiveness of ...').")
    grade_ends: Regex = described("Text ending in a grade: 'overall' after it ends an earlier judgement.")
    area_list_before: Regex = described("An area listed before another (group `area`).")
    relative_pronoun: Regex = described("'that'/'which'/'who': the subject is the antecedent before it.")
    area_service_head: Regex = described(
        "'<<AREA>> services', 'adoption team': an area named as a service (group `area`).")
    named_subject: Regex = described("The authority or its children's services named as subject.")
    areas_after_noun: Regex = described("'Good ratings were received for <<AREA>>' (group `area`).")
    area_list_after: Regex = described("The next area of a list after an area (group `area`).")
    fronted_participle: Regex = described("'Given a rating of ...' before the grade: the subject follows it.")
    subject_after: Regex = described("The subject after a fronted participle (group `subj`).")
    list_subject_boundary: Regex = described("Where a subject that lists areas starts.")
    list_separator: Regex = described("What separates areas in a list (',', 'and', '&').")
    area_after_grade: Regex = described("'good for care leavers': an area after the grade (group `area`).")
    as_were_area: Regex = described("', as were care leavers': an area sharing the grade (group `area`).")
    clause_subordinator: Regex = described("Words opening the grade's own clause (its tense decides a forecast).")
    past_finite: Regex = described("Past finite verbs: a clause so worded is no hope.")
    one_of_set: Regex = described("'one of only 15 councils rated ...': the subject is the one, not the set.")
    one_of_head: Regex = described("The subject before one_of_set (group `subj`).")
    coordinated_tail: Regex = described("A clause ending in 'and'/'but': the subject is the earlier judgement's.")
    self_assessed: Regex = described("The authority's own self-assessment: not an inspectorate's judgement.")
    agency_named: Regex = described("The authority's own fostering or adoption agency named before (group `agency`).")
    agency_exclude: Regex = described("Services other than the agency: its overall grade is not the agency's.")
    agency_rules: list[str] = described("Cue ids whose overall grade goes to an agency named before.")
    own_provision_appositive: Regex = described(
        "Case-sensitive: a name beside the authority's own home, agency or service (groups name/desc, name2/desc2, "
        "name3).")
    own_provision: Regex = described("'the council's own', 'in-house': the provision is the authority's.")
    included_past_grade: Regex = described(
        "', which was previously inadequate' after an included area: a former grade.")
    home_name: Regex = described("A children's home named like a house ('Ash Grove'): the area, not a place.")
    transition_tail: Regex = described("'had moved from', 'retained': the verb before a moved grade.")
    possessive_before_grade: Regex = described("'its'/'their' just before the grade: the rating is the subject's.")
    area_list_colon: Regex = described("': X, Y and Z' after an overall grade (group `area`).")
    agency_appositive_name: Regex = described(
        "Case-sensitive: the agency's own name in apposition after agency_named (group `name`).")
    counted_areas: Regex = described("'the other three areas': counted areas, kept as written.")
    coordinated_owner: Regex = described(
        "'<subject> was inspected in 2022 and' before 'its rating': from its first verb on, the clause to skip to "
        "reach the owner.")
    excluded_giver: Regex = described(
        "'the internal audit of the MASH gave a rating of': a rating given by an audit or survey, not an inspectorate.")
    overall_label: Regex = described(
        "A table row label naming no area ('Outcome', 'Previous inspection (2019)', 'Children\'s social care'): overall.")
    provision_plural: Regex = described(
        "'our children's homes, ' before listed names: each name set beside it takes the grade.")
    parenthetical_relative: Regex = described(
        "', which works alongside other agencies,' before a grade's verb: the subject is the noun phrase before it.")
    own_agency_subject: Regex = described(
        "'our in-house agency': the authority's own agency is its own area, not the whole service.")
    anaphoric_provision: Regex = described(
        "'the agency', 'the home' (group `head`): the provision graded before whose name ends in the same noun.")
    table_middle_cell: Regex = described(
        "'| 14 October 2025' between a table row's name and its grade: a date cell, no part of the area.")
    relative_aside: Regex = described(
        "', which works with two neighbouring councils,' inside a clause: an aside, not what the clause grades "
        "(national words in it do not make the grade a national figure).")
    appended_subject: Regex = described(
        "A clause '<subject> <verb> ...,' ending at an appended ', from A to B' (group `subj`): what the grades are of.")
    judgement_noun_head: Regex = described(
        "'the grade for', 'the rating of' before an area: the area is what the subject names.")
    table_cell_separator: Regex = described("Between the cells of a table row ('|', a tab, ' - ' of HTML and DOCX rows).")
    grade_cell: Regex = described("A cell holding only a grade, with an optional note ('Inadequate (June 2025)').")
    clause_antecedent: Regex = described(
        "'the fostering service was last inspected in 2022' (group `area`): what 'it' in the clause after it grades "
        "('..., when it was graded Good').")
    inspected_then: Regex = described(
        "'the fostering service was inspected in May and (received ...)' ending where the grade's cue starts (group "
        "`area`): the coordinated clause grades the area inspected.")
    row_former_grade: Regex = described(
        "'(previously Inadequate, 2021)' after a table row's grade (group `grade`): the row's area had that grade before.")
    row_label_tail: Regex = described(
        "' - Ofsted rating' ending a table row's area cell: a label; the name before it is the area (the label is "
        "the row's context).")
    target_column: Regex = described("A column heading of targets or forecasts ('Target', 'Aim by 2027'): its grades are no "
                                     "judgement.")
    grid_cell_separator: Regex = described(
        "Between two cells of a table row ('Larch Lodge | Good | Outstanding', an HTML row's ' - ').")
    grid_time_column: Regex = described(
        "A grid column named by a time ('2022', 'Previous judgement'): its grades are the row label's.")
    grid_overall_column: Regex = described(
        "A grid column named as the overall grade ('Overall experiences and progress'): the row label's.")
    grid_skip_cell: Regex = described("A cell that is no row label (a date).")
    anaphoric_subject: Regex = described(
        "'the home' as a grade's whole subject: the authority's own provision named in the sentence before, else none.")
    area_list_item_before: Regex = described(
        "'Governance and leadership; staff; and ...' (group `area`): an area that is a whole semicolon-separated item"
        " of a list before a judged area shares its grade.")
    fronted_for_area: Regex = described(
        "'...; for children in care it was Outstanding' (group `area`): the area fronted before a grade's 'it'.")
    sccif_area: Regex = described(
        "The three judgements of a children's home or fostering/adoption agency inspection ('How well children and "
        "young people are helped and protected'): in a block under the home's or agency's name they are its grades.")
    sccif_overall_area: Regex = described("'Overall experiences and progress ...': the home's or agency's own grade.")
    block_field_line: Regex = described("A 'Key: value' line of a block of a page ('Inspected: 21 October 2025').")
    entity_field: Regex = described("A field naming the service a block is about ('Service: X Fostering Service').")
    block_head_name: Regex = described("A short capitalised name heading a block ('Oak Lodge', 'The Willows (short breaks)').")
    block_head_exclude: Regex = described("Words of a heading that is no home's or agency's name ('Ofsted judgements').")
    bilingual_row: Regex = described(
        "A bilingual rating row 'Welsh area / English area: Welsh grade / English grade' (groups `area`, `grade`).")
    own_provision_title: Regex = described(
        "A page title naming one of the authority's own provisions ('Ofsted inspection of our fostering service', group "
        "`name`): the page's overall grades of 'the service' are that provision's.", default=r"(?!)")
    grade_key_line: Regex = described(
        "A legend of grade letters ('Key: O = Outstanding, G = Good, RI = Requires improvement'): the line grades "
        "nothing, and a table's cells holding those letters are those grades.", default=r"(?!)")
    grade_key_pair: Regex = described("One letter of a grade legend and its grade (groups `letter`, `grade`).",
                                      default=r"(?!)")
    named_provision_subject: Regex = described(
        "A sentence whose subject is a name graded by a verb ('Hazel Bank was judged outstanding', group `name`): after"
        " the paragraph names the authority's own homes or agencies, that home or agency.")
    fronted_list_head: Regex = described(
        "Searched before the first item of a list of areas: a fronted preposition opening the sentence or clause ('Under"
        " organisational delivery, governance and leadership, staff ... were all rated Good'): that item heads the list.")
    whose_relative: Regex = described(
        "A clause ending in a relative 'whose' (groups `ante`, `rest`): 'Lowfield Council, whose own services are': the"
        " grade is the antecedent's, so another authority's or provider's antecedent makes it no judgement.")
    authority_suffix: Regex = described(
        "Words ending an authority's name ('Borough Council'): the place name before them is compared with the"
        " document's own authority.")
    receiving_verb_tail: Regex = described(
        "Searched before a grade noun: the verb by which the subject received it ('Larchfield, the council's home,"
        " received a '): a subject naming the authority's own provision beside its description is the area.")
    provision_appositive_intro: Regex = described(
        "'The fourth home, Maple Rise,' (group `name`): a sentence opening with a home or agency and its name, which"
        " owns the 'its rating' later in the sentence.")
    noun_of_appositive: Regex = described(
        "Matched after a grade noun: 'of the council's home care service, Careline Plus,' (group `obj`): the rating of"
        " the provision named beside its description.")
    provision_plural_after: Regex = described(
        "Matched after names graded together: a plural provision set beside them ('Holly Bank and Cedar View, two of"
        " the council's homes,'): each name takes the grade.")
    named_provision_apposition: Regex = described(
        "'Adopt Westmere and Dales, the regional adoption agency,' (groups `name`, `head`): a provision named beside its"
        " description, the antecedent of a later 'The agency ...' sentence.")
    pronoun_head: Regex = described("'The agency', 'The home' opening a sentence (group `head`).")
    grade_clause_end: Regex = described(
        "Matched after a grade: the clause ends there. A weak cue's plain grade of a named area after a judgement in"
        " its sentence or paragraph is taken ('..., and leadership within the agency was also outstanding').")
    coordinated_grade_gap: Regex = described(
        "The whole gap between a grade found to be no judgement and the next grade ('... for safety and '): the next"
        " grade is coordinated with it, of the same subject, and no judgement either.")
    anaphoric_object: Regex = described(
        "Matched where a judgement starts: 'rated the service good' (group `head`): the object is the provision with"
        " that head graded last before it, within anaphoric_object_reach characters and no whole-service grade between.")
    anaphoric_object_reach: int = described("Characters back that 'rated the service' looks for its provision.")
    heading_line: Regex = described(
        "A line with no sentence end (a heading): 'rated the service' does not reach back over one to its provision.")
    noun_recipient: Regex = described(
        "Matched after a grade noun: 'given to St Peter's Primary School' (group `obj`): a school's or another"
        " provider's grade is none of the authority's.")
    fronted_domain: Regex = described(
        "An HMIP domain fronted at a sentence's start ('For court disposals, ', group `domain`): the standards named in"
        " the sentence (domain_standard) take the grade that follows each.")
    domain_standard: Regex = described("An HMIP standard of a disposals domain ('assessment', 'reviewing'; group `std`).")
    key_question_line: Regex = described(
        "A CQC key question as a heading line ('Is it safe?', 'Is the service well-led?'; group `area`): a line under it"
        " that opens with a grade (grade_alone or grade_opens_line) grades that key question.")
    grade_opens_line: Regex = described("A line opening with a grade as its own sentence ('Requires improvement. Risk ...').")
    dated_after_grade: Regex = described(
        "Matched just after a grade: a year follows ('in 2019'). An elliptical grade after a judgement in its sentence"
        " with a year of its own is in context ('judged inadequate in 2016, requires improvement in 2019 and good in 2023').")
    area_given_before: Regex = described(
        "'Inspectors gave help and protection a ' before 'grade of good' (group `area`): the area given the grade.")
    own_provision_intro: Regex = described(
        "'Oak House is one of the Council's homes', 'Maple Court, one of the council's children's homes,' (group"
        " `name`): a sentence opening with the name of the authority's own home, agency or scheme.")
    domain_heading_words: int = described(
        "At most this many words: a heading above table rows that names an area ('Domain two: court disposals').")
    name_preposition: Regex = described(
        "Case-sensitive: a capitalised preposition opening a sentence ('For care leavers, ...'): no part of a name.")
    subject_boundary: Regex = described("Case-sensitive: where a grade's subject starts (',', 'but', 'and the').")
    quantifier: Regex = described("A leading quantifier of a subject ('both', 'all three').")
    pronoun_subject: Regex = described("'one', 'the other': the area of the judgement before.")
    pronoun_object: Regex = described("'it', 'they': the area of the judgement before.")
    determiner: Regex = described("A leading determiner of a subject ('the', 'its').")
    provision_head: Regex = described(
        "A spelling of an area that describes a provision ('regional adoption agency'): the provision's proper name, "
        "where the document gives one, replaces it.")
    other_provider: Regex = described(
        "A provider that is not the authority's ('an independent fostering agency', 'a private home').")
    other_provider_named: Regex = described(
        "Another provider named after its description, graded in a relative clause ('an independent fostering "
        "agency, Brightpath, which was rated good'), read up to the grade: no judgement of the authority's.")
    scorecard_label_row: Regex = described(
        "A bare label row ('Rating: Good') that, under a numbered standard heading, grades that standard.")
    numbered_standard_head: Regex = described(
        "A numbered standard heading of a scorecard ('1.1 Governance and leadership'; groups `major`, `name`).")
    domain_line: Regex = described(
        "A scorecard's domain heading ('Domain 2: Court disposals (domain score 6 of 12)'; groups `number`, `domain`).")
    honoured_name: Regex = described(
        "Read up to a grade noun: the named place whose staff are thanked or congratulated on it ('congratulates the "
        "staff at Larkspur on the outstanding judgement'; group `name`): the grade is that place's.")
    coordinated_predicate_subject: Regex = described(
        "Matched from a clause's subject piece ending in 'and' before an auxiliary and a grade verb: the subject of the "
        "first conjunct, before its first finite verb (group `subj`; 'the council had received its letter ... and had "
        "been rated RI'): the coordinated grade is that subject's.")
    inspection_of_object: Regex = described(
        "Searched in the text before 'rated it <grade>': an inspection noun and its object (group `obj`; 'The last "
        "assessment of the council's own reablement service, in 2024,'): 'it' is that object.")
    grade_for_listed_areas: Regex = described(
        "Matched after a grade: 'in all three areas:' - the grade is each listed area's (read from the list), not the "
        "subject's as a whole.")
    asserted_after_grade: Regex = described(
        "Matched after a grade in a question or hope: 'as it had been in 2018' asserts the grade held then, so the "
        "grade is a past judgement, not a forecast ('asked whether the team was still rated inadequate, as it had been "
        "in 2018').")
    provision_apposition_tail: Regex = described(
        "Searched at the end of a grade's subject: a generic provision followed by its proper name in apposition "
        "(groups `desc`, `name`; 'the fostering agency, Brackenridge Family Placements,'): the area is the name.")
    provision_possessive_before_grade: Regex = described(
        "Searched before a grade: 'the service's' (group `head`) owning it ('followed the service's \\'requires "
        "improvement\\' inspection outcome'): the grade is the authority's own provision of that head named before it "
        "in the sentence.")
    domain_qualified_area: Regex = described(
        "A table row's area cell that is an area term qualified by a standard after a colon (groups `domain`, "
        "`std`; 'Court disposals: planning'): named as written, each standard its own judgement.")
    row_then_clause: Regex = described(
        "A row 'name - grade (note)' followed by '; ' and a clause (group `row`; 'Willow Court - Requires "
        "improvement to be good (August 2025); an action plan is in place'): the row is read without the clause.")
    labelled_predicate_row: Regex = described(
        "A line opening with a capitalised name, a dash and a lower-case predicate (group `name`; 'Ashgrove - "
        "retained its Outstanding rating'): the overall grades the predicate gives are the name's.")
    labelled_name_exclude: Regex = described(
        "Names before such a dash that are labels or inspectorates, not a graded provision ('Ofsted - rated ...').")
    indefinite_provision: Regex = described(
        "An indefinite description of a home or agency set beside a name ('a short breaks home'): in a paragraph "
        "that names the authority's own homes or agencies, the name is one of them.")
    received_grade_tail: Regex = described(
        "Searched before a grade noun: the verb receiving it ('had received the council's first outstanding grade'); "
        "the grade is a named area's when the verb's subject names one.")
    pronoun_sentence: Regex = described(
        "A sentence opening with 'It' or 'The service/home' that may refer to the provision before.")
    antecedent_area: Regex = described(
        "The subject of an inspected provision ('Our fostering service was inspected'; group `area`).")
    antecedent_name: Regex = described(
        "A capitalised name that was inspected ('Willow Cottage was inspected'; group `name`).")
    year: Regex = described("Case-sensitive: a year near the grade (group 1).")
    # tables
    table_row: Regex = described("A judgement-table row 'area - grade' (groups `area`, `grade`).")
    table_context: Regex = described("A table heading line ('Judgements', 'Grades') above a row.")
    not_table_area: Regex = described("Words that make a row's 'area' a sentence, not an area.")
    grade_alone: Regex = described("A line holding only a grade: the line above is its area (group `grade`).")
    row_marker: Regex = described("A list marker before a table area.")
    row_verb_tail: Regex = described("A verb at the end of a row's area ('... had been rated as').")
    row_shared_tail: Regex = described("Words between a row's names and its shared grade ('Maple View and Fern Cottage - both').")
    table_area_share: float = described("A known area term must cover this share of a table area's head.")
    # documents and sizes
    other_scale_document: Regex = described("Inspectorates with other scales; a document naming only these is skipped.")
    four_point_document: Regex = described("Case-sensitive: inspectorates with the four-point scale.")
    grade_abbreviations: dict[str, Grade] = described("Grade abbreviations as written ('RI').")
    context_window: int = described("Characters around a grade line searched for inspection_context.")
    forecast_window: int = described("Characters before a grade read for forecast wording.")
    list_splits: dict[str, tuple[str, str]] = described(
        "Area id of a combined area -> the ids of its two parts ('children in care and care leavers').")
    list_gap_words: int = described("Most words between listed areas (and after the last).")
