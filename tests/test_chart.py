"""timeline.chart: the shared filter, and the figure (points, spans, lanes, escaping, counting)."""
from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd
import pytest

from timeline.chart import (BIN_PREFIX, MAX_POINTS, filter_events, selected_bin, selected_event_ids,
                            timeline_figure)
from timeline.schema import conform

DAY_MS = 86_400_000


def day_ms(iso: str) -> float:
    return float(np.datetime64(iso, "D").astype("int64")) * DAY_MS


def events(*rows: dict) -> pd.DataFrame:
    """A conformed events table from short dicts: date fields filled in from `date`."""
    spans = {"2024-12-08": ("day", "2024-12-08", "2024-12-08"),
             "2024-12-10": ("day", "2024-12-10", "2024-12-10"),
             "2025-01-20": ("day", "2025-01-20", "2025-01-20"),
             "2024-12": ("month", "2024-12-01", "2024-12-31"),
             "2024-W50": ("week", "2024-12-09", "2024-12-15"),
             "2024": ("year", "2024-01-01", "2024-12-31"),
             "2023-Q3": ("quarter", "2023-07-01", "2023-09-30"),
             "": ("", "", "")}
    full = []
    for number, row in enumerate(rows, start=1):
        precision, start, end = spans[row.get("date", "2024-12-08")]
        full.append({"event_id": f"ev-{number}", "date": row.get("date", "2024-12-08"),
                     "precision": precision, "start": start, "end": end, "title": f"Event {number}",
                     "source": "a.txt", "event_type": "meeting", "confidence": 0.9, **row})
    return conform(pd.DataFrame(full))


DEMO = events(
    {"event_id": "call", "date": "2024-12-08", "event_type": "diplomatic call", "actors": "Iran; Russia",
     "title": "Araghchi called Lavrov", "evidence": "Pada 8 Desember, Araghchi menelepon Lavrov.",
     "date_text": "8 Desember", "source": "antara.txt", "confidence": 0.95, "verified": True},
    {"event_id": "month", "date": "2024-12", "event_type": "statement", "actors": "Turkey",
     "title": "Ankara warned", "date_text": "bulan Desember", "source": "kompas.txt", "confidence": 0.6},
    {"event_id": "week", "date": "2024-W50", "event_type": "meeting", "actors": "",
     "title": "Talks in Doha", "places": "Doha", "source": "antara.txt", "confidence": 0.8},
    {"event_id": "year", "date": "2024", "event_type": "military action", "actors": "Israel",
     "title": "Strikes over the year", "source": "reuters.txt", "confidence": None, "notes": "check the count"},
    {"event_id": "jan", "date": "2025-01-20", "event_type": "statement", "actors": "United States",
     "title": "Inauguration remarks", "source": "reuters.txt", "confidence": 0.4, "tags": "US; transition"},
    {"event_id": "undated", "date": "", "title": "Undated claim", "source": "kompas.txt"},
)


# --------------------------------------------------------------------------- filter_events

@pytest.mark.parametrize("filters, expected", [
    ({}, ["call", "month", "week", "year", "jan", "undated"]),
    # overlap: a month, a week and a year that cover the range count, undated ones never do
    ({"date_from": "2024-12-09", "date_to": "2024-12-09"}, ["month", "week", "year"]),
    ({"date_from": date(2024, 12, 8), "date_to": date(2024, 12, 8)}, ["call", "month", "year"]),
    ({"date_from": "2025-01-01"}, ["jan"]),
    ({"date_to": "2024-01-01"}, ["year"]),
    ({"date_from": "2024-12-16", "date_to": "2024-12-31"}, ["month", "year"]),
    ({"date_from": "2026-01-01"}, []),
    ({"text": "LAVROV"}, ["call"]),
    ({"text": "desember"}, ["call", "month"]),             # date as written counts
    ({"text": "doha talks"}, ["week"]),                   # every word, any column, any order
    ({"text": "doha lavrov"}, []),
    ({"text": "transition"}, ["jan"]),                    # tags
    ({"text": "check"}, ["year"]),                        # notes
    ({"text": "  "}, ["call", "month", "week", "year", "jan", "undated"]),
    ({"event_types": ["statement"]}, ["month", "jan"]),
    ({"event_types": []}, ["call", "month", "week", "year", "jan", "undated"]),  # nothing picked: all
    ({"sources": ["reuters.txt", "kompas.txt"]}, ["month", "year", "jan", "undated"]),
    ({"precisions": ["month", "year"]}, ["month", "year"]),
    ({"verified_only": True}, ["call"]),
    ({"min_confidence": 0.7}, ["call", "week", "year", "undated"]),  # no confidence counts as 1.0
    ({"min_confidence": 0.7, "sources": ["antara.txt"], "text": "talks"}, ["week"]),
])
def test_filter_events(filters, expected):
    assert filter_events(DEMO, **filters)["event_id"].tolist() == expected


def test_filter_events_keeps_extra_columns_and_order():
    frame = DEMO.assign(version=range(1, len(DEMO) + 1))
    got = filter_events(frame, event_types=["statement"])
    assert got.columns.tolist() == frame.columns.tolist()
    assert got["version"].tolist() == [2, 5]
    assert got.index.tolist() == [0, 1]


@pytest.mark.parametrize("filters, message", [
    ({"date_from": "8 Dec"}, "date_from: '8 Dec' is not a date"),
    ({"date_from": "2025-01-01", "date_to": "2024-01-01"}, "is after its end"),
])
def test_filter_events_refuses_bad_ranges(filters, message):
    with pytest.raises(ValueError, match=message):
        filter_events(DEMO, **filters)


def test_filter_events_on_empty_table():
    assert filter_events(conform(pd.DataFrame()), text="x", date_from="2024-01-01").empty


# --------------------------------------------------------------------------- figure

def traces_with(fig, event_id):
    return [t for t in fig.data if t.customdata is not None and event_id in list(t.customdata)]


def test_day_is_a_point_and_longer_dates_are_spans():
    fig = timeline_figure(DEMO)
    [point] = traces_with(fig, "call")
    assert point.type == "scattergl" and point.mode == "markers"
    assert list(point.x) == [day_ms("2024-12-08") + DAY_MS / 2]      # noon of that day
    for event_id, first, last in (("month", "2024-12-01", "2024-12-31"), ("week", "2024-12-09", "2024-12-15"),
                                  ("year", "2024-01-01", "2024-12-31")):
        [marker] = traces_with(fig, event_id)
        assert marker.marker.symbol == "diamond"
        bar = next(t for t in fig.data if t.mode == "lines" and t.legendgroup == marker.legendgroup)
        left, right = day_ms(first), day_ms(last) + DAY_MS           # through the end of the last day
        pairs = list(zip(bar.x[0::3], bar.x[1::3]))
        assert (left, right) in pairs
        position = list(marker.customdata).index(event_id)
        assert marker.x[position] == (left + right) / 2
    assert fig.layout.meta["undated"] == 1
    assert fig.layout.meta["aggregated"] is None


def test_customdata_holds_every_dated_event_id_once():
    fig = timeline_figure(DEMO)
    ids = [i for t in fig.data if t.customdata is not None and t.mode == "markers" for i in t.customdata]
    assert sorted(ids) == sorted(["call", "month", "week", "year", "jan"])


def test_lanes_by_event_type_busiest_first():
    fig = timeline_figure(DEMO)
    assert fig.layout.meta["lanes"] == ["statement", "diplomatic call", "meeting", "military action"]
    assert list(fig.layout.yaxis2.ticktext) == fig.layout.meta["lanes"]
    [point] = traces_with(fig, "call")
    assert point.y[0] == pytest.approx(-1.0)   # second lane from the top


def test_actor_lanes_split_joined_names():
    fig = timeline_figure(DEMO, lane="actor")
    assert fig.layout.meta["lanes"] == ["Iran", "Israel", "Russia", "Turkey", "United States", "(none)"]
    [point] = traces_with(fig, "call")           # one event, drawn in two lanes
    assert list(point.customdata) == ["call", "call"]
    assert sorted(point.y) == [-2.0, 0.0]


@pytest.mark.parametrize("lane, lanes", [
    ("source", ["antara.txt", "reuters.txt", "kompas.txt"]),
    ("precision", ["day", "week", "month", "year"]),
    ("place", ["Doha", "(none)"]),
])
def test_other_lanes(lane, lanes):
    assert timeline_figure(DEMO, lane=lane).layout.meta["lanes"] == lanes


def test_unknown_lane_is_refused():
    with pytest.raises(ValueError, match="Unknown lane 'colour'"):
        timeline_figure(DEMO, lane="colour")


def test_hover_has_title_date_as_written_evidence_and_source():
    [point] = traces_with(timeline_figure(DEMO), "call")
    assert point.hovertext[0] == (
        "<b>Araghchi called Lavrov</b><br>“8 Desember” → 2024-12-08 (day)<br>"
        "<i>Pada 8 Desember, Araghchi menelepon Lavrov.</i><br>Source: antara.txt · Lane: diplomatic call")


def test_text_from_articles_never_renders_as_html():
    nasty = "<script>alert('x')</script><img src=x onerror=alert(1)> & <b>bold</b>"
    frame = events({"event_id": "x", "title": nasty, "evidence": nasty * 3, "source": nasty,
                    "event_type": "<i>type</i>", "actors": "<b>Actor</b>"})
    for lane in ("event_type", "actor", "source"):
        fig = timeline_figure(frame, lane=lane, title="<h1>t</h1>")
        payload = fig.to_json()
        for tag in ("<script", "<img", "<b>bold", "<i>type", "<b>Actor", "<h1>"):
            assert tag not in payload
        assert "&lt;script&gt;" in payload
    [point] = traces_with(timeline_figure(frame), "x")
    hover = point.hovertext[0]
    assert hover.startswith("<b>&lt;script&gt;alert('x')&lt;/script&gt;&lt;img src=x")
    assert all(len(line) < 200 for line in hover.split("<br>"))    # evidence is wrapped


def test_long_evidence_is_shortened_in_the_hover():
    frame = events({"event_id": "x", "evidence": "word " * 1000})
    [point] = traces_with(timeline_figure(frame), "x")
    assert len(point.hovertext[0]) < 1000 and "…" in point.hovertext[0]


def test_same_day_points_in_a_lane_do_not_overlap():
    frame = events(*({"event_id": f"e{i}"} for i in range(5)))
    [trace] = traces_with(timeline_figure(frame), "e0")
    assert len(set(np.round(trace.y, 6))) == 5


def test_range_slider_and_webgl():
    fig = timeline_figure(DEMO)
    assert fig.layout.xaxis.rangeslider.visible
    assert fig.layout.xaxis.type == "date"
    drawn = [t for t in fig.data if t.yaxis == "y2"]
    assert drawn and all(t.type == "scattergl" for t in drawn)
    # WebGL lines are drawn wrongly on a reversed axis (plotly.js #2904): lanes go downwards instead
    assert fig.layout.yaxis2.range[0] < fig.layout.yaxis2.range[1] and fig.layout.yaxis2.autorange is None
    # the one SVG trace is the overview the range slider shows (it skips WebGL traces)
    [overview] = [t for t in fig.data if t.type == "scatter"]
    assert overview.hoverinfo == "skip" and sum(overview.y[:-1]) == 5   # the last point closes the last bin


def test_empty_table_gives_an_empty_figure():
    fig = timeline_figure(conform(pd.DataFrame()))
    assert len(fig.data) == 0
    assert fig.layout.annotations[0].text == "No dated events to show"


def big_frame(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    start = np.datetime64("2015-01-01") + rng.integers(0, 3650, n).astype("timedelta64[D]")
    return conform(pd.DataFrame({
        "event_id": [f"ev-{i}" for i in range(n)], "date": start.astype(str), "precision": "day",
        "start": start.astype(str), "end": start.astype(str), "title": "A meeting <b>",
        "evidence": "Long evidence sentence " * 5, "source": rng.choice(["a", "b", "c"], n),
        "event_type": rng.choice(["meeting", "statement", "call"], n), "actors": "Iran; Russia",
    }))


def test_100k_events_are_counted_not_drawn_one_by_one():
    fig = timeline_figure(big_frame(100_000))
    assert fig.layout.meta["aggregated"] in ("day", "week", "month")
    markers = [t for t in fig.data if t.yaxis == "y2"]
    assert sum(len(t.x) for t in markers) <= MAX_POINTS
    assert all(str(c).startswith(BIN_PREFIX) for t in markers for c in t.customdata)
    total = sum(int(h.split("</b>")[0].replace("<b>", "").split()[0].replace(",", ""))
                for t in markers for h in t.hovertext)
    assert total == 100_000
    assert len(fig.to_json()) < 5_000_000


def test_aggregation_starts_above_max_points():
    frame = big_frame(300)
    assert timeline_figure(frame, max_points=300).layout.meta["aggregated"] is None
    assert timeline_figure(frame, max_points=299).layout.meta["aggregated"] is not None


# --------------------------------------------------------------------------- selection

def test_selected_event_ids_from_a_streamlit_selection():
    selection = {"selection": {"points": [
        {"curve_number": 0, "point_index": 3, "customdata": "ev-2"},
        {"curve_number": 1, "point_index": 0, "customdata": ["ev-1"]},
        {"curve_number": 1, "point_index": 1, "customdata": "ev-2"},
        {"curve_number": 2, "point_index": 0},                          # overview line: no id
        {"curve_number": 3, "point_index": 0, "customdata": "bin:2024-12-02:2024-12-08"},
    ], "point_indices": [3, 0, 1, 0, 0], "box": [], "lasso": []}}
    assert selected_event_ids(selection) == ["ev-2", "ev-1"]
    assert selected_event_ids(selection["selection"]["points"]) == ["ev-2", "ev-1"]
    assert selected_bin(selection) == (date(2024, 12, 2), date(2024, 12, 8))
    assert selected_event_ids(None) == [] and selected_bin({"selection": {"points": []}}) is None


def test_figure_is_json_serialisable():
    json.loads(timeline_figure(DEMO).to_json())
