"""Bare aliases that are also ordinary words (timeline/alias_rules.py): exact case for short Latin
aliases, Roman numerals, and Arabic aliases that need a context. Sentences written for these tests."""
from __future__ import annotations

import pytest

from timeline.alias_rules import exact_case_shape, is_roman_numeral, split_context_mark
from timeline.enrich import find_actors


@pytest.mark.parametrize("sentence, lang, expected", [
    # A regnal number in capitals is no Chinese president.
    ("Pope Benedict XI was elected by the cardinals.", "en", []),
    ("Louis XI ruled France for twenty-two years.", "en", ["France"]),
    ("Les chroniques du règne de Louis XI furent publiées.", "fr", []),
    # The alias as written still names him.
    ("Xi received the delegation in the Great Hall.", "en", ["Xi Jinping"]),
    ("Presiden Xi menerima delegasi itu.", "id", ["Xi Jinping"]),
    # Other bare given or family names are no longer aliases.
    ("Ms Yoon opened a bakery near the station.", "en", []),
    ("Gibran menulis puisi tentang laut.", "id", []),
    ("Yoon Suk Yeol addressed the assembly.", "en", ["Yoon Suk Yeol"]),
])
def test_short_and_numeral_aliases(sentence, lang, expected):
    assert find_actors(sentence, lang, "2024-05-01") == expected


@pytest.mark.parametrize("sentence, expected", [
    # حماس is "zeal", الأسد "the lion", الشرع "the law": ordinary words without a context.
    ("أبدى الطلاب حماس كبير للمشروع الجديد", []),
    ("زأر الأسد في حديقة الحيوان صباحا", []),
    ("يدرس الطلاب الشرع في الجامعة", []),
    # An organisation's or an office's word just before the name, glued particle or not.
    ("رحب قادة حماس بالاتفاق", ["Hamas"]),
    ("قال متحدث باسم حركة حماس إن الوفد وصل", ["Hamas"]),
    ("صرح عضو المكتب السياسي لحركة حماس", ["Hamas"]),
    ("استقبل الرئيس الأسد الوفد في القصر", ["Bashar al-Assad"]),
    # Another alias of the same person in the text.
    ("وصل بشار الأسد إلى المطار ثم غادر الأسد بعد ساعة", ["Bashar al-Assad"]),
])
def test_arabic_aliases_that_are_words_need_a_context(sentence, expected):
    assert find_actors(sentence, "ar", "2020-05-01") == expected


def test_the_rules_one_by_one():
    assert is_roman_numeral("XI") and is_roman_numeral("XIV") and is_roman_numeral("MMXX")
    assert not is_roman_numeral("Xi") and not is_roman_numeral("X") and not is_roman_numeral("XIIII") \
        and not is_roman_numeral("NATO")
    assert exact_case_shape("Xi", "person") == "=Xi"
    assert exact_case_shape("MBS", "person") is None           # capitals already match only capitals
    assert exact_case_shape("Modi", "person") is None          # four letters: the usual rules
    assert exact_case_shape("Rus", "state") is None            # a state's short forms are read freely
    assert split_context_mark("~حماس") == ("حماس", True) and split_context_mark("Hamas") == ("Hamas", False)


def test_a_marked_short_name_counts_where_the_article_names_the_person_in_full():
    article = ("Former president Yoon Suk Yeol stood trial in the spring. "
               "The court heard that Yoon had ordered troops into the assembly in December.")
    sentence = "The court heard that Yoon had ordered troops into the assembly in December."
    assert find_actors(sentence, "en", "2025-04-01") == []
    assert find_actors(sentence, "en", "2025-04-01", article) == ["Yoon Suk Yeol"]
    # After an office word the short name needs no article.
    assert find_actors("Presiden Yoon menemui para wartawan.", "id", "2024-05-01") == ["Yoon Suk Yeol"]


def test_the_pipeline_reads_the_article_for_a_short_name():
    from timeline import extract_events

    text = ("Vice President Gibran Rakabuming Raka toured the port on Monday. "
            "On Tuesday Gibran visited a school in the same town.")
    frame = extract_events(text, published="2025-03-05", lang="en")
    assert frame["actors"].tolist()[-1] == "Gibran Rakabuming Raka"


@pytest.mark.parametrize("sentence, lang, expected", [
    # A country that only describes the person named after it is no party of its own.
    ("The minister received his Syrian counterpart Asaad al-Shaibani in Ankara.", "en", ["Asaad al-Shaibani"]),
    ("استقبل الوزير نظيره السوري أسعد الشيباني", "ar", ["Asaad al-Shaibani"]),
    # Other words between them: two parties.
    ("Syria and Asaad al-Shaibani both replied.", "en", ["Syria", "Asaad al-Shaibani"]),
    # A state's adjective after a preposition: the state is a party even where the phrase is a scene.
    ("Drei Drohnen drangen in den polnischen Luftraum ein.", "de", ["Poland"]),
])
def test_states_in_descriptions_and_adjectives(sentence, lang, expected):
    assert find_actors(sentence, lang, "2025-03-05") == expected
