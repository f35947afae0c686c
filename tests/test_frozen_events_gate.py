"""Quality gate on the frozen events set (tests/frozen_events/, never tuned on) and news-dev's gold events.

Scores come from bench/score_events.py; they may not fall below tests/frozen_events/floors.json.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "bench"))

import score_events  # noqa: E402

from shared_data import BENCHMARKS, require  # noqa: E402

FLOORS = json.loads((HERE / "frozen_events" / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def frozen():
    return score_events.score_frozen()[0]


def test_frozen_set_has_twenty_articles_in_five_languages():
    records = [json.loads(line) for line in (HERE / "frozen_events" / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 20 and len({r["lang"] for r in records}) >= 5
    assert all(e["role"] in ("happening", "plan", "background") and e["headline"] for r in records for e in r["events"])


@pytest.mark.parametrize("path", [("event_date", "precision"), ("event_date", "recall"), ("actors", "f1"),
                                  ("places", "f1"), ("type_accuracy",), ("role_accuracy",), ("headline_share",)])
def test_frozen_scores_stay_above_their_floors(frozen, path):
    score, floor = frozen, FLOORS
    for key in path:
        score, floor = score[key], floor[key]
    assert score >= floor, f"{'.'.join(path)} {score} < floor {floor}"


def test_news_dev_event_dates_stay_above_their_floors():
    require(BENCHMARKS / "news-dev" / "gold.jsonl")
    scores = score_events.score_news_dev()[0]["event_date"]
    for key, floor in FLOORS["news_dev_event_date"].items():
        assert scores[key] >= floor, f"news-dev event_date {key} {scores[key]} < floor {floor}"
