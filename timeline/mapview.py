"""Events on a world map: one point per event and place, as a Plotly figure (no streamlit).

    place_points(frame) -> DataFrame      one row per event x place, with lat/lon
    map_figure(frame) -> plotly Figure     the points on an offline geo projection

Coordinates come from the gazetteers in timeline.enrich (a country sits at its capital);
names in the `places` column that the gazetteers do not know are left off the map.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from timeline.enrich import place_lookup

POINT_COLUMNS = ["event_id", "date", "title", "event_type", "actors", "place", "place_kind",
                 "country_code", "lat", "lon"]


def _text(row: pd.Series, column: str) -> str:
    value = row.get(column, "")
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else str(value)


def place_points(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per event and place it names (the `places` column, "; "-joined), with the
    place's coordinates; an empty table with POINT_COLUMNS when nothing can be mapped."""
    rows = []
    for _, row in frame.iterrows():
        for name in (part.strip() for part in _text(row, "places").split(";")):
            place = place_lookup(name) if name else None
            if place is None:
                continue
            rows.append({
                "event_id": _text(row, "event_id"), "date": _text(row, "date"),
                "title": _text(row, "title"), "event_type": _text(row, "event_type"),
                "actors": _text(row, "actors"), "place": place.name, "place_kind": place.kind,
                "country_code": place.country_code, "lat": place.lat, "lon": place.lon,
            })
    return pd.DataFrame(rows, columns=POINT_COLUMNS)


def map_figure(frame: pd.DataFrame, title: str = "") -> go.Figure:
    """A world map of the events' places, one colour per event type.

    Uses Plotly's built-in geo projection, so it draws without a map token or tile server.
    Points at the same place are offset slightly so that each event can be hovered.
    """
    points = place_points(frame)
    figure = go.Figure()
    if points.empty:
        figure.add_annotation(text="No mapped places", showarrow=False, x=0.5, y=0.5,
                              xref="paper", yref="paper")
    else:
        points = points.copy()
        stack = points.groupby(["lat", "lon"]).cumcount()
        points["lat_shown"] = points["lat"] + stack * 0.35
        points["event_type"] = points["event_type"].replace("", "unclassified")
        for event_type, group in points.groupby("event_type", sort=True):
            figure.add_trace(go.Scattergeo(
                lat=group["lat_shown"], lon=group["lon"], name=event_type, mode="markers",
                marker={"size": 9, "opacity": 0.8},
                text=group["place"],
                customdata=group[["date", "title", "actors", "event_id"]].to_numpy(),
                hovertemplate=("<b>%{text}</b><br>%{customdata[0]}<br>%{customdata[1]}"
                               "<br>%{customdata[2]}<extra>" + event_type + "</extra>"),
            ))
    figure.update_geos(projection_type="natural earth", showcountries=True,
                       countrycolor="#bbbbbb", showland=True, landcolor="#f3f3f0",
                       showocean=True, oceancolor="#e8f0f7")
    figure.update_layout(title=title or None, margin={"l": 0, "r": 0, "t": 40 if title else 10, "b": 0},
                         legend_title_text="event type", height=480)
    return figure
