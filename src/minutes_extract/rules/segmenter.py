"""Schema of models/rules/segmenter.json (minutes_segmenter): section headings, agenda titles, the patterns
of item codes and page layouts, and the word lists that tell a heading from a sentence. What the rules
mean lives in components/segmenter/."""
from __future__ import annotations

from typing import Literal

from .base import Regex, RuleFile, Strict, described

# The kinds of section heading a line can be (span group "sections" labels; resolutions.json and
# findings.json name some of them).
SectionKind = Literal[
    "decision", "minutes", "resolved", "recommendations", "summary", "purpose", "background",
    "financial_implications", "legal_implications", "risk", "equality", "human_resources", "consultation",
    "options", "documents", "attendance", "discussion", "findings", "next_steps",
]
ListMarkerKind = Literal["bullet", "decimal", "deep", "marker"]


class ListMarker(Strict):
    kind: ListMarkerKind = described("What the marker is: a bullet glyph, a report's decimal paragraph number "
                                     "('3.3'), a deep marker ('(a)', 'ii.') or any other list marker.")
    pattern: Regex = described("Regex matched at the start of a stripped line (case-sensitive).")
    level: int = described("List level of a line it matches (0 paragraph, 1 entry, 2 sub-entry); first match wins.",
                           ge=0, le=2)


class ItemPatterns(Strict):
    """Regexes read by name (case-sensitive unless they start with (?i))."""
    printed_marker: Regex = described(
        "Printed minutes' '(Item 3)' or '(Minute 31)' line under a title (groups `kind`: Item or Minute, `code`).")
    colon_heading: Regex = described("A title-cased heading ending with a colon ('Apologies for Absence:'): "
                                     "the colon introduces no list.")
    minute_number: Regex = described("A minute number before a printed title ('285. Title'; group 1).")
    agenda_item: Regex = described("An 'Agenda item N' line, maybe after a site name (group 1: the number).")
    agenda_item_end: Regex = described("What an agenda_item line ends with (searched first, cheaply).")
    issue_meetings_header: Regex = described("ModernGov issue pages' 'Issue - meetings' header (no title line).")
    meeting_item: Regex = described("An issue page's 'Meeting: ... (Item 10)' line (group 1: the number).")
    item_reference: Regex = described("'(item 7)' or 'for item 7' near an agenda page's title (groups 1, 2).")
    subject_field: Regex = described("A report's 'Subject:' field (group 1: its value, may be empty).")
    item_label: Regex = described("'Item: 7 Title' (group 1: number, group 2: title).")
    minute_label: Regex = described("'Minute No. 12 - Title' (group 1: number, group 2: title).")
    item_code_alone: Regex = described("An item code alone on its line (groups `code`, `stop`): the title follows.")
    item_code_inline: Regex = described("An item code and its title on one line (groups `code`, `stop`, `title`).")
    item_list_header: Regex = described("The 'No. Item' header of an unnumbered list of items.")
    report_of: Regex = described("A 'Report of ...' line under (or over) a report's title.")
    not_a_title_start: Regex = described("Words a sentence starts with and a title does not ('RESOLVED', 'The').")
    section_number: Regex = described("A section heading's number ('3. Background'), removed before lookup.")
    caps_title_end: Regex = described("The dash ending a capitals title run on into text ('TITLE – The ...').")
    run_in_heading: Regex = described(
        "A numbered heading run into its first sentence (group `title`): the sentence opens with its subject and "
        "a finite or reporting verb ('3 Call-in: Closure of X The Board considered ...').")
    month_start: Regex = described("A title starting with a month ('14 DECEMBER 2009'): a date, not an item.")
    title_date_tail: Regex = described(
        "A date after a numbered title's colon ('Date of next meeting: Monday 13th May 2024.'): not the title.")
    dated_title: Regex = described("A dated decision line '01/02/2024 - Title - REF/1' (group `title`).")
    field_line: Regex = described("A 'Label:' field line at the top of a page.")
    description_subject: Regex = described("What a description says it is about (group `subject`).")
    subject_end: Regex = described("Where a description's subject phrase ends.")
    description_title: Regex = described(
        "A capitalised title a description names after 'considered'/'received' (group `subject`), when "
        "description_subject finds none ('The Panel considered the Fostering Service Annual Report 2025/26').",
        default=r"(?!)")
    pronoun_start: Regex = described("A subject starting with a pronoun: it names nothing.")
    meeting_header: Regex = described("A meeting's name-and-date or time line (weekday ... year, '6.30 pm').")
    year_like: Regex = described("A year ('2024/25') opening a title: part of the title, not its number.")
    time_line: Regex = described("A time of day alone on its line ('5.30pm', '18:00 - 19:30').")
    item_letter_inline: Regex = described("A letter or Roman numeral code and title (groups `code`, `stop`, `title`).")
    item_letter_alone: Regex = described("A letter or Roman numeral code alone on its line (groups `code`, `stop`).")
    headline_subject: Regex = described("A headline's subject after its colon, an authority or partnership ('Adult social care "
                                        "assessment: X Council'): the line is a title, not a field.")
    authority_line: Regex = described("A line naming the authority alone, maybe in two languages ('Cyngor Sir X / X County "
                                      "Council'): page furniture between a page's title and its meeting line.")
    sub_item_code: Regex = described("A lettered sub-item code ('6a', 'HC.6b').")
    time_prefix: Regex = described("A time of day before a title ('15:15 Title') in a programme.")
    minutes_header: Regex = described("The line naming a meeting record ('Minutes of the ... held on ...').")
    minutes_cue: Regex = described(
        "A line only minutes write: a recorded decision ('RESOLVED:', 'The Panel AGREED to ...'). Two of them "
        "make a page with no header a meeting record whose headings may start at its first line.", default="(?!)")
    date_line: Regex = described("A date alone on its line ('Monday, 3 March 2025'): not a report's title.")
    dateline: Regex = described(
        "A news page's dateline ('Press release', 'News | 19 February 2026', 'Posted on 5 May 2025', a date alone): "
        "page chrome under the headline, never the title.")
    organisation_line: Regex = described(
        "A line that only names a body ('Ravensholme Youth Justice Partnership', 'Cyngor Sir X / X County Council'): "
        "under a page's title it is the publisher, not the title.")
    report_to_line: Regex = described(
        "A report's addressee alone on its line ('REPORT TO CABINET', 'Report to the Licensing Committee'): a header "
        "line above the report's title.", default=r"(?!)")
    body_name_line: Regex = described(
        "A cell of a report's header line that names the meeting's body ('Eastvale Police and Crime Panel', "
        "'Children's Services Scrutiny Committee'): not the report's title.", default=r"(?!)")
    masthead_line: Regex = described(
        "A site's masthead or breadcrumb, parts joined by ' | ' or ' > ' ('Kestrel Vale Life | Winter 2025'): "
        "furniture above a web page's headline.")
    section_label_line: Regex = described("A capitalised one-word section label ('FAMILIES') above a headline.")
    inspectorate_improvement_heading: Regex = described(
        "An inspection's 'What the service needs to do to improve' heading: a 'Recommendations' heading under it "
        "lists the inspectorate's recommendations, no section of the body's decisions.")
    question_heading: Regex = described(
        "A heading put as a question without its mark ('What Ofsted found', 'What happens next'): a report's section.")
    ends_with_date: Regex = described(
        "A line ending in a full date ('Summary page prepared for the meeting on 3 March 2026'): under a page's "
        "first line, it dates the page that line heads.")
    welsh_line: Regex = described(
        "A line in Welsh (two or more Welsh function words or service nouns): of a bilingual headline pair "
        "('Gwasanaeth ... yn cael ei raddio'n Dda' over 'X Service rated Good') the English line is the title.")
    link_prompt: Regex = described(
        "A link's invitation to the reader ('Read the full report ... (PDF, 412 KB)'): a document link, not a title.")
    table_cells: Regex = described("Cells of a table pasted with '|' ('2. Court disposals | Outstanding'): a row, not an item.")
    contents_heading: Regex = described("A newsletter's contents heading ('IN THIS ISSUE', 'Contents'): its entries are no items.")
    attachments_heading: Regex = described("A web page's list of downloads ('Related documents'): its links are no items.")
    contents_entry: Regex = described("An entry of a contents list: a title and its page number ('JTAI outcome ........ 1').")
    page_contents_heading: Regex = described(
        "A web page's list of its own sections ('On this page', 'In this article'): the page's title stands above it, "
        "under the site's chrome.", default=r"(?!)")
    salutation_line: Regex = described(
        "A letter's salutation ('Dear foster carers,'): the line over it is the letter's title.", default=r"(?!)")
    embedded_question: Regex = described(
        "A label over an embedded question ('Easy read: What Ofsted said about us'): the title of a page; a"
        " reporting verb after its wh-word makes no sentence of minutes.", default=r"(?!)")
    notes_heading: Regex = described(
        "A press release's 'Notes to editors' heading: the numbered sentences under it are notes, not items.",
        default=r"(?!)")
    person_line: Regex = described(
        "A line naming a person alone ('Councillor Tom Ashworth', 'Cllr A. Khan, Cabinet Member'): a report's author, "
        "never its title.", default=r"(?!)")
    presenter_line: Regex = described(
        "A person named with a role ('Sarah Price, Planning Manager', 'Tom Quinn - Senior Solicitor'): who presents "
        "an item, printed under its title; never a title, and the line above it is one.", default=r"(?!)")


class SegmenterRules(RuleFile):
    section_headings: dict[SectionKind, list[str]] = described(
        "Section kind -> heading texts (lower case, without number or closing ':').")
    agenda_titles: list[str] = described("Standard agenda titles ('apologies for absence'), lower case.")
    chrome_patterns: list[Regex] = described(
        "Text after a title that is not part of it (webcast times, document links and sizes, "
        "'(agenda item 7)', an agenda description run on); removed, case-insensitive.")
    chrome_pattern_ends: list[Regex] = described(
        "One per chrome pattern, in order: a regex (case-insensitive) that finds how its match ends in a line's "
        "last chrome_end_chars characters (trailing space removed); a cheap test before the pattern is searched. "
        "A pattern without one is always searched.", default=[])
    chrome_end_chars: int = described("How many last characters of a line chrome_pattern_ends are searched in.",
                                      default=3, ge=1)
    chrome_prefix_patterns: list[Regex] = described(
        "Chrome before a title (a file-type icon word, a time of day); the title starts after it.")
    list_intro_cues: list[str] = described("Words of a paragraph that introduces a list ('as follows').")
    item_patterns: ItemPatterns = described("Item codes and page layouts, each read by name.")
    page_chrome_lines: list[str] = described("Site chrome lines above a single item's title, lower case.")
    finite_verbs: list[str] = described("Verbs that make a line with a closing full stop a sentence, not a title.")
    reporting_verbs: list[str] = described(
        "Past-tense verbs of who did what in minutes: a line with one after its first word is body text.")
    field_labels: list[str] = described(
        "Labels of an item's fields ('Action:', 'Lead officer:'): such a line is neither title nor item end.")
    bullet: str = described("The bullet glyph the normaliser writes at the start of a bullet line.")
    list_markers: list[ListMarker] = described("List markers and the level each gives a line, tried in order.")
    list_intro_ends: list[str] = described("Line endings that introduce a list (':', ' that'): no heading follows.")
    decision_kinds: list[SectionKind] = described("Section kinds whose numbered lines are decision clauses.")
    max_item_step: int = described("Largest step between item numbers in one sequence (exempt items leave gaps).",
                                   ge=1)
    max_item_gap: int = described("Largest gap in item numbers a run bridges on either side of its longest "
                                  "stretch (numbers of exempt or withdrawn items left out).", ge=1)
    description_starts: list[str] = described(
        "Starts of an agenda description under a title ('To ', 'This report'): the line above is a title.")
    clause_starts: list[str] = described("Starts of a numbered decision clause ('To ', 'That ').")
    infinitive_start: str = described("Start of an agenda line worded as an infinitive ('To receive ...').")
    decision_verbs: list[str] = described(
        "Verbs a decision clause opens with in the imperative ('Approve the policy'), lower case.")
    sentence_ends: list[str] = described("How a paragraph ends its sentence: a heading of a run comes after one.")
    header_reach: int = described("Lines from the top within which a meeting record's header is looked for.", ge=1)
    headline_reach: int = described("Lines from the top within which a news page's headline is looked for.", ge=1)
    header_words: int = described("Most words in a header line above a single item's title (its kind, body, date).",
                                  ge=1)
    sections_reach: int = described("How many lines below a page's first heading-like line to look for a second "
                                     "section heading (a title over sections).", ge=3)
    run_heading_words: int = described("Most words in a heading of an unnumbered run of like headings.", ge=1)
    colon_run_heading_words: int = described(
        "Most words in a run heading that ends with a colon over its paragraph ('Grounds maintenance contract:'); "
        "0: none.", default=0, ge=0)
    minute_label_starts: list[str] = described("What a 'Minute No. 12' label line starts with (a cheap test).")
    title_wrap_words: list[str] = described(
        "Words a title line cannot end with (lower case: 'of', 'for', 'and'): the title goes on on the next line.",
        default_factory=list)
    title_wrap_max_words: int = described(
        "Most words on the line that finishes a title wrapped onto it ('RESILIENCE', 'Climate Assembly'); 0: none.",
        default=0, ge=0)
