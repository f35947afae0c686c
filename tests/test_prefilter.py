"""The recognisers' pre-filters and quick starts (timeline.dates.prefilter) never change a match."""
import re

import pytest

from timeline.dates.prefilter import (ALPHABET, begins_outside_ascii, in_alphabet, literal_led, lowered, lowered_form,
                                      quick_start, required, required_pair, starts_form)
from timeline.dates.registry import RECOGNISERS
from timeline.patterns import patterns

# Own words, with dates of many shapes, in a few of the supported languages.
TEXTS = {
    "en": "On Tuesday, 3 March 2021 at 10:30 GMT the board met again; two weeks later, in the spring "
          "of 1998 and during the 1990s, the 19th century and the third quarter of 2004 came up. "
          "Five years ago, last month, early next year, 12/05/2020, 2019-07-01 and 0930 GMT too. "
          "The committee's fiscal 2022 report, the first half, '71, 1914-1918, mid-1998, 44 BC.",
    "fr": "Le mardi 3 mars 2021 à 10h30, puis deux semaines plus tard, au printemps 1998, au XIXe siècle, "
          "il y a cinq ans, le mois dernier, le lendemain, en 1914-1918.",
    "de": "Am Dienstag, dem 3. März 2021, um 10:30 Uhr, zwei Wochen später, im Frühjahr 1998, vor fünf "
          "Jahren, letzten Monat, im 19. Jahrhundert, in den 1990er Jahren.",
    "el": "Την Τρίτη 3 Μαρτίου 2021, στις 10:30, δύο εβδομάδες αργότερα, την άνοιξη του 1998, πριν από "
          "πέντε χρόνια, τον περασμένο μήνα, τον 19ο αιώνα, τη δεκαετία του 1990.",
    "id": "Pada Selasa (3/3/2021) pukul 10.30 WIB, dua minggu kemudian, pada musim semi 1998, lima tahun "
          "lalu, bulan lalu, abad ke-19, tahun 1990-an.",
    "ja": "2021年3月3日午前10時30分、1998年春、5年前、先月。",
}


def _pairs():
    for lang in TEXTS:
        pats = patterns(lang)
        for rec in RECOGNISERS:
            pattern = getattr(pats, rec.pattern)
            if pattern is not None:
                yield lang, rec.pattern, pattern


@pytest.mark.parametrize("lang,name,pattern", list(_pairs()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_match_holds_its_required_piece_and_quick_start_finds_the_same(lang, name, pattern):
    text = TEXTS[lang] + " " + TEXTS[lang].upper() + " " + TEXTS[lang].lower()
    need = required(pattern)
    matches = list(pattern.finditer(text))
    for m in matches:
        if m.end() > m.start():
            assert need is None or need.search(text, m.start(), m.end()), (name, m.group())
    # The quick start gives the same matches, with the same groups, over the whole text and windows.
    fast = quick_start(pattern)
    assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == [(m.span(), m.groupdict()) for m in matches]
    for lo in range(0, len(text), 37):
        hi = min(len(text), lo + 140)
        assert [m.span() for m in fast.finditer(text, lo, hi)] == [m.span() for m in pattern.finditer(text, lo, hi)]


def test_the_recognisers_find_something_in_these_texts():
    """The test above must see real matches, not only empty ones."""
    found = sum(1 for _, _, pattern in _pairs() for m in pattern.finditer(TEXTS["en"]) if m.group().strip())
    assert found > 20


@pytest.mark.parametrize("source,inside,outside", [
    (r"(?<!\w)century(?!\w)", "the 19th century", "the 19th cent"),
    (r"(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>\d\d)", "on 1998-07", "on 98-07"),
    (r"(?:the\s+)?(?:last|next)\s+(?:week|month)", "the NEXT month", "the month"),
    (r"(?i:x)(?-i:Y)z+", "xYzz", "xyzz"),
    (r"\d{4}\s*[年년]", "2021 年", "2021 months"),
])
def test_the_required_piece_is_found_where_the_pattern_can_match_and_not_where_it_cannot(source, inside, outside):
    need = required(re.compile(source, re.IGNORECASE))
    assert need is not None
    assert need.search(inside)
    assert not need.search(outside)


def test_an_empty_word_list_is_a_pattern_that_matches_nothing():
    # timeline.patterns.alternation writes "(?!x)x" for no words
    need = required(re.compile(r"(?<!\w)(?!x)x(?!\w)\s+\d+", re.IGNORECASE))
    assert need is not None and need.search("x 12 X 34 anything") is None


def test_no_filter_where_the_triggers_hold_the_piece_anyway():
    pattern = re.compile(r"(?<!\w)(?:week|month)s?(?!\w)", re.IGNORECASE)
    assert required(pattern) is not None
    assert required(pattern, frozenset({"week", "months"})) is None
    assert required(pattern, frozenset({"week", "spring"})) is not None


def test_a_pattern_with_a_possible_empty_match_has_no_quick_start():
    pattern = re.compile(r"(?:ab)?", re.IGNORECASE)
    assert quick_start(pattern) is pattern


@pytest.mark.parametrize("lang,name,pattern", list(_pairs()), ids=lambda v: v if isinstance(v, str) else "")
def test_the_literal_led_filter_finds_a_piece_exactly_where_the_filter_does(lang, name, pattern):
    need, led = required_pair(pattern)
    if led is None:
        return
    quick, covered = led
    begins = begins_outside_ascii(need)
    text = TEXTS[lang] + " " + TEXTS[lang].upper() + " " + TEXTS[lang].lower() + " it’s 1914–1918 «ok»"
    fit = all(ch in covered or (begins is not None and begins.match(ch) is None) for ch in set(text) if ch > "\x7f")
    texts = [text] if fit else []
    # The same text with every character outside ASCII the filter could begin at dropped: fit.
    texts.append("".join(ch for ch in text if ch <= "\x7f" or ch in covered or (begins and not begins.match(ch))))
    for sample in texts:
        for lo in range(0, len(sample), 23):
            hi = min(len(sample), lo + 140)
            assert (need.search(sample, lo, hi) is None) == (quick.search(sample, lo, hi) is None), (name, sample[lo:hi])


@pytest.mark.parametrize("first,rest,flags,inside,outside", [
    ("k", "m", re.IGNORECASE, "10 KM", "10 kg"),
    (r"[\d]", r"\d\s*年", 0, "2021 年", "二〇二一年"),
    ("年", "", 0, "2021年", "2021 years"),
    (r"['’]", r"\d\d", re.IGNORECASE, "in ’71", "in '7"),
])
def test_a_literal_led_regex_spells_out_the_first_characters(first, rest, flags, inside, outside):
    regex, covered = literal_led([(first, rest)], flags)
    assert regex.search(inside) and not regex.search(outside)
    assert all(ch > "\x7f" for ch in covered)


def test_a_character_outside_ascii_that_can_begin_a_match_is_known():
    begins = begins_outside_ascii(re.compile(r"(?<!\w)(?:kelvin|ſtar)", re.IGNORECASE))
    assert begins.match("\u212a")   # KELVIN SIGN matches "k" without regard to case
    assert begins.match("ſ") and not begins.match("é")


def _in_alphabet_texts(lang):
    text = TEXTS[lang] + " " + TEXTS[lang].upper() + " " + TEXTS[lang].lower() + " it’s 1914–1918, «OK» — fine…"
    return ["".join(ch for ch in text if ch in ALPHABET)]


@pytest.mark.parametrize("lang,name,pattern", list(_pairs()), ids=lambda v: v if isinstance(v, str) else "")
def test_the_lowered_form_matches_the_lowered_text_where_the_pattern_matches_the_text(lang, name, pattern):
    small = lowered_form(pattern)
    if small is None:
        return
    for text in _in_alphabet_texts(lang):
        assert in_alphabet(text)
        low = lowered(text)
        assert [m.span() for m in small.finditer(low)] == [m.span() for m in pattern.finditer(text)]
        for lo in range(0, len(text), 37):
            hi = min(len(text), lo + 140)
            assert [m.span() for m in small.finditer(low, lo, hi)] == [m.span() for m in pattern.finditer(text, lo, hi)]


@pytest.mark.parametrize("lang", list(TEXTS))
def test_the_lowered_trigger_pattern_keeps_its_groups(lang):
    trigger = patterns(lang).trigger
    small = lowered_form(trigger, keep_groups=True)
    for text in _in_alphabet_texts(lang):
        found = [(m.span(), m.lastgroup) for m in trigger.finditer(text)]
        assert found and [(m.span(), m.lastgroup) for m in small.finditer(lowered(text))] == found


def test_a_pattern_that_tells_capitals_from_small_letters_has_no_lowered_form():
    assert lowered_form(re.compile(r"(?-i:[XVI]+)\s+century", re.IGNORECASE)) is None
    assert lowered_form(re.compile(r"(?P<s>[/.-])\d(?P=s)")) is None   # a group referred back to
    assert lowered_form(re.compile(r"\d+(?:st|nd)\s+century", re.IGNORECASE)).search(lowered("the 21ST century"))
    assert not in_alphabet("2021年") and in_alphabet("naïve, it’s 1914–1918") and lowered("Q3 ’71") == "q3 ’71"
    # Lowered as the regex engine lowers a letter when it ignores case: same length, offsets hold.
    assert lowered("İSTANBUL ΣΟΦΟΣ Ölüm") == "istanbul σοφοσ ölüm"


def _by_starts(starts, pattern, text, lo, hi):
    out, free = [], lo
    for start in starts.finditer(text, lo, hi):
        if start.start() >= free:
            m = pattern.match(text, start.start(), hi)
            out.append(m.span())
            free = m.end()
    return out


@pytest.mark.parametrize("lang,name,pattern", list(_pairs()), ids=lambda v: v if isinstance(v, str) else "")
def test_the_starts_form_finds_where_the_lowered_form_matches(lang, name, pattern):
    small = lowered_form(pattern)
    starts = small and starts_form(small)
    if starts is None:
        return
    for text in _in_alphabet_texts(lang):
        low = lowered(text)
        assert _by_starts(starts, small, low, 0, len(low)) == [m.span() for m in small.finditer(low)]
        for lo in range(0, len(low), 37):
            hi = min(len(low), lo + 140)
            assert _by_starts(starts, small, low, lo, hi) == [m.span() for m in small.finditer(low, lo, hi)]


def test_no_parse_tree_is_kept_once_a_language_is_planned():
    # The tagger's parse trees are ~100,000 objects: kept after the filters are read off them,
    # every full garbage collection of the process walked them.
    from timeline import find_dates
    from timeline.dates import prefilter, recognise

    recognise._language_plan.cache_clear()         # planned afresh, whatever ran before
    prefilter.required(re.compile(r"\d{4} (?:Jan|Feb)"))   # a tree kept by a direct reader
    assert prefilter._parsed.cache_info().currsize > 0
    find_dates("Lors de la réunion du 3 mars 2024, les ministres ont voté.", "2024-03-10", "fr")
    find_dates("A Reuniao de 3 de marco de 2024 terminou.", "2024-03-10", "pt")
    assert prefilter._parsed.cache_info().currsize == 0
