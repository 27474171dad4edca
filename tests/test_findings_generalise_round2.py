"""minutes_findings, issue 10 round 2 (probes h01-h08): the grammar of what is said and who says it, on sentences
written for these tests: quantifier subjects negate the predicate they govern, a purpose clause in the subject does
not cancel the verdict on it, measure direction, and speakers who are not the authority (partner and community
representatives, police officers), articles, and explained causes."""
import pytest

from written_sentences import findings_under

HEAD = "Minutes of the Scrutiny Committee held on 3 March 2025\n\n5. Quarter 3 Performance Report\n\n"


def findings_of(text: str) -> list[tuple[str, str]]:
    return findings_under(HEAD, text)


@pytest.mark.parametrize("polarity, sentence", [
    # a quantifier subject ("not enough", "not all", "too few", sentence-initial "few") negates the positive
    # predicate however far into its clause, across a coordinated or relative subject
    ("development", "Not enough young people leaving custody had suitable accommodation arranged before their release."),
    ("development", "Not all foster carers had received their annual review within the required timescale."),
    ("development", "Too few of the audited cases showed effective management oversight."),
    ("development", "Not enough damp and mould cases had been inspected within the target of ten working days."),
    ("development", "Few parents who responded to the survey felt that they had been listened to."),
    ("development", "Few tenants who took part in the survey were satisfied with how repairs were handled."),
    ("development", "The Head of Service said that few care leavers were in higher education, which was below statistical neighbours."),
    # a timescale missed in the progressive
    ("development", "Annual health checks were not being completed within 28 days for a number of children."),
    # a purpose clause in the subject names the problem; the predicate judges the work
    ("development", "Progress on the work to improve the timeliness of strategy meetings had been too slow."),
    ("development", "Work with schools to reduce persistent absence lacked urgency."),
    # measure direction: lower is better for first-time entrants; being in education is better higher
    ("strength", "The rate of first-time entrants to the youth justice system was lower than the national average."),
    ("development", "The proportion of care leavers in full-time education had dropped to 41%."),
    ("strength", "The number of children in care placed more than 20 miles from home has reduced to 11%, lower than statistical neighbours."),
    # the external auditor's value-for-money conclusion is a verdict on arrangements, not a budget position
    ("strength", "The external auditor gave an unqualified value for money conclusion."),
    ("development", "The auditor issued a qualified value for money conclusion because of weaknesses in the arrangements for children's services."),
    # "few" before a problem noun keeps its existing reading
    # the authority's officer reporting joint work with a partner still speaks for the service
    ("strength", "The Head of Service reported that, following joint work with the ICB, initial health assessments were now completed on time for 90% of children."),
    ("strength", "Few concerns were raised by the auditors about the controls in place."),
])
def test_grammar_of_verdicts(polarity, sentence):
    assert findings_of(sentence) == [(polarity, sentence)]


@pytest.mark.parametrize("sentence", [
    # partner and community representatives speak of their own services or views
    "Mrs Patel, the Healthwatch representative, said that patients had found the new booking system very effective.",
    "Mr Owusu, on behalf of the Parent Carer Forum, said that families felt support had improved.",
    "Dr Lomax, on behalf of the Integrated Care Board, reported that waiting times for therapy had improved.",
    "Ms Reyes, the Youth Council representative, said that the youth offer was inadequate in rural areas.",
    "The ICB representative said that waiting times for community paediatrics had improved significantly.",
    "The Integrated Care Board's Director of Nursing said that the quality of GP practices had improved.",
    "Chief Inspector Dale said that the new approach to missing children had worked well.",
    # an article's content; a cause explained (an event judged a success IS a strength: dev gold p125)
    "An article in the council's newsletter described the improvements in the repairs service.",
    # a member's request to note something; an apology; pressures shared with other authorities
    "The Lead Member asked the Board to note the peer team's positive comments about the early help offer.",
    "Councillor Shaw, Lead Member for Children, asked the Panel to note the positive feedback from Ofsted on the fostering service.",
    "The Director apologised that performance on complaints had not been good enough.",
    "The service was facing pressures similar to those of neighbouring authorities.",
    "The Head of Service explained that the rise in referrals was due to the new reporting portal, which had made it easier for the public to report concerns.",
])
def test_not_findings(sentence):
    assert findings_of(sentence) == []
