"""Publication dates: the one reader, used by every source of documents and by the engine.

    detect_published(text, url, lang=, name=)  (date | None, where it came from)
    parse_published("2025-02-13")              a given date, strictly, or InputError saying why not
    date_from_url(url), date_from_name(name)   the date in an address's path, in a file's name
    dates_in_line(line, lang)                  complete dates (day, month, year) written in a line
    iso_prefix_date("2025-02-13T10:30+07:00")  the calendar date of a timestamp
    dateline_head(text, start, end)            where the "PLACE, DATE —" head of a report ends

Stages run cheapest and most certain first (as htmldate does): the URL, metadata, datelines,
the file name. Every date is checked against limits.YEARS by `valid_date`, the one window.
Nothing here falls back to today: no date found is (None, "none").
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from timeline.limits import InputError, year_problem

# Where a publication date came from: given by the caller or the corpus record; the URL's path;
# the page's metadata (meta tags, JSON-LD, <time pubdate>); htmldate's reading of the page's
# markup; a dateline or "Published:" line in the text; the file's name (news_20251110.txt); nowhere.
PUBLISHED_FROM = ("given", "url", "metadata", "htmldate", "dateline", "filename", "none")

# Words that introduce a publication date on its own line ("Published: 13 Feb 2025").
# "Updated" and its kin are left out: an update date is not the reference date.
PUBLISHED_LABELS = (
    "published on", "published", "posted on", "posted", "first published", "date",
    "diterbitkan", "dipublikasikan", "dipublikasikan pada", "tanggal terbit", "terbit",
    "publié le", "publié", "publie le", "mis en ligne le", "mis en ligne",
    "publicado el", "publicado em", "publicado", "veröffentlicht am", "veröffentlicht",
    "pubblicato il", "pubblicato", "gepubliceerd op", "gepubliceerd",
    "опубликовано", "дата публикации", "yayınlanma tarihi", "yayın tarihi", "yayınlanma",
    "تاريخ النشر", "نشر في", "نشر بتاريخ",
)



def iso_prefix_date(value: str) -> date | None:
    """The date at the start of an ISO-like timestamp ("2025-02-13T10:30+07:00"), as written.

    The time zone is not applied: the local calendar date of the newsroom is the reference.
    """
    match = _ISO_PREFIX.match(value or "")
    return valid_date(*map(int, match.groups())) if match else None


def parse_published(value: str) -> date:
    """The date in a strict ISO "YYYY-MM-DD" string; InputError naming what is wrong otherwise."""
    text = str(value).strip()
    match = _ISO.fullmatch(text)  # the ISO form the text stage reads, here with nothing around it
    if not match:
        raise InputError(f"publication date {value!r} is not in the form YYYY-MM-DD (e.g. 2025-02-13)")
    year, month, day = map(int, match.groups())
    if year_problem(year):
        raise InputError(f"publication date {value!r} cannot be used: {year_problem(year)}")
    if not 1 <= month <= 12:
        raise InputError(f"publication date {value!r} is impossible: there is no month {month:02d}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        month_name = calendar.month_name[month]
        raise InputError(f"publication date {value!r} is impossible: {month_name} {year} has {last} days")
    return date(year, month, day)


def valid_date(year: int, month: int, day: int) -> date | None:
    """The date if it exists and lies in the supported years (limits.YEARS), else None."""
    if year_problem(year):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


_ISO_PREFIX = re.compile(r"\s*(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
# Dates in URL paths: /2025/02/13/, /2025-02-13-, /20250213/, /20250213101010-120-... (timestamp)
_URL_SEPARATED = re.compile(r"(?:^|[/_-])(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?=$|[/_.-])")
_URL_COMPACT = re.compile(r"(?:^|[/_-])(\d{4})(\d{2})(\d{2})(?:\d{4}|\d{6})?(?=$|[/_.-])")
_TEXT_URL = re.compile(r"https?://[^\s<>()\[\]\"']+|\]\(\s*<?([^)\s>]+)")


def date_from_name(name: str) -> date | None:
    """The date in a file's name: "report_20251110.txt", "2025-11-10 talks.md", "2025_11_10-news.html".

    Year first only, as file names sort: a day-first "10-11-2025" is as often month-first.
    The folders in a path are not read (a folder date is when the file was saved, often).
    """
    stem = re.split(r"[\\/]", str(name))[-1]
    for pattern in (_NAME_SEPARATED, _NAME_COMPACT):
        for match in pattern.finditer(stem):
            found = valid_date(*(int(group) for group in match.groups() if group not in ("-", "_", ".")))
            if found:
                return found
    return None


_NAME_SEPARATED = re.compile(r"(?<!\d)(\d{4})([-_.])(\d{2})\2(\d{2})(?!\d)")
_NAME_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")


def date_from_url(url: str) -> date | None:
    """The publication date written in a URL's path, if there is one."""
    parts = urlsplit(url.strip())
    path = parts.path if (parts.scheme or parts.netloc) else url.split("?")[0]
    for pattern in (_URL_SEPARATED, _URL_COMPACT):
        for match in pattern.finditer(path):
            groups = [g for g in match.groups() if g not in ("/", "-")]
            found = valid_date(*map(int, groups))
            if found:
                return found
    return None


_WORD = r"[^\W\d_]{3,}\.?"
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})(?:\.|er|\s+de)?\s+({_WORD})(?:\s+de|,)?\s+(\d{{4}})(?!\d)")
_MONTH_DAY_YEAR = re.compile(rf"({_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_YEAR_FIRST = re.compile(r"(?<![\d/.])(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\d/.]*\d)")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-]*\d)")
_TIME = re.compile(r"\d{1,2}[:.]\d{2}")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: date


def dates_in_line(line: str, lang: str) -> list[_Found]:
    """Complete dates (day, month and year all written) in one line, in order of position.

    Cheap and certain first: ISO and numeric forms by pattern, month names via dateparser.
    A numeric date is read day-first (13/02/2025) unless only month-first is possible
    (02/13/2025); in English both readings are common, so an ambiguous one (03/04/2025) is
    skipped rather than guessed.
    """
    found: list[_Found] = []
    for match in _ISO.finditer(line):
        value = valid_date(*map(int, match.groups()))
        if value:
            found.append(_Found(match.start(), match.end(), value))
    for match in _YEAR_FIRST.finditer(line):
        year, _, month, day = match.groups()
        value = valid_date(int(year), int(month), int(day))
        if value:
            found.append(_Found(match.start(), match.end(), value))
    for match in _NUMERIC.finditer(line):
        first, _, second, year = match.groups()
        first, second, year = int(first), int(second), int(year)
        if first <= 12 and second <= 12 and first != second and lang == "en":
            continue
        value = valid_date(year, second, first) if second <= 12 else valid_date(year, first, second)
        if value:
            found.append(_Found(match.start(), match.end(), value))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(line):
            if any(f.start <= match.start() < f.end for f in found):
                continue
            value = _parse_month_name_date(match.group(0), lang)
            if value:
                found.append(_Found(match.start(), match.end(), value))
    return sorted(found, key=lambda f: f.start)


def _parse_month_name_date(candidate: str, lang: str) -> date | None:
    """A complete date written with a month name ("13 Februari 2025"): dateparser's reading of it.

    dateparser is asked once per shape of candidate: the text with its digits blanked
    ("00 Februari 0000") and the language. Where its answer kept the day and year as written,
    the shape's month is remembered and later candidates of that shape are read from their
    digits (a candidate holds two runs of digits, the day and then the year). A parse costs
    milliseconds, and a corpus writes its datelines in a few shapes with many different dates.
    """
    numbers = _DIGITS.findall(candidate)
    # Not the shape of dates_in_line's candidates, or digits of another script ("١٣", which
    # dateparser may read otherwise than "13"): dateparser alone.
    if len(numbers) != 2 or not all(number.isascii() for number in numbers):
        return _dateparser_month_name_date(candidate, lang)
    day, year = map(int, numbers)
    key = (_DIGIT.sub("0", candidate), lang)
    month = _SHAPE_MONTHS.get(key)
    if month is not None:
        return valid_date(year, month, day) if month else None
    found = _dateparser_month_name_date(candidate, lang)
    if found and (found.day, found.year) == (day, year):
        _remember_shape(key, found.month)
    elif not found and 1 <= day <= 28 and not year_problem(year):
        # A day every month has, in a supported year, refused: the shape is refused, whatever
        # its digits (a "0", "31" or "1850" refused says nothing of the shape, hence the test).
        _remember_shape(key, 0)
    return found


_DIGIT = re.compile(r"[0-9]")
_DIGITS = re.compile(r"\d+")
_SHAPE_MONTHS: dict[tuple[str, str], int] = {}  # (shape, lang) -> month, 0 for a shape dateparser refuses
_SHAPES_KEPT = 4096  # bounded: shapes are few (month forms x languages x punctuation), but never unbounded


def _remember_shape(key: tuple[str, str], month: int) -> None:
    if len(_SHAPE_MONTHS) >= _SHAPES_KEPT:
        _SHAPE_MONTHS.clear()
    _SHAPE_MONTHS[key] = month


@lru_cache(maxsize=1024)  # the same dateline recurs across a day's reports
def _dateparser_month_name_date(candidate: str, lang: str) -> date | None:
    """A complete date written with a month name, read with dateparser; None if it reads none."""
    import dateparser  # imported here: loading it costs time that most callers never need

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    languages = list(dict.fromkeys((lang, "en"))) if lang else None
    try:
        parsed = dateparser.parse(candidate, languages=languages, settings=settings)
    except ValueError:  # a language dateparser does not know: let it detect one
        parsed = dateparser.parse(candidate, settings=settings)
    return valid_date(parsed.year, parsed.month, parsed.day) if parsed else None


def _is_dateline(line: str, found: _Found) -> bool:
    """True if the date sits where a dateline puts it: at the start, after at most a place name.

    Accepted: "13/02/2025", "Jakarta, 13 Februari 2025 —", "Thursday, February 13, 2025 10:32",
    "PARIS, jeudi 13 février 2025 -". Rejected: a date inside a sentence.
    """
    prefix, suffix = line[:found.start].strip(), line[found.end:].strip()
    suffix = re.sub(r"^(?:г\.|года|yılı)\s*", "", suffix)  # "13 февраля 2025 г. —"
    if prefix:
        words = prefix.split()
        if len(words) > 5 or len(prefix) > 50 or not re.search(r"[,(|–—-]", prefix):
            return False
    if not suffix:
        return True
    return bool(re.match(r"[—–\-|:·•/)]", suffix) or re.match(r",?\s*" + _TIME.pattern, suffix))


_LABEL = re.compile(r"^\W{0,3}(?:" + "|".join(re.escape(label) for label in sorted(PUBLISHED_LABELS, key=len, reverse=True))
                    + r")(?!\w)\s*(?:[:：-]|on|le|el|em|am|il|pada|tanggal)?\s*", re.IGNORECASE)
_MEDIA_LINE = re.compile(r"^\s*(?:!?\[[^\]]*\]\([^)]*\)\s*)+$")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_HEAD_LINES = 8
_HEAD_URL_CHARS = 3000


def detect_published(text: str, url: str | None = None, *, lang: str | None = None,
                     name: str | None = None) -> tuple[date | None, str]:
    """The document's publication date and where it was found (one of PUBLISHED_FROM).

    Stages, most certain first, stopping at the first answer: the given URL's path; a
    front-matter "date:" field; a "Published: ..." line or a dateline among the first lines;
    a dated URL near the start of the text (e.g. a markdown image under uploads/2025/02/13/);
    a "Published: ..." line among the last lines; a date in the file's `name`. (None, "none")
    when nothing is found: the caller must then say so, never substitute today.
    """
    if url:
        found = date_from_url(url)
        if found:
            return found, "url"
    if not text:
        return _from_name(name)
    if lang is None:
        from timeline.ingest import detect_language  # the language detector lives with the documents

        lang = detect_language(text[:2000])
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip().lower() in ("date", "published", "pubdate", "date_published", "published_at"):
                dates = dates_in_line(value.strip().strip("'\""), lang)
                if dates:
                    return dates[0].value, "metadata"
    lines = [line.strip() for line in text[:20000].split("\n")]
    head = [line for line in lines if line and not _MEDIA_LINE.match(line)][:_HEAD_LINES]
    for line in head:
        label = _LABEL.match(line)
        if label:
            dates = dates_in_line(line[label.end():label.end() + 80], lang)
            if dates and dates[0].start <= 20:
                return dates[0].value, "dateline"
        dates = dates_in_line(line[:160], lang)
        if dates and _is_dateline(line[:160], dates[0]):
            return dates[0].value, "dateline"
    for match in _TEXT_URL.finditer(text[:_HEAD_URL_CHARS]):
        found = date_from_url(match.group(1) or match.group(0))
        if found:
            return found, "url"
    tail = [line.strip() for line in text[-3000:].split("\n") if line.strip()][-5:]
    for line in tail:
        label = _LABEL.match(line)
        if label:
            dates = dates_in_line(line[label.end():label.end() + 80], lang)
            if dates and dates[0].start <= 20:
                return dates[0].value, "dateline"
    return _from_name(name)


def _from_name(name: str | None) -> tuple[date | None, str]:
    found = date_from_name(name) if name else None
    return (found, "filename") if found else (None, "none")


# "QUITO, Ecuador – ", "AMMAN – ", "Jakarta, 13 Februari 2025 — ", "Seoul: " open a report with
# where (and when) it was filed. The one definition of where such a head ends: a colon or
# semicolon, or a dash standing apart, within `limit` characters and on the same line.
_HEAD_BREAK = re.compile(r"[;:]\s|\s?[–—]\s|\s-\s")


def dateline_head(text: str, start: int = 0, end: int | None = None, limit: int = 80) -> int:
    """Where the head of a dateline that opens text[start:end] ends (after its dash), else `start`.

    Only the shape is checked; what the head may hold (a place, a date, an agency) is the
    caller's to judge: the reader of publication dates wants a date there, the places reader
    only place names, the events reader a date and a few words.
    """
    end = len(text) if end is None else end
    stop = min(end, start + limit)
    newline = text.find("\n", start, stop)
    brk = _HEAD_BREAK.search(text, start, newline if newline >= 0 else stop)
    return brk.end() if brk and text[start:brk.start()].strip() else start
