"""The pipeline behind find_dates: fold the text, recognise candidates, keep the longest,
join neighbours that write one date, then resolve each against its reference time."""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import replace
import warnings
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from timeline.dates.context import _Candidate, _Context, _sentence_span
from timeline.dates.era import bc_year, era_ranges, join_era_dates, resolve_in_era
from timeline.dates.mention import DateMention
from timeline.dates.quotes import enclosing, quote_spans, said_on, speech_verb
from timeline.dates.reference import EXPLICIT_YEAR_KINDS, MODES, Anchor as StoryAnchor, StoryTime, document_is_narrative, fitted, sentence_index
from timeline.dates.recognise import _longest_first, _recognise
from timeline.dates.resolve import _plural_words, _resolve
from timeline.dates.tense import _tense, _tense_at
from timeline.patterns import Patterns, patterns
from timeline.text import sentence_bounds


RANGES = ("auto", "joined", "split")


def find_dates(text: str, published: date | str | None = None, lang: str | None = None,
               anchor: str = "auto", ranges: str = "auto") -> list[DateMention]:
    """Every temporal expression in `text`, ordered by position.

    `published` (a date or ISO string) anchors deictic expressions ("yesterday", "last week");
    without it they keep unknown parts as X (TIMEX3 style) and a low confidence. `lang` is an
    ISO 639-1 code; None detects it from the text. `anchor` says what year-less and
    context-relative expressions ("3 September", "two days later") resolve against:
    "publication", "narrative" (the last date the text mentioned) or "auto" (per mention, the
    story's time where the text is about another time; see timeline.dates.reference).
    `ranges` says how a range ("1914-1918", "26-28 October") comes back: "joined", one mention
    with `end_value`; "split", each end a mention of its own, as TimeML tags it; "auto", the
    convention of the language's annotation guidelines (`ranges_split` in timeline/lang/extra.json).
    """
    if anchor not in MODES:
        raise ValueError(f"anchor must be one of {', '.join(MODES)}, not {anchor!r}")
    if ranges not in RANGES:
        raise ValueError(f"ranges must be one of {', '.join(RANGES)}, not {ranges!r}")
    if not text or not text.strip():
        return []
    reference = _as_date(published)
    lang = _language(lang) or _detect_language(text) or "en"
    pats = patterns(lang)
    folded = _fold(text, pats)
    chosen = _longest_first(_recognise(folded, pats))
    mentions = _normalise(folded, chosen, pats, reference, anchor)
    if ranges == "split" or (ranges == "auto" and pats.lex.extra.get("ranges_split")):
        mentions = _split_ranges(folded, mentions, pats)
    if folded != text:
        mentions = [replace(m, text=text[m.start:m.end]) for m in mentions]
    return mentions

# Arabic-Indic, Persian, Devanagari, Bengali, Thai and full-width digits read as 0-9.
_DIGITS = {ord(ch): str(i) for zero in "٠۰०০๐０" for i, ch in enumerate(chr(ord(zero) + k) for k in range(10))}
_OTHER_DIGIT = re.compile("[" + "".join(map(chr, _DIGITS)) + "]")


def _fold(text: str, pats: Patterns) -> str:
    """The text as the patterns should see it, same length so offsets hold.

    Other scripts' digits become ASCII ("۲۰۲۵"), and Turkish dotless/dotted I is lowered the
    Turkish way, which Python's IGNORECASE does not do ("GEÇEN YIL").
    """
    folded = text.translate(_DIGITS) if _OTHER_DIGIT.search(text) else text
    if pats.lex.extra.get("casefold") == "tr":
        folded = folded.replace("I", "ı").replace("İ", "i")
    return folded


def _as_date(published: date | str | None) -> date | None:
    """The publication date as a date; ValueError (InputError) for an impossible one or a year
    outside the supported window (timeline.limits.YEARS)."""
    from timeline.limits import InputError, year_problem
    from timeline.pubdate import parse_published

    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        published = published.date()
    if isinstance(published, date):
        if year_problem(published.year):
            raise InputError(f"publication date {published.isoformat()} cannot be used: {year_problem(published.year)}")
        return published
    return parse_published(str(published)[:10])


def _language(lang: str | None) -> str:
    """The ISO 639-1 code `lang` names ("pt-BR" -> "pt"), "" for none; an unknown code is a
    warning, and the language is then detected (a wrong code would lose dates)."""
    if not lang:
        return ""
    code, warning = _language_code(lang)
    if warning:
        warnings.warn(warning, stacklevel=3)
    return code


@lru_cache(maxsize=512)
def _language_code(lang: str) -> tuple[str, str]:
    from timeline.ingest import language_code

    return language_code(lang)


def _detect_language(text: str) -> str:
    try:
        from timeline.ingest import detect_language
    except ImportError:
        return "en"
    return detect_language(text)


# ---------------------------------------------------------------------------------------------
# Recognition: every pattern proposes spans with what it understood


def _normalise(text: str, chosen: list[_Candidate], pats: Patterns, reference: date | None,
               anchor: str = "auto") -> list[DateMention]:
    """Resolve each candidate, in document order, against the anchor the reference-time model
    gives it (publication or the story's time), and let it move the story's time."""
    sentences = sentence_bounds(text)
    starts = [start for start, _ in sentences]
    ctx = _Context(text=text, pats=pats, reference=reference, sentences=sentences,
                   sentence_starts=starts, publication=reference)
    chosen = _of_the_same_year(text, _share_written_year(text, _merge_weekday_dates(text, chosen, pats), pats), pats)
    fit = fitted()
    written = [int(c.data["y"]) for c in chosen if re.fullmatch(r"\d{4}", str(c.data.get("y") or ""))]
    story = StoryTime(publication=reference, mode=anchor, fit=fit,
                      document_narrative=document_is_narrative(written, reference, fit))
    ctx.document_narrative = story.document_narrative
    anaphoric = frozenset(w.lower() for w in pats.lex.words("anaphoric_mods"))
    following = frozenset(w.lower() for w in pats.lex.words("following_in_past"))
    mentions: list[DateMention] = []

    def on_anchor(cand: _Candidate):
        """(the mention `cand` resolves to, or None; the anchor it was resolved against)."""
        tense = _once(lambda: _tense(ctx, cand))   # worked out at most once per mention
        kind = _anchor_kind(cand, anaphoric, pats.lex, following, tense, text[cand.start:cand.end])
        chosen_anchor = story.anchor_for(kind, cand.data, sentence_index(starts, cand.start), tense)
        if kind == "later" and cand.kind in ("modified", "relative") and following:
            ctx.story_next_spans.append((cand.start, cand.end))
        mention = _resolved_on(cand, chosen_anchor)
        if (chosen_anchor.narrative and mention is not None and mention.first_day and reference is not None
                and mention.first_day > reference and tense() == "past"):
            # Counted from a planned day just named ("the vote is on 7 July. The day before, polls
            # showed ..."), a clause told in the past would lie after publication: the story's
            # time does not hold it, the writer's does.
            chosen_anchor = StoryAnchor(reference, "day", False)
            mention = _resolved_on(cand, chosen_anchor)
        return mention, chosen_anchor

    def _resolved_on(cand: _Candidate, chosen_anchor) -> DateMention | None:
        ctx.reference, ctx.narrative, ctx.anchor_precision = chosen_anchor.day, chosen_anchor.narrative, chosen_anchor.precision
        try:
            return _resolve(cand, ctx)
        finally:
            ctx.reference, ctx.narrative, ctx.anchor_precision = reference, False, "day"

    quoted = _QuotedSpeech(text, chosen, ctx, _resolved_on)
    era_year = None   # the story's year before our era, while no year of ours has been named since
    in_era: dict[tuple[int, int], tuple[int, bool]] = {}   # such mentions: (era year, keeps its month)
    for cand in chosen:
        if era_year is not None and cand.kind in ERA_KINDS:
            mention = resolve_in_era(cand, ctx, era_year)
            if mention is not None:
                mentions.append(mention)
                era_year = bc_year(mention) or era_year   # "two years later" moves the story on
                continue
        if cand.data.get("story_year") and ctx.last_year:
            cand = _Candidate(cand.start, cand.end, cand.kind, {**cand.data, "y": str(ctx.last_year)}, cand.rank)
        if "year_cand" in cand.data:
            # "in the spring of the following year": the year is the one its own words reach
            year = on_anchor(cand.data["year_cand"])[0]
            data = {k: v for k, v in cand.data.items() if k != "year_cand"}
            if year is not None and year.precision == "year" and year.first_day:
                data["y"] = str(year.first_day.year)
            cand = _Candidate(cand.start, cand.end, cand.kind, data, cand.rank)
        sentence = sentence_index(starts, cand.start)
        spoken = quoted.day_of(cand) if reference is not None else None
        if spoken is not None:
            # "Kemarin, ..." inside a quote: the speaker's yesterday (timeline.dates.quotes)
            chosen_anchor = StoryAnchor(spoken, "day", False)
            mention = _resolved_on(cand, chosen_anchor)
        else:
            mention, chosen_anchor = on_anchor(cand)
        if mention is None:
            continue
        mentions.append(mention)
        named_bc = bc_year(mention)
        if named_bc is not None:
            era_year = named_bc
        elif era_year is not None and not _writes_its_year(cand):
            # A day or month of a story before our era, resolved as if in a year of ours (Python's
            # dates hold no year before 1): it keeps the era, and gets its year at the end.
            in_era[(mention.start, mention.end)] = (era_year, chosen_anchor.narrative or cand.kind in _TOLD_DAYS)
        elif mention.first_day and mention.precision in ("day", "part_of_day", "month", "year", "season"):
            era_year = None
        story.told(cand.kind, cand.data, mention.first_day, mention.precision, sentence, chosen_anchor.narrative)
        if mention.precision in ("day", "part_of_day") and mention.first_day:
            ctx.last_day = mention.first_day
        if mention.precision in ("day", "part_of_day", "month") and mention.first_day:
            ctx.last_month = (mention.first_day.year, mention.first_day.month)
        if mention.precision in ("day", "part_of_day", "week", "weekend") and mention.first_day:
            ctx.last_week = mention.first_day
        if mention.first_day and mention.precision in ("day", "month", "year", "season", "week"):
            ctx.last_year = mention.first_day.year
        if mention.type in ("DATE", "TIME") and mention.first_day:
            ctx.last_value = mention.value
        if (mention.precision in ("quarter", "half", "month", "year") and mention.first_day and not mention.end_value
                and cand.kind != "context_period"):   # "the year-earlier period" compares, it reports on nothing
            ctx.last_period = mention.value
    joined = join_era_dates(text, era_ranges(_coordinated_days(_offset_days(_anchor_clock_times(mentions, ctx), ctx), ctx), ctx))
    return [_in_era(m, *in_era[(m.start, m.end)]) if (m.start, m.end) in in_era else m for m in joined] if in_era else joined


def _writes_its_year(cand: _Candidate) -> bool:
    return cand.kind in EXPLICIT_YEAR_KINDS or bool(cand.data.get("y"))


# Kinds whose month and day the text writes, or takes from a day the text wrote ("the same day").
_TOLD_DAYS = frozenset({"day_month", "month_day", "ordinal_date", "month", "day_weekday", "numeric", "anaphor", "season"})


def _in_era(mention: DateMention, era_year: int, keeps_month: bool) -> DateMention:
    """A mention of a story before our era that was resolved in a year of ours: its value in the
    era's year ("27 Αυγούστου" in 480 BC: BC0480-08-27), or the era's year alone where its month
    and day came from the publication, not the text."""
    m = re.fullmatch(r"(\d{4})(.*)", mention.value)
    if m is None:
        return mention
    value = f"BC{era_year:04d}{m.group(2)}" if keeps_month else f"BC{era_year:04d}"
    precision = mention.precision if keeps_month else "year"
    return replace(mention, value=value, precision=precision, first_day=None, last_day=None, end_value=None)


class _QuotedSpeech:
    """Which day a deictic day word inside a quote counts from (timeline.dates.quotes), worked
    out only for a document that has one."""

    def __init__(self, text: str, chosen: list[_Candidate], ctx: _Context, resolve_on) -> None:
        self.text, self.chosen, self.ctx, self.resolve_on = text, chosen, ctx, resolve_on
        self._spans: list[tuple[int, int]] | None = None
        self._days: list[tuple[int, date]] | None = None

    def day_of(self, cand: _Candidate) -> date | None:
        if not self._is_day_word(cand):
            return None
        if self._spans is None:
            self._spans = quote_spans(self.text)
            self._starts = [s for s, _ in self._spans]
        quote = enclosing(self._spans, self._starts, cand.start) if self._spans else None
        verb = speech_verb(self.ctx.pats.lex.lang) if quote else None
        if quote is None or verb is None:
            return None
        if self._days is None:
            # Dates that write their year resolve the same from any anchor: the saying's day.
            anchor = StoryAnchor(self.ctx.publication, "day", False)
            self._days = [(c.start, m.first_day) for c in self.chosen if c.kind in _WRITTEN_DAYS and c.data.get("y")
                          and (m := self.resolve_on(c, anchor)) is not None and m.first_day and m.precision in ("day", "part_of_day")]
        inside = lambda at: enclosing(self._spans, self._starts, at) is not None   # noqa: E731
        return said_on(quote, self.ctx.sentences, self._days, self.text, verb, inside)

    def _is_day_word(self, cand: _Candidate) -> bool:
        if cand.kind == "pod_phrase":
            return True
        if cand.kind != "relative":
            return False
        phrase = re.sub(r"\s+", " ", (cand.data.get("phrase") or self.text[cand.start:cand.end]).lower())
        return phrase in self.ctx.pats.lex.mapping("day_words")


# Kinds that write a day of a calendar (with their year, "y", they need no anchor).
_WRITTEN_DAYS = frozenset({"numeric", "day_month", "month_day", "ordinal_date", "day_weekday"})


def _once(compute: Callable[[], str]) -> Callable[[], str]:
    """`compute`, worked out at its first call and then remembered."""
    kept: list[str] = []

    def get() -> str:
        if not kept:
            kept.append(compute())
        return kept[0]
    return get


def _split_ranges(text: str, mentions: list[DateMention], pats: Patterns) -> list[DateMention]:
    """Each end of a range as a mention of its own: "1914-1918" -> 1914, 1918; "26-28 October
    2020" -> "26" (2020-10-26) and "28 October 2020"; "2003 to 2007" -> 2003, 2007."""
    from timeline.periods import date_span

    out: list[DateMention] = []
    for mention in mentions:
        cut = pats.range_joint.search(mention.text) if mention.end_value and mention.type == "DATE" else None
        if cut is None:
            out.append(mention)
            continue
        try:
            first, second = date_span(mention.value), date_span(mention.end_value)
        except ValueError:   # years of an era before ours have no calendar days
            first = second = (mention.precision, None, None)
        out.append(replace(mention, end=mention.start + cut.start(), text=mention.text[:cut.start()],
                           precision=first[0], first_day=first[1], last_day=first[2], end_value=None))
        out.append(replace(mention, start=mention.start + cut.end(), text=mention.text[cut.end():],
                           value=mention.end_value, precision=second[0], first_day=second[1], last_day=second[2],
                           end_value=None))
    return out


def _coordinated_days(mentions: list[DateMention], ctx: _Context) -> list[DateMention]:
    """A day number joined by "and" to a date written month first is a second day of that
    month, a date of its own as TimeML tags it: "July 13 and 14" -> 07-13 and 07-14."""
    pattern = ctx.pats.and_day
    if pattern is None:
        return mentions
    out: list[DateMention] = []
    for i, mention in enumerate(mentions):
        out.append(mention)
        if mention.precision != "day" or not mention.first_day or not mention.text[-1:].isdigit():
            continue
        m = pattern.match(ctx.text, mention.end)
        if m is None or (i + 1 < len(mentions) and mentions[i + 1].start < m.end()):
            continue
        if ctx.pats.quantity_after.match(ctx.text, m.end()):
            continue   # "on May 4 and 25 troops": a count, not a day
        number = int(m.group(1))
        if not mention.first_day.day < number <= calendar.monthrange(mention.first_day.year, mention.first_day.month)[1]:
            continue
        day = mention.first_day.replace(day=number)
        if m.group(2) and not _written_year(mention.text):
            # "July 13 and 14, 2019": the year written after the second day is both days'
            first = mention.first_day.replace(year=int(m.group(2)))
            out[-1] = replace(mention, value=first.isoformat(), first_day=first, last_day=first)
            day = day.replace(year=first.year)
        end = m.end(2) if m.group(2) else m.end(1)
        out.append(replace(mention, start=m.start(1), end=end, text=ctx.text[m.start(1):end], value=day.isoformat(),
                           first_day=day, last_day=day, end_value=None))
    return out


def _written_year(text: str) -> bool:
    return bool(re.search(r"(?<!\d)\d{4}(?!\d)", text))


def _offset_days(mentions: list[DateMention], ctx: _Context) -> list[DateMention]:
    """A dated day after the language's "the day before" or "the week of" names the day before
    or after it, or its ISO week: "the day before last Friday", "la semaine du 6 mars"."""
    pattern = ctx.pats.date_offset
    if pattern is None:
        return mentions
    out = []
    for mention in mentions:
        m = None
        if mention.precision == "day" and mention.first_day and mention.type == "DATE":
            m = pattern.search(ctx.text, max(0, mention.start - 40), mention.start)
        if m is None:
            out.append(mention)
            continue
        if m.group("offset"):
            shift = ctx.pats.lex.mapping("date_offsets")[re.sub(r"\s+", " ", m.group("offset").lower())]
            day = mention.first_day + timedelta(days=shift)
            value, first, last, precision = day.isoformat(), day, day, "day"
        else:
            year, week, weekday = mention.first_day.isocalendar()
            first = mention.first_day - timedelta(days=weekday - 1)
            value, last, precision = f"{year}-W{week:02d}", first + timedelta(days=6), "week"
        out.append(replace(mention, start=m.start(), text=ctx.text[m.start():mention.end], value=value,
                           precision=precision, first_day=first, last_day=last, end_value=None))
    return out


def _anchor_kind(cand: _Candidate, anaphoric: frozenset[str], lex, following: frozenset[str] = frozenset(),
                 tense: Callable[[], str] = lambda: "", text: str = "") -> str:
    """The kind the reference model sees: "the following month" counts from the story's time
    like "two days later"; "next month" counts from publication like any deictic phrase, except
    in a past clause, where the writer's next month cannot have happened yet: "the next year they
    moved", "наступного року почалася" name the year after the story's."""
    if cand.kind in ("pod_anaphor", "day_anaphor"):
        return "later"   # "that night" is the story's night, like "two days later"
    if cand.kind == "relative" and following and any(w in following for w in text.lower().split()) and tense() == "past":
        return "later"   # dateparser's "наступного року", "в следующем году" (next year), told in the past
    if cand.kind == "modified":
        word = re.sub(r"\s+", " ", (cand.data.get("pre") or cand.data.get("post") or cand.data.get("post2") or "").lower())
        if word in anaphoric or (word in following and tense() == "past"):
            return "later"
        unit_word = (cand.data.get("unit") or cand.data.get("unit2") or "").lower()
        if unit_word and lex.units.get(unit_word) == "D" and (lex.mapping("prefix_mods").get(word) or lex.mapping("suffix_mods").get(word)):
            # "the next day", "hari berikutnya": the deictic form would be "tomorrow", so a
            # day counted with next/previous counts from the story's day.
            return "later"
    return cand.kind


# Kinds that count whole years from a story's year before our era (timeline.dates.era).
ERA_KINDS = frozenset({"later", "modified", "relative", "anaphor", "season"})

_DATED = ("numeric", "day_month", "month_day", "ymd", "ordinal_date", "day_weekday")
_DAY_OF_MONTH = ("day_month", "month_day", "ordinal_date", "month", "month_year")
_PARENTHESIS = re.compile(r"\([^()]{0,60}\)")


def _share_written_year(text: str, chosen: list[_Candidate], pats: Patterns) -> list[_Candidate]:
    """A year-less day or month joined to a dated one after it takes that date's year: "6 August
    (Hiroshima) and 9 August 1945", "31 October - 1 November 1961", "January and February 1941"
    ("30 December - 2 January 2025" crosses into the year before)."""
    joiners = {w.lower() for w in pats.lex.words("range_and") + pats.lex.words("range_to")}
    out = list(chosen)
    for i in range(len(out) - 2, -1, -1):
        cand, nxt = out[i], out[i + 1]
        if cand.kind not in _DAY_OF_MONTH or cand.data.get("y") or nxt.kind not in _DAY_OF_MONTH + ("year",):
            continue
        year = str(nxt.data.get("y") or "")
        if not re.fullmatch(r"\d{4}", year):
            continue
        gap = _PARENTHESIS.sub(" ", text[cand.end:nxt.start]).strip().strip(",").strip().lower()
        if nxt.kind == "year":
            # "9 August (Nagasaki) 1945": the year is the day's own, past a parenthesis
            if gap or not _PARENTHESIS.search(text[cand.end:nxt.start]):
                continue
            out[i] = _Candidate(cand.start, cand.end, cand.kind, {**cand.data, "y": year}, cand.rank)
            continue
        if gap not in joiners and not re.fullmatch(r"[-–—/]", gap):
            continue
        try:
            before = pats.lex.months[cand.data["m"].lower()] > pats.lex.months[nxt.data["m"].lower()]
        except (KeyError, AttributeError):
            continue
        out[i] = _Candidate(cand.start, cand.end, cand.kind, {**cand.data, "y": str(int(year) - before)}, cand.rank)
    return out


def _of_the_same_year(text: str, chosen: list[_Candidate], pats: Patterns) -> list[_Candidate]:
    """A year-less day, month or season followed by "of the same year" is one expression in the
    year the story has reached: "15 серпня того ж року", "τον Οκτώβριο του ιδίου έτους", "in May
    of that year", "восени того ж року"; followed by "of the following year" ("навесні наступного
    року", "την άνοιξη του επόμενου έτους", "весной следующего года"), one in the year those words
    reach (resolved in the loop of _normalise, `year_cand`)."""
    between = pats.lex.word_set("of") | {"of", ""}
    out: list[_Candidate] = []
    i = 0
    while i < len(chosen):
        cand = chosen[i]
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        if nxt is not None and (cand.kind in _DAY_OF_MONTH or cand.kind == "season") and not cand.data.get("y"):
            gap = text[cand.end:nxt.start]
            if nxt.kind == "anaphor" and nxt.data.get("same_year") and gap.strip(" ,").lower() in between:
                out.append(_Candidate(cand.start, nxt.end, cand.kind, {**cand.data, "story_year": True}, cand.rank))
                i += 2
                continue
            if _names_a_year(nxt, text, pats) and gap.strip().lower() in between:
                out.append(_Candidate(cand.start, nxt.end, cand.kind, {**cand.data, "year_cand": nxt}, cand.rank))
                i += 2
                continue
        out.append(cand)
        i += 1
    return out


def _names_a_year(cand: _Candidate, text: str, pats: Patterns) -> bool:
    """Whether `cand` is a year named from another ("the following year", "наступного року", "в
    следующем году"), not a written one."""
    lex = pats.lex
    if cand.kind == "modified":
        unit = cand.data.get("unit") or cand.data.get("unit2")
        return bool(unit) and lex.units.get(unit.lower()) == "Y" and unit.lower() not in _plural_words(lex.lang)
    if cand.kind == "relative":
        phrase = re.sub(r"\s+", " ", (cand.data.get("phrase") or text[cand.start:cand.end]).lower())
        return lex.relative.get(phrase, (None, None))[1] == "Y"
    return False


def _merge_weekday_dates(text: str, chosen: list[_Candidate], pats: Patterns) -> list[_Candidate]:
    """Join neighbours that write one date: "Rabu (04/12)", "Senin, 21 Oktober 2024",
    "14 Mart 2025 Cuma günü", "mañana (jueves)", "09:30 GMT Sunday", "(9 Mei) dini hari"."""
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
        cand = _with_part_of_day(text, cand, pats)
        while merged and merged[-1].end > cand.start:
            merged.pop()   # "Am Morgen des 24. Juni": the part of day read alone ("morgen") goes
        merged.append(cand)
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
    """"(9 Mei) dini hari": a bracketed date followed by a part of day is one TIME span, and so
    is a part of day written before the date with the language's "of" ("the night of 4 August"),
    or said as an adverb right before or after it ("утром 24 июня", "26 червня ввечері")."""
    if cand.kind not in _DATED or cand.data.get("pod"):
        return cand
    if pats.pod_of_before is not None and cand.kind != "numeric":
        m = pats.pod_of_before.search(text, max(0, cand.start - 40), cand.start)
        # The "of" is before the date, or the date's own first word ("της 1ης Νοεμβρίου").
        own_of = re.match(r"\w+", text[cand.start:cand.end])
        if m and m.end() == cand.start and (m.group("of") or (own_of and own_of.group().lower() in pats.lex.words("pod_of"))):
            return _Candidate(m.start(), cand.end, cand.kind, {**cand.data, "pod": m.group("pod")}, cand.rank)
    if pats.pod_adverb_before is not None:
        # "утром 24 июня", "26 червня ввечері": a part of day said as an adverb needs no "of"
        m = pats.pod_adverb_before.search(text, max(0, cand.start - 25), cand.start)
        if m:
            return _Candidate(m.start(), cand.end, cand.kind, {**cand.data, "pod": m.group("pod")}, cand.rank)
        m = pats.pod_adverb_after.match(text, cand.end, min(len(text), cand.end + 25))
        if m:
            return _Candidate(cand.start, m.end(), cand.kind, {**cand.data, "pod": m.group("pod")}, cand.rank)
    if text[cand.start - 1:cand.start] == "(" and text[cand.end:cand.end + 1] == ")":
        m = pats.pod_after_paren.match(text, cand.end, min(len(text), cand.end + 25))
        if m:
            return _Candidate(cand.start - 1, m.end(), cand.kind, {**cand.data, "pod": m.group("pod")}, cand.rank)
    if text[cand.end - 1:cand.end] == ")":   # "Rabu (12/2) malam": the weekday already holds the bracket
        m = pats.pod_after_paren.match(text, cand.end - 1, min(len(text), cand.end + 25))
        if m:
            return _Candidate(cand.start, m.end(), cand.kind, {**cand.data, "pod": m.group("pod")}, cand.rank)
    return cand


def _anchor_clock_times(mentions: list[DateMention], ctx: _Context) -> list[DateMention]:
    """Give each bare clock time ("pukul 23.00 WIB") the day it belongs to.

    The nearest day-precision date in the same sentence; else, in a clause not told in the future,
    the story's last day (but never a day after publication for a clause told in the past); else
    the publication date.
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
        tense = "" if best is not None or ctx.reference is None else _tense_at(ctx, mention.start)
        if best is not None:
            day = best.first_day
        elif ctx.reference is not None and tense != "future":
            # No date in the sentence: the story's last day so far, else the publication date. A
            # clause told in the past cannot sit on a day after publication (a plan just named).
            earlier = next((o for o in reversed(mentions[:bisect_left(starts, mention.start)])
                            if o.end <= mention.start and o.first_day is not None
                            and o.precision in ("day", "part_of_day")), None)
            day = earlier.first_day if earlier and not (tense == "past" and earlier.first_day > ctx.reference) \
                else ctx.reference
        else:
            day = ctx.reference
        if day is None:
            out.append(replace(mention, value=f"XXXX-XX-XX{mention.value}", confidence=0.3))
        else:
            out.append(replace(mention, value=f"{day.isoformat()}{mention.value}", first_day=day, last_day=day,
                               confidence=0.8 if best else 0.6))
    return out
