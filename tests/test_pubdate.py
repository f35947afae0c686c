"""The one publication-date reader: stages as tables of cases, one line each."""
from __future__ import annotations

from datetime import date

import pytest

from timeline import pubdate
from timeline.ingest import InputError, read_document

NOV10 = date(2025, 11, 10)


@pytest.mark.parametrize("name, expected", [
    ("report_20251110.txt", NOV10),
    ("2025-11-10 talks.md", NOV10),
    ("2025_11_10-news.html", NOV10),
    ("news.2025.11.10.txt", NOV10),
    ("folder_20240101/report.txt", None),     # a folder's date is when it was saved, not the article's
    ("10-11-2025.txt", None),                 # day or month first? not guessed
    ("report_20251310.txt", None),            # no month 13
    ("scan_123456789.txt", None),             # a longer number is not a date
    ("archive_18991231.txt", None),           # outside the supported years
    ("notes.txt", None),
])
def test_date_from_name(name, expected):
    assert pubdate.date_from_name(name) == expected


def test_the_file_name_is_the_last_stage(tmp_path):
    undated = tmp_path / "brief_2025-11-10.txt"
    undated.write_text("The ministers met again on Tuesday and agreed on a plan.")
    document = read_document(undated)
    assert (document.published, document.published_from) == (NOV10, "filename")
    dated = tmp_path / "brief_2025-11-10b.txt"
    dated.write_text("Jakarta, 13 Februari 2025 — Para menteri bertemu lagi pada hari Selasa.")
    assert read_document(dated).published_from == "dateline"  # the text's own claim comes first


@pytest.mark.parametrize("text, head", [
    ("QUITO, Ecuador – The president said", "QUITO, Ecuador – "),
    ("Jakarta, 13 Februari 2025 — Presiden", "Jakarta, 13 Februari 2025 — "),
    ("Seoul: officials said", "Seoul: "),
    ("PARIS (AFP) - Le ministre", "PARIS (AFP) - "),
    ("At 10:30 the talks began.", ""),                        # a clock time is no break
    ("The well-known envoy arrived.", ""),                    # a hyphen inside a word is no break
    ("A long sentence that runs on and on for far more than eighty characters before — it breaks", ""),
    ("Gaza\n— a new line", ""),
])
def test_dateline_head(text, head):
    assert text[:pubdate.dateline_head(text)] == head


@pytest.mark.parametrize("value, message", [
    ("9999-12-31", "outside the supported years 1900-2100"),
    ("0000-01-01", "outside the supported years 1900-2100"),
    ("20250213", "not in the form YYYY-MM-DD"),
    ("2025-02-29", "February 2025 has 28 days"),
])
def test_parse_published_refuses(value, message):
    with pytest.raises(InputError, match=message):
        pubdate.parse_published(value)


def test_one_iso_reader():
    assert pubdate.iso_prefix_date("2025-02-13T10:30+07:00") == date(2025, 2, 13)
    assert pubdate.parse_published(" 2025-02-13 ") == date(2025, 2, 13)
    assert pubdate.iso_prefix_date("9999-02-13") is None
