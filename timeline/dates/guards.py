"""Acceptance checks on pattern matches: a match is a date only where it cannot be something
else (a common word, money, an age, a code)."""
from __future__ import annotations

import re
from functools import lru_cache

from timeline.lexicon import lexicon
from timeline.patterns import Patterns


def _year_range_data(m: re.Match) -> dict | None:
    y2 = m.group("y2")
    if len(y2) == 2:
        y2 = m.group("y1")[:2] + y2
    return {"y2full": y2} if int(y2) > int(m.group("y1")) else None


def _year_range_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """Two years (or months) joined by "and" are two dates ("in 1994 and 1997", "between 1994
    and 1997"), as TimeML writes them; "to" and a dash make one range ("2016 to 2022",
    "2006-2019", "Januari-Maret 2025")."""
    sep = (m.group("sep") or "").lower()
    return not sep or sep not in {w.lower() for w in pats.lex.words("range_and")}


def _season_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """A season alone is a date after its article ("the spring", "την άνοιξη") or a preposition
    ("in spring", "im Sommer"), or in a form that is itself an adverb of time ("влітку")."""
    before = text[max(0, m.start() - 30):m.start()].split()
    previous = before[-1].lower() if before else ""
    if m.group("art") or m.group("season").lower() in {w.lower() for w in pats.lex.words("season_alone")}:
        return True   # "влітку", "зимой": the form itself says "in the summer"
    return previous in {w.lower() for w in pats.lex.words("season_preps")}


def _relative_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """A relative day word that is also a noun is the noun after an article or preposition:
    "am Morgen" (in the morning) is no "morgen" (tomorrow), "por la mañana" no "mañana"."""
    blockers = pats.lex.extra.get("relative_as_noun_after", {}).get(m.group().lower())
    if not blockers:
        return True
    before = text[max(0, m.start() - 20):m.start()].split()
    return not (before and before[-1].lower() in blockers)


def _unit_alone_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """A unit alone is a date only right after a position word ("the end of the year"), and not
    where position and unit make one unit of their own ("akhir pekan", the weekend)."""
    head = text[max(0, m.start() - 40):m.start()]
    hit = pats.position.search(head)
    if not hit:
        return False
    joined = re.sub(r"\s+", " ", (head[hit.start():] + m.group()).strip().lower())
    return joined not in pats.lex.units


def _short_year_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """"'71" is a year after the language's article (kept in the span: "το '71") or its word
    for "in" ("in '71")."""
    if m.group("art"):
        return True
    before = text[max(0, m.start() - 20):m.start()].split()
    return bool(before) and before[-1].lower() in {w.lower() for w in pats.lex.words("short_year_before")}


def _ago_data(m: re.Match) -> dict:
    return {"n": m.group("n1") or m.group("n2"), "unit_word": m.group("u1") or m.group("u2") or ""}


def _bare_month_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """A month name alone is a date only where it cannot be an ordinary word."""
    word = m.group("m")
    ex = pats.lex.extra
    if ex.get("months_capitalized") and not word[:1].isupper():
        return False
    if m.group("pre"):
        return True
    if text[m.start() - 1:m.start()] == "-" and pats.position.search(text[max(0, m.start() - 12):m.start()]):
        return True   # "mid-March": a position joined by a hyphen makes it the month
    before = text[max(0, m.start() - 30):m.start()].split()
    previous = before[-1].lower().strip(",(") if before else ""
    preps = _preps(pats.lex.lang)
    if len(word) <= 3 or word.lower() in pats.lex.words("ambiguous_months"):
        # "may", "Mei", "mars": need a preposition or modifier in front.
        return previous in preps or previous in pats.lex.mapping("prefix_mods")
    if ex.get("months_capitalized") and not previous and _sentence_start(text, m.start()):
        return previous in preps
    return True


@lru_cache(maxsize=64)


def _preps(lang: str) -> frozenset[str]:
    """Words that make a short month name a date when they stand before it ("in May")."""
    return frozenset(p.lower() for p in lexicon(lang).words("preps"))


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?\n\"“"


def _year_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """A four-digit number is a year unless it is money, a quantity or part of a code."""
    start = m.start("y")
    before = text[max(0, start - 12):start]
    after = text[m.end("y"):m.end("y") + 12]
    if re.search(r"[$€£¥]\s*$|\b(?:Rp|USD|EUR|US\$)\s*$", before):
        return False
    if pats.quantity_after.match(after):
        return False
    if (re.search(r"\d[.,]?\s*$", before) and not re.search(r"\d\s*[-–]\s*$", before)
            and not re.search(r"(?<![\d.,])(?:1[5-9]\d\d|20\d\d),\s+$", before)):   # a list of years: "1994, 1995"
        return False
    return True


def _plural_unit_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """"years", "έτη" before a number name the years that follow ("τα έτη 1912-1915", "the
    years 1990 to 1995"), not a vague amount of time."""
    return not re.match(r"\s+\d", text[m.end():m.end() + 3])


def _modified_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """"this march", "last may": where the language writes months with a capital, one written
    small after a modifier is the ordinary word (a march, may), not the month; "próximo dia 12"
    is a day of the month, not the next day."""
    unit = m.group("unit") or m.group("unit2") or ""
    if pats.lex.units.get(unit.lower()) == "D" and re.match(r"\s+\d", text[m.end():m.end() + 3]):
        return False   # "no próximo dia 12" is the 12th, not the next day
    if not pats.lex.extra.get("months_capitalized"):
        return True
    word = m.group("month") or m.group("month2") or ""
    return not word or word[:1].isupper()


def _weekday_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """A weekday word that is also a common word ("Minggu" = Sunday or week) needs a capital."""
    word = m.group("wd1")
    unit = pats.lex.units.get(word.lower())
    if unit is not None:
        if m.group("post") or not word[:1].isupper():
            return False
        if _sentence_start(text, m.start("wd1")):
            after = text[m.end():m.end() + 20]
            return bool(re.match(r"\s*[,(]", after))
    if pats.lex.extra.get("months_capitalized") and not word[:1].isupper():
        # Written small in running text, a weekday is still one with its "day" word or part of
        # day after it (Turkish "salı günü", "pazartesi sabahı").
        return bool(re.match(rf"\s+(?:{_alternatives(pats.lex.words('weekday_suffix') + list(pats.lex.mapping('part_of_day')))})(?!\w)",
                             text[m.end("wd1"):m.end("wd1") + 30], re.I))
    return True


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"


def _is_age(text: str, m: re.Match, pats: Patterns) -> bool:
    before = text[max(0, m.start() - 25):m.start()]
    after = text[m.end():m.end() + 15]
    if pats.age_before.search(before) and (m.group("n") or "").strip():
        return True
    return bool(pats.age_after.match(after))


def _clock_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """A number is a clock time only with minutes and a cue (pukul, at, GMT), or with am/pm; an
    hour alone only with a clock word before it or a part of day after it ("pukul 7",
    "5 in the morning", "7 malam")."""
    if m.group("ampm"):
        return True
    if not m.group("mi"):
        # "о 10 осіб" counts people: a quantity word after the hour makes it no clock time
        return bool(m.group("cue") or m.group("pod")) and not pats.quantity_after.match(text, m.end())
    if m.group("sep") == ":":
        return True
    if m.group("cue") or m.group("tz") or m.group("approx") or m.group("suffix"):
        return True
    return bool(pats.clock_outside.search(text[max(0, m.start() - 20):m.start()]))


def _duration_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """Not an age ("berusia 61 tahun") and not a year with its case word ("2019 году")."""
    if re.fullmatch(r"\d{4}", (m.group("n") or "").strip()):
        return False
    if m.group("n") and re.search(r"\d[:.]$", text[max(0, m.start("n") - 3):m.start("n")]):
        return False   # "7:30 horas" is half past seven, not thirty hours
    return not _is_age(text, m, pats)


def _year_check(text: str, m: re.Match, pats: Patterns) -> bool:
    return _year_ok(text, m, pats)


# (pattern field, candidate kind, rank among equally long spans, acceptance check, trigger kinds
# that every match of the pattern contains)
_DIGIT, _MONTH, _WEEKDAY, _UNIT = ("digit",), ("month",), ("weekday",), ("unit",)
