"""TIMEX-style date values -> the days they cover, and a value restated at a coarser precision.

`date_span("2024-12")` is `("month", date(2024, 12, 1), date(2024, 12, 31))`: a value keeps its
precision and covers all its days, so no day is ever invented. The forms are those of the events
table's `date` column (see timeline.schema):

    2024-12-08  day        2024-W50  week (ISO)    2024-12  month     2024-Q4  quarter
    2024-SU     season     2024      year          199      decade    19       century
    2024-W50-WE week (only its Saturday and Sunday)

Seasons are northern: SP March-May, SU June-August, FA September-November, WI December to
February of the next year. A day may carry a TIMEX time ("2024-12-04T01:00", "2024-12-04TMO");
it still covers that one day.
"""
from __future__ import annotations

import calendar
import re
from datetime import MAXYEAR, MINYEAR, date

TIMEX_FORMS = "YYYY-MM-DD, YYYY-Www(-WE), YYYY-MM, YYYY-Qn, YYYY-SP/SU/FA/WI, YYYY, decade YYY, century YY"

# season -> (first month, last month); WI's last month falls in the next year.
SEASONS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

# Coarseness of each precision, to refuse restating a value at a finer one (that would invent).
RANK: dict[str, int] = {
    "day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5, "century": 6,
}

# TIMEX times and parts of day; [0-9] rather than \d, which also matches other scripts' digits.
_TIME = r"(?:T(?:(?:[01][0-9]|2[0-4])(?::[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?)?|MO|AF|EV|NI|DT))?"
_FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("day", re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})" + _TIME)),
    ("week", re.compile(r"([0-9]{4})-W([0-9]{2})(-WE)?")),
    ("month", re.compile(r"([0-9]{4})-([0-9]{2})")),
    ("quarter", re.compile(r"([0-9]{4})-Q([1-4])")),
    ("season", re.compile(r"([0-9]{4})-(SP|SU|FA|WI)")),
    ("year", re.compile(r"([0-9]{4})")),
    ("decade", re.compile(r"([0-9]{3})")),
    ("century", re.compile(r"([0-9]{2})")),
]


def date_span(value: str) -> tuple[str, date, date]:
    """(precision, first_day, last_day) of a TIMEX date value; ValueError for any other text."""
    text = value.strip() if isinstance(value, str) else ""
    for precision, pattern in _FORMS:
        match = pattern.fullmatch(text)
        if match:
            try:
                return (precision, *_SPANS[precision](*match.groups()))
            except ValueError:
                break  # the form fits but the calendar does not: 2024-02-30, 2023-W53
    raise ValueError(f"{value!r} is not a date in a TIMEX form ({TIMEX_FORMS})")


def at_precision(value: str, precision: str) -> str:
    """`value` restated at the same or a coarser `precision`, from its first day ("2024-12-08", "month" -> "2024-12").

    ValueError when the precision is unknown or finer than the value's own (that would invent days).
    """
    own, first_day, _ = date_span(value)
    if precision not in RANK:
        raise ValueError(f"{precision!r} is not a precision ({', '.join(RANK)})")
    if RANK[precision] < RANK[own]:
        raise ValueError(f"{value!r} is a {own}; it cannot be made as precise as a {precision}")
    if precision == own:
        return value.strip()
    year = first_day.year
    if precision == "week":
        iso_year, week, _ = first_day.isocalendar()
        return f"{iso_year:04d}-W{week:02d}"
    if precision == "month":
        return f"{year:04d}-{first_day.month:02d}"
    if precision == "quarter":
        return f"{year:04d}-Q{(first_day.month - 1) // 3 + 1}"
    if precision == "season":
        if first_day.month <= 2:  # January and February belong to the winter that began in December
            return f"{year - 1:04d}-WI"
        if first_day.month == 12:
            return f"{year:04d}-WI"
        season = next(name for name, (first, last) in SEASONS.items() if first <= first_day.month <= last)
        return f"{year:04d}-{season}"
    if precision == "year":
        return f"{year:04d}"
    if precision == "decade":
        return f"{year:04d}"[:3]
    return f"{year:04d}"[:2]  # century


def _day(year: str, month: str, day: str) -> tuple[date, date]:
    value = date(int(year), int(month), int(day))
    return value, value


def _week(year: str, week: str, weekend: str | None = None) -> tuple[date, date]:
    first_weekday = 6 if weekend else 1  # "-WE" is the week's Saturday and Sunday
    return date.fromisocalendar(int(year), int(week), first_weekday), date.fromisocalendar(int(year), int(week), 7)


def _month(year: str, month: str) -> tuple[date, date]:
    return _months(int(year), int(month), int(year), int(month))


def _quarter(year: str, quarter: str) -> tuple[date, date]:
    first_month = (int(quarter) - 1) * 3 + 1
    return _months(int(year), first_month, int(year), first_month + 2)


def _season(year: str, season: str) -> tuple[date, date]:
    first_month, last_month = SEASONS[season]
    last_year = int(year) + 1 if last_month < first_month else int(year)
    return _months(int(year), first_month, last_year, last_month)


def _years(first_year: int, last_year: int) -> tuple[date, date]:
    # Year 0 does not exist in the calendar; the first decade and century start at year 1.
    return date(max(first_year, MINYEAR), 1, 1), date(min(last_year, MAXYEAR), 12, 31)


def _months(first_year: int, first_month: int, last_year: int, last_month: int) -> tuple[date, date]:
    last_day = calendar.monthrange(last_year, last_month)[1]
    return date(first_year, first_month, 1), date(last_year, last_month, last_day)


_SPANS = {
    "day": _day,
    "week": _week,
    "month": _month,
    "quarter": _quarter,
    "season": _season,
    "year": lambda year: _years(int(year), int(year)),
    "decade": lambda decade: _years(int(decade) * 10, int(decade) * 10 + 9),
    "century": lambda century: _years(int(century) * 100, int(century) * 100 + 99),
}
