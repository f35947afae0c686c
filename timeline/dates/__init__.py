"""The date engine: temporal expressions in text -> DateMention (offsets, TIMEX3 value, type,
precision, the days covered, confidence).

The caller gets every temporal expression of a text, normalised without inventing precision:
"bulan Desember" stays a month, "8 Desember" in a report of 2025-02-13 is 2024-12-08, "hari
Rabu" is the most recent Wednesday, "selama 25 tahun" is a duration, and in a paragraph about
1939 "3 September" is 1939-09-03 (the reference-time model, `timeline.dates.reference`).

Layout: `registry` (the one recogniser registry), `recognise` (candidates, longest span wins),
`guards` (acceptance checks), `resolve` (values), `reference` (which anchor each mention
resolves against), `tense` (clause tense), `engine` (the pipeline).
"""
from timeline.dates.engine import find_dates
from timeline.dates.mention import DateMention

__all__ = ["DateMention", "find_dates"]
