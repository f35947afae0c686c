"""A story told in years before our era: "480 π.Χ." and then "two years later", "the next year",
"the same year", "the winter".

Python's `date` holds no year before 1, so the story's time (`reference.StoryTime`) cannot carry
such a year. This module keeps the last year before our era the text named, while no later
mention has named a year of ours, and resolves the story-relative expressions that count whole
years from it, writing TIMEX3's BCYYYY values. Finer expressions ("the next day") are left to
the general rules, which find no day to count from. It also joins a day or month to the era year
after it, and a year range whose era is written once.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from timeline.dates.context import _Candidate, _Context
from timeline.dates.mention import DateMention

_BC_YEAR = re.compile(r"BC(\d{4})")
_YEAR_VALUE = re.compile(r"(BC)?(\d{4})")
_SEASON_CODES = frozenset({"SP", "SU", "FA", "WI"})


def bc_year(mention: DateMention) -> int | None:
    """The year before our era a mention names ("480 π.Χ." -> 480), else None."""
    match = _BC_YEAR.fullmatch(mention.value)
    return int(match.group(1)) if match and mention.precision == "year" else None


def resolve_in_era(cand: _Candidate, ctx: _Context, year: int) -> DateMention | None:
    """`cand` resolved against the story's year `year` before our era, or None where its kind does
    not count in years (the general rules then resolve it)."""
    from timeline.dates.resolve import _plural_words, later_amount

    lex = ctx.pats.lex
    value = None
    if cand.kind == "later" and not lex.extra.get("later_as_duration"):
        read = later_amount(cand, ctx)
        if read and read[2] == "Y" and read[1] == int(read[1]):
            value = _bc(year - read[3] * int(read[1]))     # years before our era count down
    elif cand.kind == "modified" and (cand.data.get("unit") or cand.data.get("unit2")):
        unit_word = (cand.data.get("unit") or cand.data.get("unit2")).lower()
        # "the following years" is a vague amount, not a year
        unit = None if unit_word in _plural_words(lex.lang) else lex.units.get(unit_word)
        word = (cand.data.get("pre") or cand.data.get("post") or cand.data.get("post2") or "").lower()
        shift = lex.mapping("prefix_mods").get(word, lex.mapping("suffix_mods").get(word))
        if unit == "Y" and shift:
            value = _bc(year - shift)   # "the next year" after 480 BC is 479 BC
    elif cand.kind == "relative":
        phrase = re.sub(r"\s+", " ", (cand.data.get("phrase") or ctx.text[cand.start:cand.end]).lower())
        # "το επόμενο έτος" as dateparser knows it; an article before it may have joined the span
        phrase = next((p for p in (phrase, phrase.split(" ", 1)[-1]) if p in lex.relative), phrase)
        shift, unit = lex.relative.get(phrase, (None, None))
        if unit == "Y" and shift:
            value = _bc(year - shift)
    elif cand.kind == "anaphor" and cand.data.get("same_year"):
        value = _bc(year)
    elif cand.kind == "season" and not cand.data.get("y"):
        code = lex.mapping("seasons").get(re.sub(r"\s+", " ", cand.data["season"].lower()))
        if code in _SEASON_CODES:
            value = f"{_bc(year)}-{code}"
    if value is None:
        return None
    precision = "season" if "-" in value else "year"
    return DateMention(start=cand.start, end=cand.end, text=ctx.text[cand.start:cand.end], value=value, type="DATE",
                       precision=precision, confidence=0.6)


def _bc(year: int) -> str | None:
    return f"BC{year:04d}" if year >= 1 else None


def join_era_dates(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """A day or month followed by a year before our era is one date of that year: "27 August 479
    BC" -> BC0479-08-27, "Αύγουστος 480 π.Χ." -> BC0480-08 (no calendar days: `date` holds none)."""
    out: list[DateMention] = []
    for mention in mentions:
        year = bc_year(mention)
        previous = out[-1] if out else None
        if (year is not None and previous is not None and previous.precision in ("day", "month")
                and previous.first_day is not None and not text[previous.end:mention.start].strip(" ,")
                and not re.search(r"\d{4}", previous.text)):
            day = previous.first_day
            value = f"BC{year:04d}-{day.month:02d}" + (f"-{day.day:02d}" if previous.precision == "day" else "")
            out[-1] = DateMention(start=previous.start, end=mention.end, text=text[previous.start:mention.end],
                                  value=value, type="DATE", precision=previous.precision, confidence=mention.confidence)
            continue
        out.append(mention)
    return out


_ERA_RANGE_START = re.compile(r"(?<![\w.,])([1-9]\d{0,3})\s*[-–]\s*$")


def era_ranges(mentions: list[DateMention], ctx: _Context) -> list[DateMention]:
    """A year range with its era written once, after the second year ("480-479 BC", "264-146
    π.Χ."): both years are of that era, as one range (value and end_value)."""
    out: list[DateMention] = []
    for mention in mentions:
        era = _YEAR_VALUE.fullmatch(mention.value) if mention.precision == "year" and not mention.end_value else None
        m = _ERA_RANGE_START.search(ctx.text, max(0, mention.start - 8), mention.start) if era and not mention.text[:1].isalpha() else None
        if m is None or not re.search(r"\D\s*$", mention.text):
            out.append(mention)
            continue
        first, second = int(m.group(1)), int(era.group(2))
        bc = bool(era.group(1))
        if (bc and first <= second) or (not bc and first >= second):
            out.append(mention)   # BC years count down, AD years up: otherwise no range
            continue
        value = f"BC{first:04d}" if bc else f"{first:04d}"
        start = m.start(1)
        out.append(replace(mention, start=start, text=ctx.text[start:mention.end], value=value, end_value=mention.value,
                           first_day=None if bc else date(first, 1, 1), last_day=mention.last_day))
    return out
