"""Phrases built around a date, as a table: (text, published, lang, expression, value).

Each line is a general rule of its language: a plan verb in a past form, a parenthesis without
a verb of its own, a clock abbreviation before a time zone, an approximation before "ago", a
half written as a fraction, a day named from another day or its week, a second day joined by
"and", a year joined by a hyphen, a month written small, a part of day counted from the last
day named. Texts are ours; values are worked out by hand from the publication date.
"""
import pytest

from timeline import find_dates

CASES = [
    # a plan verb in a past form points forward for what follows it ...
    ("Farmers planned a rally outside parliament on Sunday.", "2021-06-10", "en", "Sunday", "2021-06-13"),
    # ... and a mention before it dates the planning
    ("On Monday, the council planned a new budget.", "2021-06-10", "en", "Monday", "2021-06-07"),
    # a parenthesis with no verb of its own takes the tense of the clause around it
    ("The envoy will fly out at dawn (5 a.m. GMT Saturday), aides said.", "2021-06-10", "en",
     "5 a.m. GMT Saturday", "2021-06-12T05:00"),
    ("The envoy flew out at dawn (5 a.m. GMT Saturday), aides said.", "2021-06-14", "en",
     "5 a.m. GMT Saturday", "2021-06-12T05:00"),
    # an approximation word belongs to "ago"
    ("The mine closed nearly six years ago.", "2021-06-10", "en", "nearly six years ago", "2015"),
    ("La fábrica cerró hace casi seis años.", "2021-06-10", "es", "hace casi seis años", "2015"),
    # a half written as a fraction
    ("The hearing lasted 3 1/2 hours.", "2021-06-10", "en", "3 1/2 hours", "PT210M"),
    ("Negotiations dragged on for 1½ years.", "2021-06-10", "en", "1½ years", "P18M"),
    # a day named from another day, or its week
    ("Talks opened the week of May 17.", "2021-06-10", "en", "the week of May 17", "2021-W20"),
    ("He was detained the day after 2 May 2021.", "2021-06-10", "en", "the day after 2 May 2021", "2021-05-03"),
    ("Il a été arrêté la veille du 14 mai.", "2021-06-10", "fr", "la veille du 14 mai", "2021-05-13"),
    ("Les élections ont lieu la semaine du 21 juin.", "2021-06-10", "fr", "la semaine du 21 juin", "2021-W25"),
    # a second day joined by "and" to a date written month first
    ("The ministers meet on July 13 and 14 in Oslo.", "2021-06-10", "en", "14", "2021-07-14"),
    ("The ministers met on March 2 and 3, 2019 in Oslo.", "2021-06-10", "en", "March 2", "2019-03-02"),
    # a year joined by a hyphen to a position word or pre/post
    ("Prices peaked in mid-2017.", "2021-06-10", "en", "mid-2017", "2017"),
    ("The post-2003 constitution was amended.", "2021-06-10", "en", "post-2003", "2003"),
    # one-word clock times
    ("The court sits at midday.", "2021-06-10", "en", "midday", "2021-06-10T12:00"),
    ("Sokağa çıkma yasağı gece yarısı başladı.", "2021-06-10", "tr", "gece yarısı", "2021-06-10T24:00"),
    # a part of day counted from the last day named, in a story told in years
    ("The unit was formed in 1988 and fought in 1991 and 1994. It was disbanded in 2001. "
     "Last Tuesday its veterans marched. They met the mayor the next morning.", "2021-06-10", "en",
     "the next morning", "2021-06-09TMO"),
]


@pytest.mark.parametrize("text, published, lang, expression, value", CASES)
def test_date_phrase(text, published, lang, expression, value):
    mentions = find_dates(text, published=published, lang=lang)
    found = {m.text: m for m in mentions}
    assert expression in found, f"{expression!r} not found in {[m.text for m in mentions]}"
    assert found[expression].value == value
    assert text[found[expression].start:found[expression].end] == expression


TRAPS = [
    # a month written small after a modifier is the ordinary word
    ("Police joined this march through the old town.", "en"),
    ("She said last may be the hardest part.", "en"),
    # a number after "and" that counts something is no day
    ("On May 4 and 25 soldiers were wounded.", "en"),
    ("The vote on May 4 and 25 percent turnout surprised.", "en"),
]


@pytest.mark.parametrize("text, lang", TRAPS)
def test_no_date_in_ordinary_words(text, lang):
    texts = [m.text for m in find_dates(text, published="2021-06-10", lang=lang) if m.type in ("DATE", "TIME")]
    assert texts in ([], ["May 4"]), texts


def test_second_day_takes_the_year_written_after_it():
    mentions = find_dates("The ministers met on March 2 and 3, 2019 in Oslo.", published="2021-06-10", lang="en")
    assert [m.value for m in mentions] == ["2019-03-02", "2019-03-03"]


def test_a_clock_abbreviation_before_a_time_zone_does_not_end_the_sentence():
    from timeline.text import sentence_bounds

    text = "They left at 4 a.m. EDT Thursday. Then it rained."
    assert [text[a:b] for a, b in sentence_bounds(text)] == ["They left at 4 a.m. EDT Thursday.", "Then it rained."]


def test_greek_and_ukrainian_capitals_start_a_sentence():
    from timeline.text import sentence_bounds

    text = "Ο στρατός έφυγε. Έτσι τελείωσε η μάχη. Військо пішло. Існує новий план."
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        "Ο στρατός έφυγε.", "Έτσι τελείωσε η μάχη.", "Військо пішло.", "Існує новий план."]


def test_a_greek_future_in_the_next_sentence_does_not_turn_a_dated_day_forward():
    text = ("Η δημοκρατία ανακηρύχθηκε το 1931 και οι εκλογές έγιναν το 1933 και το 1936. "
            "Στις 19 Ιουλίου 1936 ο στρατός κινήθηκε. 20 Ιουλίου. Διορισμός νέου πρωθυπουργού. "
            "Ο στρατηγός θα πετούσε από τη Λισαβόνα, αλλά το αεροπλάνο συνετρίβη.")
    found = {m.text: m.value for m in find_dates(text, published="2019-07-07", lang="el")}
    assert found["20 Ιουλίου"] == "1936-07-20"
