"""Events table -> Plotly timeline figure, and the one filter the table, chart and exports share.

No streamlit here: the dashboard (timeline/ui) calls `filter_events` once and hands the same
filtered frame to the table, to `timeline_figure`, to the map and to the export buttons.
Event types are stored as keys (`regime_change`) and shown by their labels from
data/event_types.json (`event_type_labels`).

How the figure reads:
- one horizontal lane per value of a chosen field (event type, source, actor, place, precision);
- an event whose date covers one day is a point; a date that covers more (a week, a month,
  a year) is a bar from its first to its last day, so the uncertainty is visible;
- every marker's `customdata` is its event_id, so a click can open that event;
- above `max_points` rows the events are counted per lane per day/week/month/... instead,
  which keeps the page light (see bench/chart_scale.py); a bin's customdata is
  "bin:<first day>:<last day>" so a click on it can narrow the date filter.
"""
from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import pyarrow.compute as pc

from timeline.schema import PRECISIONS

# lane name -> (column, whether the column holds "; "-joined names)
LANES: dict[str, tuple[str, bool]] = {
    "event_type": ("event_type", False),
    "source": ("source", False),
    "actor": ("actors", True),
    "place": ("places", True),
    "precision": ("precision", False),
}
LANE_LABELS = {"event_type": "Event type", "source": "Source", "actor": "Actor",
               "place": "Place", "precision": "Precision"}
MAX_POINTS = 5000
MAX_LANES = 40
MAX_COLOURS = 10
NONE_LABEL = "(none)"
OTHER_LABEL = "(other)"
BIN_PREFIX = "bin:"

# Columns the free-text filter looks in.
SEARCH_COLUMNS = ("title", "evidence", "date_text", "date", "actors", "places", "event_type",
                  "source", "notes", "tags")

_DAY_MS = 86_400_000
_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#17becf", "#bcbd22", "#393b79", "#7f7f7f")
# Bins tried, finest first, when rows must be counted rather than drawn.
_BIN_UNITS = ("day", "week", "month", "quarter", "year", "decade")
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.3, "year": 365.25, "decade": 3652.5}


# --------------------------------------------------------------------------- labels

def event_type_labels() -> dict[str, str]:
    """Event type key -> its label in data/event_types.json ("regime_change" -> "Regime change")."""
    from timeline.enrich import event_taxonomy

    return {key: str(spec.get("label") or key.replace("_", " ").capitalize())
            for key, spec in event_taxonomy().items()}


def event_type_label(value: str, labels: Mapping[str, str] | None = None) -> str:
    """How an event type is shown: its label, a type outside the taxonomy as written, "" as NONE_LABEL."""
    value = "" if value is None else str(value)
    if not value:
        return NONE_LABEL
    return (event_type_labels() if labels is None else labels).get(value, value)


def names_in(frame: pd.DataFrame, column: str) -> list[str]:
    """The distinct names of a "; "-joined column (actors, places), sorted without regard to case."""
    if column not in frame.columns or frame.empty:
        return []
    uniques = pd.unique(_text_column(frame, column).to_numpy(dtype=object))
    names = {part.strip() for joined in uniques for part in str(joined).split(";")} - {""}
    return sorted(names, key=lambda name: (name.casefold(), name))


# --------------------------------------------------------------------------- filtering

def filter_events(frame: pd.DataFrame, date_from=None, date_to=None, text: str | None = None,
                  event_types: Iterable[str] | None = None, sources: Iterable[str] | None = None,
                  precisions: Iterable[str] | None = None, verified_only: bool = False,
                  min_confidence: float = 0.0, actors: Iterable[str] | None = None,
                  places: Iterable[str] | None = None, show_background: bool = True) -> pd.DataFrame:
    """The rows of `frame` that pass every given filter, in their order, with a fresh index.

    - `date_from`/`date_to` (date, datetime or ISO text; either may be None) keep events whose
      span overlaps the range: a month-precision "2024-12" is kept for 2024-12-20..2025-01-05.
      Events without a date are dropped as soon as either bound is given.
    - `text`: every whitespace-separated word must appear (case-insensitive) in one of
      SEARCH_COLUMNS or in the event type's label.
    - `event_types`, `sources`, `precisions`: None or empty means no filter on that field
      (an analyst who has picked nothing wants to see everything).
    - `actors`, `places`: keep events naming at least one of the given names in that
      "; "-joined column (exact names, as `names_in` lists them); None or empty: no filter.
    - `min_confidence`: events without a confidence (typed in by an analyst) count as 1.0.
    - `show_background=False` drops rows whose `role` is "background" (context, not the story).
    All other columns (e.g. the store's `version`) are kept.
    """
    mask = pd.Series(True, index=frame.index)
    first = _iso_day(date_from, "date_from")
    last = _iso_day(date_to, "date_to")
    if first and last and first > last:
        raise ValueError(f"The start of the date range ({first}) is after its end ({last}).")
    if first or last:
        start = _text_column(frame, "start")
        end = _text_column(frame, "end")
        end = end.where(end != "", start)
        mask &= start != ""
        if first:
            mask &= end >= first
        if last:
            mask &= start <= last
    if text and text.strip():
        haystack = _search_haystack(frame)
        for word in text.lower().split():
            found = pc.match_substring(haystack, word).to_numpy(zero_copy_only=False)
            mask &= found
    for column, wanted in (("event_type", event_types), ("source", sources), ("precision", precisions)):
        wanted = [str(v) for v in wanted] if wanted is not None else []
        if wanted:
            mask &= _text_column(frame, column).isin(wanted)
    for column, wanted in (("actors", actors), ("places", places)):
        wanted = {str(v).strip() for v in wanted} - {""} if wanted is not None else set()
        if wanted:
            mask &= _names_any(frame, column, wanted)
    if verified_only:
        verified = frame["verified"] if "verified" in frame.columns else pd.Series(False, index=frame.index)
        mask &= verified.astype("boolean").fillna(False).astype(bool)
    if min_confidence and min_confidence > 0:
        confidence = (pd.to_numeric(frame["confidence"], errors="coerce") if "confidence" in frame.columns
                      else pd.Series(np.nan, index=frame.index))
        mask &= confidence.fillna(1.0) >= float(min_confidence)
    if not show_background:
        mask &= _text_column(frame, "role") != "background"
    return frame.loc[mask.to_numpy(dtype=bool)].reset_index(drop=True)


def _iso_day(value, name: str) -> str:
    """`value` as YYYY-MM-DD, or "" for None/empty; a readable ValueError for anything else."""
    if value is None or value == "" or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a date (expected YYYY-MM-DD).") from None


def _text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series("", index=frame.index, dtype="string")
    return frame[column].astype("string").fillna("")


def _names_any(frame: pd.DataFrame, column: str, wanted: set[str]) -> np.ndarray:
    """Per row: does its "; "-joined `column` hold one of `wanted`? Each distinct value split once."""
    codes, uniques = pd.factorize(_text_column(frame, column).to_numpy(dtype=object))
    hit = np.array([any(part.strip() in wanted for part in str(joined).split(";")) for joined in uniques],
                   dtype=bool)
    return hit[codes] if len(uniques) else np.zeros(len(codes), dtype=bool)


def _search_haystack(frame: pd.DataFrame) -> pa.Array:
    """Each row's searchable text, lower-cased, as one Arrow string (fast at 100k rows)."""
    columns = [pa.array(_text_column(frame, c).to_numpy(dtype=object), type=pa.string())
               for c in SEARCH_COLUMNS if c in frame.columns]
    if "event_type" in frame.columns and len(frame):
        # the label the analyst sees ("Phone call") finds the stored key ("call") too
        labels = event_type_labels()
        shown = _text_column(frame, "event_type").astype(object).map(labels).fillna("")
        columns.append(pa.array(shown.to_numpy(dtype=object), type=pa.string()))
    if not columns:
        return pa.array([""] * len(frame), type=pa.string())
    joined = columns[0] if len(columns) == 1 else pc.binary_join_element_wise(*columns, "\n")
    return pc.utf8_lower(joined)


# --------------------------------------------------------------------------- selection

def selected_event_ids(selection) -> list[str]:
    """The event ids of the selected points of a chart made by `timeline_figure`, in order.

    `selection` is what st.plotly_chart(on_select=...) returns (or its "selection" part, or
    its list of points); count bins and lines are skipped.
    """
    ids: list[str] = []
    for point in _selection_points(selection):
        value = _customdata_value(point)
        if value and not value.startswith(BIN_PREFIX) and value not in ids:
            ids.append(value)
    return ids


def selected_bin(selection) -> tuple[date, date] | None:
    """(first day, last day) of the first selected count bin, or None when no bin is selected."""
    for point in _selection_points(selection):
        value = _customdata_value(point)
        if value and value.startswith(BIN_PREFIX):
            first, last = value[len(BIN_PREFIX):].split(":")
            return date.fromisoformat(first), date.fromisoformat(last)
    return None


def _selection_points(selection) -> list:
    if selection is None:
        return []
    if isinstance(selection, dict) or hasattr(selection, "get"):
        inner = selection.get("selection", selection)
        points = inner.get("points", []) if hasattr(inner, "get") else []
        return list(points or [])
    return list(selection)


def _customdata_value(point) -> str:
    value = point.get("customdata") if hasattr(point, "get") else None
    while isinstance(value, (list, tuple)):
        value = value[0] if value else None
    return str(value) if value not in (None, "") else ""


# --------------------------------------------------------------------------- figure

def timeline_figure(frame: pd.DataFrame, lane: str = "event_type", color: str = "event_type",
                    max_points: int = MAX_POINTS, title: str | None = None,
                    height: int | None = None, labels: Mapping[str, str] | None = None) -> go.Figure:
    """A Plotly timeline of `frame` (an events table): one lane per value of `lane`.

    `lane` is one of LANES; `color` is a single-valued column (event_type, source,
    precision). Rows without a readable `start` are left out and counted in
    `fig.layout.meta["undated"]`; `meta["aggregated"]` is the bin unit ("week", ...) when the
    events were counted instead of drawn one by one, else None. `labels` (e.g.
    `event_type_labels()`) shows event types by label in lanes, legend and hover text;
    `meta["lanes"]` keeps the values themselves.
    """
    if lane not in LANES:
        raise ValueError(f"Unknown lane {lane!r}; choose one of {', '.join(LANES)}.")
    if color not in ("event_type", "source", "precision"):
        raise ValueError(f"Unknown colour field {color!r}; choose event_type, source or precision.")

    rows = _plot_rows(frame, lane, color)
    undated = int(len(frame) - rows["_row"].nunique())
    lanes = _ordered(rows["_lane"], lane == "precision", MAX_LANES)
    rows["_lane"] = rows["_lane"].where(rows["_lane"].isin(lanes), OTHER_LABEL)
    if OTHER_LABEL in set(rows["_lane"]) and OTHER_LABEL not in lanes:
        lanes.append(OTHER_LABEL)
    colours = colour_order(frame, color)
    rows["_colour"] = rows["_colour"].where(rows["_colour"].isin(colours), OTHER_LABEL)
    if OTHER_LABEL in set(rows["_colour"]) and OTHER_LABEL not in colours:
        colours.append(OTHER_LABEL)
    lane_index = {name: i for i, name in enumerate(lanes)}
    # lane i sits at y = -i: the first lane on top without a reversed axis (scattergl draws lines
    # wrongly on reversed axes, plotly.js #2904)
    rows["_y"] = -rows["_lane"].map(lane_index).astype("float64")
    colour_of = colours_for(colours)
    lane_shown = _shown_as(lanes, labels if lane == "event_type" else None)
    colour_shown = _shown_as(colours, labels if color == "event_type" else None)
    rows["_lane_shown"] = rows["_lane"].map(lane_shown)

    fig = go.Figure()
    unit = None
    if len(rows) > max_points:
        unit = _choose_unit(rows, ["_lane", "_colour"], max_points)
        _add_count_traces(fig, rows, unit, colours, colour_of, colour_shown)
    elif len(rows):
        _add_event_traces(fig, frame, rows, colours, colour_of, colour_shown)
    if len(rows):
        _add_overview_trace(fig, rows.drop_duplicates("_row"))
    else:
        fig.add_annotation(text="No dated events to show", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5, font={"size": 16})

    view, outside = first_view(rows.drop_duplicates("_row")) if len(rows) else (None, 0)
    n_lanes = max(len(lanes), 1)
    fig.update_layout(
        template="plotly_white",
        title=_escape(title) if title else None,
        height=height or int(min(1400, max(380, 170 + 44 * n_lanes))),
        margin={"l": 10, "r": 10, "t": 60 if title else 30, "b": 10},
        hovermode="closest",
        hoverlabel={"align": "left"},
        dragmode="zoom",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0,
                "title": {"text": LANE_LABELS.get(color, color)}, "itemsizing": "constant"},
        xaxis={"type": "date", "rangeslider": {"visible": True, "thickness": 0.08, "autorange": True,
                                               "yaxis": {"rangemode": "auto"}},
               "showgrid": True, **({"range": list(view)} if view else {}),
               # dates carry no time of day: never an hourly axis, even zoomed into one day
               "tickformatstops": [{"dtickrange": [None, _DAY_MS], "value": "%Y-%m-%d"}]},
        # y (hidden) carries only the range slider's overview; the lanes live on y2. WebGL
        # traces are never drawn inside a range slider (plotly.js #5777), so without this the
        # slider would be an empty strip.
        yaxis={"visible": False, "range": [-3, -2], "fixedrange": True},
        yaxis2={"overlaying": "y", "side": "left", "tickmode": "array",
                "tickvals": [-i for i in range(len(lanes))], "ticktext": [_escape(lane_shown[x]) for x in lanes],
                "range": [0.5 - n_lanes, 0.5], "fixedrange": True, "automargin": True,
                "showgrid": False, "zeroline": False, "title": {"text": LANE_LABELS[lane]}},
        # every other lane lightly shaded, so a marker's lane is easy to read
        shapes=[{"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y2", "y0": -i - 0.5,
                 "y1": -i + 0.5, "fillcolor": "rgba(0,0,0,0.035)", "line": {"width": 0}, "layer": "below"}
                for i in range(0, len(lanes), 2)],
        meta={"aggregated": unit, "rows": int(len(rows)), "events": int(rows["_row"].nunique()),
              "undated": undated, "lanes": lanes, "outside_view": outside},
    )
    return fig


FAR_OUT = 3.0          # Tukey's far-out fence: beyond 3 interquartile ranges of the dates
MIN_SPREAD_DAYS = 30   # the interquartile range used is at least a month, so a tight cluster keeps its near neighbours
MIN_VIEW_DAYS = 7      # the first view spans at least a week, so one day is never drawn on an hourly axis


def first_view(rows: pd.DataFrame) -> tuple[tuple[str, str] | None, int]:
    """The chart's first x range (ISO days) and how many events lie outside it.

    It spans every event except far-out ones (beyond FAR_OUT interquartile ranges of the events'
    middle days), so one event decades away does not squeeze the rest into an edge; the range
    slider still shows everything. At least MIN_VIEW_DAYS wide, with a small margin.
    """
    first_days, last_days = rows["_start"].to_numpy(), rows["_end"].to_numpy()
    middle = (first_days + last_days) / 2
    q1, q3 = np.quantile(middle, [0.25, 0.75])
    spread = max(q3 - q1, MIN_SPREAD_DAYS)
    inside = (middle >= q1 - FAR_OUT * spread) & (middle <= q3 + FAR_OUT * spread)
    low, high = float(first_days[inside].min()), float(last_days[inside].max()) + 1
    margin = max((high - low) * 0.04, (MIN_VIEW_DAYS - (high - low)) / 2, 0.5)
    iso = [str(np.datetime64(int(np.floor(day)), "D")) for day in (low - margin, high + margin)]
    return (iso[0], iso[1]), int((~inside).sum())


def colour_order(frame: pd.DataFrame, column: str = "event_type") -> list[str]:
    """The values of `column` that get a colour of their own, busiest first (counted once per
    event, "" as NONE_LABEL); the rest share OTHER_LABEL. The map colours by it too, so a type
    has the same colour on the timeline and on the map."""
    values = pd.Series(_labels(_text_column(frame, column).to_numpy(dtype=object)), dtype=object)
    return _ordered(values, column == "precision", MAX_COLOURS)


def colours_for(names: list[str]) -> dict[str, str]:
    """name -> colour, in the order `colour_order` gives (OTHER_LABEL last, if there)."""
    return {name: _PALETTE[i % len(_PALETTE)] for i, name in enumerate(names)}


def _shown_as(values: list[str], labels: Mapping[str, str] | None) -> dict[str, str]:
    """value -> how it is shown: its label where `labels` has one, else the value itself."""
    return {value: (labels or {}).get(value, value) for value in values}


def _plot_rows(frame: pd.DataFrame, lane: str, color: str) -> pd.DataFrame:
    """One row per (event, lane) with numeric days, ready to draw; `_row` is the frame row."""
    column, joined = LANES[lane]
    start_day = _epoch_days(_text_column(frame, "start"))
    end_day = _epoch_days(_text_column(frame, "end"))
    end_day = np.where(np.isnan(end_day) | (end_day < start_day), start_day, end_day)
    dated = np.flatnonzero(~np.isnan(start_day))
    lane_values = _labels(_text_column(frame, column).to_numpy(dtype=object)[dated])
    row = dated
    if joined:
        row, lane_values = _split_names(dated, lane_values)
    return pd.DataFrame({
        "_row": row,
        "_start": start_day[row],
        "_end": end_day[row],
        "_lane": lane_values,
        "_colour": _labels(_text_column(frame, color).to_numpy(dtype=object)[row]),
    })


def _labels(values: np.ndarray) -> np.ndarray:
    """Text values with "" shown as NONE_LABEL."""
    out = values.astype(object)
    out[out == ""] = NONE_LABEL
    return out


def _split_names(rows: np.ndarray, joined: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """("; "-joined names per row) -> (row repeated once per name, the names).

    Splits each distinct string once, so 100k rows with a few hundred distinct actor lists
    cost a few hundred splits.
    """
    codes, uniques = pd.factorize(joined)
    parts = [[p.strip() for p in str(u).split(";") if p.strip()] or [NONE_LABEL] for u in uniques]
    lengths = np.array([len(p) for p in parts], dtype=np.int64)
    flat = np.array([name for p in parts for name in p], dtype=object)
    first_part = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    repeats = lengths[codes]
    owner = np.repeat(np.arange(len(codes)), repeats)
    nth = np.arange(repeats.sum()) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    return rows[owner], flat[first_part[codes][owner] + nth]


def _epoch_days(values: pd.Series) -> np.ndarray:
    """Days since 1970-01-01 as floats (NaN where the text is not an ISO day)."""
    strings = values.to_numpy(dtype=object)
    try:
        days = np.array(strings, dtype="datetime64[D]")
    except ValueError:
        days = np.array([_one_day(s) for s in strings], dtype="datetime64[D]")
    out = days.astype("int64").astype("float64")
    out[np.isnat(days)] = np.nan
    return out


def _one_day(text) -> np.datetime64:
    try:
        return np.datetime64(date.fromisoformat(str(text)[:10]), "D")
    except ValueError:
        return np.datetime64("NaT", "D")


def _ordered(values: pd.Series, by_precision: bool, limit: int) -> list[str]:
    """Distinct values, busiest first (precisions in their natural order), at most `limit`."""
    counts = values.value_counts()
    if by_precision:
        rank = {p: i for i, p in enumerate(PRECISIONS)}
        names = sorted(counts.index, key=lambda p: (rank.get(p, len(rank)), p))
    else:
        names = sorted(counts.index, key=lambda v: (v == NONE_LABEL, -counts[v], v))
    return [str(n) for n in names[:limit]]


def _escape(text) -> str:
    """Plain text made safe for Plotly's HTML-like labels: tags show as text, never render."""
    return html.escape(str(text), quote=False)


def _wrapped(text: str, width: int, limit: int) -> str:
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return "<br>".join(_escape(line) for line in textwrap.wrap(text, width)) if text else ""


def _hover_texts(frame_rows: pd.DataFrame, source: pd.DataFrame) -> list[str]:
    """Hover text per row: headline, title, date as written and as read, evidence, source, lane."""
    picked = source.iloc[frame_rows["_row"].to_numpy()]
    texts = []
    for headline, title, date_text, value, precision, evidence, origin_source, lane in zip(
            _text_column(picked, "headline"), _text_column(picked, "title"), _text_column(picked, "date_text"),
            _text_column(picked, "date"), _text_column(picked, "precision"),
            _text_column(picked, "evidence"), _text_column(picked, "source"), frame_rows["_lane_shown"]):
        written = f"“{_escape(date_text)}” → " if date_text else ""
        parts = ([f"<b>{_wrapped(headline, 70, 200)}</b>", _wrapped(title, 70, 200)] if headline and title
                 else [f"<b>{_wrapped(headline or title or '(untitled)', 70, 200)}</b>"])
        parts += [f"{written}{_escape(value)} ({_escape(precision or '?')})"]
        if evidence:
            parts.append(f"<i>{_wrapped(evidence, 80, 600)}</i>")
        parts.append(f"Source: {_escape(origin_source or 'unknown')} · Lane: {_escape(lane)}")
        texts.append("<br>".join(parts))
    return texts


def _add_event_traces(fig: go.Figure, frame: pd.DataFrame, rows: pd.DataFrame, colours: list[str],
                      colour_of: dict, colour_shown: dict) -> None:
    """Points for one-day events, bars with a mid marker for longer dates; one legend entry each."""
    is_point = (rows["_end"] <= rows["_start"]).to_numpy()
    rows = rows.copy()
    rows["_yy"] = rows["_y"] + _point_offsets(rows, is_point) + _span_offsets(rows, ~is_point)
    ids = _text_column(frame, "event_id").to_numpy(dtype=object)[rows["_row"].to_numpy()]
    hover = np.array(_hover_texts(rows, frame), dtype=object)
    for name in colours:
        in_colour = (rows["_colour"] == name).to_numpy()
        has_points = bool((in_colour & is_point).any())
        spans = rows[in_colour & ~is_point]
        if len(spans):
            left = spans["_start"].to_numpy() * _DAY_MS
            right = (spans["_end"].to_numpy() + 1) * _DAY_MS  # through the end of the last day
            x = np.column_stack([left, right, np.full(len(spans), np.nan)]).ravel()
            y = np.repeat(spans["_yy"].to_numpy(), 3)
            y[2::3] = np.nan
            fig.add_trace(go.Scattergl(
                x=x, y=y, mode="lines", name=_escape(colour_shown[name]), legendgroup=name, showlegend=False,
                line={"color": colour_of[name], "width": 9}, opacity=0.55, hoverinfo="skip",
                yaxis="y2"))
            fig.add_trace(go.Scattergl(
                x=(left + right) / 2, y=spans["_yy"].to_numpy(), mode="markers", name=_escape(colour_shown[name]),
                legendgroup=name, showlegend=not has_points,
                marker={"color": colour_of[name], "size": 9, "symbol": "diamond",
                        "line": {"width": 1, "color": "white"}},
                customdata=ids[spans.index.to_numpy()], hovertext=hover[spans.index.to_numpy()],
                hoverinfo="text", yaxis="y2"))
        points = rows[in_colour & is_point]
        if len(points):
            fig.add_trace(go.Scattergl(
                x=points["_start"].to_numpy() * _DAY_MS + _DAY_MS / 2, y=points["_yy"].to_numpy(),
                mode="markers", name=_escape(colour_shown[name]), legendgroup=name, showlegend=True,
                marker={"color": colour_of[name], "size": 10, "line": {"width": 1, "color": "white"}},
                customdata=ids[points.index.to_numpy()], hovertext=hover[points.index.to_numpy()],
                hoverinfo="text", yaxis="y2"))


def _point_offsets(rows: pd.DataFrame, is_point: np.ndarray) -> np.ndarray:
    """Small vertical offsets so points on the same day in the same lane do not hide each other."""
    offsets = np.zeros(len(rows))
    if is_point.any():
        nth = rows[is_point].groupby(["_lane", "_start"]).cumcount().to_numpy()
        # on the lane's centre line, then stacked upwards (bars go below): 0, +0.08, ... +0.32
        offsets[is_point] = 0.08 * (nth % 5)
    return offsets


def _span_offsets(rows: pd.DataFrame, is_span: np.ndarray) -> np.ndarray:
    """Each bar its own track within its lane when it overlaps an earlier bar (greedy packing)."""
    offsets = np.zeros(len(rows))
    if not is_span.any():
        return offsets
    spans = rows[is_span].sort_values(["_lane", "_start", "_end"], kind="stable")
    track_ends: dict[str, list[float]] = {}
    for index, lane, first, last in zip(spans.index, spans["_lane"], spans["_start"], spans["_end"]):
        ends = track_ends.setdefault(lane, [])
        for track, end in enumerate(ends):
            if end < first:
                ends[track] = last
                break
        else:
            track = len(ends)
            ends.append(last)
        # tracks sit just below the lane's centre line: -0.12, -0.2, -0.28, -0.36, then wrap
        offsets[rows.index.get_loc(index)] = -0.12 - 0.08 * (track % 4)
    return offsets


def _bin_first_days(days: np.ndarray, unit: str) -> np.ndarray:
    """First day (as epoch days) of the `unit` bin each day falls in."""
    as_days = days.astype("int64").astype("datetime64[D]")
    if unit == "day":
        first = as_days
    elif unit == "week":  # Monday; 1970-01-01 was a Thursday
        first = as_days - ((as_days.astype("int64") + 3) % 7).astype("timedelta64[D]")
    elif unit == "month":
        first = as_days.astype("datetime64[M]").astype("datetime64[D]")
    elif unit == "quarter":
        months = as_days.astype("datetime64[M]").astype("int64")
        first = (months - months % 3).astype("datetime64[M]").astype("datetime64[D]")
    elif unit == "year":
        first = as_days.astype("datetime64[Y]").astype("datetime64[D]")
    else:  # decade
        years = as_days.astype("datetime64[Y]").astype("int64") + 1970
        first = ((years - years % 10) - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    return first.astype("int64")


def _bin_last_days(first: np.ndarray, unit: str) -> np.ndarray:
    starts = first.astype("datetime64[D]")
    if unit == "day":
        nxt = starts + np.timedelta64(1, "D")
    elif unit == "week":
        nxt = starts + np.timedelta64(7, "D")
    else:
        months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
        nxt = (starts.astype("datetime64[M]") + np.timedelta64(months, "M")).astype("datetime64[D]")
    return nxt.astype("int64") - 1


def _choose_unit(rows: pd.DataFrame, keys: list[str], max_points: int) -> str:
    """The finest bin unit that brings the marker count down to `max_points`."""
    group = np.zeros(len(rows), dtype=np.int64)
    for key in keys:
        codes, uniques = pd.factorize(rows[key].to_numpy())
        group = group * (len(uniques) + 1) + codes
    days = rows["_start"].to_numpy()
    for unit in _BIN_UNITS:
        # one int64 per (group, bin): epoch days fit well inside 32 bits
        combined = group * (1 << 32) + (_bin_first_days(days, unit) + (1 << 31))
        if len(pd.unique(combined)) <= max_points:
            return unit
    return _BIN_UNITS[-1]


def _add_count_traces(fig: go.Figure, rows: pd.DataFrame, unit: str, colours: list[str],
                      colour_of: dict, colour_shown: dict) -> None:
    """One marker per (lane, colour, bin), sized by how many events start in that bin."""
    binned = pd.DataFrame({"_lane": rows["_lane_shown"].to_numpy(), "_colour": rows["_colour"].to_numpy(),
                           "_y": rows["_y"].to_numpy(),
                           "_bin": _bin_first_days(rows["_start"].to_numpy(), unit)})
    counts = binned.groupby(["_colour", "_lane", "_y", "_bin"], sort=False).size().reset_index(name="n")
    counts["_last"] = _bin_last_days(counts["_bin"].to_numpy(), unit)
    largest = max(int(counts["n"].max()), 1)
    first_iso = counts["_bin"].to_numpy().astype("datetime64[D]").astype(str)
    last_iso = counts["_last"].to_numpy().astype("datetime64[D]").astype(str)
    counts["_custom"] = [f"{BIN_PREFIX}{a}:{b}" for a, b in zip(first_iso, last_iso)]
    counts["_hover"] = [
        f"<b>{n:,} event{'s' if n != 1 else ''}</b> starting {a} – {b}<br>"
        f"{_escape(lane)} · {_escape(colour_shown[colour])}<br>Click to narrow the dates to this {unit}"
        for n, a, b, lane, colour in zip(counts["n"], first_iso, last_iso, counts["_lane"], counts["_colour"])]
    colour_rank = {name: i for i, name in enumerate(colours)}
    # spread colours of the same lane a little so they do not sit on top of each other
    spread = (counts["_colour"].map(colour_rank).to_numpy() % 5 - 2) * 0.08
    for name in colours:
        part = counts[(counts["_colour"] == name).to_numpy()]
        if not len(part):
            continue
        centre_ms = (part["_bin"].to_numpy() + (part["_last"].to_numpy() + 1 - part["_bin"].to_numpy()) / 2) * _DAY_MS
        fig.add_trace(go.Scattergl(
            x=centre_ms, y=part["_y"].to_numpy() + spread[part.index.to_numpy()], mode="markers",
            name=_escape(colour_shown[name]), legendgroup=name,
            marker={"color": colour_of[name], "size": 5 + 20 * np.sqrt(part["n"].to_numpy() / largest),
                    "opacity": 0.75, "line": {"width": 0}},
            customdata=part["_custom"].to_numpy(dtype=object), hovertext=part["_hover"].to_numpy(dtype=object),
            hoverinfo="text", yaxis="y2"))


def _bin_starts(first: float, last: float, unit: str) -> np.ndarray:
    """First days (epoch days) of every `unit` bin from the one holding `first` to the one holding `last`."""
    lo, hi = _bin_first_days(np.array([first, last]), unit)
    if unit in ("day", "week"):
        return np.arange(lo, hi + 1, 1 if unit == "day" else 7, dtype=np.int64)
    step = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    months = np.arange(np.datetime64(int(lo), "D").astype("datetime64[M]"),
                       np.datetime64(int(hi), "D").astype("datetime64[M]") + 1, step)
    return months.astype("datetime64[D]").astype(np.int64)


def _add_overview_trace(fig: go.Figure, rows: pd.DataFrame, max_bins: int = 250) -> None:
    """Events per bin (empty bins as 0) on the hidden y axis: only the range slider shows it."""
    starts = rows["_start"].to_numpy()
    first, last = float(starts.min()), float(rows["_end"].to_numpy().max())
    unit = next((u for u in _BIN_UNITS if (last - first) / _UNIT_DAYS[u] <= max_bins), _BIN_UNITS[-1])
    edges = _bin_starts(first, last, unit)
    counts = np.bincount(np.searchsorted(edges, _bin_first_days(starts, unit)), minlength=len(edges))
    closing = _bin_last_days(edges[-1:], unit) + 1  # so the last bin has its width
    fig.add_trace(go.Scatter(
        x=np.concatenate([edges, closing]).astype("float64") * _DAY_MS,
        y=np.concatenate([counts, counts[-1:]]).astype("float64"), mode="lines",
        line={"shape": "hv", "width": 1, "color": "#888"}, fill="tozeroy",
        fillcolor="rgba(120,120,120,0.35)", hoverinfo="skip", showlegend=False,
        name="events over time", yaxis="y"))
