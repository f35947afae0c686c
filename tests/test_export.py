import json

import pandas as pd
import pytest

from timeline.export import (
    EventsImportError, FieldError, neutralise_cell, parse_field, read_events_csv, read_events_json,
    restore_cell, to_csv, to_json, to_timelinejs, validate_event,
)
from timeline.schema import EVENT_COLUMNS, conform

HEADER = ",".join(EVENT_COLUMNS)


def event(**fields):
    """A complete event row: every column filled the way the store would hold it."""
    row = {
        "event_id": "ev-1", "date": "2024-12-08", "precision": "day", "start": "2024-12-08", "end": "2024-12-08",
        "date_text": "8 Desember", "title": "Prabowo meets Xi", "evidence": "", "actors": "", "places": "",
        "event_type": "", "event_type_cue": "", "source": "", "url": "", "published": "", "lang": "",
        "char_start": None, "char_end": None, "confidence": None, "origin": "extracted", "verified": False,
        "notes": "", "tags": "",
    }
    row.update(fields)
    return row


TWO_ROWS = conform(pd.DataFrame([
    event(evidence='He said "yes", then left.', actors="Prabowo; Xi Jinping", places="Beijing",
          event_type="meeting", event_type_cue="bertemu", source="Kompas", url="https://kompas.example/a",
          published="2025-02-13", lang="id", char_start=10, char_end=20, confidence=0.9),
    event(event_id="ev-2", date="2024-12", precision="month", start="2024-12-01", end="2024-12-31",
          date_text="bulan Desember", title="=cmd|' /C calc'!A0", evidence="line one\nline two",
          origin="manual", verified=True, notes="-check", tags="@later"),
]))


def test_to_csv_whole_output():
    assert to_csv(TWO_ROWS) == (
        HEADER + "\r\n"
        'ev-1,2024-12-08,day,2024-12-08,2024-12-08,8 Desember,,Prabowo meets Xi,"He said ""yes"", then left.",,'
        "Prabowo; Xi Jinping,Beijing,meeting,bertemu,Kompas,https://kompas.example/a,,,,2025-02-13,,id,10,20,0.9,"
        "extracted,false,,\r\n"
        "ev-2,2024-12,month,2024-12-01,2024-12-31,bulan Desember,,'=cmd|' /C calc'!A0,\"line one\nline two\",,"
        ",,,,,,,,,,,,,,,manual,true,'-check,'@later\r\n"
    )


def test_to_csv_of_no_rows_is_the_header():
    assert to_csv(pd.DataFrame()) == HEADER + "\r\n"


def test_to_csv_drops_columns_outside_the_schema_and_orders_them():
    frame = TWO_ROWS[list(reversed(EVENT_COLUMNS))].assign(version=3)
    assert to_csv(frame) == to_csv(TWO_ROWS)


def test_to_csv_bom_for_excel_reads_back():
    text = to_csv(TWO_ROWS, bom=True)
    assert text.startswith("\ufeffevent_id,")
    pd.testing.assert_frame_equal(read_events_csv(text.encode("utf-8")), TWO_ROWS)


CELLS = [
    # value, as written in the CSV
    ("=1+2", "'=1+2"),
    ("+62 812 555", "'+62 812 555"),
    ("-check", "'-check"),
    ("@user", "'@user"),
    ("\tindented", "'\tindented"),
    ("\rreturn", "'\rreturn"),
    ("'=1+2", "''=1+2"),
    ("''-x", "'''-x"),
    ("'hello", "'hello"),
    ("'", "'"),
    ("''", "''"),
    ("it's = fine", "it's = fine"),
    ("", ""),
    ("2024-12", "2024-12"),
    ("قمة القاهرة", "قمة القاهرة"),
]


@pytest.mark.parametrize("value, written", CELLS)
def test_cells_are_neutralised_and_restored(value, written):
    assert neutralise_cell(value) == written
    assert restore_cell(written) == value


@pytest.mark.parametrize("hand_made, value", [
    ("'=SUM(A1)", "=SUM(A1)"),   # a spreadsheet user's own guard
    ("'hello", "'hello"),
    ("=SUM(A1)", "=SUM(A1)"),   # unguarded: read as is (it is only data to us)
])
def test_hand_made_cells_read(hand_made, value):
    assert restore_cell(hand_made) == value


TRICKY = conform(pd.DataFrame([
    event(title="=HYPERLINK(\"http://evil\",\"click\")", notes="+1", tags="-; @x"),
    event(event_id="ev-2", title="'=not a formula", evidence='quote " and ""double"" and, comma'),
    event(event_id="ev-3", title="'plain apostrophe", evidence="line one\nline two\r\nline three\rfour"),
    event(event_id="ev-4", date="2024-12", precision="month", start="2024-12-01", end="2024-12-31",
          title="Presiden Prabowo bertemu Xi Jinping di Beijing", evidence="Prabowo bertemu Xi pada 9 November.",
          actors="Prabowo Subianto; Xi Jinping", places="Beijing", lang="id", confidence=0.123456789012345678),
    event(event_id="ev-5", date="199", precision="decade", start="1990-01-01", end="1999-12-31",
          title="عقد التسعينيات في القاهرة", actors="مصر", lang="ar", char_start=0, char_end=7, confidence=1.0),
    event(event_id="ev-6", date="2024-WI", precision="season", start="2024-12-01", end="2025-02-28",
          title="\tleading tab", date_text="", notes="'", tags="''", verified=True, origin="imported"),
    event(event_id="ev-7", date="2024", precision="year", start="2024-01-01", end="2024-12-31",
          title=" spaced ", evidence="", confidence=0.0, char_start=0, char_end=0),
]))


def test_csv_round_trip_is_lossless():
    pd.testing.assert_frame_equal(read_events_csv(to_csv(TRICKY)), TRICKY)
    pd.testing.assert_frame_equal(read_events_csv(to_csv(TRICKY).encode("utf-8")), TRICKY)


def test_json_round_trip_is_lossless():
    pd.testing.assert_frame_equal(read_events_json(to_json(TRICKY)), TRICKY)
    pd.testing.assert_frame_equal(read_events_json(to_json(TRICKY).encode("utf-8")), TRICKY)


def test_dates_stay_text():
    frame = read_events_csv("date,title\n2024-12,a\n2024,b\n199,c\n19,d\n2024-12-08,e\n")
    assert frame["date"].tolist() == ["2024-12", "2024", "199", "19", "2024-12-08"]
    assert str(frame["date"].dtype) == "string"


def test_to_json_records():
    records = json.loads(to_json(TWO_ROWS))
    assert records[1] == {
        "event_id": "ev-2", "date": "2024-12", "precision": "month", "start": "2024-12-01", "end": "2024-12-31",
        "date_text": "bulan Desember", "headline": "", "role": "", "title": "=cmd|' /C calc'!A0", "evidence": "line one\nline two",
        "actors": "", "places": "", "event_type": "", "event_type_cue": "", "source": "", "url": "",
        "sources": "", "source_count": None, "merge_note": "", "published": "", "published_from": "", "lang": "",
        "char_start": None, "char_end": None, "confidence": None,
        "origin": "manual", "verified": True, "notes": "-check", "tags": "@later",
    }
    assert "قمة" in to_json(TRICKY.iloc[[4]].assign(title="قمة"))  # not \u-escaped


def test_hand_made_csv_is_completed():
    frame = read_events_csv(
        "Title;DATE;Verified;Extra\n"
        "KTT ASEAN;2024-q4;ya;ignored\n"
        "\n"
        "Musim panas;2024-su;;\n"
    )
    assert frame[["date", "precision", "start", "end", "origin", "verified"]].values.tolist() == [
        ["2024-Q4", "quarter", "2024-10-01", "2024-12-31", "imported", True],
        ["2024-SU", "season", "2024-06-01", "2024-08-31", "imported", False],
    ]
    assert frame.attrs["ignored_columns"] == ["extra"]
    assert frame.attrs["columns"] == ["date", "title", "verified"]
    # an id from the content: the same file gives the same ids
    assert frame["event_id"].str.startswith("ev-").all()
    assert read_events_csv("Title;DATE\nKTT ASEAN;2024-q4\n")["event_id"][0] == frame["event_id"][0]


def test_trailing_empty_cells_are_allowed():
    frame = read_events_csv("date,title\n2024,a,,\n")
    assert frame["title"].tolist() == ["a"]


def csv_rows(*rows):
    return "date,title,precision,start,end,confidence,verified,char_start,origin,event_id\n" + "\n".join(rows) + "\n"


MALFORMED = [
    # file, row, column, words in the message
    (csv_rows("2024-12-08,ok,,,,,,,,", "2024-13,bad,,,,,,,,"), 2, "date", "'2024-13' is not a date in a TIMEX form"),
    (csv_rows("8 Desember 2024,x,,,,,,,,"), 1, "date", "not a date in a TIMEX form"),
    (csv_rows(",x,,,,,,,,"), 1, "date", "the date is empty"),
    (csv_rows("2024,x,hour,,,,,,,"), 1, "precision", "'hour' is not a precision"),
    (csv_rows("2024-12-08,x,month,,,,,,,"), 1, "precision", "does not fit the date '2024-12-08', which is a day"),
    (csv_rows("2024,x,,12/08/2024,,,,,,"), 1, "start", "'12/08/2024' is not a day in ISO form"),
    (csv_rows("2024,x,,,2024-12-32,,,,,"), 1, "end", "'2024-12-32' is not a day in ISO form"),
    (csv_rows("2024,x,,2024-12-08,2024-12-01,,,,,"), 1, "end", "end 2024-12-01 is before start 2024-12-08"),
    (csv_rows("2024,x,,,,abc,,,,"), 1, "confidence", "'abc' is not a confidence"),
    (csv_rows("2024,x,,,,1.5,,,,"), 1, "confidence", "'1.5' is not a confidence"),
    (csv_rows("2024,x,,,,nan,,,,"), 1, "confidence", "is not a confidence"),
    (csv_rows("2024,x,,,,,maybe,,,"), 1, "verified", "'maybe' is not a yes/no value"),
    (csv_rows("2024,x,,,,,,-3,,"), 1, "char_start", "'-3' is not a character offset"),
    (csv_rows("2024,x,,,,,,1.5,,"), 1, "char_start", "not a character offset"),
    (csv_rows("2024,x,,,,,,,robot,"), 1, "origin", "'robot' is not an origin"),
    (csv_rows("2024,,,,,,,,,"), 1, "title", "the title is empty"),
    (csv_rows("2024,a,,,,,,,,ev-1", "2025,b,,,,,,,,ev-1"), 2, "event_id", "already on row 1"),
    (csv_rows("2024,a,,,,,,,,", "2025,b,,,,,,,,,x"), 2, None, "the row has 11 cells but the header names 10"),
    (csv_rows("2024,a,,,,,,,,", "2025,b"), 2, None, "the row has 2 cells"),
    (csv_rows("2024,a,,,,,,,,", '2025,"b,,,,,,,,'), 2, None, "a quoted cell is never closed"),
    (csv_rows("2024,a,,,,,,,,", '2025,"b"c,,,,,,,,'), 2, None, "cannot be read here"),
]


@pytest.mark.parametrize("text, row, column, words", MALFORMED)
def test_malformed_csv_names_row_and_column(text, row, column, words):
    with pytest.raises(EventsImportError) as caught:
        read_events_csv(text.encode("utf-8"))
    error = caught.value
    assert (error.row, error.column) == (row, column)
    assert words in error.message
    assert str(error).startswith(f"row {row}")
    if column:
        assert f"column {column!r}" in str(error)


def test_rows_count_blank_lines_and_name_the_line_after_multiline_cells():
    text = 'date,title,evidence\n2024,a,"one\ntwo"\n\n2024-13,b,\n'
    with pytest.raises(EventsImportError) as caught:
        read_events_csv(text)
    assert (caught.value.row, caught.value.column, caught.value.line) == (3, "date", 5)
    assert str(caught.value).startswith("row 3 (line 5), column 'date': ")


def test_every_problem_is_listed_and_counted():
    with pytest.raises(EventsImportError) as caught:
        read_events_csv(csv_rows("2024-13,a,,,,,,,,", "2024,b,,,,2,,,,", "2024,c,,,,,maybe,,,"))
    assert caught.value.problems == [
        (1, "date", caught.value.message),
        (2, "confidence", "'2' is not a confidence (a number from 0 to 1)"),
        (3, "verified", "'maybe' is not a yes/no value (true, false, yes, no, 1, 0)"),
    ]
    assert str(caught.value).endswith("(and 2 more problems)")


BAD_FILES = [
    # data, row, column, words in the message
    (b"", None, None, "the file is empty"),
    (b"  \r\n\n", None, None, "the file is empty"),
    (b"\xef\xbb\xbf", None, None, "the file is empty"),
    (b"date,title\n", None, None, "holds no events"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, None, "binary"),
    (b"PK\x03\x04\x14\x00\x06\x00", None, None, "ZIP archive"),
    ("date,title\n2024,x\n".encode("utf-16"), None, None, "UTF-16"),
    (b"date,title\n2024,Caf\xe9 Wien\n", 1, "title", "not UTF-8"),
    (b"\xe9date,title\n2024,x\n", None, None, "not UTF-8"),
    (b"title,actors\nx,y\n", None, "date", "no 'date' column"),
    (b"2024-12-08,Prabowo meets Xi\n", None, "date", "the first line must name the columns"),
    (b"date,evidence\n2024,x\n", None, "title", "needs a 'title' or a 'date_text' column"),
    (b"date,title,Date\n2024,x,2025\n", None, "date", "appears twice"),
]


@pytest.mark.parametrize("data, row, column, words", BAD_FILES)
def test_bad_csv_files_are_refused_with_a_message(data, row, column, words):
    with pytest.raises(EventsImportError) as caught:
        read_events_csv(data)
    assert (caught.value.row, caught.value.column) == (row, column)
    assert words in str(caught.value)


def test_huge_files_are_refused_before_reading():
    with pytest.raises(EventsImportError, match="the limit is 0.0 MB"):
        read_events_csv(b"date,title\n" + b"2024,x\n" * 100, max_bytes=50)


def test_huge_cell_is_refused():
    with pytest.raises(EventsImportError, match="a cell is longer than"):
        read_events_csv('date,title\n2024,"' + "x" * 200_000 + '"\n')


def test_import_errors_are_value_errors():
    assert issubclass(EventsImportError, ValueError)
    error = EventsImportError("bad", row=2, column="date")
    assert (error.message, error.row, error.column, str(error)) == ("bad", 2, "date", "row 2, column 'date': bad")


BAD_JSON = [
    (b"", None, None, "the file is empty"),
    (b"[{\"date\": \"2024\", \"title\": \"x\"},]", None, None, "not valid JSON"),
    (b"{\"date\": \"2024\"}", None, None, "expected a JSON list of events, got an object"),
    (b"\"2024\"", None, None, "got a string"),
    (b"[]", None, None, "holds no events"),
    (b"[{\"date\": \"2024\", \"title\": \"x\"}, 3]", 2, None, "expected an object (one event), got a number"),
    (b"[{\"date\": \"2024\", \"title\": {\"a\": 1}}]", 1, "title", "expected text, got an object"),
    (b"[{\"date\": \"2024\", \"title\": \"x\", \"confidence\": true}]", 1, "confidence", "not a confidence"),
    (b"[{\"date\": \"2024\", \"title\": \"x\", \"char_start\": 1.5}]", 1, "char_start", "not a character offset"),
    (b"[{\"date\": \"2024-13\", \"title\": \"x\"}]", 1, "date", "not a date"),
    (b"[{\"title\": \"x\"}]", 1, "date", "the date is empty"),
    (b"[" * 100_000, None, None, "JSON"),
    (json.dumps(to_timelinejs(TWO_ROWS)).encode(), None, None, "TimelineJS file"),
    (b"[{\"date\": \"2024\", \"title\": \"Caf\xe9\"}]", None, None, "not UTF-8"),
]


@pytest.mark.parametrize("data, row, column, words", BAD_JSON)
def test_bad_json_is_refused_with_a_message(data, row, column, words):
    with pytest.raises(EventsImportError) as caught:
        read_events_json(data)
    assert (caught.value.row, caught.value.column) == (row, column)
    assert words in str(caught.value)


def test_json_accepts_lists_of_names_and_an_events_wrapper():
    frame = read_events_json(b'{"events": [{"date": "2024-12", "title": "x", "actors": ["Prabowo", "Xi"],'
                             b' "verified": 1, "char_start": 4, "confidence": 1}]}')
    assert frame.loc[0, "actors"] == "Prabowo; Xi"
    assert frame.loc[0, "verified"] is True or bool(frame.loc[0, "verified"]) is True
    assert (frame.loc[0, "char_start"], frame.loc[0, "confidence"]) == (4, 1.0)


PARSED = [
    ("date", " 2024-w50 ", "2024-W50"),
    ("precision", "Month", "month"),
    ("verified", "Yes", True),
    ("verified", "0", False),
    ("verified", "", False),
    ("verified", None, False),
    ("verified", pd.NA, False),
    ("confidence", "0.25", 0.25),
    ("confidence", float("nan"), None),
    ("confidence", "", None),
    ("char_start", "12", 12),
    ("char_start", 12.0, 12),
    ("char_start", pd.NA, None),
    ("title", None, ""),
    ("title", 2024, "2024"),
    ("tags", ["a", "b"], "a; b"),
    ("published", "2025-02-13T08:00:00+07:00", "2025-02-13T08:00:00+07:00"),
]


@pytest.mark.parametrize("column, value, expected", PARSED)
def test_parse_field(column, value, expected):
    assert parse_field(column, value) == expected


def test_parse_field_rejects_unknown_columns():
    with pytest.raises(FieldError, match="not a column"):
        parse_field("colour", "red")


def test_validate_event_derives_dates_and_origin():
    record = validate_event({"date": "2024-W50", "title": "x"}, origin="manual")
    assert (record["precision"], record["start"], record["end"], record["origin"]) == (
        "week", "2024-12-09", "2024-12-15", "manual")
    with pytest.raises(FieldError) as caught:
        validate_event({"date": "2024", "title": "x", "precision": "day"})
    assert caught.value.column == "precision"


def test_timelinejs_whole_output():
    frame = conform(pd.DataFrame([
        event(title="Prabowo <b>meets</b> Xi", evidence='<img src=x onerror="alert(1)"> & more',
              actors="Prabowo; Xi", places="Beijing", event_type="meeting", source="Kompas & Co",
              url="https://kompas.example/a?x=1&y=2"),
        event(event_id="ev 2", date="2024-12", precision="month", start="2024-12-01", end="2024-12-31",
              title="", date_text="bulan Desember", url="javascript:alert(1)", source="x"),
        event(event_id="ev-3", date="2024-Q1", precision="quarter", start="2024-01-01", end="2024-03-31"),
        event(event_id="ev-4", date="199", precision="decade", start="1990-01-01", end="1999-12-31"),
        event(event_id="ev-5", date="2024-12-26", precision="day", start="2024-12-26", end="2024-12-28"),
        event(event_id="ev-6", date="not a date", precision="", start="", end=""),
    ]))
    assert to_timelinejs(frame, title="Krisis <2024>") == {
        "title": {"text": {"headline": "Krisis &lt;2024&gt;", "text": ""}},
        "scale": "human",
        "events": [
            {"start_date": {"year": 2024, "month": 12, "day": 8},
             "text": {"headline": "Prabowo &lt;b&gt;meets&lt;/b&gt; Xi",
                      "text": "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; more</p>"
                              "<p><b>Actors:</b> Prabowo; Xi</p><p><b>Places:</b> Beijing</p>"
                              '<p>Source: <a href="https://kompas.example/a?x=1&amp;y=2" target="_blank" '
                              'rel="noopener">Kompas &amp; Co</a></p>'},
             "group": "Meeting", "unique_id": "ev-1"},
            {"start_date": {"year": 2024, "month": 12},
             "text": {"headline": "bulan Desember", "text": "<p>Source: x</p>"}, "unique_id": "ev-2"},
            {"start_date": {"year": 2024, "month": 1}, "end_date": {"year": 2024, "month": 3},
             "text": {"headline": "Prabowo meets Xi", "text": ""}, "display_date": "Q1 2024", "unique_id": "ev-3"},
            {"start_date": {"year": 1990}, "end_date": {"year": 1999},
             "text": {"headline": "Prabowo meets Xi", "text": ""}, "display_date": "1990s", "unique_id": "ev-4"},
            {"start_date": {"year": 2024, "month": 12, "day": 26}, "end_date": {"year": 2024, "month": 12, "day": 28},
             "text": {"headline": "Prabowo meets Xi", "text": ""}, "unique_id": "ev-5"},
        ],
    }


def test_timelinejs_is_json_and_keeps_unicode():
    frame = TRICKY.iloc[[4]]
    text = json.dumps(to_timelinejs(frame), ensure_ascii=False)
    assert "عقد التسعينيات" in text
    assert json.loads(text)["events"][0]["display_date"] == "1990s"


def test_html_page_is_standalone_and_escapes_what_it_shows():
    from timeline.export import to_html

    frame = conform(pd.DataFrame([{
        "event_id": "ev-page", "date": "2025-03-04", "precision": "day", "start": "2025-03-04", "end": "2025-03-04",
        "title": "Talks <script>alert(1)</script>", "event_type": "meeting", "source": "notes.txt"}]))
    page = to_html(frame, title="Report <b>one</b>")
    assert page.startswith("<html>") and "<title>Report &lt;b&gt;one&lt;/b&gt;</title>" in page
    assert "<script>alert(1)</script>" not in page          # the title reaches the page escaped
    assert '["ev-page"]' in page                             # the event is in it
    assert '<script src="http' not in page and "plotly.js v" in page   # plotly.js inlined, nothing fetched
