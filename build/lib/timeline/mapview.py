"""Events on a world map: one point per event and place, as a Plotly figure (no streamlit).

    place_points(frame) -> DataFrame         one row per event x place, with lat/lon
    map_figure(frame) -> plotly Figure        the points on an offline geo projection
    selected_on_map(selection) -> (ids, place)  what a click on the map chose

Coordinates come from the gazetteers in timeline.enrich (a country sits at its capital);
names in the `places` column that the gazetteers do not know are left off the map. Like the
timeline, every event marker's `customdata` is its event_id, so a click can open that event;
above `max_points` markers the events are counted per place instead (customdata
"place:<name>", so a click can narrow the places filter to it).
"""
from __future__ import annotations

import html
from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.chart import NONE_LABEL, OTHER_LABEL, colour_order, colours_for, selected_event_ids
from timeline.enrich import place_lookup

POINT_COLUMNS = ["event_id", "date", "title", "event_type", "actors", "place", "place_kind",
                 "country_code", "lat", "lon", "place_as_written"]
MAX_MAP_POINTS = 2000       # SVG markers; more make the page sluggish, so they are counted per place
PLACE_PREFIX = "place:"
MIN_SPAN_DEGREES = 40       # the map never zooms closer than this, so a lone city keeps its context
_COUNT_COLOUR = "#1f77b4"
_GOLDEN_ANGLE = np.pi * (3 - np.sqrt(5))


def _texts(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame.columns:
        return np.full(len(frame), "", dtype=object)
    return frame[column].astype("string").fillna("").to_numpy(dtype=object)


def place_points(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per event and place it names (the `places` column, "; "-joined), with the
    place's coordinates; an empty table with POINT_COLUMNS when nothing can be mapped.

    Each distinct `places` value is split and looked up once, so 100k events naming a few
    hundred places cost a few hundred look-ups."""
    if frame.empty or "places" not in frame.columns:
        return pd.DataFrame(columns=POINT_COLUMNS)
    codes, uniques = pd.factorize(_texts(frame, "places"))
    found: dict[str, object] = {}
    per_value = []     # per distinct `places` value: [(Place, the name as written)]
    for joined in uniques:
        places = []
        for name in (part.strip() for part in str(joined).split(";")):
            if name and name not in found:
                found[name] = place_lookup(name)
            if name and found[name] is not None:
                places.append((found[name], name))
        per_value.append(places)
    counts = np.array([len(places) for places in per_value], dtype=np.int64)[codes]
    if not counts.sum():
        return pd.DataFrame(columns=POINT_COLUMNS)
    row = np.repeat(np.arange(len(frame)), counts)
    pairs = [pair for code in codes for pair in per_value[code]]
    place = [p for p, _ in pairs]
    points = {column: _texts(frame, column)[row]
              for column in ("event_id", "date", "title", "event_type", "actors")}
    points.update(place=[p.name for p in place], place_kind=[p.kind for p in place],
                  country_code=[p.country_code for p in place],
                  lat=np.array([p.lat for p in place], dtype="float64"),
                  lon=np.array([p.lon for p in place], dtype="float64"),
                  place_as_written=[written for _, written in pairs])
    return pd.DataFrame(points, columns=POINT_COLUMNS)


def map_figure(frame: pd.DataFrame, title: str = "", labels: Mapping[str, str] | None = None,
               max_points: int = MAX_MAP_POINTS, height: int = 520) -> go.Figure:
    """A map of the events' places, one colour per event type (shown by `labels` where given).

    Uses Plotly's built-in geo projection, so it draws without a map token or tile server.
    Events at the same place are spread around it (a small sunflower) so each can be hovered
    and clicked. `fig.layout.meta`: {"points", "events", "unmapped", "aggregated"}.
    """
    points = place_points(frame)
    figure = go.Figure()
    aggregated = len(points) > max_points
    if points.empty:
        figure.add_annotation(text="No mapped places", showarrow=False, x=0.5, y=0.5,
                              xref="paper", yref="paper")
    elif aggregated:
        _add_place_counts(figure, points, labels)
    else:
        _add_event_points(figure, points, labels, colour_order(frame))
    figure.update_geos(projection_type="natural earth", showcountries=True,
                       countrycolor="#bbbbbb", showland=True, landcolor="#f3f3f0",
                       showocean=True, oceancolor="#e8f0f7", showframe=False,
                       **_view(points))
    mapped_events = points["event_id"].nunique() if len(points) else 0
    figure.update_layout(title=_escape(title) if title else None,
                         margin={"l": 0, "r": 0, "t": 70 if title else 40, "b": 0},
                         # above the map, clear of the mode bar at the top right
                         legend={"title": {"text": "Event type"}, "itemsizing": "constant", "orientation": "h",
                                 "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"},
                         height=height, hoverlabel={"align": "left"},
                         meta={"points": int(len(points)), "events": int(mapped_events),
                               "unmapped": int(len(frame) - mapped_events), "aggregated": bool(aggregated)})
    return figure


def selected_on_map(selection) -> tuple[list[str], str | None]:
    """(event ids of the clicked event markers, the place of a clicked count circle or None),
    from what st.plotly_chart(on_select=...) returns for a `map_figure`."""
    chosen = selected_event_ids(selection)
    places = [value[len(PLACE_PREFIX):] for value in chosen if value.startswith(PLACE_PREFIX)]
    return [value for value in chosen if not value.startswith(PLACE_PREFIX)], (places[0] if places else None)


def _escape(text) -> str:
    """Plain text made safe for Plotly's HTML-like labels: tags show as text, never render."""
    return html.escape(str(text), quote=False)


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _type_shown(value: str, labels: Mapping[str, str] | None) -> str:
    return (labels or {}).get(value, value) if value else NONE_LABEL


def _add_event_points(figure: go.Figure, points: pd.DataFrame, labels: Mapping[str, str] | None,
                      colours: list[str]) -> None:
    """One marker per event and place, a trace (legend entry) per event type in the timeline's
    colour order (busiest first; beyond its colours, the rest together as OTHER_LABEL)."""
    points = points.copy()
    points["colour"] = points["event_type"].replace("", NONE_LABEL)
    points.loc[~points["colour"].isin(colours), "colour"] = OTHER_LABEL
    if OTHER_LABEL in set(points["colour"]) and OTHER_LABEL not in colours:
        colours = [*colours, OTHER_LABEL]
    colour_of = colours_for(colours)
    lat, lon = _spread(points)
    points["lat_shown"], points["lon_shown"] = lat, lon
    points["shown_type"] = [_type_shown(v, labels) for v in points["event_type"]]
    points["hover"] = [
        f"<b>{_escape(_short(title or '(untitled)', 90))}</b><br>{_escape(date or 'no date')} · {_escape(kind)}"
        f"<br>Place: {_escape(place)}" + (f"<br>Actors: {_escape(_short(actors, 120))}" if actors else "")
        for title, date, kind, place, actors in zip(points["title"], points["date"], points["shown_type"],
                                                    points["place"], points["actors"])]
    for name in colours:
        group = points[points["colour"] == name]
        if group.empty:
            continue
        figure.add_trace(go.Scattergeo(
            lat=group["lat_shown"], lon=group["lon_shown"], name=_escape(_type_shown(name, labels)),
            mode="markers", legendgroup=name,
            marker={"size": 10, "opacity": 0.85, "color": colour_of[name],
                    "line": {"width": 1, "color": "white"}},
            customdata=group["event_id"].to_numpy(dtype=object),
            hovertext=group["hover"].to_numpy(dtype=object), hoverinfo="text",
        ))


def _add_place_counts(figure: go.Figure, points: pd.DataFrame, labels: Mapping[str, str] | None) -> None:
    """One circle per place, sized by how many events name it; hover gives the count per type."""
    grouped = points.groupby(["place", "lat", "lon"], sort=False)
    rows = []
    for (place, lat, lon), group in grouped:
        by_type = group.drop_duplicates("event_id")["event_type"].value_counts()
        lines = "<br>".join(f"{count:,} {_escape(_type_shown(t, labels))}" for t, count in by_type.head(8).items())
        events = int(group["event_id"].nunique())
        written = group["place_as_written"].value_counts().index[0]   # what the places filter knows
        rows.append((written, lat, lon, events,
                     f"<b>{_escape(place)}</b>: {events:,} event{'s' if events != 1 else ''}<br>{lines}"
                     "<br>Click to show only the events here"))
    table = pd.DataFrame(rows, columns=["place", "lat", "lon", "events", "hover"])
    largest = max(int(table["events"].max()), 1)
    figure.add_trace(go.Scattergeo(
        lat=table["lat"], lon=table["lon"], mode="markers", name="events per place", showlegend=False,
        marker={"size": 6 + 34 * np.sqrt(table["events"].to_numpy() / largest), "opacity": 0.7,
                "color": _COUNT_COLOUR, "line": {"width": 1, "color": "white"}},
        customdata=np.array([PLACE_PREFIX + p for p in table["place"]], dtype=object),
        hovertext=table["hover"].to_numpy(dtype=object), hoverinfo="text",
    ))


def _spread(points: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates with the events at one place spread around it on a sunflower spiral, the
    step scaled to the shown area so the markers sit a few pixels apart at any zoom."""
    lat = points["lat"].to_numpy(dtype="float64")
    lon = points["lon"].to_numpy(dtype="float64")
    nth = points.groupby(["lat", "lon"]).cumcount().to_numpy()
    span = _span(lat, lon)
    radius = 0.02 * span * np.sqrt(nth)
    angle = nth * _GOLDEN_ANGLE
    return np.clip(lat + radius * np.sin(angle), -89.0, 89.0), lon + radius * np.cos(angle)


def _span(lat: np.ndarray, lon: np.ndarray) -> float:
    if not len(lat):
        return 360.0
    return float(max(np.ptp(lon), 2 * np.ptp(lat), MIN_SPAN_DEGREES))


def _view(points: pd.DataFrame) -> dict:
    """The area around the mapped places (never closer than MIN_SPAN_DEGREES); the world without any."""
    if points.empty:
        return {}
    lat, lon = points["lat"].to_numpy(dtype="float64"), points["lon"].to_numpy(dtype="float64")
    span = _span(lat, lon)
    if span >= 200:
        return {}
    lon_mid = (lon.min() + lon.max()) / 2
    lat_mid = (lat.min() + lat.max()) / 2
    half_lon = span * 0.6
    half_lat = max(span * 0.35, (lat.max() - lat.min()) / 2 + 8)
    return {"lonaxis_range": [max(-180.0, lon_mid - half_lon), min(180.0, lon_mid + half_lon)],
            "lataxis_range": [max(-90.0, lat_mid - half_lat), min(90.0, lat_mid + half_lat)]}
