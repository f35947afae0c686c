"""The timeline chart, the map and the events table; a click on any of them opens that event."""
from __future__ import annotations

import hashlib
import re

import pandas as pd
import streamlit as st

from timeline.chart import LANE_LABELS, LANES, selected_bin, selected_event_ids, timeline_figure
from timeline.ui.sidebar import FILTER_KEYS

BULK_IDS_KEY = "bulk_ids"   # the events "Change several events at once" acts on (timeline.ui.bulk)

SELECTED_KEY = "selected_event"
CHART_KEY = "timeline_chart"
MAP_KEY = "events_map"
TABLE_KEY = "events_table"
LANE_KEY = "lane"
VIEW_KEY = "explore_view"
VIEWS = ("Timeline", "Map")
# The map's world outlines, served by Streamlit from static/topojson (server.enableStaticServing)
# rather than fetched by the browser from Plotly's CDN; relative, so a base URL path still works.
TOPOJSON_URL = "app/static/topojson/"
_TABLE_IDS_KEY = "_table_ids"
_TABLE_KEY_KEY = "_table_key"   # the key of this run's table (one per open event)
_KEEP_TABLE_KEY = "_table_keeps"   # the event the table opened itself, so this run keeps the table
_TABLE_SEEN_KEY = "_table_seen"   # the table's selection as last seen: {"cells": rows, "rows": rows}
_TICKS_KEY = "_table_ticks"   # the ticked events last handed to the bulk panel's list
_ROUND_KEY = "_table_round"   # a new round, a new table with no ticks (after a bulk change)
_TABLE_FOR_KEY = "_table_for"   # the event open when the table was last drawn
_REFOCUS_KEY = "_table_refocus"    # the table opened an event by a cell while a row was ticked
# Gives the keyboard back to the table drawn anew after its own cell opened an event (a new
# table, so that its tick follows, starts without the focus): the new table (found by its key's
# CSS class, as Streamlit writes it) takes the focus at its highlighted cell, the open row's, so
# the arrow keys and Enter carry on from there. Tried for five seconds at most.
_REFOCUS_SCRIPT = """<script>(() => { const until = Date.now() + 5000; const step = () => {
  const cell = document.querySelector('.%s [tabindex="0"]');
  if (cell) { cell.focus(); return; }
  if (Date.now() < until) requestAnimationFrame(step);
}; requestAnimationFrame(step); })();</script>"""
MAX_TABLE_ROWS = 10_000  # more rows only slow every rerun; nobody scrolls through them
# Long text cells wrap instead of being cut: the table's cells wrap only when its rows are taller
# than 4rem (64 px, Streamlit's rule), so rows grow by whole lines when a headline or title needs them.
WRAPPED_COLUMNS = {"headline": 320, "title": 320}   # column -> its width in px, as configured below
LINE_PX = 22            # one line of the table's 14 px text
ROW_PADDING_PX = 24     # above and below the lines of a row (two lines: 68 px, over the 64)
GLYPH_PX = 7            # a generous average letter width at 14 px (Latin and Arabic letters are narrower)
MAX_LINES = 4           # beyond this a cell is cut; Enter on it (or the open event) shows all
DEFAULT_ROW_PX = 35
CELL_PADDING_PX = 16    # left and right of a cell's text

TABLE_COLUMNS = ["date", "date_text", "headline", "title", "event_type", "actors", "places", "source", "source_count",
                 "precision", "confidence", "verified", "tags", "origin", "event_id"]

# What an analyst reads first on the left, so type, actors and verified show without scrolling.
# The headline first (the title and evidence are one click away, in the open event); type,
# actors and verified in view without sideways scrolling.
COLUMN_ORDER = ["date", "headline", "event_type", "actors", "places", "verified", "source", "source_count",
                "title", "date_text", "precision", "confidence", "tags", "origin", "event_id"]


def views() -> tuple:
    """The Timeline and Map tabs above the table. Only the open one is drawn (switching reruns),
    so the map costs nothing while the timeline is shown, and the other way round."""
    return st.tabs(list(VIEWS), key=VIEW_KEY, on_change="rerun", bind="query-params")


def keep_view_settings() -> None:
    """Keep the lane choice while its tab is closed (Streamlit forgets the state of widgets that
    were not drawn in a run; assigning the value back keeps it)."""
    if LANE_KEY in st.session_state:
        st.session_state[LANE_KEY] = st.session_state[LANE_KEY]
    else:   # a link's lanes first (bound widgets read the URL only when they are drawn)
        linked = st.query_params.get(LANE_KEY)
        st.session_state[LANE_KEY] = linked if linked in LANES else "event_type"


def chart(frame: pd.DataFrame, labels: dict[str, str]) -> None:
    """The Plotly timeline of the filtered events; clicking an event opens it below."""
    lane = st.segmented_control("Lanes", list(LANES), format_func=LANE_LABELS.get, key=LANE_KEY, bind="query-params",
                                selection_mode="single",
                                help="What each horizontal lane of the timeline stands for. "
                                     "An event with several actors or places appears in each of their lanes.")
    figure = timeline_figure(frame, lane=lane or "event_type", labels=labels)
    st.plotly_chart(figure, key=CHART_KEY, on_select=_on_chart_select, selection_mode=("points",),
                    config={"displaylogo": False,
                            "modeBarButtonsToRemove": ["lasso2d", "select2d"]})
    meta = figure.layout.meta or {}
    notes = ["A dot is an event known to the day; a bar spans a date known only to the week, "
             "month or year. Click one to open it; drag to zoom; use the slider below to move."]
    if meta.get("aggregated"):
        notes = [f"{meta['events']:,} events are counted per lane per {meta['aggregated']} "
                 "(the circle's size is the count). Click a circle to narrow the dates to it, "
                 "or filter to fewer events to see them one by one."]
    if meta.get("outside_view"):
        notes.append(f"{meta['outside_view']:,} event(s) far from the rest lie outside this first view; "
                     "drag the slider's handles below to reach them.")
    if meta.get("undated"):
        notes.append(f"{meta['undated']:,} event(s) without a usable date are in the table but not on the chart.")
    st.caption(" ".join(notes))


def _on_chart_select() -> None:
    """Before the rerun: a clicked event becomes the open one; a clicked count narrows the dates."""
    selection = st.session_state.get(CHART_KEY)
    ids = selected_event_ids(selection)
    if ids:
        st.session_state[SELECTED_KEY] = ids[0]
        return
    span = selected_bin(selection)
    if span:
        st.session_state[FILTER_KEYS["date_from"]], st.session_state[FILTER_KEYS["date_to"]] = (
            span[0].isoformat(), span[1].isoformat())


def events_map(frame: pd.DataFrame, labels: dict[str, str]) -> None:
    """The filtered events on a map, one point per event and place; clicking a point opens it below."""
    from timeline.mapview import map_figure

    figure = map_figure(frame, labels=labels)
    st.plotly_chart(figure, key=MAP_KEY, on_select=_on_map_select, selection_mode=("points",),
                    config={"displaylogo": False, "scrollZoom": False, "topojsonURL": TOPOJSON_URL,
                            "modeBarButtonsToRemove": ["lasso2d", "select2d"]})
    meta = figure.layout.meta or {}
    if meta.get("aggregated"):
        notes = [f"{meta['events']:,} events are counted per place (the circle's size is the count). "
                 "Click a circle to show only the events there, or filter to fewer events to see them one by one."]
    else:
        notes = ["One point per event and place it names; events at the same place are spread around it. "
                 "Click one to open it below."]
    if meta.get("unmapped"):
        notes.append(f"{meta['unmapped']:,} event(s) name no place the gazetteer knows; they are in the table "
                     "but not on the map.")
    st.caption(" ".join(notes))


def _on_map_select() -> None:
    """Before the rerun: a clicked event becomes the open one; a clicked place count narrows the places."""
    from timeline.mapview import selected_on_map

    ids, place = selected_on_map(st.session_state.get(MAP_KEY))
    if ids:
        st.session_state[SELECTED_KEY] = ids[0]
    elif place:
        st.session_state[FILTER_KEYS["places"]] = [place]


def table(frame: pd.DataFrame, labels: dict[str, str]) -> None:
    """The filtered events as a table (the first MAX_TABLE_ROWS); ticking a row or clicking any of
    its cells opens that event, and the open event's row is ticked. The ticked rows are also the
    events "Change several events at once" acts on: each change of the ticks fills its list."""
    shown = frame[[c for c in TABLE_COLUMNS if c in frame.columns]]
    if "event_type" in shown.columns:   # shown by label; the stored key is in the exports
        shown = shown.assign(event_type=[labels.get(value, value) if value else "" for value in shown["event_type"]])
    if "source_count" in shown.columns:   # a row merged from nothing counts its one source
        shown = shown.assign(source_count=shown["source_count"].fillna(1))
    if {"date", "start"} <= set(frame.columns):
        shown = shown.assign(date=[sortable_date(value, first) for value, first in zip(frame["date"], frame["start"])])
    if {"headline", "title"} <= set(shown.columns):   # a row added by hand has a title, no headline
        shown = shown.assign(headline=[h if isinstance(h, str) and h.strip() else t
                                       for h, t in zip(shown["headline"], shown["title"])])
    if len(shown) > MAX_TABLE_ROWS:
        st.caption(f"The first {MAX_TABLE_ROWS:,} of {len(shown):,} events; filter to narrow them down, "
                   "or export them all below.")
        shown = shown.head(MAX_TABLE_ROWS)
    ids = shown["event_id"].tolist() if "event_id" in shown else []
    same_rows = st.session_state.get(_TABLE_IDS_KEY) == ids
    st.session_state[_TABLE_IDS_KEY] = ids
    # A table of its own per open event and per order of rows, its row ticked: the tick box can
    # never show one event while another is open (after a pick on the chart, in the picker, or an
    # Undo), and a tick never stays on a row position that another event took (Streamlit keeps a
    # table's selection by position: an edited date, an Undo or a filter moves the rows under it).
    # Except when the table itself opened the event by a cell with no row ticked (arrow keys,
    # Enter) and its rows are the same: a new table would take the keyboard focus away, and its
    # one highlighted cell already agrees.
    selected = st.session_state.get(SELECTED_KEY)
    kept = st.session_state.get(_TABLE_KEY_KEY)
    key = kept if kept and same_rows and st.session_state.get(_KEEP_TABLE_KEY) == selected else (
        f"{TABLE_KEY}-{st.session_state.get(_ROUND_KEY, 0)}-{selected or ''}-{rows_signature(ids)}")
    st.session_state[_TABLE_KEY_KEY] = key
    row_px = row_height(shown)
    at = [ids.index(selected)] if selected in ids else []
    rows = at
    if key != kept and st.session_state.get(_TABLE_FOR_KEY, selected) == selected:
        # The same open event, its rows moved: the other ticked events stay ticked, at their new rows.
        rows = sorted({*at, *(ids.index(event_id) for event_id in st.session_state.get(_TICKS_KEY) or []
                              if event_id in ids)})
    st.session_state[_TABLE_FOR_KEY] = selected
    default = {"selection": {"rows": rows, "columns": [], "cells": [(row, "date") for row in at]}}
    if key != kept:   # a new table starts from its default selection
        st.session_state[_TABLE_SEEN_KEY] = {"cells": at, "rows": rows}
    picked = st.dataframe(
        shown, key=key, on_select=_on_table_select, selection_mode=["multi-row", "single-cell"],
        selection_default=default, hide_index=True, row_height=row_px,
        height=min(600, 38 + row_px * max(len(shown), 3)),
        column_config={
            "date": st.column_config.TextColumn("Date", width=170,
                                                help="The first day the date covers, then its value at its "
                                                     "precision: 2024-12-01 · 2024-12 is the month"),
            "date_text": st.column_config.TextColumn("As written", width=110),
            "headline": st.column_config.TextColumn("Headline", width=320,
                                                    help="Who did what, where; a row added by hand shows its title"),
            "title": st.column_config.TextColumn("Title", width=320),
            "event_type": st.column_config.TextColumn("Type", width=110),
            "actors": st.column_config.TextColumn("Actors", width=130),
            "places": st.column_config.TextColumn("Places", width=100), "source": "Source",
            "source_count": st.column_config.NumberColumn(
                "Sources", format="%d", width=70, help="How many sources report the event (merged reports count each)"),
            "precision": "Precision",
            "confidence": st.column_config.NumberColumn("Confidence", format="%.2f", width=80),
            "verified": st.column_config.CheckboxColumn("Verified", width=70),
            "tags": "Tags", "origin": "Origin", "event_id": "Id",
        },
        column_order=COLUMN_ORDER)
    ticked = [ids[row] for row in picked["selection"]["rows"] if row < len(ids)]
    if ticked != st.session_state.get(_TICKS_KEY):   # the list follows the ticks; typed-in choices stay till they change
        st.session_state[_TICKS_KEY] = st.session_state[BULK_IDS_KEY] = ticked
    if st.session_state.pop(_REFOCUS_KEY, False):
        st.html(_REFOCUS_SCRIPT % key_class(key), unsafe_allow_javascript=True)


def untick_all() -> None:
    """The next run draws a new table with only the open event's row ticked (after a change made
    to the ticked events, so the next choice starts afresh)."""
    st.session_state[_ROUND_KEY] = st.session_state.get(_ROUND_KEY, 0) + 1
    for name in (_KEEP_TABLE_KEY, _TICKS_KEY):
        st.session_state.pop(name, None)


def rows_signature(ids: list[str]) -> str:
    """A short digest of the table's event ids in their order: another order, another table."""
    return hashlib.blake2b("\n".join(ids).encode("utf-8"), digest_size=6).hexdigest()


def key_class(key: str) -> str:
    """The CSS class Streamlit gives the element of widget `key` (its rule: st-key-, then the key
    trimmed, each character other than a letter, digit, _ or - written as -)."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def row_height(shown: pd.DataFrame) -> int:
    """The table's row height in px: the default when every headline and title fits one line,
    else tall enough for the longest to wrap onto whole lines (at most MAX_LINES)."""
    lines = 1
    for column, width in WRAPPED_COLUMNS.items():
        if column in shown.columns and len(shown):
            longest = int(shown[column].astype("string").fillna("").str.len().max())
            lines = max(lines, -(-longest * GLYPH_PX // (width - CELL_PADDING_PX)))
    if lines <= 1:
        return DEFAULT_ROW_PX
    return ROW_PADDING_PX + LINE_PX * min(lines, MAX_LINES)


def sortable_date(value: str, first_day: str) -> str:
    """The Date cell: an event's first day first, so sorting the column is chronological
    ("2025-06-21 · 2025-W25-WE" sorts between June and July, not after December)."""
    value, first_day = str(value or ""), str(first_day or "")
    if not first_day or first_day == value:
        return value
    return f"{first_day} · {value}" if value else first_day


def _on_table_select() -> None:
    """Before the rerun: what the analyst just did in the table opens its event. A moved cell
    (a click, an arrow key) opens its row; a newly ticked box opens its row and keeps the other
    ticks (they are the choice for "Change several events at once"); an untick opens nothing."""
    state = st.session_state.get(st.session_state.get(_TABLE_KEY_KEY, TABLE_KEY))
    selection = state.get("selection", {}) if state else {}
    cells = [cell[0] for cell in selection.get("cells", []) if cell]
    ticked = list(selection.get("rows", []))
    # The table starts with both the tick and the highlighted cell on the open row, so what
    # changed decides, not which of the two is looked at first.
    before = st.session_state.get(_TABLE_SEEN_KEY, {})
    st.session_state[_TABLE_SEEN_KEY] = {"cells": cells, "rows": ticked}
    moved_cell = bool(cells) and cells != before.get("cells")
    added = [row for row in ticked if row not in before.get("rows", [])]
    ids = st.session_state.get(_TABLE_IDS_KEY, [])
    target = cells[0] if moved_cell else (added[-1] if added else None)
    if target is not None and target < len(ids):
        st.session_state[SELECTED_KEY] = ids[target]
    st.session_state.pop(_KEEP_TABLE_KEY, None)
    if moved_cell and len(ticked) == 1 and ticked != [target]:
        # The one tick is the open event's: a new table so that it follows, the keyboard kept.
        st.session_state[_REFOCUS_KEY] = True
    else:   # no tick to correct (the keyboard's way), or a choice of several rows to keep
        st.session_state[_KEEP_TABLE_KEY] = st.session_state.get(SELECTED_KEY)
