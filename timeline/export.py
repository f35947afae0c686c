"""Events table <-> CSV, JSON and TimelineJS: the one export and import path.

The CLI, the dashboard's download buttons and the tests all call these functions:

    to_csv(frame) -> str                    read_events_csv(data) -> DataFrame
    to_json(frame) -> str                   read_events_json(data) -> DataFrame
    to_timelinejs(frame, title) -> dict

Reading validates every cell with one policy (`parse_field`, `validate_event`) that the store uses
for edits as well, and refuses a bad file as a whole with an `EventsImportError` naming the first
bad row and column: an import never half-happens.

CSV cells are guarded against spreadsheet formulas. A text cell that starts with = + - @ tab or CR,
possibly after apostrophes, gets one more leading apostrophe; reading removes one apostrophe from a
cell that is apostrophes followed by one of those characters. So "=1+2" is written "'=1+2",
"'=1+2" is written "''=1+2", and "'hello" (no trigger after the apostrophes) is left alone both
ways: every value comes back exactly, and a hand-made "'=SUM(A1)" reads as "=SUM(A1)".
"""
from __future__ import annotations

import codecs
import csv
import html
import io
import json
import math
import numbers
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime

import numpy as np
import pandas as pd

from timeline import limits
from timeline.periods import TIMEX_FORMS, date_span
from timeline.schema import EVENT_COLUMNS, ORIGINS, PRECISIONS, conform, stable_event_id

MAX_IMPORT_BYTES = limits.MAX_DOCUMENT_BYTES
MAX_REPORTED_PROBLEMS = 20

LIST_COLUMNS = ("actors", "places", "tags")  # "; "-joined names
LIST_SEPARATOR = "; "

_TRIGGERED = re.compile(r"'*[=+\-@\t\r]")    # a cell a spreadsheet could run, once guarded
_GUARDED = re.compile(r"'+[=+\-@\t\r]")      # a guarded cell: drop one apostrophe when reading
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TRUE_WORDS = frozenset({"true", "yes", "y", "t", "1", "ya"})
_FALSE_WORDS = frozenset({"false", "no", "n", "f", "0", "tidak", ""})


class FieldError(ValueError):
    """One bad value: `column` names the field, the message says what is wrong with it."""

    def __init__(self, message: str, column: str | None = None):
        super().__init__(message)
        self.message = message
        self.column = column


class EventsImportError(ValueError):
    """A file that cannot be imported; `row` (1-based data row) and `column` say where.

    `problems` lists every problem found, as (row, column, message), up to MAX_REPORTED_PROBLEMS;
    the exception's text describes the first and counts the others.
    """

    def __init__(self, message: str, row: int | None = None, column: str | None = None, *,
                 line: int | None = None, problems: list[tuple[int | None, str | None, str]] | None = None):
        self.message = message
        self.row = row
        self.column = column
        self.line = line
        self.problems = problems if problems is not None else [(row, column, message)]
        super().__init__(self._describe())

    def _describe(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}" + (f" (line {self.line})" if self.line and self.line != self.row + 1 else ""))
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        text = (", ".join(where) + ": " if where else "") + self.message
        others = len(self.problems) - 1
        if others > 0:
            text += f" (and {others}{'+' if len(self.problems) >= MAX_REPORTED_PROBLEMS else ''} more problem{'s' if others > 1 else ''})"
        return text


# --- cells -------------------------------------------------------------------------------------

def neutralise_cell(text: str) -> str:
    """`text` as a CSV cell no spreadsheet will run as a formula (see the module docstring)."""
    return "'" + text if _TRIGGERED.match(text) else text


def restore_cell(text: str) -> str:
    """The value a CSV cell written by `neutralise_cell` stands for."""
    return text[1:] if _GUARDED.match(text) else text


def parse_field(column: str, value: object) -> object:
    """`value` checked and converted for `column`: str for text, int or None, float or None, bool.

    Accepts what a CSV cell, a JSON value or a pandas cell may hold; a missing value (None, NaN,
    pd.NA, "") gives the column's empty value. Raises FieldError naming the column.
    """
    if column not in EVENT_COLUMNS:
        raise FieldError(f"{column!r} is not a column of the events table", column)
    if _is_missing(value):
        value = ""
    parser = _PARSERS.get(column) or _DTYPE_PARSERS[EVENT_COLUMNS[column]]
    return parser(column, value)


def date_fields(value: str, precision: str = "", start: str = "", end: str = "") -> tuple[str, str, str]:
    """(precision, start, end) for a date value: empty ones derived from it, given ones checked against it."""
    try:
        own, first_day, last_day = date_span(value)
    except ValueError as error:
        raise FieldError(str(error), "date") from None
    if precision and precision != own:
        raise FieldError(f"precision {precision!r} does not fit the date {value!r}, which is a {own}", "precision")
    start = start or first_day.isoformat()
    end = end or last_day.isoformat()
    if start > end:
        raise FieldError(f"end {end} is before start {start}", "end")
    return own, start, end


def validate_event(fields: dict, origin: str = "imported") -> dict:
    """A complete, checked event record (every schema column, typed) from `fields`; raises FieldError.

    Unknown keys are ignored. Empty precision/start/end are derived from the date, an empty origin
    becomes `origin`, and an empty event_id is made from the row's content.
    """
    record, problems = _check_event(fields, origin)
    if problems:
        raise problems[0]
    return record


def content_event_id(record: dict) -> str:
    """The stable id of an event that came without one: the same content gives the same id."""
    return stable_event_id(record.get("source", ""), record.get("url", ""), record.get("date", ""),
                           record.get("date_text", ""), record.get("title", ""), record.get("evidence", ""),
                           record.get("char_start", ""))


def event_records(frame: pd.DataFrame) -> list[dict]:
    """The rows of `frame`, conformed to the schema, as dicts of plain Python values (None for missing)."""
    table = conform(frame)
    columns: dict[str, list] = {}
    for column, dtype in EVENT_COLUMNS.items():
        values = table[column].tolist()
        if dtype == "string":
            columns[column] = [str(v) for v in values]
        elif dtype == "boolean":
            columns[column] = [bool(v) for v in values]
        elif dtype == "float64":
            columns[column] = [None if _is_missing(v) else float(v) for v in values]
        else:
            columns[column] = [None if _is_missing(v) else int(v) for v in values]
    return [dict(zip(columns, row)) for row in zip(*columns.values())]


# --- CSV ---------------------------------------------------------------------------------------

def to_csv(frame: pd.DataFrame, *, bom: bool = False) -> str:
    """The events as CSV text: schema columns in order, formula-guarded text cells, CRLF line ends.

    `bom=True` starts the text with a byte-order mark, which Excel needs to read it as UTF-8.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EVENT_COLUMNS)
    for record in event_records(frame):
        writer.writerow(_csv_cell(record[column]) for column in EVENT_COLUMNS)
    return ("\ufeff" if bom else "") + buffer.getvalue()


def read_events_csv(data: bytes | str, *, max_bytes: int = MAX_IMPORT_BYTES) -> pd.DataFrame:
    """A conformed events table from CSV bytes or text; EventsImportError names the row and column.

    Columns are matched by name (any order, any case; unknown ones are ignored and listed in
    `frame.attrs["ignored_columns"]`, the schema columns found in `frame.attrs["columns"]`).
    Commas, semicolons or tabs separate cells. Blank lines are skipped but still counted as rows.
    """
    raw = _as_bytes(data, max_bytes)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _not_utf8(raw, error) from None
    if "\x00" in text:
        raise EventsImportError("the file is binary, not text (it contains NUL characters)")
    names, rows = _csv_rows(text)
    return _events_frame(rows, names, kind="CSV")


def _csv_rows(text: str) -> tuple[list[str], Iterator[tuple[int, int, dict]]]:
    """The header's column names and an iterator of (row, line, {column: cell}) for the data rows."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader)
    except csv.Error as error:
        raise EventsImportError(f"the header cannot be read: {error}", line=1) from None
    except StopIteration:
        raise EventsImportError("the file is empty") from None
    names = [name.strip().lower() for name in header]
    header_lines = reader.line_num
    _check_header(names)

    def rows() -> Iterator[tuple[int, int, dict]]:
        row, last_line = 0, header_lines
        while True:
            row += 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise EventsImportError(f"the CSV cannot be read here: {_csv_error(error)}", row=row,
                                        line=last_line + 1) from None
            line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(names) and not any(cell.strip() for cell in cells[len(names):]):
                cells = cells[:len(names)]  # trailing empty cells, as spreadsheets write them
            if len(cells) != len(names):
                raise EventsImportError(f"the row has {len(cells)} cells but the header names {len(names)} columns",
                                        row=row, line=line)
            yield row, line, {name: restore_cell(cell) for name, cell in zip(names, cells) if name in EVENT_COLUMNS}

    return names, rows()


def _delimiter(text: str) -> str:
    # Spreadsheets in locales with a decimal comma (Indonesia, much of Europe) write ";".
    first_line = text.split("\n", 1)[0]
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    return "," if counts[","] else max(counts, key=counts.get) if any(counts.values()) else ","


def _csv_error(error: csv.Error) -> str:
    message = str(error)
    if "field larger than field limit" in message:
        return f"a cell is longer than {csv.field_size_limit()} characters (is a quote left open?)"
    if "unexpected end of data" in message:
        return "a quoted cell is never closed"
    return message


def _check_header(names: list[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise EventsImportError("this column appears twice in the header", column=name, line=1)
        seen.add(name)
    shown = ", ".join(repr(name) for name in names[:8]) + (", ..." if len(names) > 8 else "")
    if "date" not in seen:
        raise EventsImportError(f"the header has no 'date' column (found {shown}); the first line must name "
                                "the columns, e.g. date,title", column="date", line=1)
    if "title" not in seen and "date_text" not in seen:
        raise EventsImportError(f"the header needs a 'title' or a 'date_text' column (found {shown})",
                                column="title", line=1)


def _not_utf8(raw: bytes, error: UnicodeDecodeError) -> EventsImportError:
    """Where the first byte that is not UTF-8 sits, by row and column when the CSV can be read."""
    message = (f"the file is not UTF-8 text: byte 0x{raw[error.start]:02X} cannot be read; "
               "save it as UTF-8 (in Excel: 'CSV UTF-8')")
    line = raw.count(b"\n", 0, error.start) + 1
    try:
        names, rows = _csv_rows(raw.decode("utf-8-sig", errors="surrogateescape"))
        for row, row_line, cells in rows:
            for column, cell in cells.items():
                if any("\udc80" <= char <= "\udcff" for char in cell):
                    return EventsImportError(message, row=row, column=column, line=row_line)
    except EventsImportError:
        pass
    return EventsImportError(message, line=line)


# --- JSON --------------------------------------------------------------------------------------

def to_json(frame: pd.DataFrame) -> str:
    """The events as a JSON list of records (schema columns, ISO date strings, null for missing)."""
    return json.dumps(event_records(frame), ensure_ascii=False, indent=1)


def read_events_json(data: bytes | str, *, max_bytes: int = MAX_IMPORT_BYTES) -> pd.DataFrame:
    """A conformed events table from a JSON list of records (or {"events": [...]}), checked like a CSV."""
    raw = _as_bytes(data, max_bytes)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise EventsImportError(f"the file is not UTF-8 text: byte 0x{raw[error.start]:02X} cannot be read; "
                                "save it as UTF-8", line=line) from None
    if limits.nesting_problem(text, limits.MAX_NESTING + 2):  # a list of events of flat records
        raise EventsImportError("the file is not usable JSON: it is nested too deeply")
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as error:
        raise EventsImportError(f"the file is not valid JSON: {error.msg} (column {error.colno})",
                                line=error.lineno) from None
    except RecursionError:
        raise EventsImportError("the file is not usable JSON: it is nested too deeply") from None
    if isinstance(payload, dict) and isinstance(payload.get("events"), list):
        payload = payload["events"]
    if not isinstance(payload, list):
        raise EventsImportError(f"expected a JSON list of events, got {_json_kind(payload)}")
    if payload and all(isinstance(item, dict) and "start_date" in item for item in payload):
        raise EventsImportError("this is a TimelineJS file; import an events CSV or JSON export instead")
    names: list[str] = []
    for row, item in enumerate(payload, start=1):
        if not isinstance(item, dict):
            raise EventsImportError(f"expected an object (one event), got {_json_kind(item)}", row=row)
        for key in item:
            name = str(key).strip().lower()
            if name not in names:
                names.append(name)
    rows = ((row, None, {str(k).strip().lower(): v for k, v in item.items() if str(k).strip().lower() in EVENT_COLUMNS})
            for row, item in enumerate(payload, start=1))
    return _events_frame(rows, names, kind="JSON")


def _json_kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number")


# --- TimelineJS --------------------------------------------------------------------------------

# Which date parts TimelineJS gets at each precision: no day is invented for a month or a year.
_TIMELINEJS_PARTS = {
    "day": ("year", "month", "day"), "week": ("year", "month", "day"),
    "month": ("year", "month"), "quarter": ("year", "month"), "season": ("year", "month"),
    "year": ("year",), "decade": ("year",), "century": ("year",),
}
_SEASON_NAMES = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}


def to_timelinejs(frame: pd.DataFrame, title: str = "Timeline") -> dict:
    """TimelineJS3 JSON (a dict for json.dumps) for the events: one slide per event with a usable date.

    Every text is HTML-escaped (TimelineJS renders text as HTML); links are made only from http(s)
    URLs. Events whose date is not a TIMEX value are left out. A slide's `group` is its event
    type's label ("Regime change"), not the stored key.
    """
    from timeline.chart import event_type_labels

    labels = event_type_labels()
    slides, used_ids = [], set()
    for index, record in enumerate(event_records(frame)):
        slide = _slide(record, labels)
        if slide is None:
            continue
        unique_id = re.sub(r"[^A-Za-z0-9_-]", "-", record["event_id"]) or f"event-{index + 1}"
        while unique_id in used_ids:
            unique_id += "-x"
        used_ids.add(unique_id)
        slide["unique_id"] = unique_id
        slides.append(slide)
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": slides, "scale": "human"}


def to_html(frame: pd.DataFrame, title: str = "Timeline", lane: str = "event_type") -> str:
    """A standalone interactive HTML page of the events' timeline (the dashboard's Plotly chart,
    plotly.js inlined): opens in any browser with no server and no network, for reports.

    Hover, zoom and the range slider work as in the dashboard; every text from an article is
    escaped by the figure, and the page's title is HTML-escaped.
    """
    from timeline.chart import event_type_labels, timeline_figure

    figure = timeline_figure(frame, lane=lane, title=title, labels=event_type_labels())
    return figure.to_html(full_html=True, include_plotlyjs=True, div_id="timeline",
                          config={"displaylogo": False, "responsive": True}).replace(
        "<head>", f"<head><title>{html.escape(title)}</title>", 1)


def _slide(record: dict, labels: dict[str, str]) -> dict | None:
    try:
        precision, first_day, last_day = date_span(record["date"])
    except ValueError:
        return None
    parts = _TIMELINEJS_PARTS[precision]
    start = _timelinejs_date(_iso_or(record["start"], first_day), parts)
    end = _timelinejs_date(_iso_or(record["end"], last_day), parts)
    headline = record.get("headline") or record["title"] or record["date_text"] or record["date"]
    slide: dict = {"start_date": start}
    if end != start:
        slide["end_date"] = end
    slide["text"] = {"headline": html.escape(headline), "text": _slide_text(record)}
    if record["event_type"]:   # the lane TimelineJS shows: the type's label, as the dashboard shows it
        slide["group"] = html.escape(labels.get(record["event_type"], record["event_type"]))
    label = _display_date(record["date"], precision)
    if label:
        slide["display_date"] = label
    return slide


def _slide_text(record: dict) -> str:
    paragraphs = []
    if record.get("headline") and record["title"]:
        paragraphs.append(f"<b>{html.escape(record['title'])}</b>")
    if record["evidence"]:
        paragraphs.append(html.escape(record["evidence"]))
    for label, column in (("Actors", "actors"), ("Places", "places")):
        if record[column]:
            paragraphs.append(f"<b>{label}:</b> {html.escape(record[column])}")
    url, source = record["url"], record["source"]
    if re.match(r"https?://", url, re.IGNORECASE):
        paragraphs.append(f'Source: <a href="{html.escape(url)}" target="_blank" rel="noopener">'
                          f"{html.escape(source or url)}</a>")
    elif source:
        paragraphs.append(f"Source: {html.escape(source)}")
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def _display_date(value: str, precision: str) -> str:
    value = value.strip()
    if precision == "week":
        return f"Week {int(value[6:8])}, {value[:4]}"
    if precision == "quarter":
        return f"{value[5:7]} {value[:4]}"
    if precision == "season":
        return f"{_SEASON_NAMES[value[5:7]]} {value[:4]}"
    if precision == "decade":
        return f"{value}0s"
    if precision == "century":
        return f"{value}00s"
    return ""


def _iso_or(value: str, fallback: date) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return fallback


def _timelinejs_date(day: date, parts: tuple[str, ...]) -> dict:
    return {part: getattr(day, part) for part in parts}


# --- checking records --------------------------------------------------------------------------

def _events_frame(rows: Iterable[tuple[int, int | None, dict]], names: list[str], kind: str) -> pd.DataFrame:
    """The conformed frame for checked rows, or EventsImportError for the first problem (all listed)."""
    records: list[dict] = []
    problems: list[tuple[int | None, str | None, str]] = []
    first_problem: EventsImportError | None = None
    first_row_of: dict[str, int] = {}
    for row, line, fields in rows:
        record, errors = _check_event(fields, "imported")
        if not errors:
            event_id = record["event_id"]
            if event_id in first_row_of:
                errors = [FieldError(f"event {event_id!r} is already on row {first_row_of[event_id]}", "event_id")]
            else:
                first_row_of[event_id] = row
        for error in errors:
            if first_problem is None:
                first_problem = EventsImportError(error.message, row=row, column=error.column, line=line)
            problems.append((row, error.column, error.message))
        if len(problems) >= MAX_REPORTED_PROBLEMS:
            break
        if not errors:
            records.append(record)
    if first_problem is not None:
        raise EventsImportError(first_problem.message, row=first_problem.row, column=first_problem.column,
                                line=first_problem.line, problems=problems)
    if not records:
        raise EventsImportError(f"the {kind} holds no events (only a header, or an empty list)")
    frame = conform(pd.DataFrame.from_records(records, columns=list(EVENT_COLUMNS)))
    frame.attrs["columns"] = [name for name in EVENT_COLUMNS if name in names]
    frame.attrs["ignored_columns"] = [name for name in names if name and name not in EVENT_COLUMNS]
    return frame


def _check_event(fields: dict, origin: str) -> tuple[dict, list[FieldError]]:
    record: dict = {}
    problems: list[FieldError] = []
    for column in EVENT_COLUMNS:
        try:
            record[column] = parse_field(column, fields.get(column))
        except FieldError as error:
            problems.append(error)
            record[column] = parse_field(column, None)
    bad = {error.column for error in problems}
    if not record["date"] and "date" not in bad:
        problems.append(FieldError("the date is empty", "date"))
    elif record["date"] and not bad & {"date", "precision", "start", "end"}:
        try:
            record["precision"], record["start"], record["end"] = date_fields(
                record["date"], record["precision"], record["start"], record["end"])
        except FieldError as error:
            problems.append(error)
    if not record["title"] and not record["date_text"] and not bad & {"title", "date_text"}:
        problems.append(FieldError("the title is empty (and so is date_text)", "title"))
    record["origin"] = record["origin"] or origin
    if not record["event_id"]:
        record["event_id"] = content_event_id(record)
    problems.sort(key=lambda error: list(EVENT_COLUMNS).index(error.column) if error.column in EVENT_COLUMNS else 0)
    return record, problems


def _as_bytes(data: bytes | str, max_bytes: int) -> bytes:
    """The file's bytes after the checks that need no decoding: type, size, emptiness, binary."""
    if isinstance(data, str):
        raw = data.encode("utf-8", errors="surrogatepass")
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
    else:
        raise EventsImportError(f"expected the file's bytes or text, got {type(data).__name__}")
    if len(raw) > max_bytes:
        raise EventsImportError(f"the file is {len(raw) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB")
    if not raw.strip() or raw in (codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n"):
        raise EventsImportError("the file is empty")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise EventsImportError("the file is UTF-16 text; save it as UTF-8 (in Excel: 'CSV UTF-8')")
    if raw.startswith(b"PK\x03\x04"):
        raise EventsImportError("the file is a ZIP archive (an Excel workbook?); save it as CSV UTF-8")
    if b"\x00" in raw:
        raise EventsImportError("the file is binary, not text (it contains NUL bytes)")
    return raw


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    return neutralise_cell(str(value))


def _is_missing(value: object) -> bool:
    if isinstance(value, (str, list, tuple, dict, bool)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _is_bool(value: object) -> bool:
    return isinstance(value, (bool, np.bool_))


def _text(column: str, value: object) -> str:
    if isinstance(value, str):
        return limits.clean_text(value)[0]  # a NUL or lone surrogate would make the next export unreadable
    if isinstance(value, (list, tuple)) and column in LIST_COLUMNS:
        if all(isinstance(part, str) for part in value):
            return LIST_SEPARATOR.join(part for part in value if part)
        raise FieldError("expected a list of names (text)", column)
    if isinstance(value, numbers.Number) and not _is_bool(value):
        return str(value)
    raise FieldError(f"expected text, got {_json_kind(value) if not _is_bool(value) else 'a boolean'}", column)


def _checked_text(column: str, value: object, check, problem: str, normalise=str.strip) -> str:
    """The cell as normalised text, or FieldError(`problem` about it) when `check` raises
    ValueError; an empty cell is always fine. One shape for every text field's rule."""
    text = normalise(_text(column, value))
    if text:
        try:
            check(text)
        except ValueError:
            raise FieldError(problem.format(text=text, raw=_text(column, value)), column) from None
    return text


def _one_of(choices: tuple[str, ...]):
    def check(text: str) -> None:
        if text not in choices:
            raise ValueError(text)
    return check


def _strict_iso_day(text: str) -> None:
    if not _ISO_DAY.fullmatch(text):
        raise ValueError(text)
    date.fromisoformat(text)


def _date(column: str, value: object) -> str:
    return _checked_text(column, value, date_span, f"{{raw!r}} is not a date in a TIMEX form ({TIMEX_FORMS})",
                         lambda text: text.strip().upper())


def _precision(column: str, value: object) -> str:
    return _checked_text(column, value, _one_of(PRECISIONS), f"{{text!r}} is not a precision ({', '.join(PRECISIONS)})",
                         lambda text: text.strip().lower())


def _iso_day(column: str, value: object) -> str:
    return _checked_text(column, value, _strict_iso_day, "{text!r} is not a day in ISO form (YYYY-MM-DD)")


def _published(column: str, value: object) -> str:
    return _checked_text(column, value, datetime.fromisoformat, "{text!r} is not an ISO date (YYYY-MM-DD)")


def _origin(column: str, value: object) -> str:
    return _checked_text(column, value, _one_of(ORIGINS), f"{{text!r}} is not an origin ({', '.join(ORIGINS)})",
                         lambda text: text.strip().lower())


def _offset(column: str, value: object) -> int | None:
    if value == "":
        return None
    number: object = value
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            number = None
    if _is_bool(number) or not isinstance(number, numbers.Real) or not math.isfinite(number) \
            or number != int(number) or number < 0:
        raise FieldError(f"{value!r} is not a character offset (a whole number, 0 or more)", column)
    return int(number)


def _confidence(column: str, value: object) -> float | None:
    if value == "":
        return None
    number: object = value
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            number = None
    if _is_bool(number) or not isinstance(number, numbers.Real) or not 0 <= number <= 1:
        raise FieldError(f"{value!r} is not a confidence (a number from 0 to 1)", column)
    return float(number)


def _verified(column: str, value: object) -> bool:
    if _is_bool(value):
        return bool(value)
    if isinstance(value, numbers.Integral) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE_WORDS | _FALSE_WORDS:
        return value.strip().lower() in _TRUE_WORDS
    raise FieldError(f"{value!r} is not a yes/no value (true, false, yes, no, 1, 0)", column)


def _event_id(column: str, value: object) -> str:
    return _text(column, value).strip()


_PARSERS = {
    "event_id": _event_id, "date": _date, "precision": _precision, "start": _iso_day, "end": _iso_day,
    "published": _published, "origin": _origin, "char_start": _offset, "char_end": _offset,
    "confidence": _confidence, "verified": _verified,
}
_DTYPE_PARSERS = {"string": _text, "Int64": _offset, "float64": _confidence, "boolean": _verified}
