"""Regression gate (trafilatura's eval_gate): the tagger must not fall below its recorded scores.

Runs the shared TempEval-3 Task A scorer in-process on the shared sets; skipped where
../shared/benchmarks is absent. Raise the baseline in benchmark_baseline.json when scores rise.
"""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from timeline import find_dates

from shared_data import BENCHMARKS, require

BASELINE = json.loads((Path(__file__).with_name("benchmark_baseline.json")).read_text())


def _scorer():
    path = require(BENCHMARKS / "score_timex.py")
    spec = importlib.util.spec_from_file_location("score_timex", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_timex"] = module   # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(BASELINE))
def test_scores_stay_at_or_above_baseline(name):
    st = _scorer()
    docs = st.load_gold(require(BENCHMARKS / name))
    lang = BASELINE[name].get("lang")
    predictions = [
        st.Timex(doc=doc.doc, start=m.start, end=m.end, text=m.text, value=m.value, type=m.type)
        for doc in docs.values()
        for m in find_dates(doc.text, doc.dct_date, lang or getattr(doc, "lang", None) or None)
    ]
    summary, _ = st.score(docs, predictions)
    scores = st.headline(summary)
    for metric, floor in BASELINE[name]["floors"].items():
        assert scores[metric] >= floor, f"{name} {metric} fell to {scores[metric]} (baseline {floor})"
