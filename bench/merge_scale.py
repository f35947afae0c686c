"""How long merging reports of one happening takes on 10k and 100k rows, and how many pairs it scores.

    /work/venv/bin/python bench/merge_scale.py [--sizes 10000 100000] [--threshold 0.6]

For each size: a synthetic events table of happenings spread over two years, each reported by one
to four outlets (their titles are the happening's words shuffled, with a word or two swapped and
filler added; an outlet sometimes drops an actor or dates the happening to its month only), then
- pairs: `candidate_pairs` (rows that share a name and whose dates overlap), and how many that is
  per row, against the n*(n-1)/2 that all pairs would be,
- merge: `merge_events` on the whole table (candidate pairs, scores, groups, merged rows),
- against the synthetic truth: pairwise precision and recall of "in one merged row".
Not a test: timings depend on the machine. The goal is 100k rows in well under a minute.
"""
from __future__ import annotations

import argparse
import sys
import time
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.merge import _prepare, candidate_pairs, merge_events  # noqa: E402

EVENT_TYPES = ("meeting", "call", "statement", "military_action", "agreement", "election", "protest",
               "appointment", "legal_action", "aid")
FILLER = ("the", "on", "said", "after", "with", "yang", "pada", "dan", "le", "des")
OUTLETS = 60


def synthetic_reports(n: int, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    """About `n` rows in the events schema, and for each row the happening it reports."""
    rng = np.random.default_rng(seed)
    actors = [f"Actor {i}" for i in range(400)]
    places = [f"Place {i}" for i in range(300)]
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words = ["".join(rng.choice(letters, size=int(rng.integers(4, 10)))) for _ in range(3000)]
    actor_weights = 1 / np.arange(1, len(actors) + 1)  # a few actors are in the news every day
    actor_weights /= actor_weights.sum()
    first_day = np.datetime64("2024-01-01")
    rows, truth = [], []
    happening = 0
    while len(rows) < n:
        day = first_day + np.timedelta64(int(rng.integers(0, 730)), "D")
        cast = list(rng.choice(actors, size=int(rng.integers(1, 4)), replace=False, p=actor_weights))
        place = [str(rng.choice(places))] if rng.random() < 0.6 else []
        event_type = str(rng.choice(EVENT_TYPES))
        story = list(rng.choice(words, size=7, replace=False))
        for outlet in rng.choice(OUTLETS, size=int(rng.integers(1, 5)), replace=False):
            told = [w if rng.random() > 0.2 else str(rng.choice(words)) for w in story]
            told += list(rng.choice(FILLER, size=2))
            rng.shuffle(told)
            named = [a for a in cast if rng.random() > 0.2] or cast[:1]
            month_only = rng.random() < 0.15
            start = day.astype("datetime64[M]").astype("datetime64[D]") if month_only else day
            end = ((day.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1) if month_only else day
            rows.append({
                "event_id": f"ev-{len(rows)}",
                "date": str(day.astype("datetime64[M]")) if month_only else str(day),
                "precision": "month" if month_only else "day",
                "start": str(start), "end": str(end),
                "title": " ".join(told),
                "actors": "; ".join(named), "places": "; ".join(place),
                "event_type": event_type if rng.random() > 0.1 else "",
                "source": f"outlet{outlet}/{day}", "confidence": 0.9,
            })
            truth.append(happening)
        happening += 1
    return pd.DataFrame(rows[:n]), np.array(truth[:n])


def pairwise_scores(merged: pd.DataFrame, truth: np.ndarray, ids: pd.Series) -> tuple[float, float]:
    """Precision and recall of "these two rows are in one merged row" against the truth."""
    position = {event_id: index for index, event_id in enumerate(ids)}
    found = 0
    correct = 0
    for members in merged.loc[merged["merged_from"] != "", "merged_from"]:
        indexes = [position[m] for m in members.split("; ")]
        for i, j in combinations(indexes, 2):
            found += 1
            correct += truth[i] == truth[j]
    _, counts = np.unique(truth, return_counts=True)
    real = int((counts * (counts - 1) // 2).sum())
    return (correct / found if found else 1.0), (correct / real if real else 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--threshold", type=float, default=0.6)
    args = parser.parse_args()
    print(f"{'rows':>8} {'pairs':>10} {'pairs/row':>9} {'all pairs':>14} {'pairs (s)':>9} "
          f"{'merge (s)':>9} {'merged rows':>11} {'P':>6} {'R':>6}")
    for size in args.sizes:
        frame, truth = synthetic_reports(size)
        started = time.perf_counter()
        pairs = sum(1 for _ in candidate_pairs([_prepare(record) for record in frame.to_dict("records")]))
        pairs_seconds = time.perf_counter() - started
        started = time.perf_counter()
        merged = merge_events(frame, threshold=args.threshold)
        merge_seconds = time.perf_counter() - started
        precision, recall = pairwise_scores(merged, truth, frame["event_id"])
        print(f"{size:>8} {pairs:>10} {pairs / size:>9.1f} {size * (size - 1) // 2:>14} "
              f"{pairs_seconds:>9.2f} {merge_seconds:>9.2f} {int((merged['merged_from'] != '').sum()):>11} "
              f"{precision:>6.3f} {recall:>6.3f}")


if __name__ == "__main__":
    main()
