"""How long filtering and building the timeline figure take, and how big the figure gets.

    /work/venv/bin/python bench/chart_scale.py [--sizes 1000 10000 100000]

For each size: a synthetic events table (ten years, a dozen sources, four event types,
mostly day precision with some months and years), then
- filter: `filter_events` with a date range, a search word and a confidence floor,
- figure: `timeline_figure` on the filtered rows (lanes by event type, and by actor),
- payload: len(fig.to_json()), what the browser has to receive.
The goal at 100k events is filter + figure under 1 s and a payload under 5 MB.
Not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.chart import filter_events, timeline_figure  # noqa: E402
from timeline.schema import conform  # noqa: E402

EVENT_TYPES = ("meeting", "statement", "diplomatic call", "military action")
ACTORS = ("Iran", "Russia", "Turkey", "United States", "Syria", "Israel", "Qatar", "Jordan")


def synthetic_events(n: int, seed: int = 0) -> pd.DataFrame:
    """`n` plausible events over 2015-2024 in the events schema."""
    rng = np.random.default_rng(seed)
    first = np.datetime64("2015-01-01") + rng.integers(0, 3650, n).astype("timedelta64[D]")
    precision = rng.choice(["day", "month", "year"], n, p=[0.75, 0.18, 0.07])
    start = first.copy()
    end = first.copy()
    month = precision == "month"
    start[month] = first[month].astype("datetime64[M]").astype("datetime64[D]")
    end[month] = (first[month].astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
    year = precision == "year"
    start[year] = first[year].astype("datetime64[Y]").astype("datetime64[D]")
    end[year] = (first[year].astype("datetime64[Y]") + 1).astype("datetime64[D]") - 1
    value = start.astype(str).astype(object)                 # the date at its precision
    value[month] = [v[:7] for v in value[month]]
    value[year] = [v[:4] for v in value[year]]
    actors = [f"{a}; {b}" for a, b in zip(rng.choice(ACTORS, n), rng.choice(ACTORS, n))]
    return conform(pd.DataFrame({
        "event_id": [f"ev-{i:012x}" for i in range(n)],
        "date": value,
        "precision": precision,
        "start": start.astype(str),
        "end": end.astype(str),
        "date_text": "8 Desember",
        "title": [f"Ministers met over the border crossing ({i})" for i in range(n)],
        "evidence": "The foreign ministers met on 8 December to discuss the border crossing and aid.",
        "actors": actors,
        "event_type": rng.choice(EVENT_TYPES, n),
        "source": rng.choice([f"source-{i}.txt" for i in range(12)], n),
        "confidence": rng.uniform(0.3, 1.0, n),
        "origin": "extracted",
    }))


def measure(frame: pd.DataFrame, lane: str) -> tuple[float, float, float, str]:
    """(filter seconds, figure seconds, payload MB, how the figure drew the events)."""
    began = time.perf_counter()
    filtered = filter_events(frame, date_from="2016-01-01", date_to="2024-06-30", text="border",
                             min_confidence=0.35)
    filtered_at = time.perf_counter()
    figure = timeline_figure(filtered, lane=lane)
    built_at = time.perf_counter()
    payload = len(figure.to_json()) / 1e6
    drawn = figure.layout.meta["aggregated"] or "each event"
    return filtered_at - began, built_at - filtered_at, payload, f"{drawn} ({len(filtered):,} rows)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args()
    print(f"{'events':>8} {'lane':>10} {'filter s':>9} {'figure s':>9} {'total s':>8} {'payload MB':>11}  drawn as")
    for size in args.sizes:
        frame = synthetic_events(size)
        timeline_figure(frame.head(50))  # warm imports and plotly validators
        for lane in ("event_type", "actor"):
            filter_s, figure_s, payload, drawn = measure(frame, lane)
            print(f"{size:>8,} {lane:>10} {filter_s:>9.3f} {figure_s:>9.3f} {filter_s + figure_s:>8.3f} "
                  f"{payload:>11.2f}  {drawn}")


if __name__ == "__main__":
    main()
