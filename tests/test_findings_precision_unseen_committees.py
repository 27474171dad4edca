"""minutes_findings precision on committees the rules saw little of (issue 10, wt-fprec probes t01-t10): who speaks (a
named independent member's suggestion, a representative relaying what tenants told her, survey respondents), what is
said (figures across the whole sector, a councillor's breach of the code of conduct, a forecast whose subject sits
before its infinitive), and measures judged against a target or threshold, which speak of a service's performance
whatever the item's title. Every sentence here was written for these tests."""
import pytest

from written_sentences import findings_under

SERVICE = ("Eastbrook District Council\n\nPerformance Scrutiny Panel\n\nMinutes of the meeting held on 4 May "
           "2026\n\n7. Quarterly Performance Report\n\nThe Head of Performance presented the report.\n\n")
# an item whose title and opening name no service performance (a topic item)
TOPIC = ("Eastbrook District Council\n\nEnvironment Committee\n\nMinutes of the meeting held on 4 May 2026\n\n"
         "9. Parks and Open Spaces\n\nThe Parks Manager introduced the item on the district's parks.\n\n")
END = "\n\nRESOLVED: That the report be noted."


def found(head: str, sentence: str) -> list[tuple[str, str]]:
    return findings_under(head, sentence + END)


NOT_FINDINGS = [
    # a named person (an independent member, a co-optee) suggesting is making a suggestion
    "Mr Dowling suggested that the Panel receive a list of overdue audit actions at each meeting.",
    "Ms Avery proposed that late responses to complaints be reported by directorate.",
    # feedback relayed by a member or representative, and what survey respondents said, is consultation feedback
    "Mr Latimer reported that residents on the estate had told him the new booking line was slow and confusing.",
    "Carers who took part in the annual survey said that the respite offer had improved.",
    # figures across the whole sector are context
    "The auditor noted that across the sector many bodies had still not published audited accounts.",
    # a councillor's conduct is a standards matter, not a service's performance
    "The investigation found that a town councillor had failed to treat the clerk with respect.",
    "The hearing concluded that the member had been in breach of the Code of Conduct.",
    # a forecast whose subject comes between the verb and its infinitive
    "The Director said she expected waiting times to fall below six weeks by March.",
    # a partner watchdog relaying what people told it, and a change said to be national
    "Healthwatch said that many carers it had heard from found the discharge process confusing.",
    "The Chief Nurse said that patients she had spoken to felt discharge was poorly planned.",
    "The Head of Youth Justice said that remand numbers had risen nationally over the year.",
    # a scorecard's count distribution judges no one measure; a speaker going through the indicators names topics
    "Of the 32 indicators in the scorecard, 20 met their target and 7 were amber.",
    "Of the 18 audits finalised, 15 had been given substantial or reasonable assurance.",
    "Nine indicators showed an improving trend, 14 were stable and five were worsening.",
    "The Cabinet Member addressed the indicators rated red and those that continued to exceed target.",
    # an opportunity is hoped for, not found
    "The new contract would be a real opportunity to make the service more efficient and responsive.",
    # the body's own request; pressures felt across a region; a change in demand however explained
    "The Panel recommended that the Cabinet Member lobby the Government about the shortage of social workers.",
    "The Head of Housing said that the pressures on temporary accommodation were being felt across the region.",
    "The Planning Manager explained that the fall in householder applications reflected rising interest rates.",
    # more calls than forecast is demand, and meeting the expected standard names an attainment measure
    "The contact centre had taken 48,000 calls in the quarter, 3,000 more than forecast.",
    "At the end of Year 6, 61% of pupils met the expected standard in reading.",
]


@pytest.mark.parametrize("sentence", NOT_FINDINGS)
def test_not_a_finding(sentence):
    assert found(SERVICE, sentence) == []


STILL_FINDINGS = [
    # an officer's or the report's own verdicts stay findings beside them
    ("The Head of Service said that the quality of complaint responses had improved markedly this year.", "strength"),
    ("Processing times for new claims were well within the 20-day standard.", "strength"),
    ("The average time to let an empty home was 58 days, far longer than the 28-day target.", "development"),
    ("The service had cleared all overdue food hygiene inspections by the end of the quarter.", "strength"),
    # a figure only just above its threshold is no strength; its decline decides
    ("Determination of minor applications fell to 72%, only just above the 70% threshold and a sharp decline on "
     "last year.", "development"),
    # the Government's threshold is a benchmark, not national context
    ("The Council decided 91% of major applications on time, well above the Government's threshold of 60%.",
     "strength"),
    # verdicts phrased in ways the rules had not seen: a group doing less well than its peers, a gap that widened,
    # people treated with kindness, a code not complied with, everything done within its standard
    ("Pupils eligible for free school meals performed less well than other pupils at the end of Year 6.",
     "development"),
    ("The attainment gap between boys and girls in writing has widened again this year.", "development"),
    ("Inspectors found that residents were treated with compassion and that their dignity was respected.",
     "strength"),
    ("The Head of Service said that the Council did not yet comply with the new code on complaint handling.",
     "development"),
    ("All new licence applications had been processed within the 10-day service standard.", "strength"),
    # a share that fell below a grade, beside a target it beat: the grade is no target
    ("Only 4% of streets fell below grade B for detritus, better than the target of 6%.", "strength"),
    # complaints answered in time: higher is better, so falling below the target is a shortfall
    ("Only 70% of complaints were responded to within ten days, which fell well below the target of 95%.",
     "development"),    # fewer fires is better: the lowest number is a strength
    ("Deliberate fires in the district had fallen to 61, the lowest number for a decade.", "strength"),
    # a rank among the council's own services, and a shortfall that recurs
    ("Satisfaction with the parking service was the lowest of all the services surveyed.", "development"),
    ("The report accepted that replies to councillors' enquiries were often late.", "development"),
    # a time beyond its expectation, a figure worse than expected, a standard met, a deadline kept by all
    ("The safeguarding adults review had taken 14 months, far beyond the six-month timescale.", "development"),
    ("The review found that the accuracy of address data was lower than expected.", "development"),
    ("The team had answered 97% of urgent calls within an hour, meeting the service standard.", "strength"),
    ("Annual statements were sent to all tenants by the statutory deadline.", "strength"),
    # use of a service above its benchmark: higher is better
    ("Library visits per head were 3.1, above the regional average of 2.6.", "strength"),
]


@pytest.mark.parametrize("sentence,polarity", STILL_FINDINGS)
def test_still_a_finding(sentence, polarity):
    assert [p for p, _ in found(SERVICE, sentence)] == [polarity]


@pytest.mark.parametrize("sentence,polarity", [
    ("Litter levels were worse than target in the town centre, with 12% of sites below grade B against a target "
     "of 7%.", "development"),
    ("Only 2% of playgrounds failed their safety inspection, better than the target of 5%.", "strength"),
])
def test_a_measure_against_its_target_speaks_of_a_service_in_any_item(sentence, polarity):
    assert [p for p, _ in found(TOPIC, sentence)] == [polarity]


def test_a_trend_without_a_benchmark_in_a_topic_item_is_no_finding():
    # a volume that rose is judged only where the item is about a service's performance
    assert found(TOPIC, "Reported incidents of fly-tipping in the parks had risen by 12% to 640.") == []
