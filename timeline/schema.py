"""The one events table: its columns, their dtypes, and how to make a frame conform.

Extraction, storage, export and the dashboard all build on `EVENT_COLUMNS` and
`conform()`, so a column is added or renamed here and nowhere else.
"""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

# column -> pandas dtype. Order is the order of every table and every CSV we write.
EVENT_COLUMNS: dict[str, str] = {
    "event_id": "string",
    "date": "string",         # value at its precision: 2024-12-08, 2024-12, 2024, 2024-W50
    "precision": "string",    # day, week, month, quarter, season, year, decade, century
    "start": "string",        # first day the date covers (ISO)
    "end": "string",          # last day the date covers (ISO)
    "date_text": "string",    # the expression as written
    "headline": "string",     # "who did what, where" in English (timeline.headline)
    "title": "string",
    "evidence": "string",     # the sentence the event came from
    "role": "string",         # happening, plan, background (timeline.role)
    "actors": "string",       # "; "-joined
    "places": "string",       # "; "-joined
    "event_type": "string",
    "event_type_cue": "string",  # the word in the clause that decided event_type
    "source": "string",
    "url": "string",
    "sources": "string",      # "; "-joined names of every source reporting the event (timeline.merge)
    "source_count": "Int64",  # how many distinct sources that is
    "merge_note": "string",   # why rows were merged into this one, one note per merged row
    "published": "string",    # reference date used (ISO), empty when unknown
    "published_from": "string",  # where `published` came from: timeline.ingest.PUBLISHED_FROM
    "lang": "string",
    "char_start": "Int64",    # offsets of date_text in the source text
    "char_end": "Int64",
    "confidence": "float64",  # 0..1
    "origin": "string",       # extracted, manual, imported
    "verified": "boolean",
    "notes": "string",
    "tags": "string",         # "; "-joined
}

# The dtypes as objects, made once: naming a dtype by string costs a registry search per array.
_DTYPES = {column: pd.api.types.pandas_dtype(dtype) for column, dtype in EVENT_COLUMNS.items()}

PRECISIONS = ("day", "week", "month", "quarter", "season", "year", "decade", "century")
ORIGINS = ("extracted", "manual", "imported")


def empty_events() -> pd.DataFrame:
    """An events table with every column and no rows."""
    return events_frame([])   # what conform(pd.DataFrame()) gives, at a tenth of its cost


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with exactly the schema's columns, in order, with the schema's dtypes.

    Missing columns are added empty; unknown columns are dropped. Text columns hold "" rather
    than missing values so that filters and exports never meet NaN.
    """
    rows = len(frame)
    columns = {}
    for column, dtype in EVENT_COLUMNS.items():
        if column not in frame.columns:
            columns[column] = _empty_column(dtype, rows)
            continue
        values = frame[column]
        if values.dtype == dtype and not (dtype in ("string", "boolean") and values.hasnans):
            columns[column] = values.array   # already conforming: no conversion
        elif dtype == "string":
            columns[column] = values.astype("string").fillna("").array
        elif dtype == "boolean":
            columns[column] = values.astype("boolean").fillna(False).array
        elif dtype == "float64":
            columns[column] = pd.to_numeric(values, errors="coerce").astype("float64").array
        else:
            columns[column] = pd.to_numeric(values, errors="coerce").astype(dtype).array
    # One construction from whole columns: inserting them one by one costs ~50 ms a frame.
    return pd.DataFrame(columns, index=pd.RangeIndex(rows))


def events_frame(records: list[dict]) -> pd.DataFrame:
    """The events table of plain records (dicts keyed by column): the frame conform() would give
    for pd.DataFrame(records), built straight from one list per column.

    A key the schema does not know is dropped; a missing key or a None is an empty cell ("" for
    text, False for a flag, missing for a number).
    """
    rows = len(records)
    # Every text cell of every column in one object array, checked once as one StringArray; each
    # column is a slice of it. Checking 24 small arrays one by one cost more than the rows.
    cells = np.array(["" if (value := record.get(column)) is None else str(value)
                      for column in _STRING_COLUMNS for record in records], dtype=object)
    strings = _strings_of(cells)
    arrays = []
    # The other arrays are made from numpy directly: pd.array's dtype inference costs more than the rows.
    for column, dtype in EVENT_COLUMNS.items():
        if dtype == "string":
            offset = _STRING_OFFSET[column] * rows
            arrays.append(_string_slice(strings, cells, offset, offset + rows))
            continue
        values = [record.get(column) for record in records]
        if dtype == "boolean":
            arrays.append(pd.arrays.BooleanArray(
                np.array([bool(value) if value is not None else False for value in values], dtype=bool),
                np.zeros(rows, dtype=bool)))
        elif dtype == "float64":
            arrays.append(np.array([np.nan if value is None else float(value) for value in values], dtype="float64"))
        else:
            missing = np.array([value is None for value in values], dtype=bool)
            arrays.append(pd.arrays.IntegerArray(
                np.array([0 if value is None else int(value) for value in values], dtype="int64"), missing))
    return _frame_of_arrays(arrays, pd.RangeIndex(rows))


_STRING_COLUMNS = [column for column, dtype in EVENT_COLUMNS.items() if dtype == "string"]
_STRING_OFFSET = {column: number for number, column in enumerate(_STRING_COLUMNS)}
_COLUMN_INDEX = pd.Index(list(EVENT_COLUMNS))


def _strings_of(cells: np.ndarray):
    """`cells` (an object array of str, every one made by str()) as one StringArray, without the
    check that each is a str or missing: they all are, and the check cost more than the rows."""
    try:
        return _NO_STRINGS._from_backing_data(cells)
    except AttributeError:           # a pandas without the private constructor: the public, checked one
        return pd.arrays.StringArray(cells)


_NO_STRINGS = pd.arrays.StringArray(np.array([], dtype=object))


def _string_slice(strings, cells: np.ndarray, start: int, end: int):
    """cells[start:end] as a StringArray, without checking again what `strings` checked."""
    try:
        return strings._from_backing_data(cells[start:end])
    except AttributeError:           # a pandas without the private constructor: the public slice
        return strings[start:end]


def _frame_of_arrays(arrays: list, index: pd.RangeIndex) -> pd.DataFrame:
    """The frame whose columns (the schema's, in order) are `arrays`, each kept as it is.

    One block per column, made without pandas's checks of inputs that are already arrays of the
    column's type: the public constructor's checks and consolidation cost three times the rest
    of a small frame. Any pandas lacking those internals gets the public constructor.
    """
    if _BLOCK_KINDS is not None:
        try:
            # The block of each column made straight from its class (known from the schema): what
            # pandas's unconsolidated construction makes, without looking up each array's type.
            blocks = [block(array.reshape(1, -1) if as_2d else array, ndim=2, placement=placement)
                      for array, (block, as_2d, placement) in zip(arrays, _BLOCK_KINDS)]
            manager = _BlockManager(blocks, [_COLUMN_INDEX, index], verify_integrity=False)
            return pd.DataFrame._from_mgr(manager, axes=manager.axes)
        except (AttributeError, TypeError):
            pass
    return pd.DataFrame(dict(zip(_COLUMN_INDEX, arrays)), index=index, copy=False)   # the arrays are its own


try:   # pandas internals (2.x); _frame_of_arrays falls back to the public constructor without them
    from pandas._libs.internals import BlockPlacement as _BlockPlacement
    from pandas.core.internals.blocks import get_block_type as _get_block_type
    from pandas.core.internals.managers import BlockManager as _BlockManager

    # Per column: its block class, whether its array is a numpy one (a 2-D block of one row), its place.
    _BLOCK_KINDS = [(_get_block_type(dtype), isinstance(dtype, np.dtype), _BlockPlacement(number))
                    for number, dtype in enumerate(_DTYPES.values())]
except ImportError:  # pragma: no cover
    _BLOCK_KINDS = None


def _empty_column(dtype: str, rows: int):
    if dtype == "string":
        return pd.array([""] * rows, dtype=_DTYPES["event_id"])
    if dtype == "boolean":
        return pd.array([False] * rows, dtype=_DTYPES["verified"])
    return pd.array([None] * rows, dtype=pd.api.types.pandas_dtype(dtype))


def stable_event_id(*parts: object) -> str:
    """A short id that is the same whenever the same parts are given (source, offsets, text)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return "ev-" + digest[:12]
