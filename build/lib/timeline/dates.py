"""Temporal expressions in text -> DateMention (offsets, TIMEX3 value, type, precision).

The caller gets every temporal expression of a text, normalised against the publication
date without inventing precision: "bulan Desember" stays a month, "8 Desember" in a report of
2025-02-13 is 2024-12-08, "hari Rabu" is the most recent Wednesday, "selama 25 tahun" is a
duration. Stages run cheapest and most certain first (ISO and numeric dates, then the
language's month and weekday words, then relative phrases); overlapping matches keep the
longest (spaCy's filter_spans rule).
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from functools import lru_cache

from timeline.lexicon import lexicon
from timeline.patterns import Patterns, patterns
from timeline.periods import date_span
from timeline.text import sentence_bounds


@dataclass(frozen=True)
class DateMention:
    """One temporal expression found in a text.

    `value` is TIMEX3 style (2024-12-08, 2024-12, 2024, 2024-W50, 2024-SU, PRESENT_REF, P25Y,
    2024-12-04T01:00, 2024-12-04TMO); `end_value` is set for ranges ("26-28 Oktober").
    `first_day`/`last_day` are the days the value covers (None for durations, sets and
    reference words), so a month covers all its days and no precision is invented.
    """

    start: int
    end: int
    text: str
    value: str
    type: str                 # DATE, TIME, DURATION, SET
    precision: str            # day, week, weekend, month, quarter, season, year, decade, century, time, part_of_day, duration, reference
    first_day: date | None = None
    last_day: date | None = None
    end_value: str | None = None
    confidence: float = 1.0

    def as_dict(self) -> dict:
        """A JSON-ready dict of this mention (dates as ISO strings)."""
        return {
            "start": self.start, "end": self.end, "text": self.text, "value": self.value,
            "type": self.type, "precision": self.precision,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "end_value": self.end_value, "confidence": self.confidence,
        }

    @property
    def is_event_date(self) -> bool:
        """True when this mention can date a happening (not a duration, set or vague reference)."""
        return self.type in ("DATE", "TIME") and self.first_day is not None


# ---------------------------------------------------------------------------------------------
# Public entry point

def find_dates(text: str, published: date | str | None = None, lang: str | None = None) -> list[DateMention]:
    """Every temporal expression in `text`, ordered by position.

    `published` (a date or ISO string) anchors relative and year-less expressions; without it
    they keep unknown parts as X (TIMEX3 style) and a low confidence. `lang` is an ISO 639-1
    code; None detects it from the text.
    """
    if not text or not text.strip():
        return []
    reference = _as_date(published)
    lang = (lang or _detect_language(text) or "en").lower()[:2]
    pats = patterns(lang)
    folded = _fold(text, pats)
    chosen = _longest_first(_recognise(folded, pats))
    mentions = _normalise(folded, chosen, pats, reference)
    if folded != text:
        mentions = [replace(m, text=text[m.start:m.end]) for m in mentions]
    return mentions


# Arabic-Indic, Persian, Devanagari, Bengali, Thai and full-width digits read as 0-9.
_DIGITS = {ord(ch): str(i) for zero in "٠۰०০๐０" for i, ch in enumerate(chr(ord(zero) + k) for k in range(10))}


def _fold(text: str, pats: Patterns) -> str:
    """The text as the patterns should see it, same length so offsets hold.

    Other scripts' digits become ASCII ("۲۰۲۵"), and Turkish dotless/dotted I is lowered the
    Turkish way, which Python's IGNORECASE does not do ("GEÇEN YIL").
    """
    folded = text.translate(_DIGITS)
    if pats.lex.extra.get("casefold") == "tr":
        folded = folded.replace("I", "ı").replace("İ", "i")
    return folded


def _as_date(published: date | str | None) -> date | None:
    if published is None or published == "":
        return None
    if isinstance(published, date):
        return published
    return date.fromisoformat(str(published)[:10])


def _detect_language(text: str) -> str:
    try:
        from timeline.ingest import detect_language
    except ImportError:
        return "en"
    return detect_language(text)


# ---------------------------------------------------------------------------------------------
# Recognition: every pattern proposes spans with what it understood

@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    data: dict = field(default_factory=dict)
    rank: int = 0   # tie-breaker between equally long spans: higher wins


_WINDOW_MARGIN = 70


def _windows(text: str, pats: Patterns) -> dict[str, list[tuple[int, int]]]:
    """For each kind of trigger (digit, month, weekday, unit, relative, reference, pod), the
    stretches of text around its triggers.

    Every temporal expression contains a trigger of a kind its pattern declares, so each costly
    pattern only scans those stretches.
    """
    windows: dict[str, list[tuple[int, int]]] = {}
    kinds_of = pats.trigger_kinds
    for m in pats.trigger.finditer(text):
        if m.lastgroup == "digit":
            kinds = ("digit",)
        else:
            kinds = kinds_of.get(re.sub(r"\s+", " ", m.group().lower()), ())
        start, end = max(0, m.start() - _WINDOW_MARGIN), min(len(text), m.end() + _WINDOW_MARGIN)
        for kind in kinds:
            spans = windows.setdefault(kind, [])
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
    return windows


def _merged_windows(windows: dict[str, list[tuple[int, int]]], kinds: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = sorted(span for kind in kinds for span in windows.get(kind, ()))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _recognise(text: str, pats: Patterns) -> list[_Candidate]:
    found: list[_Candidate] = []

    def add(m: re.Match, kind: str, rank: int = 0, **data) -> None:
        start, end = m.span()
        # Trim white space the flexible patterns may have swallowed.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            found.append(_Candidate(start, end, kind, {**m.groupdict(), **data}, rank))

    windows = _windows(text, pats)
    cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for regex, kind, rank, check, trigger_kinds in _RECOGNISERS:
        pattern = getattr(pats, regex)
        if pattern is None:
            continue
        if trigger_kinds not in cache:
            cache[trigger_kinds] = _merged_windows(windows, trigger_kinds)
        for lo, hi in cache[trigger_kinds]:
            for m in pattern.finditer(text, lo, hi):
                if check is None or check(text, m, pats):
                    extra = _EXTRA_DATA[kind](m) if kind in _EXTRA_DATA else {}
                    if extra is not None:
                        add(m, kind, rank, **extra)
    return _attach_context(text, found, pats)


def _year_range_data(m: re.Match) -> dict | None:
    y2 = m.group("y2")
    if len(y2) == 2:
        y2 = m.group("y1")[:2] + y2
    return {"y2full": y2} if int(y2) > int(m.group("y1")) else None


def _ago_data(m: re.Match) -> dict:
    return {"n": m.group("n1") or m.group("n2"), "unit_word": m.group("u1") or m.group("u2") or ""}


def _fused_amount(word: str, ctx: "_Context") -> tuple[float, str] | None:
    """"setahun" -> (1, "Y"): a number and a unit written as one word."""
    found = ctx.pats.lex.fused.get(re.sub(r"\s+", " ", word.lower()))
    return (float(found[0]), found[1]) if found else None


def _bare_month_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """A month name alone is a date only where it cannot be an ordinary word."""
    word = m.group("m")
    ex = pats.lex.extra
    if ex.get("months_capitalized") and not word[:1].isupper():
        return False
    if m.group("pre"):
        return True
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
    if re.search(r"\d[.,]?\s*$", before) and not re.search(r"\d\s*[-–]\s*$", before):
        return False
    return True


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
        return False
    return True


def _is_age(text: str, m: re.Match, pats: Patterns) -> bool:
    before = text[max(0, m.start() - 25):m.start()]
    after = text[m.end():m.end() + 15]
    if pats.age_before.search(before) and (m.group("n") or "").strip():
        return True
    return bool(pats.age_after.match(after))


def _clock_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """A number is a clock time only with minutes and a cue (pukul, at, GMT), or with am/pm."""
    if m.group("ampm"):
        return True
    if not m.group("mi"):
        return False
    if m.group("sep") == ":":
        return True
    if m.group("cue") or m.group("tz") or m.group("approx"):
        return True
    return bool(pats.clock_outside.search(text[max(0, m.start() - 20):m.start()]))


def _attach_context(text: str, found: list[_Candidate], pats: Patterns) -> list[_Candidate]:
    """Extend spans leftwards over words that belong to them ("early", "about", "sekitar")."""
    for cand in found:
        if cand.kind in ("month", "month_year", "year", "modified", "relative", "day_month", "decade", "year_range", "ago"):
            head = text[max(0, cand.start - 40):cand.start]
            hit = pats.position.search(head)
            if hit:
                cand.data.setdefault("phrase", text[cand.start:cand.end])
                cand.start -= len(head) - hit.start()
                cand.data["position"] = True
        if cand.kind == "clock" and not cand.data.get("approx"):
            head = text[max(0, cand.start - 40):cand.start]
            hit = pats.approx.search(head)
            if hit and hit.start() < len(head):
                cand.start -= len(head) - hit.start()
    return found


def _duration_ok(text: str, m: re.Match, pats: Patterns) -> bool:
    """Not an age ("berusia 61 tahun") and not a year with its case word ("2019 году")."""
    if re.fullmatch(r"\d{4}", (m.group("n") or "").strip()):
        return False
    return not _is_age(text, m, pats)


def _year_check(text: str, m: re.Match, pats: Patterns) -> bool:
    return _year_ok(text, m, pats)


# (pattern field, candidate kind, rank among equally long spans, acceptance check, trigger kinds
# that every match of the pattern contains)
_DIGIT, _MONTH, _WEEKDAY, _UNIT = ("digit",), ("month",), ("weekday",), ("unit",)
_RECOGNISERS = [
    ("iso", "ymd", 9, None, _DIGIT), ("cjk", "cjk", 9, None, _DIGIT), ("numeric", "numeric", 8, None, _DIGIT),
    ("numeric_paren", "numeric", 7, None, _DIGIT), ("day_weekday", "day_weekday", 7, None, _WEEKDAY),
    ("day_month", "day_month", 6, None, _MONTH), ("ordinal_date", "ordinal_date", 6, None, _MONTH),
    ("month_day", "month_day", 5, None, _MONTH), ("month_year", "month_year", 5, None, _MONTH),
    ("quarter", "quarter", 5, None, _DIGIT), ("month_range", "month_range", 5, None, _MONTH),
    ("bare_month", "month", 1, _bare_month_ok, _MONTH), ("year_range", "year_range", 4, None, _DIGIT),
    ("year", "year", 1, _year_check, _DIGIT), ("decade", "decade", 3, None, _DIGIT),
    ("century", "century", 3, None, _UNIT), ("weekday", "weekday", 2, _weekday_ok, _WEEKDAY),
    ("relative_phrase", "relative", 3, None, ("relative",)),
    ("modified", "modified", 3, None, ("unit", "weekday", "month")), ("ago", "ago", 4, None, _UNIT),
    ("duration", "duration", 2, _duration_ok, _UNIT), ("hyphen_duration", "duration", 2, _duration_ok, _UNIT),
    ("reference", "reference", 4, None, ("reference",)), ("clock", "clock", 3, _clock_ok, _DIGIT),
    ("hms", "hms", 4, None, _DIGIT), ("plural_unit", "plural_unit", 0, None, _UNIT),
    ("anaphor", "anaphor", 2, None, ("reference",)), ("pod_phrase", "pod_phrase", 3, None, ("relative",)),
]
_EXTRA_DATA = {"year_range": _year_range_data, "ago": _ago_data}


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates: longest span wins, then the more certain pattern."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rank, c.start))
    starts: list[int] = []   # taken spans, kept sorted and disjoint
    ends: list[int] = []
    taken: list[_Candidate] = []
    for cand in ordered:
        i = bisect_left(starts, cand.start)
        if (i > 0 and ends[i - 1] > cand.start) or (i < len(starts) and starts[i] < cand.end):
            continue
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
        taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


# ---------------------------------------------------------------------------------------------
# Normalisation: each candidate -> value against the reference date and the sentence's tense

@dataclass
class _Context:
    text: str
    pats: Patterns
    reference: date | None
    sentences: list[tuple[int, int]]
    sentence_starts: list[int] = field(default_factory=list)
    last_day: date | None = None        # most recent day-precision date (anaphora: "the same day")
    last_year: int | None = None
    last_value: str | None = None


def _normalise(text: str, chosen: list[_Candidate], pats: Patterns, reference: date | None) -> list[DateMention]:
    sentences = sentence_bounds(text)
    ctx = _Context(text=text, pats=pats, reference=reference, sentences=sentences,
                   sentence_starts=[start for start, _ in sentences])
    chosen = _merge_weekday_dates(text, chosen, pats)
    mentions: list[DateMention] = []
    for cand in chosen:
        mention = _resolve(cand, ctx)
        if mention is None:
            continue
        mentions.append(mention)
        if mention.precision in ("day", "part_of_day") and mention.first_day:
            ctx.last_day = mention.first_day
        if mention.first_day and mention.precision in ("day", "month", "year", "season", "week"):
            ctx.last_year = mention.first_day.year
        if mention.type in ("DATE", "TIME") and mention.first_day:
            ctx.last_value = mention.value
    return _anchor_clock_times(mentions, ctx)


_DATED = ("numeric", "day_month", "month_day", "ymd", "ordinal_date", "day_weekday")


def _merge_weekday_dates(text: str, chosen: list[_Candidate], pats: Patterns) -> list[_Candidate]:
    """Join neighbours that write one date: "Rabu (04/12)", "Senin, 21 Oktober 2024",
    "27 Şubat 2026 Cuma günü", "mañana (jueves)", "15:00 GMT Saturday", "(7 Mei) dini hari"."""
    merged: list[_Candidate] = []
    i = 0
    while i < len(chosen):
        cand = chosen[i]
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        joined = _join(text, cand, nxt, pats) if nxt is not None else None
        if joined is not None:
            chosen[i + 1] = joined   # it may join the next one too
            i += 1
            continue
        merged.append(_with_part_of_day(text, cand, pats))
        i += 1
    return merged


def _join(text: str, cand: _Candidate, nxt: _Candidate, pats: Patterns) -> _Candidate | None:
    gap = text[cand.end:nxt.start]
    if cand.kind == "weekday" and nxt.kind in _DATED:
        # Up to a few words between: "Selasa pagi waktu Indonesia (24/6/2025)".
        if re.fullmatch(r"[\s,]*\(?\s*", gap) or pats.this_word.fullmatch(gap.strip(" ,")) or (
                len(gap) <= 25 and "(" in (text[nxt.start - 1:nxt.start], text[nxt.start]) and "." not in gap):
            end = nxt.end
            if text[nxt.start - 1:nxt.start] == "(" and text[end:end + 1] == ")":
                end += 1
            return _Candidate(cand.start, end, nxt.kind, {**nxt.data, "pod": cand.data.get("pod")}, nxt.rank)
    if cand.kind in _DATED and nxt.kind == "weekday" and re.fullmatch(r"\s*,?\s*", gap) and not cand.data.get("pod"):
        return _Candidate(cand.start, nxt.end, cand.kind, {**cand.data, "pod": nxt.data.get("pod")}, cand.rank)
    if cand.kind == "relative" and nxt.kind in _DATED + ("weekday",) and re.fullmatch(r"\s*\(?\s*", gap):
        # "mañana (jueves)", "اليوم الاثنين 10 نوفمبر": the explicit part decides the value.
        end = nxt.end + (1 if "(" in gap and text[nxt.end:nxt.end + 1] == ")" else 0)
        keep = nxt if nxt.kind in _DATED else cand
        phrase = text[cand.start:cand.end]
        return _Candidate(cand.start, end, keep.kind, {**keep.data, "phrase": phrase}, keep.rank)
    if cand.kind == "clock" and nxt.kind == "weekday" and re.fullmatch(r"\s*,?\s*", gap):
        return _Candidate(cand.start, nxt.end, "clock", {**cand.data, "day_cand": nxt}, cand.rank)
    return None


def _with_part_of_day(text: str, cand: _Candidate, pats: Patterns) -> _Candidate:
    """"(7 Mei) dini hari": a bracketed date followed by a part of day is one TIME span."""
    if cand.kind not in _DATED or cand.data.get("pod"):
        return cand
    if text[cand.start - 1:cand.start] == "(" and text[cand.end:cand.end + 1] == ")":
        m = pats.pod_after_paren.match(text, cand.end, min(len(text), cand.end + 25))
        if m:
            return _Candidate(cand.start - 1, m.end(), cand.kind, {**cand.data, "pod": m.group("pod")}, cand.rank)
    return cand


def _sentence_span(ctx: _Context, at: int) -> tuple[int, int]:
    """(start, end) of the sentence holding offset `at` (binary search: texts can be huge)."""
    index = bisect_right(ctx.sentence_starts, at) - 1
    if index >= 0:
        start, end = ctx.sentences[index]
        if start <= at < end:
            return start, end
    return max(0, at - 200), min(len(ctx.text), at + 200)


def _sentence_of(ctx: _Context, at: int) -> str:
    start, end = _sentence_span(ctx, at)
    return ctx.text[start:end]


def _tense_at(ctx: _Context, at: int) -> str:
    return _tense(ctx, _Candidate(at, at, "", {}))


def _tense(ctx: _Context, cand: _Candidate) -> str:
    """'future', 'past' or '' for the clause around a mention, from the language's cue words."""
    sentence = _sentence_of(ctx, cand.start)
    future = ctx.pats.future_cue.search(sentence)
    past = ctx.pats.past_cue.search(sentence)
    if future and not past:
        return "future"
    if past and not future:
        return "past"
    if future and past:
        # The cue closer to the mention decides.
        offset = cand.start - _sentence_span(ctx, cand.start)[0]
        return "future" if abs(future.start() - offset) < abs(past.start() - offset) else "past"
    return ""


def _resolve(cand: _Candidate, ctx: _Context) -> DateMention | None:
    handler = _HANDLERS.get(cand.kind)
    if handler is None:
        return None
    try:
        result = handler(cand, ctx)
    except (ValueError, OverflowError):
        return None   # an impossible date such as 31/02: not a date
    if result is None:
        return None
    return DateMention(start=cand.start, end=cand.end, text=ctx.text[cand.start:cand.end], **result)


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
            cost = distance * (20 if tense == "past" else 1.6)
        if not future and distance and tense == "future":
            cost = distance * 3
        if best_cost is None or cost < best_cost:
            best, best_cost = year, cost
    return best, 0.8


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


def replace_data(cand: _Candidate, **changes) -> _Candidate:
    return _Candidate(cand.start, cand.end, cand.kind, {**cand.data, **changes}, cand.rank)


def _period(value: str, confidence: float = 1.0, end_value: str | None = None) -> dict:
    """A DATE result for a TIMEX period value (2024-12, 2024-W50, 2024-SU, 199, ...), with the
    days it covers from timeline.periods, the project's one definition of that; `end_value`
    closes a range ("2016 to 2022")."""
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
    raw = next(cand.data[k] for k in ("n", "n2", "n3", "n4") if cand.data.get(k))
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
    mods = ctx.pats.lex.mapping("suffix_mods")
    if cand.data.get("weekmod"):
        # "hari Rabu pekan lalu": that weekday in the week before (or after) the reference week.
        shift = mods.get(re.sub(r"\s+", " ", cand.data["weekpost"].lower()), 0)
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=shift)
        day = monday + timedelta(days=first)
    else:
        shift = mods.get(re.sub(r"\s+", " ", (cand.data.get("post") or "").lower()))
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
    return _shift(ctx.reference, amount, unit)


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
        return _shift(ref, shift, unit)
    if weekday_word:
        return _r_weekday(replace_data(cand, wd1=weekday_word, wd2=None, post=post if post else None,
                                       weekmod=None, pod=None), ctx) if shift else None
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
        year = ref.year - (1 if ref.month <= 2 and current == "WI" else 0)
        order = ["WI", "SP", "SU", "FA"]
        diff = order.index(code) - order.index(current)
        if shift < 0 and diff >= 0:
            year -= 1
        elif shift > 0 and diff <= 0:
            year += 1
        return _period(f"{year:04d}-{code}", 0.9)
    return None


def _season_of(day: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(day.month, "FA")


def _number_value(text: str, ctx: _Context) -> float | None:
    """A number written in digits or words ("25", "dua puluh lima", "satu setengah")."""
    text = text.strip().lower()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
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
    prefix, suffix = _DURATION_UNITS[unit]
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
        amount = amount * factor
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
    hour = int(d["h"])
    minute = int(d["mi"] or 0)
    if d.get("ampm"):
        if hour > 12:
            return None
        if d["ampm"].lower().startswith("p") and hour < 12:
            hour += 12
        if d["ampm"].lower().startswith("a") and hour == 12:
            hour = 0
    if hour > 24:
        return None
    day_cand = d.get("day_cand")
    if day_cand is not None:   # "15:00 GMT Saturday"
        day = _resolve(day_cand, ctx)
        if day is not None and day.first_day is not None:
            return dict(value=f"{day.first_day.isoformat()}T{hour:02d}:{minute:02d}", type="TIME", precision="time",
                        first_day=day.first_day, last_day=day.first_day, confidence=day.confidence)
    # The day is attached afterwards (_anchor_clock_times) from the nearest date in the sentence.
    return dict(value=f"T{hour:02d}:{minute:02d}", type="TIME", precision="time", confidence=0.8)


def _r_anaphor(cand: _Candidate, ctx: _Context) -> dict | None:
    d = cand.data
    if d.get("same_day"):
        if ctx.last_day is None:
            return None
        return _day_result(ctx.last_day, 0.6)
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


def _anchor_clock_times(mentions: list[DateMention], ctx: _Context) -> list[DateMention]:
    """Give each bare clock time ("pukul 23.00 WIB") the day it belongs to.

    The nearest day-precision date in the same sentence, else the publication date.
    """
    out = []
    starts = [m.start for m in mentions]
    for mention in mentions:
        if not mention.value.startswith("T") or mention.first_day is not None:
            out.append(mention)
            continue
        sentence = _sentence_span(ctx, mention.start)
        best, best_distance = None, None
        lo, hi = bisect_left(starts, sentence[0]), bisect_left(starts, sentence[1])
        for other in mentions[lo:hi]:
            if other is mention or other.first_day is None or other.precision not in ("day", "part_of_day"):
                continue
            if not (sentence[0] <= other.start < sentence[1]):
                continue
            distance = other.start - mention.end if other.start >= mention.end else mention.start - other.end
            if best_distance is None or distance < best_distance:
                best, best_distance = other, distance
        if best is not None:
            day = best.first_day
        elif ctx.reference is not None and _tense_at(ctx, mention.start) != "future":
            # No date in the sentence: the story's last day so far, else the publication date.
            earlier = next((o for o in reversed(mentions[:bisect_left(starts, mention.start)])
                            if o.end <= mention.start and o.first_day is not None
                            and o.precision in ("day", "part_of_day")), None)
            day = earlier.first_day if earlier else ctx.reference
        else:
            day = ctx.reference
        if day is None:
            out.append(replace(mention, value=f"XXXX-XX-XX{mention.value}", confidence=0.3))
        else:
            out.append(replace(mention, value=f"{day.isoformat()}{mention.value}", first_day=day, last_day=day,
                               confidence=0.8 if best else 0.6))
    return out


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
    year = int(d.get("y") or d.get("y2") or d.get("y3"))
    if d.get("q"):
        ordinals = {k.lower(): v for k, v in ctx.pats.lex.extra.get("quarter", {}).get("ordinals", {}).items()}
        quarter = ordinals.get(d["q"].lower())
    else:
        quarter = int(d.get("q2") or d.get("q3"))
    if not quarter:
        return None
    return _period(f"{year:04d}-Q{quarter}")


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


def _r_hms(cand: _Candidate, ctx: _Context) -> dict:
    d = cand.data
    return dict(value=f"PT{int(d['h'])}H{int(d['mi'])}M{int(d['s'])}S", type="DURATION", precision="duration", confidence=0.7)


def _r_plural_unit(cand: _Candidate, ctx: _Context) -> dict | None:
    unit = ctx.pats.lex.units.get(ctx.text[cand.start:cand.end].lower())
    if unit is None or unit not in _DURATION_UNITS:
        return None
    prefix, suffix = _DURATION_UNITS[unit]
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


_HANDLERS = {
    "hms": _r_hms, "quarter": _r_quarter, "month_range": _r_month_range, "cjk": _r_cjk, "plural_unit": _r_plural_unit, "day_weekday": _r_day_weekday,
    "ymd": _r_ymd, "numeric": _r_numeric, "day_month": _r_day_month, "month_day": _r_day_month,
    "ordinal_date": _r_ordinal_date, "month_year": _r_month_year, "month": _r_month, "year": _r_year,
    "year_range": _r_year_range, "decade": _r_decade, "century": _r_century, "weekday": _r_weekday,
    "relative": _r_relative, "modified": _r_modified, "ago": _r_ago, "duration": _r_duration,
    "reference": _r_reference, "clock": _r_clock, "anaphor": _r_anaphor, "pod_phrase": _r_pod_phrase,
}
