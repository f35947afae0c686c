from datetime import date

import pytest

from timeline.periods import at_precision, date_span

SPANS = [
    # value, precision, first day, last day
    ("2024-12-08", "day", "2024-12-08", "2024-12-08"),
    ("2024-02-29", "day", "2024-02-29", "2024-02-29"),
    ("2024-12-04T01:00", "day", "2024-12-04", "2024-12-04"),
    ("2024-12-04TMO", "day", "2024-12-04", "2024-12-04"),
    ("2024-W50", "week", "2024-12-09", "2024-12-15"),
    ("2025-W01", "week", "2024-12-30", "2025-01-05"),
    ("2020-W53", "week", "2020-12-28", "2021-01-03"),
    ("2025-W25-WE", "week", "2025-06-21", "2025-06-22"),
    ("2024-12", "month", "2024-12-01", "2024-12-31"),
    ("2024-02", "month", "2024-02-01", "2024-02-29"),
    ("2023-02", "month", "2023-02-01", "2023-02-28"),
    ("2024-Q1", "quarter", "2024-01-01", "2024-03-31"),
    ("2024-Q4", "quarter", "2024-10-01", "2024-12-31"),
    ("2024-SP", "season", "2024-03-01", "2024-05-31"),
    ("2024-SU", "season", "2024-06-01", "2024-08-31"),
    ("2024-FA", "season", "2024-09-01", "2024-11-30"),
    ("2024-WI", "season", "2024-12-01", "2025-02-28"),
    ("2023-WI", "season", "2023-12-01", "2024-02-29"),
    ("2024", "year", "2024-01-01", "2024-12-31"),
    (" 2024 ", "year", "2024-01-01", "2024-12-31"),
    ("199", "decade", "1990-01-01", "1999-12-31"),
    ("000", "decade", "0001-01-01", "0009-12-31"),
    ("19", "century", "1900-01-01", "1999-12-31"),
    ("20", "century", "2000-01-01", "2099-12-31"),
]


@pytest.mark.parametrize("value, precision, first_day, last_day", SPANS)
def test_date_span(value, precision, first_day, last_day):
    assert date_span(value) == (precision, date.fromisoformat(first_day), date.fromisoformat(last_day))


@pytest.mark.parametrize("value", [
    "", "   ", "2024-13", "2024-00", "2024-02-30", "2023-W53", "2024-W00", "2024-W50-WD", "2024-Q5", "2024-Q0",
    "2024-SUMMER", "2024-su", "2", "20245", "0000", "2024-12-8", "8 Desember", "PRESENT_REF",
    "P25Y", "2024-12-04T25", "2024-H3", "١٩٩٠", None, 2024,
])
def test_date_span_rejects(value):
    with pytest.raises(ValueError, match="not a date in a TIMEX form"):
        date_span(value)


AT_PRECISION = [
    ("2024-12-08", "day", "2024-12-08"),
    ("2024-12-08", "week", "2024-W49"),
    ("2024-12-30", "week", "2025-W01"),
    ("2024-12-08", "month", "2024-12"),
    ("2024-12-08", "quarter", "2024-Q4"),
    ("2024-12-08", "season", "2024-WI"),
    ("2025-01-15", "season", "2024-WI"),
    ("2024-07-04", "season", "2024-SU"),
    ("2024-04", "season", "2024-SP"),
    ("2024-12-08", "year", "2024"),
    ("2024-12-08", "decade", "202"),
    ("2024-12-08", "century", "20"),
    ("2024-Q3", "year", "2024"),
    ("1994", "decade", "199"),
]


@pytest.mark.parametrize("value, precision, expected", AT_PRECISION)
def test_at_precision(value, precision, expected):
    assert at_precision(value, precision) == expected


@pytest.mark.parametrize("value, precision, message", [
    ("2024-12", "day", "cannot be made as precise"),
    ("2024", "month", "cannot be made as precise"),
    ("2024-12", "hour", "not a precision"),
    ("bulan lalu", "month", "not a date"),
])
def test_at_precision_rejects(value, precision, message):
    with pytest.raises(ValueError, match=message):
        at_precision(value, precision)
