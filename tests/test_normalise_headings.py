"""Headings stay their own lines when the normaliser rejoins hard-wrapped text (issue 10)."""
from minutes_extract.normalise import normalise

# A block of long, hard-wrapped lines sets the page's wrap width.
_WRAPPED = (
    "The panel received the yearly report on fostering recruitment and heard that the number of\n"
    "approved carer households had fallen again, although enquiries from the public had risen by\n"
    "a third since the spring campaign on local radio and in the free newspapers.\n"
)


def _lines(text: str) -> list[str]:
    return normalise(text).text.split("\n")


def test_hyphenated_heading_ending_in_a_short_word_is_not_a_dangling_sentence():
    lines = _lines("Call-in\nThe decision takes effect after five working days unless it is called in.\n")
    assert lines[0] == "Call-in"


def test_dangling_preposition_still_joins_a_wrapped_sentence():
    lines = _lines(_WRAPPED + "The chair thanked the officers and asked for a further update in\nMarch next year.\n")
    assert "The chair thanked the officers and asked for a further update in March next year." in lines


def test_numbered_heading_whose_next_word_would_have_fitted_is_not_joined():
    lines = _lines(_WRAPPED + "57. Declarations of interest\nNone were declared.\n")
    assert "57. Declarations of interest" in lines
    assert "None were declared." in lines


def test_long_line_wrapped_before_a_capitalised_word_still_joins():
    text = ("The panel received the yearly report on fostering recruitment from the Head of Children's\n"
            "Services and heard that the number of approved carer households had fallen again this year\n"
            "although enquiries from the public had risen by a third since the spring campaign began.\n")
    assert len(_lines(text)) == 1


def test_line_wrapped_before_a_year_still_joins():
    lines = _lines(_WRAPPED + "A further monitoring visit by the inspectors was expected in June\n"
                   "2027 and the full inspection towards the end of that year.\n")
    assert "A further monitoring visit by the inspectors was expected in June 2027 and the full inspection towards the end of that year." in lines


def test_short_heading_between_a_long_line_and_its_body_is_not_joined():
    lines = _lines(_WRAPPED + "Members present: Councillors Ashdown (Chair), Bellamy, Carver, Dunmore and Ellery\n"
                   "Apologies for absence\nApologies were received from Councillor Fenwick and Councillor Gale.\n")
    assert "Apologies for absence" in lines


def test_short_capitalised_tail_of_a_wrapped_sentence_still_joins_after_a_dangling_word():
    lines = _lines(_WRAPPED + "Parents said that they had been placed on a plan when they had worked well with\n"
                   "Social Workers. (The report gave examples.)\nThe Chair thanked the service manager for the report.\n")
    assert "Parents said that they had been placed on a plan when they had worked well with Social Workers. (The report gave examples.)" in lines


def test_four_figure_minute_number_starts_its_own_line():
    lines = _lines(_WRAPPED.replace("newspapers.", "newspapers") + "2462. Declarations of interest\nNone were declared.\n")
    assert "2462. Declarations of interest" in lines


def test_year_at_a_line_start_is_no_minute_number():
    text = ("The panel received the yearly report on fostering recruitment and heard that the number of\n"
            "approved carer households had fallen again since the peak reached in the spring of the year\n"
            "2019. Enquiries from the public had risen by a third since the spring campaign on the radio.\n")
    assert len(_lines(text)) == 1


# A web page's text with one paragraph per line and no blank lines between them (some council sites print
# paragraphs and list items this way): nothing here was wrapped by a page.
_WEB_BULLETS = (
    "The Service Manager presented the annual report of the Independent Reviewing Service.\n"
    "• Reviews of children's plans were held on time for almost every child throughout the year\n"
    "• Independent reviewing officers challenged drift in plans and escalated concerns through the dispute "
    "resolution process where they were not satisfied with the progress being made for a child\n"
)


def test_a_short_question_heading_after_a_bullet_is_not_its_tail():
    lines = _lines(_WEB_BULLETS + "What are we worried about?\n"
                   "• Too few children attend their own review or contribute to it in a way they choose\n")
    assert "What are we worried about?" in lines


def test_a_capitalised_line_after_a_line_longer_than_any_page_is_not_its_tail():
    lines = _lines(_WEB_BULLETS + "The Chair thanked the Service Manager for a clear report.\n")
    assert "The Chair thanked the Service Manager for a clear report." in lines


def test_a_longer_capitalised_line_after_a_bullet_is_not_its_tail():
    text = ("• Reviews were held on time for almost every child in the year\n"
            "Members asked how many children had attended their own review meeting during the year.\n")
    assert "Members asked how many children had attended their own review meeting during the year." in _lines(text)


def test_a_bullet_wrapped_before_a_capitalised_name_still_joins():
    lines = _lines(_WRAPPED + "• The report was welcomed by the panel, which thanked officers from the\n"
                   "Fostering Service.\n")
    assert "• The report was welcomed by the panel, which thanked officers from the Fostering Service." in lines
