"""The same minutes give the same findings whether the page separates its paragraphs and list items with blank
lines or not (issue 10: council sites differ in this, and a web page's text is one paragraph per line). Text
written for these tests, in the shape of an officer's "what is working well / what are we worried about"
summary."""
from written_sentences import findings_under

HEAD = "Minutes of the Corporate Parenting Board held on 4 June 2026\n\n6. Independent Reviewing Service Annual Report\n\n"
PARAGRAPHS = [
    "The Service Manager presented the annual report and summarised it under two questions.",
    "What is working well?",
    "• Reviews of children's plans were held within timescales for 96% of children, above the 90% target",
    "• Independent reviewing officers have continued to challenge drift in plans, escalating concerns through the dispute resolution process where progress for a child was not good enough",
    "What are we worried about?",
    "• Too few children attend their own review or contribute to it in the way they choose",
    "• Reports from social workers are not always shared with families before the review meeting",
    "The Chair thanked the Service Manager for a clear report.",
]


def test_findings_do_not_depend_on_blank_lines_between_paragraphs():
    spaced = findings_under(HEAD, "\n\n".join(PARAGRAPHS) + "\n")
    packed = findings_under(HEAD, "\n".join(PARAGRAPHS) + "\n")
    assert [polarity for polarity, _ in spaced] == ["strength", "strength", "development", "development"]
    assert packed == spaced
