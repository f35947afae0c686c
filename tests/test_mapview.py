"""timeline.mapview: events on the map, what a click on it chooses, and counting when there are many."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from timeline.chart import NONE_LABEL, event_type_labels, filter_events, timeline_figure
from timeline.mapview import (MIN_SPAN_DEGREES, PLACE_PREFIX, map_figure, place_points, selected_on_map)


def events(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame([{"event_id": f"ev-{n}", "date": "2024-12-08", "title": f"Event {n}", "event_type": "meeting",
                          "actors": "", "places": "", **row} for n, row in enumerate(rows, start=1)])


DEMO = events(
    {"event_id": "fall", "title": "HTS enters <b>Damascus</b>", "places": "Damaskus; Moscow",
     "event_type": "regime_change", "actors": "Hayat Tahrir al-Sham"},
    {"event_id": "talks", "places": "Damascus", "event_type": "meeting", "actors": "Russia; Syria"},
    {"event_id": "call", "places": "Moscow", "event_type": "call"},
    {"event_id": "nowhere", "places": "Nowhereville", "event_type": "statement"},
    {"event_id": "blank", "places": "", "event_type": ""},
    {"event_id": "own", "places": "Damascus", "event_type": ""},
)


def marker_ids(fig) -> list[str]:
    return sorted(i for trace in fig.data for i in trace.customdata)


def test_place_points_keep_event_order_and_the_name_as_written():
    points = place_points(DEMO)
    assert points[["event_id", "place", "place_as_written"]].values.tolist() == [
        ["fall", "Damascus", "Damaskus"], ["fall", "Moscow", "Moscow"], ["talks", "Damascus", "Damascus"],
        ["call", "Moscow", "Moscow"], ["own", "Damascus", "Damascus"]]
    assert place_points(DEMO.iloc[0:0]).empty and place_points(DEMO.drop(columns="places")).empty


def test_every_mapped_event_is_a_marker_with_its_id():
    fig = map_figure(DEMO, labels=event_type_labels())
    assert marker_ids(fig) == ["call", "fall", "fall", "own", "talks"]
    assert {trace.type for trace in fig.data} == {"scattergeo"}
    assert fig.layout.meta == {"points": 5, "events": 4, "unmapped": 2, "aggregated": False}
    json.loads(fig.to_json())


def test_legend_shows_type_labels():
    fig = map_figure(DEMO, labels=event_type_labels())
    # the timeline's colour order: events per type (one each here), then by the stored value, none last
    assert [trace.name for trace in fig.data] == ["Phone call", "Meeting", "Regime change", NONE_LABEL]
    assert [trace.name for trace in map_figure(DEMO).data] == ["call", "meeting", "regime_change", NONE_LABEL]


def legend_colours(fig) -> dict[str, str]:
    return {trace.name: trace.marker.color for trace in fig.data if trace.showlegend is not False}


def test_a_type_has_the_same_colour_on_the_map_and_the_timeline():
    dated = DEMO.assign(start="2024-12-08", end="2024-12-08")
    on_map, on_timeline = legend_colours(map_figure(dated)), legend_colours(timeline_figure(dated))
    assert on_map and all(on_timeline[name] == colour for name, colour in on_map.items())


def test_hover_text_is_escaped():
    fig = map_figure(DEMO)
    [trace] = [t for t in fig.data if "fall" in list(t.customdata)]
    assert trace.hovertext[0].startswith("<b>HTS enters &lt;b&gt;Damascus&lt;/b&gt;</b><br>2024-12-08 · regime_change")
    assert "Actors: Hayat Tahrir al-Sham" in trace.hovertext[0]


def test_events_at_one_place_are_spread_apart():
    fig = map_figure(DEMO)
    spots = [(round(lat, 4), round(lon, 4)) for trace in fig.data for lat, lon in zip(trace.lat, trace.lon)]
    assert len(set(spots)) == len(spots)
    damascus = place_points(DEMO.iloc[[1]])[["lat", "lon"]].iloc[0]
    near = [(lat, lon) for lat, lon in spots if abs(lat - damascus["lat"]) < 5 and abs(lon - damascus["lon"]) < 5]
    assert len(near) == 3          # fall, talks and own, around Damascus


def test_the_view_frames_the_places_and_the_world_without_any():
    fig = map_figure(DEMO)
    lon_range, lat_range = fig.layout.geo.lonaxis.range, fig.layout.geo.lataxis.range
    assert lon_range[0] < 36.3 < 37.6 < lon_range[1] and lat_range[0] < 33.5 < 55.8 < lat_range[1]
    assert lon_range[1] - lon_range[0] >= MIN_SPAN_DEGREES
    empty = map_figure(DEMO.iloc[0:0])
    assert not empty.data and empty.layout.annotations[0].text == "No mapped places"
    assert empty.layout.geo.lonaxis.range is None


def test_many_events_are_counted_per_place():
    many = pd.concat([DEMO] * 3, ignore_index=True)
    many["event_id"] = [f"ev-{n}" for n in range(len(many))]
    fig = map_figure(many, max_points=4)
    [trace] = fig.data
    assert fig.layout.meta["aggregated"] is True
    # customdata names the place as the `places` column writes it, for the places filter
    assert sorted(trace.customdata) == [PLACE_PREFIX + "Damascus", PLACE_PREFIX + "Moscow"]
    counts = dict(zip(trace.customdata, trace.hovertext))
    assert counts[PLACE_PREFIX + "Damascus"].startswith("<b>Damascus</b>: 9 events")
    place = selected_on_map({"selection": {"points": [{"customdata": PLACE_PREFIX + "Damascus"}]}})[1]
    assert filter_events(many, places=[place])["event_id"].nunique() == 6   # "Damaskus" is another name


@pytest.mark.parametrize("selection, expected", [
    ({"selection": {"points": [{"customdata": "talks"}]}}, (["talks"], None)),
    ({"selection": {"points": [{"customdata": ["fall"]}, {"customdata": "call"}]}}, (["fall", "call"], None)),
    ({"selection": {"points": [{"customdata": PLACE_PREFIX + "Moscow"}]}}, ([], "Moscow")),
    ({"selection": {"points": []}}, ([], None)),
    (None, ([], None)),
])
def test_selected_on_map(selection, expected):
    assert selected_on_map(selection) == expected


def test_place_points_scale_with_distinct_values():
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"event_id": [f"e{i}" for i in range(50_000)],
                          "places": rng.choice(["Damascus", "Moscow; Kyiv", "", "Nowhereville"], 50_000)})
    points = place_points(frame)
    assert len(points) == int((frame["places"] == "Damascus").sum() + 2 * (frame["places"] == "Moscow; Kyiv").sum())
