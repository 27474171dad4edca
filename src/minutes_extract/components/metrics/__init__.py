"""minutes_metrics: numbers that measure something — money, percentages, caseloads, counts of people
or things, durations — normalised (`c £51k` -> 51000 approximate, `40-50%` -> low 40 high 50,
`30-40 per social worker` -> caseload, `two inspectors` -> count 2).

Candidates come from regexes (models/rules/metrics.json), each tried only where its anchor is found
(a digit, "£", "between", a number word); each is then judged on the text of its own line: vetoes
first (dates found by minutes_dates, labels such as `Section 20`, ages, phone numbers, times, file
sizes, rates, list numbering), then its kind (a bare number needs a counted noun after it, or a cue
such as `the number of ...`, `a group of`, a caseload sentence).
Money keeps the sign it is written with (`-£111.6m`, `£-2.5m`, `minus £4m`, `(£1.2m)` on a table
row) and says its direction where the text does (`an overspend of £2m` -> direction "overspend");
pence are pounds (`40p per mile` -> 0.4). A vote tally is a count whose subject says what it counts
(`For (14)` -> "votes for"); `6.5% (19/291)` gives two counts.

Speed: the `*_before` rules are searched for in the few dozen characters before a candidate (see
Before), several of them at once when only a yes/no is needed.

Modules: patterns (Before/After: rules read just before or after a position), rule_set (MetricRules:
the compiled metrics.json), candidates (regex candidates and their values), context (line and sentence
bounds around a candidate), reading (comparators, "per", the counted noun), judge (vetoes and the
kind of each candidate), respectively (subjects of "X and Y respectively"), factory (the spaCy
component). Regex engines shared with other components live in ..matching, not here.
"""
from .factory import MetricsComponent, make_metrics  # noqa: F401  (registers minutes_metrics)
from .patterns import After, Before, _alternation, _lowercase_form  # noqa: F401
