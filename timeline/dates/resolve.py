"""Resolvers: a candidate and its context -> the fields of a DateMention (value, type,
precision, days covered, confidence). Each resolver is registered with its recognisers at the
end of this module."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from timeline.dates.context import _Candidate, _Context, replace_data
from timeline.dates.mention import DateMention
from timeline.dates.reference import fitted
from timeline.dates.registry import RESOLVERS
from timeline.dates.tense import _tense
from timeline.periods import date_span


def _resolve(cand: _Candidate, ctx: _Context) -> DateMention | None:
    handler = RESOLVERS.get(cand.kind)
    if handler is None:
        return None
    try:
        result = handler(cand, ctx)
    except (ValueError, OverflowError):
        return None   # an impossible date such as 31/02: not a date
    if result is None:
        return None
    return DateMention(start=cand.start, end=cand.end, text=ctx.text[cand.start:cand.end], **result)


def _fused_amount(word: str, ctx: "_Context") -> tuple[float, str] | None:
    """"setahun" -> (1, "Y"): a number and a unit written as one word."""
    found = ctx.pats.lex.fused.get(re.sub(r"\s+", " ", word.lower()))
    return (float(found[0]), found[1]) if found else None


def _month_number(word: str, ctx: _Context) -> int:
    key = word.lower()
    lex = ctx.pats.lex
    for form in (key, key.rstrip("."), key.rstrip(".") + "."):
        if form in lex.months:
            return lex.months[form]
        if form in lex.month_abbrevs:
            return lex.month_abbrevs[form]
    raise ValueError(f"not a month: {word}")


def _day_result(day: date, confidence: float = 1.0, pod_code: str | None = None, end: date | None = None) -> dict:
    """A day, or with `pod_code` (MO, AF, EV, NI) that part of the day as a TIME."""
    value = day.isoformat()
    if pod_code:
        return dict(value=f"{value}T{pod_code}", type="TIME", precision="part_of_day", first_day=day,
                    last_day=day, confidence=confidence)
    return dict(value=value, type="DATE", precision="day", first_day=day, last_day=end or day,
                end_value=end.isoformat() if end and end != day else None, confidence=confidence)


def _pod_code(ctx: _Context, word: str | None) -> str | None:
    """TIMEX3 part-of-day code of a word of the text's language ("malam" -> NI), else None."""
    if not word:
        return None
    return ctx.pats.lex.mapping("part_of_day").get(re.sub(r"\s+", " ", word.lower()))


def _year_for(month: int, day: int | None, ctx: _Context, cand: _Candidate,
              tense: str | None = None) -> tuple[int | None, float]:
    """The year of a year-less date: nearest to the reference date, leaning on the tense
    (the sentence's, unless the expression itself says it)."""
    ref = ctx.reference
    if ref is None:
        return None, 0.3
    if ctx.narrative:
        # The story's time: its year, or the next one when the date would lie too far back
        # (the clause's tense is the story's, not the writer's, so it says nothing here).
        if ctx.anchor_precision in ("year", "decade", "century"):
            return ref.year, 0.7
        first = date(ref.year, month, min(day or 1, calendar.monthrange(ref.year, month)[1]))
        story_start = ref if ctx.anchor_precision == "day" else date(ref.year, ref.month, 1)
        months_back = (story_start.year - first.year) * 12 + story_start.month - first.month
        return (ref.year + 1 if first < story_start and months_back > fitted().story_back_months else ref.year), 0.7
    tense = tense or _tense(ctx, cand)
    best, best_cost = None, None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            first = date(year, month, day or 1)
        except ValueError:
            continue
        last = first if day else date(year, month, calendar.monthrange(year, month)[1])
        if last < ref and not (day is None and first <= ref <= last):
            distance, future = (ref - last).days, False
        elif first > ref:
            distance, future = (first - ref).days, True
        else:
            distance, future = 0, False
        cost = distance
        if future and tense != "future":
            cost = distance * (fitted().past_future_cost if tense == "past" else fitted().neutral_future_cost)
        elif not future and distance and tense == "future":
            cost = distance * fitted().future_past_cost
        if best_cost is None or cost < best_cost:
            best, best_cost = year, cost
    return best, 0.8


def _r_holiday(cand: _Candidate, ctx: _Context) -> dict | None:
    """A named holiday: its day in the year the reference time and the clause's tense choose,
    as for a year-less date."""
    from timeline.holiday import holiday_day

    lang = ctx.pats.lex.lang
    name = cand.data.get("name") or ctx.text[cand.start:cand.end]
    ref = ctx.reference
    if ref is None:
        return None
    # A holiday not kept every year (an election day of even years) is found in a year near by.
    near = next((day for year in (ref.year, ref.year + 1, ref.year - 1) if (day := holiday_day(lang, name, year))), None)
    if near is None:
        return None
    lex, pre, post = ctx.pats.lex, cand.data.get("pre"), cand.data.get("post")
    shift = (lex.mapping("prefix_mods").get(re.sub(r"\s+", " ", pre.lower())) if pre else
             lex.mapping("suffix_mods").get(re.sub(r"\s+", " ", post.lower())) if post else None)
    if shift:
        # "last Thanksgiving": the latest before the reference day; "next Christmas" the first after
        years = range(ref.year - 1, ref.year + 1) if shift < 0 else range(ref.year, ref.year + 2)
        days = [day for year in years if (day := holiday_day(lang, name, year))]
        day = max((d for d in days if d < ref), default=None) if shift < 0 else min((d for d in days if d > ref), default=None)
        return None if day is None else _day_result(day, 0.9)
    year, confidence = _year_for(near.month, near.day, ctx, cand)
    day = holiday_day(lang, name, year) if year is not None else None
    return _day_result(day or near, confidence)


def _r_ymd(cand: _Candidate, ctx: _Context) -> dict:
    day = date(int(cand.data["y"]), int(cand.data["m"]), int(cand.data["d"]))
    return _day_result(day, pod_code=_pod_code(ctx, cand.data.get("pod")))


def _r_numeric(cand: _Candidate, ctx: _Context) -> dict | None:
    a, b = int(cand.data["a"]), int(cand.data["b"])
    order = ctx.pats.lex.date_order
    day_n, month_n = (b, a) if order.startswith("M") else (a, b)
    if month_n > 12 and day_n <= 12:
        day_n, month_n = month_n, day_n
    year_text = cand.data.get("y")
    if year_text:
        year = int(year_text)
        if year < 100:
            year += 2000 if year < 70 else 1900
        return _day_result(date(year, month_n, day_n), pod_code=_pod_code(ctx, cand.data.get("pod")))
    year, confidence = _year_for(month_n, day_n, ctx, cand)
    if year is None:
        return dict(value=f"XXXX-{month_n:02d}-{day_n:02d}", type="DATE", precision="day", confidence=confidence)
    return _day_result(date(year, month_n, day_n), confidence, pod_code=_pod_code(ctx, cand.data.get("pod")))


def _r_day_month(cand: _Candidate, ctx: _Context) -> dict | None:
    month_n = _month_number(cand.data["m"], ctx)
    day_n = int(re.match(r"\d+", cand.data["d"]).group())
    first_n = int(re.match(r"\d+", cand.data["d1"]).group()) if cand.data.get("d1") else None
    if cand.data.get("d2"):
        first_n, day_n = day_n, int(re.match(r"\d+", cand.data["d2"]).group())
    if cand.data.get("y"):
        year, confidence = int(cand.data["y"]), 1.0
    else:
        # "1 Maret mendatang" (the coming 1 March), "le 3 mars dernier": the modifier sets the tense.
        shift = ctx.pats.lex.mapping("suffix_mods").get(re.sub(r"\s+", " ", (cand.data.get("post") or "").lower()))
        tense = {1: "future", -1: "past"}.get(shift)
        year, confidence = _year_for(month_n, first_n or day_n, ctx, cand, tense)
        if year is None:
            return dict(value=f"XXXX-{month_n:02d}-{day_n:02d}", type="DATE", precision="day", confidence=confidence)
    last = date(year, month_n, day_n)
    if first_n is not None and first_n < day_n:
        return _day_result(date(year, month_n, first_n), confidence, end=last)
    return _day_result(last, confidence, pod_code=_pod_code(ctx, cand.data.get("pod")))


def _r_ordinal_date(cand: _Candidate, ctx: _Context) -> dict | None:
    ordinals = {k.lower(): v for k, v in ctx.pats.lex.extra.get("ordinals", {}).items()}
    day_n = ordinals.get(re.sub(r"\s+", " ", cand.data["ord"].lower()))
    if not day_n:
        return None
    return _r_day_month(replace_data(cand, d=str(day_n), d1=None), ctx)


def _period(value: str, confidence: float = 1.0, end_value: str | None = None) -> dict:
    """A DATE result for a TIMEX period value (2024-12, 2024-W50, 2024-SU, 199, ...), with the
    days it covers from timeline.periods, the project's one definition of that; `end_value`
    closes a range ("2011 to 2014")."""
    precision, first_day, last_day = date_span(value)
    if end_value:
        last_day = date_span(end_value)[2]
    if value.endswith("-WE"):
        precision = "weekend"
    return dict(value=value, type="DATE", precision=precision, first_day=first_day, last_day=last_day,
                end_value=end_value, confidence=confidence)


def _month_result(year: int, month_n: int, confidence: float) -> dict:
    return _period(f"{year:04d}-{month_n:02d}", confidence)


def _r_month_year(cand: _Candidate, ctx: _Context) -> dict:
    return _month_result(int(cand.data["y"]), _month_number(cand.data["m"], ctx), 1.0)


def _r_month(cand: _Candidate, ctx: _Context) -> dict | None:
    month_n = _month_number(cand.data["m"], ctx)
    if cand.data.get("y"):   # a year shared from the month joined after it
        return _month_result(int(cand.data["y"]), month_n, 1.0)
    year, confidence = _year_for(month_n, None, ctx, cand)
    if year is None:
        return dict(value=f"XXXX-{month_n:02d}", type="DATE", precision="month", confidence=confidence)
    return _month_result(year, month_n, confidence)


def _year_result(year: int, confidence: float = 1.0, end_year: int | None = None) -> dict:
    return _period(f"{year:04d}", confidence, f"{end_year:04d}" if end_year else None)


def _r_year(cand: _Candidate, ctx: _Context) -> dict:
    return _year_result(int(cand.data["y"]))


def _r_year_range(cand: _Candidate, ctx: _Context) -> dict:
    return _year_result(int(cand.data["y1"]), end_year=int(cand.data["y2full"]))


def _r_decade(cand: _Candidate, ctx: _Context) -> dict:
    if cand.data.get("d2"):
        decade = int(f"19{cand.data['d2']}")
    elif cand.data.get("c3"):
        decade = int(cand.data["c3"] + cand.data["d3"])
    elif cand.data.get("d5"):
        decade = int(f"19{cand.data['d5']}")
    else:
        decade = int(cand.data["c"] + cand.data["d"])
    return _period(f"{decade:03d}")


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total


def _r_century(cand: _Candidate, ctx: _Context) -> dict:
    raw = next(cand.data[k] for k in ("n", "n2", "n3", "n4", "n5", "n6") if cand.data.get(k))
    number = int(raw) if raw.isdigit() else _roman(raw.upper())
    return _period(f"{number - 1:02d}")   # the 20th century is TIMEX "19"


def _weekday_number(word: str, ctx: _Context) -> int:
    lex = ctx.pats.lex
    return lex.weekdays.get(word.lower(), lex.weekday_abbrevs.get(word.lower(), 0))


def _r_weekday(cand: _Candidate, ctx: _Context) -> dict | None:
    ref = ctx.reference
    first = _weekday_number(cand.data["wd1"], ctx)
    second = _weekday_number(cand.data["wd2"], ctx) if cand.data.get("wd2") else None
    if ref is None:
        return dict(value=f"XXXX-WXX-{first + 1}", type="DATE", precision="day", confidence=0.3)
    if ctx.narrative:
        # A weekday in a story: the first such day from the story's day on. A story told at a
        # coarser precision gives no week to pick the day in.
        if ctx.anchor_precision != "day":
            return dict(value=f"XXXX-WXX-{first + 1}", type="DATE", precision="day", confidence=0.3)
        day = ref + timedelta(days=(first - ref.weekday()) % 7)
        if second is not None:
            return _day_result(day, 0.6, end=day + timedelta(days=(second - first) % 7))
        return _day_result(day, 0.6, pod_code=_pod_code(ctx, cand.data.get("pod") or cand.data.get("pod_before")))
    mods = ctx.pats.lex.mapping("suffix_mods")
    if cand.data.get("weekmod"):
        # "hari Rabu pekan lalu": that weekday in the week before (or after) the reference week.
        shift = mods.get(re.sub(r"\s+", " ", cand.data["weekpost"].lower()), 0)
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=shift)
        day = monday + timedelta(days=first)
    elif cand.data.get("shift") == 0:
        # "this Monday", "Senin ini": that day of the current week, unless the clause's tense
        # says it is the one already gone or still to come
        day = ref - timedelta(days=ref.weekday()) + timedelta(days=first)
        tense = _tense(ctx, cand)
        if tense == "future" and day < ref:
            day += timedelta(days=7)
        elif tense == "past" and day > ref:
            day -= timedelta(days=7)
    else:
        shift = cand.data.get("shift") or mods.get(re.sub(r"\s+", " ", (cand.data.get("post") or "").lower()))
        tense = "past" if shift == -1 else "future" if shift == 1 else _tense(ctx, cand)
        anchor_wd = first
        if tense == "future":
            day = ref + timedelta(days=(anchor_wd - ref.weekday()) % 7)
            if shift == 1 and day == ref:
                day += timedelta(days=7)
        else:
            day = ref - timedelta(days=(ref.weekday() - anchor_wd) % 7)
            if shift == -1 and day == ref:
                day -= timedelta(days=7)
    if second is not None:
        end = day + timedelta(days=(second - first) % 7)
        return _day_result(day, 0.8, end=end)
    return _day_result(day, 0.8, pod_code=_pod_code(ctx, cand.data.get("pod") or cand.data.get("pod_before")))


def _shift(ref: date, amount: float, unit: str) -> dict | None:
    """The period `amount` units away from `ref`, at that unit's precision."""
    amount_int = int(round(amount))
    if unit == "D":
        day = ref + timedelta(days=amount_int)
        return _day_result(day, 0.9)
    if unit in ("W", "WE"):
        year, week, _ = (ref + timedelta(weeks=amount_int)).isocalendar()
        return _period(f"{year:04d}-W{week:02d}" + ("-WE" if unit == "WE" else ""), 0.9)
    if unit == "M":
        index = ref.year * 12 + ref.month - 1 + amount_int
        return _month_result(index // 12, index % 12 + 1, 0.9)
    if unit == "Q":
        index = ref.year * 4 + (ref.month - 1) // 3 + amount_int
        return _period(f"{index // 4:04d}-Q{index % 4 + 1}", 0.9)
    if unit == "Y":
        return _year_result(ref.year + amount_int, 0.9)
    if unit == "DE":
        return _period(f"{ref.year // 10 + amount_int:03d}", 0.9)
    if unit == "CE":
        return _period(f"{ref.year // 100 + amount_int:02d}", 0.9)
    if unit in ("H", "MIN"):
        return dict(value="PRESENT_REF", type="DATE", precision="reference", confidence=0.6)
    return None


@lru_cache(maxsize=64)
def _plural_words(lang: str) -> frozenset[str]:
    """The language's plural unit words ("years", "χρόνια"), as the plural_unit pattern knows them."""
    from timeline.lexicon import lexicon
    from timeline.patterns import _plural_units

    return frozenset(_plural_units(lexicon(lang)))


def _unresolved(amount: float, unit: str) -> dict:
    return dict(value="PAST_REF" if amount < 0 else "FUTURE_REF" if amount > 0 else "PRESENT_REF",
                type="DATE", precision="reference", confidence=0.3)


def _r_relative(cand: _Candidate, ctx: _Context) -> dict | None:
    phrase = re.sub(r"\s+", " ", (cand.data.get("phrase") or ctx.text[cand.start:cand.end]).lower())
    day_words = ctx.pats.lex.mapping("day_words")
    if phrase in day_words:
        amount, unit = day_words[phrase], "D"
    else:
        amount, unit = ctx.pats.lex.relative.get(phrase, (None, None))
        if amount is None:
            return None
    if unit in ("H", "MIN") or (unit == "S"):
        return dict(value="PRESENT_REF", type="DATE", precision="reference", confidence=0.9)
    if ctx.reference is None:
        return _unresolved(amount, unit)
    if amount == 0 and unit == "D" and ctx.document_narrative:
        # "today" in a history told from afar is the narrator's present, not a day.
        return dict(value="PRESENT_REF", type="DATE", precision="reference", confidence=0.7)
    return _shift(ctx.reference, amount, unit)


def later_amount(cand: _Candidate, ctx: _Context) -> tuple[_Candidate, float, str, int] | None:
    """(candidate with its amount spelled out, amount, unit, direction) of "two days later",
    "через год", "setahun kemudian"; None for an amount alone."""
    lex = ctx.pats.lex
    if cand.data.get("fused_later"):   # "setahun kemudian": the amount and unit in one word
        fused = _fused_amount(cand.data["fused_later"], ctx)
        if fused is None or fused[1] not in _DURATION_UNITS:
            return None
        unit_word = next((w for w, u in lex.units.items() if u == fused[1]), None)
        if unit_word is None:
            return None
        cand = replace_data(cand, n=str(int(fused[0])), unit=unit_word, dir=cand.data["dir_fused"])
    if cand.data.get("dir_before"):   # "через два тижні": the amount follows the word ("через год": one)
        cand = replace_data(cand, n=cand.data["n_after"] or "1", unit=cand.data["unit_after"])
    amount = _number_value(cand.data["n"], ctx)
    unit = lex.units.get(cand.data["unit"].lower())
    if cand.data.get("dir"):
        direction = lex.mapping("later_words").get(re.sub(r"\s+", " ", cand.data["dir"].lower()))
    elif cand.data.get("dir_before"):
        direction = lex.mapping("later_before").get(re.sub(r"\s+", " ", cand.data["dir_before"].lower()))
    else:
        return None   # an amount alone is the duration recogniser's
    if amount is None or unit is None or direction is None:
        return None
    return cand, amount, unit, direction


def _r_later(cand: _Candidate, ctx: _Context) -> dict | None:
    """"two days later", "через два тижні": the date it reaches from the story's time. English
    TimeML tags the amount ("two days") as a DURATION instead (`later_as_duration`); its
    `points_to` keeps the date reached."""
    lex = ctx.pats.lex
    read = later_amount(cand, ctx)
    if read is None:
        return None
    cand, amount, unit, direction = read
    duration = _r_duration(replace_data(cand, fused=None, vague=None, vague_after=None, vunit=None, unit_first=None), ctx)
    if duration is None:
        return None
    reached = _shift(ctx.reference, direction * amount, unit) if ctx.reference is not None else None
    if not lex.extra.get("later_as_duration"):
        if reached is None:
            return dict(value="PAST_REF" if direction < 0 else "FUTURE_REF", type="DATE", precision="reference", confidence=0.3)
        coarse = _no_finer_than_the_story(unit, ctx)
        return coarse if coarse is not None else {**reached, "confidence": 0.7}
    if reached is not None and reached.get("first_day"):
        duration["points_to"] = reached["value"]
    return duration


def _no_finer_than_the_story(unit: str, ctx: _Context) -> dict | None:
    """What a step of `unit` from the story's time may say when the story is told coarser than
    that unit, else None: "two weeks later", "the next day" after "in 1918" say no more than the
    story's year; "the next day" after "in December 1918" no more than its month (the day is not
    known, and inventing it would date the happening wrongly)."""
    if _COARSENESS.get(ctx.anchor_precision, 0) <= _COARSENESS.get(unit, 0):
        return None
    if ctx.anchor_precision == "month" and unit in ("D", "W"):
        return _month_result(ctx.reference.year, ctx.reference.month, 0.5)
    return _year_result(ctx.reference.year, 0.5)


# How coarse an anchor's precision or a unit is, to tell when an amount counted from a story's
# time would invent precision the story does not have.
_COARSENESS = {"day": 1, "D": 1, "part_of_day": 1, "week": 2, "W": 2, "weekend": 2, "month": 3, "M": 3,
               "quarter": 4, "Q": 4, "season": 4, "half": 5, "year": 6, "Y": 6, "decade": 7, "DE": 7,
               "century": 8, "CE": 8}


def _r_pod_anaphor(cand: _Candidate, ctx: _Context) -> dict | None:
    """"the next morning", "that night": the part of day of the story's day (or the one after or
    before it); nothing where the story has no day to count from."""
    d = cand.data
    lex = ctx.pats.lex
    if d.get("ana"):
        shift, pod = lex.mapping("pod_anaphors").get(re.sub(r"\s+", " ", d["ana"].lower())), d["pod"]
    else:
        shift, pod = lex.mapping("pod_anaphors_after").get(re.sub(r"\s+", " ", d["ana2"].lower())), d["pod2"]
    code = _pod_code(ctx, pod)
    if shift is None or code is None:
        return None
    # The story's day, else the last day the text named (a narrator's "last Friday" in a
    # story told in years still gives "the next morning" its day).
    base = ctx.reference if ctx.anchor_precision in ("day", "part_of_day") else ctx.last_day
    if base is None:
        return None
    day = base + timedelta(days=shift)
    return dict(value=f"{day.isoformat()}T{code}", type="TIME", precision="part_of_day", first_day=day,
                last_day=day, confidence=0.6)


def _r_day_anaphor(cand: _Candidate, ctx: _Context) -> dict | None:
    """"le lendemain", "keesokan harinya": the day after (or before) the story's day, else the
    last day the text named; nothing where the text has named no day."""
    shift = ctx.pats.lex.mapping("day_anaphors").get(re.sub(r"\s+", " ", cand.data["ana"].lower()))
    base = ctx.reference if ctx.anchor_precision in ("day", "part_of_day") else ctx.last_day
    if shift is None or base is None:
        return None
    return _day_result(base + timedelta(days=shift), 0.6)


def _r_weekend(cand: _Candidate, ctx: _Context) -> dict | None:
    """"over the weekend": the weekend the clause's tense points to (the last one in a past
    clause, the coming one in a future clause), else the nearest: the one just gone early in the
    week, the coming one late in it, this one on a Saturday or Sunday."""
    ref = ctx.reference
    if ref is None:
        return None
    saturday = ref + timedelta(days=5 - ref.weekday())   # this week's Saturday
    if ref.weekday() < 5:
        tense = _tense(ctx, cand)
        if tense == "past" or (tense != "future" and ref.weekday() <= 2):
            saturday -= timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    return dict(value=f"{year:04d}-W{week:02d}-WE", type="DATE", precision="weekend", first_day=saturday,
                last_day=saturday + timedelta(days=1), confidence=0.7)


_PERIOD_VALUE = re.compile(r"(?P<y>\d{4})(?P<rest>-(?:Q[1-4]|H[12]|\d\d))?")


def _r_context_period(cand: _Candidate, ctx: _Context) -> dict | None:
    """"the quarter": the last quarter, half, month or year the text named, else the latest
    quarter before the reference day; "the year-earlier period": that period a year before."""
    back = ctx.pats.lex.mapping("context_periods").get(re.sub(r"\s+", " ", cand.data["period"].lower()))
    if back is None or ctx.publication is None and ctx.reference is None:
        return None
    period = ctx.last_period
    match = _PERIOD_VALUE.fullmatch(period or "")
    if not back and not (match and (match.group("rest") or "").startswith("-Q")):
        return None   # "the quarter" alone is a part of a town unless the text reports on quarters
    if match is None:
        ref = ctx.reference or ctx.publication
        latest = (ref.year * 4 + (ref.month - 1) // 3) - 1     # the quarter before the reference day's
        quarter = cand.data["period"].lower().endswith("quarter") or not back
        match = _PERIOD_VALUE.fullmatch(f"{latest // 4:04d}-Q{latest % 4 + 1}" if quarter else f"{ref.year:04d}")
    value = f"{int(match.group('y')) - back:04d}{match.group('rest') or ''}"
    return _period(value, 0.6)


def _r_day_alone(cand: _Candidate, ctx: _Context) -> dict | None:
    """"no dia 12": that day of the reference month, or of the month before or after it, as the
    modifier ("próximo", "pasado") or else the clause's tense says; the nearest without either."""
    ref = ctx.reference
    if ref is None:
        return None
    day_n = int(cand.data["d"])
    mod = cand.data.get("mod")
    shift = ctx.pats.lex.mapping("prefix_mods").get(re.sub(r"\s+", " ", mod.lower())) if mod else None
    tense = "future" if shift == 1 else "past" if shift == -1 else _tense(ctx, cand)
    options = []
    for step in (-1, 0, 1):
        index = ref.year * 12 + ref.month - 1 + step
        year, month = index // 12, index % 12 + 1
        if day_n <= calendar.monthrange(year, month)[1]:
            options.append(date(year, month, day_n))
    if tense == "future":
        options = [d for d in options if d >= ref] or options
    elif tense == "past":
        options = [d for d in options if d <= ref] or options
    return _day_result(min(options, key=lambda d: abs((d - ref).days)), 0.7) if options else None


def _r_short_year(cand: _Candidate, ctx: _Context) -> dict | None:
    """"in '71": the latest year ending in those digits that is not after publication (the
    current century's when there is none)."""
    yy = int(cand.data["yy"])
    now = (ctx.publication or ctx.reference or date.today()).year
    year = now - (now - yy) % 100
    return _year_result(year, 0.7)


def _r_unit_alone(cand: _Candidate, ctx: _Context) -> dict | None:
    """"the end of the year": the year (month, week, quarter) the reference time is in."""
    unit = ctx.pats.lex.units.get(cand.data["unit"].lower())
    if unit is None or ctx.reference is None:
        return None
    shift = 0
    if cand.data.get("position") and not ctx.narrative:
        # A story's past tense is its own present, but the writer's end of the current year has
        # not come yet: one in a past clause is last year's ("peaked by the end of the year", said
        # in March); a start in a future clause is next year's.
        phrase = cand.data.get("phrase") or ""
        text = ctx.text[cand.start:cand.end]
        word = re.sub(r"\s+", " ", text[: len(text) - len(phrase)].strip().lower())
        lex = ctx.pats.lex
        current = _shift(ctx.reference, 0, unit) or {}
        first, last = current.get("first_day"), current.get("last_day")
        # how far into the current period the reference is, 0 to 1; its start and end are its quarters
        into = (ctx.reference - first) / ((last - first) or 1) if first and last else None
        tense = _tense(ctx, cand)
        if into is not None and tense == "past" and into < 0.75 and word in lex.word_set("position_ends"):
            shift = -1
        elif into is not None and tense == "future" and into > 0.25 and word in lex.word_set("position_starts"):
            shift = 1
    return _shift(ctx.reference, shift, unit)


def _r_set(cand: _Candidate, ctx: _Context) -> dict | None:
    """A repeating time: "daily" P1D, "every two weeks" P2W, "every Monday" XXXX-WXX-1,
    "every morning" XXXX-XX-XXTMO."""
    d = cand.data
    if d.get("word"):
        value = ctx.pats.lex.mapping("set_words").get(re.sub(r"\s+", " ", d["word"].lower()))
    elif d.get("wd"):
        value = f"XXXX-WXX-{_weekday_number(d['wd'], ctx) + 1}"
    elif d.get("pod"):
        code = _pod_code(ctx, d["pod"])
        value = f"XXXX-XX-XXT{code}" if code else None
    else:
        unit = ctx.pats.lex.units.get(d["unit"].lower())
        amount = _number_value(d["n"], ctx) if d.get("n") else 1
        if unit not in _DURATION_UNITS or not amount or amount != int(amount):
            return None
        prefix, suffix, times = _duration_unit(unit, ctx)
        value = f"{prefix}{int(amount) * times}{suffix}"
    if not value:
        return None
    return dict(value=value, type="SET", precision="set", confidence=0.8)


def _r_modified(cand: _Candidate, ctx: _Context) -> dict | None:
    lex = ctx.pats.lex
    d = cand.data
    pre = d.get("pre")
    post = d.get("post") or d.get("post2")
    shift = 0
    if pre:
        shift = lex.mapping("prefix_mods").get(re.sub(r"\s+", " ", pre.lower()), 0)
    elif post:
        shift = lex.mapping("suffix_mods").get(re.sub(r"\s+", " ", post.lower()), 0)
    unit_word = d.get("unit") or d.get("unit2")
    weekday_word = d.get("wd") or d.get("wd2")
    month_word = d.get("month") or d.get("month2")
    season_word = d.get("season") or d.get("season2")
    ref = ctx.reference
    if ref is None:
        return _unresolved(shift, "")
    if unit_word:
        unit = lex.units.get(unit_word.lower())
        if unit is None:
            return None
        if unit_word.lower() in _plural_words(lex.lang) and unit in _DURATION_UNITS and not d.get("n"):
            # "the following years", "τις επόμενες εβδομάδες": an amount the text does not give
            prefix, suffix, _ = _duration_unit(unit, ctx)
            return dict(value=f"{prefix}X{suffix}", type="DURATION", precision="duration", confidence=0.7)
        if pre and pre.lower() in lex.words("span_mods") and re.match(r"the\s", ctx.text[cand.start:cand.end], re.I):
            # "the past decade", "the coming years": the stretch of time up to or from now,
            # a duration as TimeML writes it (a plural unit is a vague amount).
            plural = unit_word.lower() in _plural_words(lex.lang)
            prefix, suffix, times = _duration_unit(unit, ctx) if unit in _DURATION_UNITS else ("", "", 0)
            if prefix:
                amount = "X" if plural else str(times)
                return dict(value=f"{prefix}{amount}{suffix}", type="DURATION", precision="duration", confidence=0.8)
        coarse = _no_finer_than_the_story(unit, ctx) if ctx.narrative and shift else None
        return coarse if coarse is not None else _shift(ref, shift, unit)
    if weekday_word:
        # The modifier's direction goes with it, before the weekday ("last Monday") or after
        # ("segunda-feira passada"): said on a Monday, either means another week's Monday.
        return _r_weekday(replace_data(cand, wd1=weekday_word, wd2=None, post=post if post else None,
                                       weekmod=None, pod=None, shift=shift), ctx)
    if month_word:
        month_n = _month_number(month_word, ctx)
        if shift < 0:
            year = ref.year if month_n < ref.month else ref.year - 1
        elif shift > 0:
            year = ref.year if month_n > ref.month else ref.year + 1
        else:
            year = ref.year
        return _month_result(year, month_n, 0.9)
    if season_word:
        code = lex.mapping("seasons").get(re.sub(r"\s+", " ", season_word.lower()))
        if code is None:
            return None
        current = _season_of(ref)
        # A winter is named by the year it begins in (December), so within one season-year the
        # order is spring, summer, autumn, winter; January is still the winter of the year before.
        season_year = ref.year - (1 if ref.month <= 2 else 0)
        order = ["SP", "SU", "FA", "WI"]
        diff = order.index(code) - order.index(current)
        if shift < 0:
            year = season_year - (1 if diff >= 0 else 0)
        elif shift > 0:
            year = season_year + (1 if diff <= 0 else 0)
        else:
            year = season_year if code == current else ref.year
        return _period(f"{year:04d}-{code}", 0.9)
    return None


def _season_of(day: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(day.month, "FA")


def _number_value(text: str, ctx: _Context) -> float | None:
    """A number written in digits or words ("25", "dua puluh lima", "satu setengah")."""
    text = text.strip().lower()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
    fraction = re.fullmatch(r"(\d+)(?:\s?½|\s1/2)", text)
    if fraction:
        return int(fraction.group(1)) + 0.5
    if text in ctx.pats.lex.word_set("half_of"):
        return 0.5
    numbers = ctx.pats.lex.numbers
    halves = [h.lower() for h in ctx.pats.lex.words("half")]
    total, current = 0.0, 0.0
    for half in halves:
        if text.endswith(half):
            total += 0.5
            text = text[: -len(half)].strip()
    for token in re.split(r"[\s-]+", text):
        if not token:
            continue
        value = numbers.get(token)
        if value is None:
            return None
        if isinstance(value, str):
            if value.startswith("x"):
                current = (current or 1) * int(value[1:])
            elif value.startswith("+"):
                current += int(value[1:])
        else:
            current += float(value)
    return total + current if (total + current) else None


def _r_ago(cand: _Candidate, ctx: _Context) -> dict | None:
    if cand.data.get("fused"):
        amount, unit = _fused_amount(cand.data["fused"], ctx) or (None, None)
    else:
        amount = _number_value(cand.data["n"], ctx)
        unit = ctx.pats.lex.units.get(cand.data["unit_word"].lower())
    if amount is None or unit is None:
        return None
    if ctx.reference is None:
        return _unresolved(-amount, unit)
    return _shift(ctx.reference, -amount, unit)


_DURATION_UNITS = {"Y": ("P", "Y"), "M": ("P", "M"), "W": ("P", "W"), "D": ("P", "D"), "DE": ("P", "DE"),
                   "CE": ("P", "CE"), "H": ("PT", "H"), "MIN": ("PT", "M"), "WE": ("P", "WE"), "Q": ("P", "Q")}
_IN_YEARS = {"DE": 10, "CE": 100}


def _duration_unit(unit: str, ctx: _Context) -> tuple[str, str, int]:
    """(prefix, suffix, multiplier) of a duration unit. Where the language's TimeML convention
    counts decades and centuries in years (English: "a decade" P10Y, "decades" PXY), they are."""
    if unit in _IN_YEARS and ctx.pats.lex.extra.get("decades_in_years"):
        return "P", "Y", _IN_YEARS[unit]
    prefix, suffix = _DURATION_UNITS[unit]
    return prefix, suffix, 1


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "D": ("H", 24), "H": ("MIN", 60), "DE": ("Y", 10), "W": ("D", 7)}


def _r_duration(cand: _Candidate, ctx: _Context) -> dict | None:
    d = cand.data
    lex = ctx.pats.lex
    if d.get("fused"):
        amount, unit = _fused_amount(d["fused"], ctx) or (0, None)
        if unit not in _DURATION_UNITS:
            return None
        prefix, suffix = _DURATION_UNITS[unit]
        return dict(value=f"{prefix}{int(amount)}{suffix}", type="DURATION", precision="duration", confidence=0.9)
    unit_word = d.get("unit") or d.get("vunit") or d.get("unit_first")
    unit = lex.units.get(unit_word.lower()) if unit_word else None
    if unit is None:
        return None
    prefix, suffix, times = _duration_unit(unit, ctx)
    if d.get("vague") or d.get("vague_after"):
        return dict(value=f"{prefix}X{suffix}", type="DURATION", precision="duration", confidence=0.8)
    amount = _number_value(d["n"], ctx)
    if amount is None or amount <= 0 or (unit == "Y" and amount >= 1000):
        return None   # "2024 года" is the year 2024, handled by the year pattern
    if amount != int(amount):
        smaller, factor = _SMALLER.get(unit, (None, None))
        if smaller is None:
            return None
        prefix, suffix = _DURATION_UNITS[smaller]
        amount, times = amount * factor, 1
    amount = amount * times
    if unit == "Q":
        prefix, suffix, amount = "P", "M", amount * 3
    return dict(value=f"{prefix}{int(amount)}{suffix}", type="DURATION", precision="duration", confidence=0.9)


def _r_reference(cand: _Candidate, ctx: _Context) -> dict:
    word = re.sub(r"\s+", " ", ctx.text[cand.start:cand.end].lower())
    lex = ctx.pats.lex
    if word in {w.lower() for w in lex.words("past")}:
        value = "PAST_REF"
    elif word in {w.lower() for w in lex.words("future")}:
        value = "FUTURE_REF"
    else:
        value = "PRESENT_REF"
    return dict(value=value, type="DATE", precision="reference", confidence=0.9)


def _r_clock(cand: _Candidate, ctx: _Context) -> dict | None:
    d = cand.data
    if d.get("word"):   # "noon", "minuit": the language's mapping gives HH:MM
        word = re.sub(r"\s+", " ", d["word"].lower())
        clock = {k.lower(): v for k, v in ctx.pats.lex.mapping("clock_words").items()}.get(word)
        if clock is None:
            return None
        d = {**d, "h": clock.split(":")[0], "mi": clock.split(":")[1]}
    hour = int(d["h"])
    minute = int(d["mi"] or 0)
    if d.get("ampm"):
        if hour > 12:
            return None
        if d["ampm"].lower().startswith("p") and hour < 12:
            hour += 12
        if d["ampm"].lower().startswith("a") and hour == 12:
            hour = 0
    else:
        hour = _hour_of_day(hour, _pod_code(ctx, d.get("pod")))
    if hour > 24:
        return None
    day_cand = d.get("day_cand")
    if day_cand is not None:   # "09:30 GMT Sunday"
        day = _resolve(day_cand, ctx)
        if day is not None and day.first_day is not None:
            return dict(value=f"{day.first_day.isoformat()}T{hour:02d}:{minute:02d}", type="TIME", precision="time",
                        first_day=day.first_day, last_day=day.first_day, confidence=day.confidence)
    # The day is attached afterwards (_anchor_clock_times) from the nearest date in the sentence.
    return dict(value=f"T{hour:02d}:{minute:02d}", type="TIME", precision="time", confidence=0.8)


def _hour_of_day(hour: int, pod_code: str | None) -> int:
    """The 24-hour clock hour of an hour said with its part of day: "7 in the evening" is 19,
    "10 at night" 22, "2 at night" and "7 in the morning" stay as written."""
    if pod_code in ("AF", "EV") and 1 <= hour < 12:
        return hour + 12
    if pod_code == "NI" and 6 <= hour < 12:
        return hour + 12
    return hour


def _valid_day(year: int, month: int, day: int) -> date | None:
    return date(year, month, day) if 1 <= day <= calendar.monthrange(year, month)[1] else None


def _r_anaphor(cand: _Candidate, ctx: _Context) -> dict | None:
    d = cand.data
    if d.get("same_day"):
        if ctx.last_day is None:
            return None
        return _day_result(ctx.last_day, 0.6)
    if d.get("same_month"):
        if ctx.last_month is None:
            return None
        if d.get("dom"):
            day = _valid_day(*ctx.last_month, int(re.match(r"\d+", d["dom"]).group()))
            return None if day is None else _day_result(day, 0.6)
        return _month_result(*ctx.last_month, 0.6)
    if d.get("of_month"):
        # "the 27th of the month": of the month the text is in, else of the publication's
        month = ctx.last_month or ((ctx.reference.year, ctx.reference.month) if ctx.reference else None)
        day = _valid_day(*month, int(re.match(r"\d+", d["dom_of"]).group())) if month else None
        return None if day is None else _day_result(day, 0.6)
    if d.get("same_week"):
        if ctx.last_week is None:
            return None
        year, week, _ = ctx.last_week.isocalendar()
        return _period(f"{year:04d}-W{week:02d}", 0.6)
    if d.get("same_year"):
        if ctx.last_year is None:
            return None
        return _year_result(ctx.last_year, 0.6)
    if d.get("that_time"):
        if ctx.last_value is None:
            return None
        return dict(value=ctx.last_value, type="DATE", precision="reference", confidence=0.4)
    return None


def _r_pod_phrase(cand: _Candidate, ctx: _Context) -> dict | None:
    phrase = re.sub(r"\s+", " ", ctx.text[cand.start:cand.end].lower())
    lex = ctx.pats.lex
    if cand.data.get("today"):
        code, offset = lex.mapping("today_pod").get(phrase), 0
    else:
        code, offset = lex.mapping("yesterday_pod").get(phrase), -1
    if code is None:
        return None
    if ctx.reference is None:
        return dict(value="PRESENT_REF", type="DATE", precision="reference", confidence=0.3)
    day = ctx.reference + timedelta(days=offset)
    return dict(value=f"{day.isoformat()}T{code}", type="TIME", precision="part_of_day", first_day=day,
                last_day=day, confidence=0.8)


def _r_cjk(cand: _Candidate, ctx: _Context) -> dict | None:
    """年/月/日 dates (Chinese, Japanese, Korean 년/월/일), at the precision written."""
    d = cand.data
    if d.get("m2"):
        return _r_numeric(replace_data(cand, a=d["d2"], b=d["m2"], y=None), ctx)
    year = int(d["y"])
    if not d.get("m"):
        return _year_result(year)
    if not d.get("d"):
        return _month_result(year, int(d["m"]), 1.0)
    return _day_result(date(year, int(d["m"]), int(d["d"])))


def _r_quarter(cand: _Candidate, ctx: _Context) -> dict | None:
    d = cand.data
    if d.get("q"):
        ordinals = {k.lower(): v for k, v in ctx.pats.lex.extra.get("quarter", {}).get("ordinals", {}).items()}
        quarter = ordinals.get(d["q"].lower())
    else:
        quarter = int(d.get("q2") or d.get("q3"))
    if not quarter:
        return None
    return _part_of_year(cand, ctx, d.get("y") or d.get("y2") or d.get("y3"), "Q", quarter, 3)


def _r_half(cand: _Candidate, ctx: _Context) -> dict | None:
    """"the first half (of 1990)", "το πρώτο εξάμηνο του 1965": a half year, 1990-H1."""
    ordinals = {k.lower(): v for k, v in ctx.pats.lex.extra.get("half_year", {}).get("ordinals", {}).items()}
    half = ordinals.get(cand.data["h"].lower())
    if not half:
        return None
    return _part_of_year(cand, ctx, cand.data.get("y"), "H", half, 6)


def _part_of_year(cand: _Candidate, ctx: _Context, year_text: str | None, code: str, number: int,
                  months: int) -> dict | None:
    """A quarter or half of the year written, else of the year its context gives: the one
    nearest the reference that fits the clause's tense (a report of October on "the third
    quarter" means the one just ended)."""
    if year_text:
        return _period(f"{int(year_text):04d}-{code}{number}")
    first_month = (number - 1) * months + 1
    year, confidence = _year_for(first_month, None, ctx, cand)
    if year is None:
        return dict(value=f"XXXX-{code}{number}", type="DATE", precision="quarter" if code == "Q" else "half",
                    confidence=confidence)
    return _period(f"{year:04d}-{code}{number}", confidence)


def _r_era_year(cand: _Candidate, ctx: _Context) -> dict:
    """"431 π.Χ." is TIMEX BC0431 (no calendar day: Python's dates start at year 1);
    "79 AD" is the year 0079."""
    year = int(cand.data["y"])
    if cand.data.get("bc"):
        return dict(value=f"BC{year:04d}", type="DATE", precision="year", confidence=1.0)
    return _year_result(year)


def _r_season_year(cand: _Candidate, ctx: _Context) -> dict | None:
    """"the summer of 1943": TIMEX 1943-SU (a winter runs into the next year's February)."""
    code = ctx.pats.lex.mapping("seasons").get(re.sub(r"\s+", " ", cand.data["season"].lower()))
    if code is None:
        return None
    if cand.data.get("bcy"):   # "the spring of 480 BC": BC0480-SP
        return dict(value=f"BC{int(cand.data['bcy']):04d}-{code}", type="DATE", precision="season", confidence=1.0)
    return _period(f"{int(cand.data['y']):04d}-{code}")


_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _r_season(cand: _Candidate, ctx: _Context) -> dict | None:
    """"the spring": the season of the year the reference time and the clause's tense choose,
    as for a month without its year (a winter is named by the year its December falls in)."""
    code = ctx.pats.lex.mapping("seasons").get(re.sub(r"\s+", " ", cand.data["season"].lower()))
    if code is None:
        return None
    if cand.data.get("y"):   # "восени того ж року": the story's year, given by the engine
        year, confidence = int(cand.data["y"]), 0.8
    else:
        year, confidence = _year_for(_SEASON_FIRST_MONTH[code], None, ctx, cand)
    if year is None:
        return dict(value=f"XXXX-{code}", type="DATE", precision="season", confidence=confidence)
    return _period(f"{year:04d}-{code}", confidence)


def _r_fiscal(cand: _Candidate, ctx: _Context) -> dict:
    """"fiscal 1990": TIMEX FY1990, covering the calendar year named (its start is not known)."""
    return _period(f"FY{int(cand.data['y']):04d}")


def _r_month_range(cand: _Candidate, ctx: _Context) -> dict | None:
    """"Juni-Juli 2024": from the first month to the last, at month precision."""
    first_n, last_n = _month_number(cand.data["m1"], ctx), _month_number(cand.data["m"], ctx)
    if cand.data.get("y"):
        year, confidence = int(cand.data["y"]), 1.0
    else:
        year, confidence = _year_for(first_n, None, ctx, cand)
        if year is None:
            return dict(value=f"XXXX-{first_n:02d}", type="DATE", precision="month", confidence=confidence)
    end_year = year if last_n >= first_n else year + 1
    return _period(f"{year:04d}-{first_n:02d}", confidence, f"{end_year:04d}-{last_n:02d}")


def _r_hms(cand: _Candidate, ctx: _Context) -> dict | None:
    """"14:05:30" is a time of day (its day attached later); after a duration word ("in
    2:05:30", "selama 1:02:03") it is an amount of time."""
    d = cand.data
    hour, minute, second = int(d["h"]), int(d["mi"]), int(d["s"])
    before = ctx.text[max(0, cand.start - 25):cand.start].lower().split()
    durative = {w.lower() for w in ctx.pats.lex.words("durative")}
    if before and before[-1] in durative:
        return dict(value=f"PT{hour}H{minute}M{second}S", type="DURATION", precision="duration", confidence=0.7)
    if hour > 23:
        return None
    return dict(value=f"T{hour:02d}:{minute:02d}:{second:02d}", type="TIME", precision="time", confidence=0.8)


def _r_plural_unit(cand: _Candidate, ctx: _Context) -> dict | None:
    unit = ctx.pats.lex.units.get(ctx.text[cand.start:cand.end].lower())
    if unit is None or unit not in _DURATION_UNITS:
        return None
    prefix, suffix, _ = _duration_unit(unit, ctx)
    return dict(value=f"{prefix}X{suffix}", type="DURATION", precision="duration", confidence=0.6)


def _r_day_weekday(cand: _Candidate, ctx: _Context) -> dict | None:
    """"tanggal 6 hari Minggu": the day of month that falls on that weekday, nearest the reference."""
    day_n = int(re.match(r"\d+", cand.data["d"]).group())
    weekday_n = _weekday_number(cand.data["wd1"], ctx)
    if cand.data.get("m"):
        return _r_day_month(cand, ctx)
    ref = ctx.reference
    if ref is None:
        return None
    options = []
    for shift in range(-3, 2):
        index = ref.year * 12 + ref.month - 1 + shift
        try:
            day = date(index // 12, index % 12 + 1, day_n)
        except ValueError:
            continue
        if day.weekday() == weekday_n:
            options.append(day)
    if not options:
        return None
    return _day_result(min(options, key=lambda d: abs((d - ref).days)), 0.9)


# ---------------------------------------------------------------------------------------------
# The registry: each pattern, once, with its kind, rank, triggers, guard and resolver.


def _register_all() -> None:
    from timeline.dates.guards import (_ago_data, _bare_month_ok, _clock_ok, _duration_ok, _modified_ok, _plural_unit_ok, _relative_ok, _weekday_ok,
                                       _season_ok, _short_year_ok, _unit_alone_ok, _year_check, _year_range_data, _year_range_ok)
    from timeline.dates.registry import DIGIT, MONTH, UNIT, WEEKDAY, Recogniser, register

    for args in [
        ("iso", "ymd", 9, DIGIT, _r_ymd), ("cjk", "cjk", 9, DIGIT, _r_cjk),
        ("numeric", "numeric", 8, DIGIT, _r_numeric), ("numeric_paren", "numeric", 7, DIGIT, _r_numeric),
        ("day_weekday", "day_weekday", 7, WEEKDAY, _r_day_weekday),
        ("day_month", "day_month", 6, MONTH, _r_day_month), ("ordinal_date", "ordinal_date", 6, MONTH, _r_ordinal_date),
        ("month_day", "month_day", 5, MONTH, _r_day_month), ("month_year", "month_year", 5, MONTH, _r_month_year),
        ("quarter", "quarter", 5, ("digit", "quarter"), _r_quarter), ("month_range", "month_range", 5, MONTH, _r_month_range, _year_range_ok),
        ("bare_month", "month", 1, MONTH, _r_month, _bare_month_ok),
        ("year_range", "year_range", 4, DIGIT, _r_year_range, _year_range_ok, _year_range_data),
        ("year", "year", 1, DIGIT, _r_year, _year_check), ("decade", "decade", 3, DIGIT, _r_decade),
        ("century", "century", 3, UNIT, _r_century), ("weekday", "weekday", 2, WEEKDAY, _r_weekday, _weekday_ok),
        ("relative_phrase", "relative", 3, ("relative",), _r_relative, _relative_ok),
        ("modified", "modified", 3, ("unit", "weekday", "month"), _r_modified, _modified_ok),
        ("ago", "ago", 4, UNIT, _r_ago, None, _ago_data),
        ("duration", "duration", 2, UNIT, _r_duration, _duration_ok),
        ("hyphen_duration", "duration", 2, UNIT, _r_duration, _duration_ok),
        ("reference", "reference", 4, ("reference",), _r_reference),
        ("clock", "clock", 3, DIGIT, _r_clock, _clock_ok), ("hms", "hms", 4, DIGIT, _r_hms),
        ("clock_compact", "clock", 3, DIGIT, _r_clock), ("clock_word", "clock", 3, ("clock",), _r_clock),
        ("holiday", "holiday", 5, ("holiday",), _r_holiday),
        ("plural_unit", "plural_unit", 0, UNIT, _r_plural_unit, _plural_unit_ok),
        ("anaphor", "anaphor", 2, ("reference",), _r_anaphor),
        ("pod_phrase", "pod_phrase", 3, ("relative",), _r_pod_phrase),
        ("later", "later", 5, ("later",), _r_later),
        ("pod_anaphor", "pod_anaphor", 4, ("pod",), _r_pod_anaphor),
        ("day_anaphor", "day_anaphor", 4, ("day_anaphor",), _r_day_anaphor),
        ("weekend", "weekend", 3, ("weekend",), _r_weekend),
        ("context_period", "context_period", 4, ("context_period",), _r_context_period),
        ("day_alone", "day_alone", 3, ("day_alone",), _r_day_alone),
        ("half", "half", 5, ("period",), _r_half), ("era_year", "era_year", 5, ("era",), _r_era_year), ("fiscal", "fiscal", 5, ("period",), _r_fiscal),
        ("season_year", "season_year", 5, UNIT, _r_season_year),
        ("season", "season", 1, UNIT, _r_season, _season_ok),
        ("unit_alone", "unit_alone", 1, UNIT, _r_unit_alone, _unit_alone_ok),
        ("short_year", "short_year", 2, ("quote",), _r_short_year, _short_year_ok),
        ("set", "set", 3, ("set",), _r_set),
    ]:
        pattern, kind, rank, triggers, resolver, *rest = args
        guard = rest[0] if rest else None
        extra = rest[1] if len(rest) > 1 else None
        register(Recogniser(pattern, kind, rank, triggers, resolver, guard, extra))


_register_all()
