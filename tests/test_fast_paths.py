"""The speed-ups of issue 12 give the answers of the slow paths they stand in for.

Each fast path is compared with the plain computation it replaces, on inputs written for
this test (the whole-pipeline check is tests/test_pipeline_equivalence.py).
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from timeline import enrich, pubdate
from timeline.titled_names import titled_names


def dateparser_reading(candidate: str, lang: str):
    return pubdate._dateparser_month_name_date.__wrapped__(candidate, lang)   # no cache, no shapes


@pytest.fixture(autouse=True)
def fresh_shapes():
    pubdate._SHAPE_MONTHS.clear()
    yield
    pubdate._SHAPE_MONTHS.clear()


# (language, the candidate that teaches the shape, later candidates of the same shape)
SHAPES = [
    ("id", "3 Juni 2030", ["30 Juni 2030", "31 Juni 2030", "0 Juni 2030", "9 Juni 1899", "4 Juni 2101"]),
    ("en", "April 14, 2029", ["April 31, 2029", "April 30, 2024", "April 2, 2100"]),
    ("es", "11 de agosto de 2027", ["32 de agosto de 2027", "29 de agosto de 2001"]),
    ("de", "5. November 2026", ["31. November 2026", "30. November 2026", "1. November 1900"]),
    ("fr", "17 octobre 2028", ["29 octobre 1950", "40 octobre 1950"]),
    ("ru", "19 мая 2032", ["31 мая 2032", "32 мая 2032"]),
    ("de", "10 de junio de 2026", ["11 de junio de 2026"]),   # a shape dateparser refuses for German
    ("en", "29 February 2028", ["29 February 2027", "28 February 2027"]),   # leap day
]


@pytest.mark.parametrize("lang,first,later", SHAPES)
def test_a_date_read_from_its_shape_is_dateparsers_reading(lang, first, later):
    assert pubdate._parse_month_name_date(first, lang) == dateparser_reading(first, lang)
    for candidate in later:
        assert pubdate._parse_month_name_date(candidate, lang) == dateparser_reading(candidate, lang), candidate


def test_shapes_are_learnt_once_and_reused():
    assert pubdate._parse_month_name_date("3 Juni 2030", "id") == date(2030, 6, 3)
    assert pubdate._SHAPE_MONTHS == {("0 Juni 0000", "id"): 6}
    pubdate._SHAPE_MONTHS[("0 Juni 0000", "id")] = 7          # what was learnt is what is used
    assert pubdate._parse_month_name_date("8 Juni 2031", "id") == date(2031, 7, 8)


def test_a_refusal_on_an_impossible_day_or_year_teaches_nothing():
    assert pubdate._parse_month_name_date("31 Juni 2030", "id") is None
    assert pubdate._parse_month_name_date("3 Juni 1850", "id") is None
    assert pubdate._parse_month_name_date("0 Juni 2030", "id") is None
    assert pubdate._SHAPE_MONTHS == {}
    assert pubdate._parse_month_name_date("3 Juni 2030", "id") == date(2030, 6, 3)


def test_the_shape_table_stays_bounded():
    for number in range(pubdate._SHAPES_KEPT + 5):
        pubdate._remember_shape((f"shape {number}", "xx"), 1)
    assert len(pubdate._SHAPE_MONTHS) <= pubdate._SHAPES_KEPT


def test_a_dateline_is_read_as_before():
    text = "SURABAYA, 7 Oktober 2031 — Warga kota berkumpul di alun-alun.\n\nIsi berita."
    assert pubdate.detect_published(text, lang="id") == (date(2031, 10, 7), "dateline")
    assert pubdate.detect_published(text.replace("7 Oktober", "8 Oktober"), lang="id") == (date(2031, 10, 8), "dateline")


CLAUSES = [
    ("en", "The two delegations signed a trade agreement and later held talks on fishing rights."),
    ("en", "Rescue teams arrived after the flood, while protesters marched and police arrested twelve."),
    ("id", "Kedua menteri menandatangani perjanjian kerja sama dan menggelar pertemuan di Medan."),
    ("fr", "Les manifestants ont défilé avant que le gouvernement n'annonce un accord de cessez-le-feu."),
    ("de", "Nach dem Luftangriff auf die Hafenstadt begannen Verhandlungen über eine Waffenruhe."),
    ("es", "El presidente visitó la frontera y anunció sanciones contra la empresa."),
    ("ar", "وقّع الوزيران اتفاقاً للتعاون وأعلنا عن زيارة رسمية."),
    ("", "A summit, a strike, an election: the week in brief."),
    ("en", "Nothing of note happened on the quiet morning."),
]


@pytest.mark.parametrize("lang,clause", CLAUSES)
def test_cue_matches_are_each_patterns_own_matches(lang, clause):
    text = enrich._ARABIC_MARKS.sub("", clause)
    expected = [(event_type, m.span()) for event_type, pattern in enrich._cue_patterns(lang)
                for m in pattern.finditer(text)]
    assert [(event_type, m.span()) for event_type, m in enrich._cue_matches(text, lang)] == expected


@pytest.mark.parametrize("lang", ["en", "id", "fr", "de", "es", "ru", "tr", "ar", ""])
def test_cue_starts_are_where_some_cue_matches(lang):
    # _cue_starts tries cues by their first two characters; the plain alternation of every cue
    # says where one begins. Texts: the clauses above and every cue word the language reads,
    # as written, in capitals, title case and glued to a letter.
    every, langs = enrich._all_cues(lang)
    plain = re.compile(f"(?=(?:{enrich._compile(every, langs).pattern}))", re.IGNORECASE)
    cues = [cue.strip("*") for cue_lang, words in every.items() if langs is None or cue_lang in langs
            for cue in words]
    texts = [clause for _, clause in CLAUSES] + [f"{c}, {c.upper()} x{c} ({c.title()}) и{c}" for c in cues]
    for text in (enrich._ARABIC_MARKS.sub("", text) for text in texts):
        assert [m.start() for m in enrich._cue_starts(lang).finditer(text)] == \
            [m.start() for m in plain.finditer(text)], text


def test_titled_names_finds_people_after_role_words():
    text = "Kemarin Menteri Luar Negeri Rina Kartika bertemu Gubernur Budi Santoso di kantor."
    names = [name for _, _, name in titled_names(text, "id", [])]
    assert names == ["Rina Kartika", "Budi Santoso"]
    assert titled_names("tidak ada jabatan di kalimat ini", "id", []) == []


def test_digits_of_another_script_are_left_to_dateparser():
    assert pubdate._parse_month_name_date("3 Juni 2030", "id") == date(2030, 6, 3)
    written = "٣ Juni ٢٠٣٠"   # Eastern Arabic digits: not read through the shape learnt above
    assert pubdate._parse_month_name_date(written, "id") == dateparser_reading(written, "id")
    assert list(pubdate._SHAPE_MONTHS) == [("0 Juni 0000", "id")]
