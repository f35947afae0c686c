"""timeline.chart: the actor and place filters, the names they offer, and event-type labels."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from timeline.chart import (NONE_LABEL, event_type_label, event_type_labels, filter_events, names_in,
                            timeline_figure)
from timeline.enrich import event_taxonomy
from timeline.schema import conform

ROOT = Path(__file__).resolve().parents[1]

EVENTS = conform(pd.DataFrame([
    {"event_id": "call", "date": "2024-12-08", "start": "2024-12-08", "end": "2024-12-08", "precision": "day",
     "title": "Araghchi called Lavrov", "event_type": "call", "actors": "Abbas Araghchi; Sergey Lavrov",
     "places": "Moscow", "source": "antara.txt"},
    {"event_id": "fall", "date": "2024-12-08", "start": "2024-12-08", "end": "2024-12-08", "precision": "day",
     "title": "Assad fell", "event_type": "regime_change", "actors": "Bashar al-Assad; Hayat Tahrir al-Sham",
     "places": "Damascus; Syria", "source": "kompas.txt"},
    {"event_id": "visit", "date": "2025-01", "start": "2025-01-01", "end": "2025-01-31", "precision": "month",
     "title": "Lavrov visited Damascus", "event_type": "meeting", "actors": "Sergey Lavrov",
     "places": "Damascus", "source": "antara.txt"},
    {"event_id": "claim", "date": "2025-01-20", "start": "2025-01-20", "end": "2025-01-20", "precision": "day",
     "title": "A claim by nobody", "event_type": "", "actors": "", "places": "", "source": "reuters.txt"},
    {"event_id": "odd", "date": "2025-02-01", "start": "2025-02-01", "end": "2025-02-01", "precision": "day",
     "title": "Typed by hand", "event_type": "diplomatic call", "actors": " Sergey Lavrov ;Iran",
     "places": "Tehran", "source": "notes"},
]))


def ids(frame: pd.DataFrame) -> list[str]:
    return frame["event_id"].tolist()


@pytest.mark.parametrize("filters, expected", [
    ({}, ["call", "fall", "visit", "claim", "odd"]),
    ({"actors": ["Sergey Lavrov"]}, ["call", "visit", "odd"]),            # any position, spaces around
    ({"actors": ["Iran"]}, ["odd"]),
    ({"actors": ["Bashar al-Assad", "Abbas Araghchi"]}, ["call", "fall"]),  # any of the chosen
    ({"actors": ["Lavrov"]}, []),                                        # names, not substrings
    ({"actors": []}, ["call", "fall", "visit", "claim", "odd"]),         # nothing chosen: no filter
    ({"actors": None}, ["call", "fall", "visit", "claim", "odd"]),
    ({"places": ["Damascus"]}, ["fall", "visit"]),
    ({"places": ["Syria", "Tehran"]}, ["fall", "odd"]),
    ({"actors": ["Sergey Lavrov"], "places": ["Damascus"]}, ["visit"]),  # filters combine with "and"
    ({"actors": ["Sergey Lavrov"], "event_types": ["call"]}, ["call"]),
    ({"actors": ["Sergey Lavrov"], "date_to": "2024-12-31"}, ["call"]),
    ({"event_types": ["regime_change", "meeting"]}, ["fall", "visit"]),  # keys, whatever the label
    ({"text": "phone"}, ["call"]),                                       # the label "Phone call" is searched
    ({"text": "regime change"}, ["fall"]),
])
def test_filter_events_by_actors_places_and_types(filters, expected):
    assert ids(filter_events(EVENTS, **filters)) == expected


def test_filter_events_positional_arguments_unchanged():
    # date_from, date_to, text, event_types, sources, precisions, verified_only, min_confidence
    assert ids(filter_events(EVENTS, None, None, "", ["meeting"], None, None, False, 0.0)) == ["visit"]


def test_filter_events_on_a_table_without_the_columns():
    bare = pd.DataFrame({"event_id": ["a"], "title": ["x"]})
    assert ids(filter_events(bare, actors=["Someone"], places=["Somewhere"])) == []
    assert ids(filter_events(bare.iloc[0:0], actors=["Someone"])) == []


def test_names_in_splits_joined_names_once_each_sorted():
    assert names_in(EVENTS, "actors") == ["Abbas Araghchi", "Bashar al-Assad", "Hayat Tahrir al-Sham", "Iran",
                                          "Sergey Lavrov"]
    assert names_in(EVENTS, "places") == ["Damascus", "Moscow", "Syria", "Tehran"]
    assert names_in(EVENTS.iloc[0:0], "actors") == [] and names_in(EVENTS, "nope") == []


def test_every_event_type_has_a_label_and_the_file_keeps_its_cues():
    data = json.loads((ROOT / "data" / "event_types.json").read_text(encoding="utf-8"))
    labels = event_type_labels()
    assert set(labels) == set(event_taxonomy()) == set(data["types"])
    for key, spec in data["types"].items():
        assert spec["label"] and spec["label"] == labels[key] and spec["label"] != key, key
        assert spec["cues"]["id"] and spec["cues"]["en"], key
    assert len(set(labels.values())) == len(labels)      # two types never look alike


@pytest.mark.parametrize("value, shown", [
    ("regime_change", "Regime change"),
    ("call", "Phone call"),
    ("diplomatic call", "diplomatic call"),      # an analyst's own type, shown as typed
    ("", NONE_LABEL),
])
def test_event_type_label(value, shown):
    assert event_type_label(value) == shown


def test_timeline_shows_labels_and_keeps_keys():
    fig = timeline_figure(EVENTS, labels=event_type_labels())
    # one event each: in the order of the stored values, which meta keeps; the ticks show labels
    assert fig.layout.meta["lanes"] == ["call", "diplomatic call", "meeting", "regime_change", NONE_LABEL]
    assert list(fig.layout.yaxis2.ticktext) == ["Phone call", "diplomatic call", "Meeting", "Regime change",
                                                NONE_LABEL]
    legend = {t.name for t in fig.data if t.showlegend}
    assert {"Phone call", "Regime change", "Meeting", "diplomatic call", NONE_LABEL} <= legend
    [point] = [t for t in fig.data if t.customdata is not None and "fall" in list(t.customdata)]
    assert point.hovertext[0].endswith("Lane: Regime change")
    # without labels, as before
    assert list(timeline_figure(EVENTS).layout.yaxis2.ticktext)[:2] == ["call", "diplomatic call"]


def test_labels_reach_counted_bins_too():
    fig = timeline_figure(EVENTS, labels=event_type_labels(), max_points=1)
    assert fig.layout.meta["aggregated"]
    assert "Phone call" in {t.name for t in fig.data if t.showlegend is not False and t.name}


def test_actor_lanes_after_an_actor_filter():
    shown = filter_events(EVENTS, actors=["Sergey Lavrov"])
    fig = timeline_figure(shown, lane="actor")
    # the chosen actor's lane first (busiest), then the others named by the same events
    assert fig.layout.meta["lanes"] == ["Sergey Lavrov", "Abbas Araghchi", "Iran"]
    drawn = sorted({i for t in fig.data if t.customdata is not None for i in t.customdata})
    assert drawn == ["call", "odd", "visit"]


def test_background_rows_are_shown_only_on_request():
    frame = pd.DataFrame({"event_id": ["now", "then", "later"], "role": ["happening", "background", "plan"]})
    assert ids(filter_events(frame)) == ["now", "then", "later"]
    assert ids(filter_events(frame, show_background=False)) == ["now", "later"]
