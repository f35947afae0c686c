"""The reference-time model, clause tense, periods, repeating times and clock formats.

Each case is a sentence written for this test; the expectation follows from a rule of the
language or of TimeML, not from any benchmark document.
"""
from __future__ import annotations

import pytest

from timeline import find_dates
from timeline.dates.reference import MODES, ReferenceFit, StoryTime, document_is_narrative, fitted


def values(text, published="2018-07-07", lang="en", anchor="auto"):
    return {m.text: m.value for m in find_dates(text, published=published, lang=lang, anchor=anchor)}


HISTORY = ("The siege began on 1 September 1939. On 3 September the allies declared war. "
           "The following month the capital fell. The same year the army was rebuilt in exile. "
           "In 1944 the city rose. On 1 August the fighting started. Two days later the old town burned. "
           "The war ended in 1945.")


def test_year_less_dates_in_a_story_take_the_story_year():
    found = values(HISTORY)
    assert found["3 September"] == "1939-09-03"
    assert found["1 August"] == "1944-08-01"
    assert found["The following month"] == "1939-10"


def test_two_days_later_is_a_duration_that_points_to_a_date_of_the_story():
    mention = next(m for m in find_dates(HISTORY, published="2018-07-07", lang="en") if m.text == "Two days")
    assert (mention.type, mention.value, mention.points_to) == ("DURATION", "P2D", "1944-08-03")


def test_publication_anchor_keeps_year_less_dates_near_publication():
    found = values(HISTORY, anchor="publication")
    assert found["3 September"] == "2017-09-03"


def test_deictic_words_stay_on_publication_in_news():
    text = "The ministry said on Monday that the 1987 treaty still holds. Yesterday talks resumed."
    found = values(text, published="2025-02-13")
    assert found["Yesterday"] == "2025-02-12"
    assert found["Monday"] == "2025-02-10"


def test_background_year_in_news_does_not_move_a_later_year_less_date():
    text = ("The republic was founded in 1991. Parliament will vote on 9 March on the new budget, "
            "officials said on Tuesday.")
    found = values(text, published="2025-02-13")
    assert found["9 March"] == "2025-03-09"


def test_today_in_a_history_told_from_afar_is_the_present():
    text = ("In 1812 the army crossed the river. In 1813 it retreated. By 1815 the war had ended. "
            "Today the battlefield is a park.")
    assert values(text)["Today"] == "PRESENT_REF"


def test_without_publication_a_year_less_date_stays_unknown_in_auto_mode():
    found = values("Troops entered the city on 8 December 2024. They left on 9 January.", published=None)
    assert found["9 January"] == "XXXX-01-09"


def test_narrative_mode_uses_the_story_even_without_publication():
    found = values("Troops entered the city on 8 December 2024. They left on 9 January.", published=None,
                   anchor="narrative")
    assert found["9 January"] == "2025-01-09"


def test_unknown_anchor_mode_is_refused():
    with pytest.raises(ValueError, match="anchor must be one of"):
        find_dates("on 3 May", published="2025-01-01", lang="en", anchor="sideways")
    assert MODES == ("auto", "publication", "narrative")


@pytest.mark.parametrize("text, expression, value", [
    # a plan reported in a past clause points forward
    ("The ministry said talks are scheduled for 9 March.", "9 March", "2025-03-09"),
    ("The team planned to leave on Thursday for the coast.", "Thursday", "2025-02-13"),
    # the clause's own verb decides, not another clause of the sentence
    ("Since the ruling was announced on Wednesday, they have said they will appeal.", "Wednesday", "2025-02-12"),
    # a present-tense verb nearer than the past one governs, and points neither way
    ("The lawyers confirmed the appeal, which is heard in May.", "May", "2025-05"),
    # a plan verb in a past form dates the planning when the mention comes before it
    ("On Friday, the council planned to vote on the budget.", "Friday", "2025-02-07"),
    ("The council planned to vote on Friday.", "Friday", "2025-02-14"),
    # an infinitive governs its own adverbial: no longer the past verb before it
    ("The committee summoned the minister to testify on 3 March.", "3 March", "2025-03-03"),
    # and keeps the future it belongs to, across a comma
    ("The envoy is scheduled to spend a day in the capital, her first stop Saturday morning.",
     "Saturday morning", "2025-02-15TMO"),
    ("The ferry could sail as early as Monday.", "Monday", "2025-02-17"),
])
def test_clause_tense_sets_direction(text, expression, value):
    assert values(text, published="2025-02-13")[expression] == value


@pytest.mark.parametrize("text, published, expression, value", [
    ("Profit rose in the third quarter.", "1989-10-25", "the third quarter", "1989-Q3"),
    ("Sales fell in the third-quarter report.", "1989-10-25", "third-quarter", "1989-Q3"),
    ("The fourth quarter will be better.", "1989-10-25", "The fourth quarter", "1989-Q4"),
    ("Output grew in the first half of 1990.", "1991-02-01", "the first half of 1990", "1990-H1"),
    ("Results for fiscal 1990 were weak.", "1991-02-01", "fiscal 1990", "FY1990"),
])
def test_business_periods(text, published, expression, value):
    assert values(text, published=published)[expression] == value


@pytest.mark.parametrize("text, lang, expression, value", [
    ("The paper is printed daily.", "en", "daily", "P1D"),
    ("Inspectors visit every two weeks.", "en", "every two weeks", "P2W"),
    ("The council meets every Monday.", "en", "every Monday", "XXXX-WXX-1"),
    ("La reunión anual fue cancelada.", "es", "anual", "P1Y"),
])
def test_repeating_times_are_sets(text, lang, expression, value):
    mentions = {m.text: m for m in find_dates(text, published="2025-02-13", lang=lang)}
    assert (mentions[expression].type, mentions[expression].value) == ("SET", value)


@pytest.mark.parametrize("text, lang, expression, value, kind", [
    ("The blast came at 14:05:30 local time.", "en", "14:05:30", "2025-02-13T14:05:30", "TIME"),
    ("The winner ran it in 2:05:30.", "en", "2:05:30", "PT2H5M30S", "DURATION"),
    ("The ship docked at 2315GMT.", "en", "2315GMT", "2025-02-13T23:15", "TIME"),
    ("Flights resume at 0930 GMT.", "en", "0930 GMT", "2025-02-13T09:30", "TIME"),
    ("El vuelo salió a las 7:30 horas.", "es", "7:30 horas", "2025-02-13T07:30", "TIME"),
    # an hour with its part of day, and clock times said in one word
    ("The convoy set off at 5 in the morning.", "en", "5 in the morning", "2025-02-13T05:00", "TIME"),
    ("Sirens sounded at 11 at night.", "en", "11 at night", "2025-02-13T23:00", "TIME"),
    ("Kapal itu berlabuh pukul 8 malam.", "id", "pukul 8 malam", "2025-02-13T20:00", "TIME"),
    ("Los vecinos salieron a las 9 de la noche.", "es", "9 de la noche", "2025-02-13T21:00", "TIME"),
    ("The curfew starts at midnight.", "en", "midnight", "2025-02-13T24:00", "TIME"),
    ("Le sommet s'ouvre à midi.", "fr", "midi", "2025-02-13T12:00", "TIME"),
    ("The ministers met at noon Tuesday.", "en", "noon Tuesday", "2025-02-11T12:00", "TIME"),
])
def test_clock_formats(text, lang, expression, value, kind):
    mentions = {m.text: m for m in find_dates(text, published="2025-02-13", lang=lang)}
    assert expression in mentions, list(mentions)
    assert (mentions[expression].value, mentions[expression].type) == (value, kind)


def test_a_document_is_narrative_only_when_most_written_years_are_far():
    fit = ReferenceFit(far_years=3, narrative_share=0.9, min_years=3)
    published = __import__("datetime").date(2018, 7, 7)
    assert document_is_narrative([1914, 1915, 1916, 1918], published, fit)
    assert not document_is_narrative([1914, 2017, 2018, 2018], published, fit)
    assert not document_is_narrative([1914, 1915], published, fit)


def test_story_time_follows_the_last_dated_mention():
    story = StoryTime(publication=__import__("datetime").date(2018, 7, 7), fit=ReferenceFit(max_sentences=1))
    story.told("year", {"y": "1939"}, __import__("datetime").date(1939, 1, 1), "year", sentence=0)
    assert story.anchor_for("day_month", {}, sentence=1).narrative
    assert not story.anchor_for("day_month", {}, sentence=5).narrative
    assert not story.anchor_for("relative", {}, sentence=1).narrative


def test_fitted_constants_come_from_the_fit_file():
    fit = fitted()
    assert isinstance(fit, ReferenceFit) and fit.far_years >= 1


@pytest.mark.parametrize("text, lang, expression, value", [
    ("The city fell in 480 BC.", "en", "480 BC", "BC0480"),
    ("The town was founded in 79 AD.", "en", "79 AD", "0079"),
    ("Η πόλη έπεσε το 431 π.Χ. μετά από πολιορκία.", "el", "431 π.Χ.", "BC0431"),
])
def test_years_with_an_era_marker(text, lang, expression, value):
    assert values(text, lang=lang)[expression] == value


def test_a_lone_letter_is_no_era_marker():
    assert "22M" not in values("Harga naik 22M rupiah.", lang="id")


def test_the_next_day_counts_from_the_story_day_and_tomorrow_from_publication():
    found = values("The talks opened on 3 March 2000. The next day the envoys left. Tomorrow the vote.",
                   published="2000-03-20")
    assert found["The next day"] == "2000-03-04"
    assert found["Tomorrow"] == "2000-03-21"


def test_cli_anchor_option(tmp_path):
    import json
    import subprocess
    import sys

    article = tmp_path / "story.txt"
    article.write_text("The siege began in 1939. On 3 September the allies declared war.", encoding="utf-8")
    def run(anchor):
        out = subprocess.run([sys.executable, "-m", "timeline", "dates", str(article), "--published", "2018-07-07",
                              "--lang", "en", "--anchor", anchor], capture_output=True, text=True, check=True).stdout
        return {row["text"]: row["value"] for row in map(json.loads, out.splitlines())}
    assert run("narrative")["3 September"] == "1939-09-03"
    assert run("publication")["3 September"] == "2017-09-03"


def test_a_future_clause_points_forward_even_to_a_date_nearer_behind():
    # 5 March is three months behind 1 June and nine ahead; "will be held" decides.
    assert values("The summit will be held on 5 March.", published="2024-06-01")["5 March"] == "2025-03-05"


@pytest.mark.parametrize("text, lang, expression, value", [
    # the future belongs to the reported clause after "that"/"bahwa", not to the month before it
    ("The minister said in December that the new port will depend on the budget.", "en", "December", "2024-12"),
    ("Menteri itu menyatakan pada bulan Desember bahwa pelabuhan baru akan bergantung pada anggaran.", "id",
     "bulan Desember", "2024-12"),
    ("The ministry said that talks are scheduled for 9 March.", "en", "9 March", "2025-03-09"),
])
def test_a_complementizer_closes_the_clause(text, lang, expression, value):
    assert values(text, published="2025-02-13", lang=lang)[expression] == value


def test_extract_events_passes_the_anchor():
    from timeline import extract_events

    text = ("The siege began on 1 September 1939 and the army crossed the border. "
            "On 3 September the allies declared war on the invader.")
    assert "1939-09-03" in set(extract_events(text, published="2018-07-07", lang="en", anchor="narrative")["date"])
    assert "2017-09-03" in set(extract_events(text, published="2018-07-07", lang="en", anchor="publication")["date"])


NARRATIVE = ("The war began in 1861. By 1862 both armies had grown. In 1863 the decisive battle came. "
             "On 1 July 1863 the armies met. The general said the attack would come tomorrow. "
             "In the following weeks the army retreated. On 4 July the siege ended. "
             "The museum reopened last June.")


def test_in_a_narrative_document_relative_words_count_from_the_story():
    found = values(NARRATIVE, published="2018-07-07")
    assert found["tomorrow"] == "1863-07-02"
    assert found["4 July"] == "1863-07-04"     # the narrator's "following weeks" did not move the story
    assert found["last June"] == "2018-06"     # a named month with "last" is the writer's own


@pytest.mark.parametrize("text, lang, expression, value", [
    ("The offensive came in the summer of 1943.", "en", "the summer of 1943", "1943-SU"),
    ("Η επίθεση έγινε το καλοκαίρι του 1943.", "el", "το καλοκαίρι του 1943", "1943-SU"),
    ("Serangan terjadi pada musim panas 1943.", "id", "musim panas 1943", "1943-SU"),
])
def test_a_season_of_a_written_year(text, lang, expression, value):
    assert values(text, lang=lang)[expression] == value


@pytest.mark.parametrize("text, lang, expected", [
    # "and" coordinates two years, even after "between" (as TimeML writes them); "to" makes a range
    ("Elections were held in 2004 and 2009.", "en", [("2004", "2004"), ("2009", "2009")]),
    ("Prices rose between 2004 and 2009.", "en", [("2004", "2004"), ("2009", "2009")]),
    ("Polls were held in 2004, 2009 and 2014.", "en", [("2004", "2004"), ("2009", "2009"), ("2014", "2014")]),
    ("Pemilu digelar pada 2004 dan 2009.", "id", [("2004", "2004"), ("2009", "2009")]),
    ("The dispute ran from 2004 to 2009.", "en", [("2004 to 2009", "2004")]),
])
def test_years_joined_by_and_are_two_dates(text, lang, expected):
    assert [(m.text, m.value) for m in find_dates(text, published="2025-02-13", lang=lang)] == expected


@pytest.mark.parametrize("text, lang, published, expression, value", [
    # the country CLDR gives each language, its holidays as that country names them
    ("Families travelled home for Thanksgiving Day.", "en", "2023-12-01", "Thanksgiving Day", "2023-11-23"),
    ("Shops will shut on Christmas Day.", "en", "2023-12-01", "Christmas Day", "2023-12-25"),
    ("Arus mudik memuncak menjelang Hari Raya Idul Fitri.", "id", "2025-03-20", "Hari Raya Idul Fitri", "2025-03-31"),
    ("Le défilé a eu lieu à Noël.", "fr", "2025-02-13", "Noël", "2024-12-25"),
])
def test_named_holidays_are_dates(text, lang, published, expression, value):
    found = {m.text: m.value for m in find_dates(text, published=published, lang=lang)}
    assert found.get(expression) == value, found


def test_a_holiday_name_is_matched_as_the_calendar_writes_it():
    # "Ascension" the holiday is capitalised; "ascension" is an ordinary word
    assert [m.text for m in find_dates("Une ascension rapide du sommet.", published="2025-02-13", lang="fr")] == []


def test_a_greek_conditional_is_the_storys_past_not_the_writers_future():
    # "θα" before a past form ("θα βρισκόταν", would be) is a future in the past: in a history
    # the date stays in the story's year instead of jumping to the year after publication
    text = ("Το 1821 ξεκίνησε η επανάσταση. Το 1822 συνήλθε η πρώτη εθνοσυνέλευση. Το 1827 έγινε η "
            "ναυμαχία. Ο στρατηγός πίστευε πως στις 6 Απριλίου θα βρισκόταν στην πόλη.")
    assert values(text, published="2018-07-01", lang="el")["6 Απριλίου"] == "1827-04-06"


@pytest.mark.parametrize("text, lang, expected", [
    # a year-less day joined to a dated day after it takes that day's year
    ("The strikes fell on 4 May and 11 May 1944.", "en", [("4 May", "1944-05-04"), ("11 May 1944", "1944-05-11")]),
    ("Talks ran from December 30 to January 2, 2025.", "en", [("December 30", "2024-12-30"), ("January 2, 2025", "2025-01-02")]),
    # past a parenthesis, the year after the day is the day's own
    ("Στις 5 Ιουνίου (Πειραιάς) και 12 Ιουνίου (Βόλος) 1944 έγιναν οι επιδρομές.", "el",
     [("5 Ιουνίου", "1944-06-05"), ("12 Ιουνίου", "1944-06-12"), ("1944", "1944")]),
])
def test_a_year_less_day_shares_the_year_of_the_day_joined_to_it(text, lang, expected):
    assert [(m.text, m.value) for m in find_dates(text, published="2018-07-01", lang=lang)] == expected


@pytest.mark.parametrize("text, lang, expression, value", [
    # a part of day written before the date with the language's "of" is one span
    ("Το βράδυ της 3ης Μαρτίου του 1941 ξεκίνησε η επίθεση.", "el", "Το βράδυ της 3ης Μαρτίου του 1941", "1941-03-03TEV"),
    ("Les troupes sont entrées la nuit du 3 mars 1941.", "fr", "la nuit du 3 mars 1941", "1941-03-03TNI"),
])
def test_a_part_of_day_before_its_date(text, lang, expression, value):
    assert values(text, published="2018-07-01", lang=lang).get(expression) == value


@pytest.mark.parametrize("published, expression, value", [
    # a winter is named by the year it begins in: in February the winter is last year's
    ("2025-02-13", "last summer", "2024-SU"),
    ("2025-02-13", "this winter", "2024-WI"),
    ("2025-02-13", "last winter", "2023-WI"),
    ("2025-02-13", "this summer", "2025-SU"),
    ("2025-07-10", "next spring", "2026-SP"),
    ("2025-07-10", "last winter", "2024-WI"),
])
def test_seasons_named_with_a_modifier(published, expression, value):
    assert values(f"The talks were held {expression}.", published=published)[expression] == value


@pytest.mark.parametrize("text, lang, published, expected", [
    # a season without its year, after its article or a preposition, takes the story's year
    ("Το 1916 η μάχη κράτησε μήνες. Το καλοκαίρι ο στρατός υποχώρησε. Το 1917 ήρθε η ειρήνη. Το 1918 τελείωσε.",
     "el", "2018-07-01", ("Το καλοκαίρι", "1916-SU")),
    ("The army dug in during the winter.", "en", "2025-02-13", ("the winter", "2024-WI")),
    ("Im Sommer wird gewählt.", "de", "2025-02-13", ("Sommer", "2025-SU")),
    # and a season of an era year
    ("Την άνοιξη του 492 π.Χ. ο στόλος έπλευσε.", "el", "2018-07-01", ("Την άνοιξη του 492 π.Χ.", "BC0492-SP")),
])
def test_seasons_without_a_year(text, lang, published, expected):
    assert expected in [(m.text, m.value) for m in find_dates(text, published=published, lang=lang)]


@pytest.mark.parametrize("text", ["After the fall of the capital, talks began.", "Veterans of the Prague Spring met."])
def test_season_homographs_and_names_are_no_dates(text):
    assert [m.text for m in find_dates(text, published="2025-02-13", lang="en")] == []


@pytest.mark.parametrize("text, expression, value", [
    # a part of day after a weekday with its bracketed date belongs to it
    ("Ledakan terdengar pada Minggu (9/2) malam.", "Minggu (9/2) malam", "2025-02-09TNI"),
    # "tadi" after a part of day is earlier today
    ("Hujan deras turun dini hari tadi.", "dini hari tadi", "2025-02-13TMO"),
    ("Presiden tiba siang tadi.", "siang tadi", "2025-02-13TAF"),
])
def test_indonesian_parts_of_day(text, expression, value):
    assert values(text, published="2025-02-13", lang="id").get(expression) == value


@pytest.mark.parametrize("text, lang, expression, value", [
    # English TimeML counts decades and centuries in years; other languages keep the decade
    ("The dispute lasted a decade.", "en", "a decade", "P10Y"),
    ("Rebels held the hills for four decades.", "en", "four decades", "P40Y"),
    ("The feud went on for decades.", "en", "decades", "PXY"),
    ("El conflicto duró casi dos décadas.", "es", "casi dos décadas", "P2DE"),
])
def test_decade_durations_follow_the_languages_convention(text, lang, expression, value):
    assert values(text, published="2025-02-13", lang=lang).get(expression) == value


@pytest.mark.parametrize("text, expression, value", [
    # "the past"/"the coming" with a unit is a stretch of time, not a calendar period
    ("Output doubled over the past decade.", "the past decade", "P10Y"),
    ("Prices will rise in the coming years.", "the coming years", "PXY"),
    ("Rain fell for most of the past week.", "the past week", "P1W"),
    ("They met next week.", "next week", "2025-W08"),
])
def test_the_past_and_the_coming_are_stretches_of_time(text, expression, value):
    assert values(text, published="2025-02-13").get(expression) == value


@pytest.mark.parametrize("text, lang, expression, value", [
    # outside English TimeML, "two years later" is the date it reaches, the whole phrase its span
    ("Το 1920 ξέσπασε ο πόλεμος. Δύο χρόνια αργότερα υπογράφηκε η ειρήνη.", "el", "Δύο χρόνια αργότερα", "1922"),
    ("La guerre éclata le 3 mars 1920. Deux jours plus tard, la ville tomba.", "fr", "Deux jours plus tard", "1920-03-05"),
    # the amount may follow its word, and a year-level story gives no week
    ("Війна почалася 3 березня 1920 року. Через два дні місто впало.", "uk", "Через два дні", "1920-03-05"),
    ("У 1920 році почалася війна. Через два тижні місто впало.", "uk", "Через два тижні", "1920"),
])
def test_later_is_the_date_reached_outside_english(text, lang, expression, value):
    assert values(text, published="2018-05-01", lang=lang).get(expression) == value


@pytest.mark.parametrize("text, lang, expression, value", [
    # a decade written as its first year with the language's ending
    ("У 1920-х роках країна відбудовувалася.", "uk", "1920-х роках", "192"),
    ("В 1990-е годы завод закрылся.", "ru", "1990-е годы", "199"),
    ("In den 1920er Jahren wuchs die Stadt.", "de", "1920er Jahren", "192"),
    ("1990'larda ekonomi büyüdü.", "tr", "1990'larda", "199"),
])
def test_decades_with_the_languages_ending(text, lang, expression, value):
    assert values(text, published="2025-02-13", lang=lang).get(expression) == value


def test_a_season_adverb_stands_alone():
    text = ("У 1916 році почалася облога. У 1917 році впав уряд. У 1918 році прийшов мир. "
            "У 1919 році повернулася армія. Влітку 1916 року бої тривали. Восени армія відступила.")
    found = values(text, published="2019-05-01", lang="uk")
    assert found.get("Восени") == "1916-FA"


@pytest.mark.parametrize("text, lang, expression, value", [
    # a calendar unit after a position word is the current one
    ("The plant will close at the end of the year.", "en", "the end of the year", "2025"),
    ("Harga naik hingga akhir tahun.", "id", "akhir tahun", "2025"),
    ("Завод закриють до кінця року.", "uk", "до кінця року", "2025"),
    ("L'usine fermera à la fin de l'année.", "fr", "à la fin de l'année", "2025"),
])
def test_a_unit_after_a_position_word(text, lang, expression, value):
    assert values(text, published="2025-02-13", lang=lang).get(expression) == value


@pytest.mark.parametrize("text, lang", [
    ("At the end of the day, the vote is what counts.", "en"),   # an idiom: no day unit alone
    ("Pasar ramai saat akhir pekan.", "id"),                      # "akhir pekan" is the weekend, a unit of its own
])
def test_no_unit_alone_where_it_is_not_one(text, lang):
    assert not [m for m in find_dates(text, published="2025-02-13", lang=lang) if m.value in ("2025", "2025-02", "2025-W07")]


@pytest.mark.parametrize("text, lang, expression, value", [
    # a plural unit with a modifier and no number is an amount the text does not give
    ("In the following years the country changed.", "en", "the following years", "PXY"),
    ("Τα επόμενα χρόνια η χώρα άλλαξε.", "el", "Τα επόμενα χρόνια", "PXY"),
    # Greek plurals do not end in -s: the language lists them
    ("Πέρασαν χρόνια ώσπου να επιστρέψει.", "el", "χρόνια", "PXY"),
])
def test_plural_units_without_a_number_are_vague_amounts(text, lang, expression, value):
    assert values(text, published="2018-05-01", lang=lang).get(expression) == value


@pytest.mark.parametrize("text, lang, expected", [
    # months joined by "and" are two dates sharing the written year; "to" makes one range
    ("Fighting raged in January and February 1941.", "en", [("January", "1941-01"), ("February 1941", "1941-02")]),
    ("Ο στρατός προχώρησε τον Ιανουάριο και Φεβρουάριο 1941.", "el", [("τον Ιανουάριο", "1941-01"), ("Φεβρουάριο 1941", "1941-02")]),
    ("Fighting raged from January to March 1941.", "en", [("January to March 1941", "1941-01")]),
])
def test_months_joined_by_and_share_their_year(text, lang, expected):
    assert [(m.text, m.value) for m in find_dates(text, published="2018-05-01", lang=lang)] == expected


@pytest.mark.parametrize("text, lang, expression, value", [
    # a year by its last two digits: the latest such year up to publication
    ("The band first toured in '69.", "en", "'69", "1969"),
    ("Η ήττα ήρθε το '71.", "el", "το '71", "1971"),
    ("Η κρίση της δεκαετίας του '70 άλλαξε τη χώρα.", "el", "της δεκαετίας του '70", "197"),
])
def test_years_and_decades_by_their_last_digits(text, lang, expression, value):
    assert values(text, published="2018-05-01", lang=lang).get(expression) == value


def test_a_quoted_number_is_no_year():
    assert values("He said '22 degrees' was too hot.", published="2018-05-01") == {}


@pytest.mark.parametrize("text, expression, value", [
    # Turkish writes weekdays small in running text: the "day" word or a part of day after one
    # makes it a weekday all the same
    ("Seçim salı günü yapıldı.", "salı günü", "2025-02-11"),
    ("Heyet pazartesi sabahı geldi.", "pazartesi sabahı", "2025-02-10TMO"),
])
def test_turkish_weekdays_written_small(text, expression, value):
    assert values(text, published="2025-02-13", lang="tr").get(expression) == value


@pytest.mark.parametrize("text, lang, expression, value", [
    # said on a Monday, "next Monday" and "last Monday" are another week's Monday
    ("They will march next Monday.", "en", "next Monday", "2025-01-20"),
    ("They marched last Monday.", "en", "last Monday", "2025-01-06"),
    ("A marcha será na próxima segunda-feira.", "pt", "próxima segunda-feira", "2025-01-20"),
])
def test_next_and_last_weekday_said_on_that_weekday(text, lang, expression, value):
    assert values(text, published="2025-01-13", lang=lang).get(expression) == value


@pytest.mark.parametrize("text, lang, expression, value", [
    # "this Monday": that day of the current week, moved a week only where the tense says so
    ("It happened this Monday.", "en", "this Monday", "2025-01-13"),
    ("They will vote this Friday.", "en", "this Friday", "2025-01-17"),
    ("Il est arrivé ce lundi.", "fr", "ce lundi", "2025-01-13"),
    ("Rapat digelar Senin ini.", "id", "Senin ini", "2025-01-13"),
])
def test_this_weekday_is_the_current_weeks(text, lang, expression, value):
    assert values(text, published="2025-01-15", lang=lang).get(expression) == value


@pytest.mark.parametrize("text, lang, expression, value", [
    # a part of the story's day, or of the day after it
    ("On 3 March 2024 the army arrived. The next morning it attacked.", "en", "The next morning", "2024-03-04TMO"),
    ("Pada 3 Maret 2024 tentara tiba. Malam itu mereka menyerang.", "id", "Malam itu", "2024-03-03TNI"),
    ("Στις 3 Μαρτίου 1941 ο στρατός έφτασε. Το ίδιο βράδυ επιτέθηκε.", "el", "Το ίδιο βράδυ", "1941-03-03TEV"),
    ("L'armée arriva le 3 mars 1941. Le lendemain matin, elle attaqua.", "fr", "Le lendemain matin", "1941-03-04TMO"),
])
def test_parts_of_the_storys_day(text, lang, expression, value):
    assert values(text, published="2025-01-15", lang=lang).get(expression) == value


def test_a_part_of_day_anaphor_without_a_day_to_count_from_is_no_date():
    # the story is only known to the year: "that night" names no day
    found = values("In 1941 the army arrived. That night it attacked.", published="2025-01-15")
    assert "That night" not in found


def test_quote_spans_pair_curly_and_straight_quotes_within_a_paragraph():
    from timeline.dates.quotes import quote_spans

    text = 'He said “we left” and "we came back".\n\nShe wrote "never closed.'
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["“we left”", '"we came back"']
