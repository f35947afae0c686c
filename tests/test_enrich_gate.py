"""Quality gate for timeline.enrich: precision and recall of actors, places and event types.

The hand labels in tests/enrich_gold.jsonl cover every event of ../shared/benchmarks/news-dev
and the seed article. Each label is compared with what the finders return for the sentence
that holds the event's anchor (the date as written). The scores may not fall below those
recorded in tests/enrich_baseline.json; raise the baseline when the scores improve.

Run `python tests/test_enrich_gate.py` to print the scores and every miss.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from timeline.enrich import classify_event, find_actors, find_places  # noqa: E402

GOLD_FILE = HERE / "enrich_gold.jsonl"
BASELINE_FILE = HERE / "enrich_baseline.json"
SHARED = HERE.parent.parent / "shared"
FIELDS = ("actors", "places", "event_type")

_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def anchor_sentence(text: str, anchor: str, occurrence: int) -> str:
    """The sentence (or headline line) holding the `occurrence`-th copy of `anchor`."""
    position = -1
    for _ in range(occurrence):
        position = text.find(anchor, position + 1)
        if position < 0:
            raise ValueError(f"anchor {anchor!r} #{occurrence} not in text")
    start, end = 0, len(text)
    for boundary in _SENTENCE_END.finditer(text):
        if boundary.end() <= position:
            start = boundary.end()
        elif boundary.start() >= position + len(anchor):
            end = boundary.start()
            break
    return text[start:end]


def predict(record: dict, text: str, article: str = "") -> dict:
    """What enrichment finds in the record's sentence; `article` is the whole text, which the
    pipeline gives enrichment too (a short name counts where the article names the actor in full)."""
    sentence = anchor_sentence(text, record["anchor"], record["anchor_occurrence"])
    lang = record["lang"]
    event_type, cue = classify_event(sentence, lang, near=record["anchor"])
    return {
        "sentence": sentence,
        "actors": find_actors(sentence, lang, record["published"], article),
        "places": [place.name for place in find_places(sentence, lang)],
        "event_type": [event_type] if event_type else [],
        "cue": cue,
    }


def score(records: list[dict], shared: Path = SHARED) -> tuple[dict, list[dict]]:
    """Micro precision and recall per field, and the records with their predictions."""
    counts = {field: {"tp": 0, "predicted": 0, "gold": 0} for field in FIELDS}
    texts: dict[str, str] = {}
    results = []
    for record in records:
        if record["path"] not in texts:
            texts[record["path"]] = (shared / record["path"]).read_text(encoding="utf-8")
    for record in records:
        predicted = predict(record, texts[record["path"]], texts[record["path"]])
        for field in FIELDS:
            gold = set(record[field] if field != "event_type" else [record[field]] if record[field] else [])
            guess = set(predicted[field])
            counts[field]["tp"] += len(gold & guess)
            counts[field]["predicted"] += len(guess)
            counts[field]["gold"] += len(gold)
        results.append({**record, "predicted": predicted})
    scores = {}
    for field, c in counts.items():
        scores[field] = {
            "precision": round(c["tp"] / c["predicted"], 3) if c["predicted"] else 0.0,
            "recall": round(c["tp"] / c["gold"], 3) if c["gold"] else 0.0,
            **c,
        }
    return scores, results


needs_shared = pytest.mark.skipif(
    not (SHARED / "benchmarks" / "news-dev").is_dir() or not (SHARED / "seeds").is_dir(),
    reason="../shared (news-dev benchmark and seed article) is not present next to the repository",
)


def test_gold_file_is_well_formed():
    records = load_gold()
    assert len(records) >= 70
    for record in records:
        assert set(record) >= {"doc", "path", "lang", "published", "anchor", "anchor_occurrence",
                               *FIELDS}
        assert isinstance(record["actors"], list) and isinstance(record["places"], list)
        assert isinstance(record["event_type"], str)


def test_gold_event_types_are_in_the_taxonomy():
    from timeline.enrich import event_taxonomy

    types = set(event_taxonomy())
    assert {r["event_type"] for r in load_gold()} <= types


@needs_shared
def test_gold_covers_every_news_dev_event():
    labelled = {(r["doc"], r["anchor"], r["anchor_occurrence"]) for r in load_gold()}
    gold_path = SHARED / "benchmarks" / "news-dev" / "gold.jsonl"
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        for event in article["events"]:
            assert (article["id"], event["anchor"], event["anchor_occurrence"]) in labelled


@needs_shared
@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("measure", ("precision", "recall"))
def test_scores_do_not_fall_below_baseline(field, measure):
    baseline = json.loads(BASELINE_FILE.read_text(encoding="utf-8"))
    scores, _ = _scores()
    assert scores[field][measure] >= baseline[field][measure], (
        f"{field} {measure} fell to {scores[field][measure]} (baseline {baseline[field][measure]}); "
        "run `python tests/test_enrich_gate.py` to see the misses"
    )


@needs_shared
def test_seed_events_named_in_the_issue():
    results = {(r["anchor"], r["anchor_occurrence"]): r["predicted"]
               for r in _scores()[1] if r["doc"].startswith("seed/")}
    call = results[("hari Rabu", 1)]
    assert {"Vladimir Putin", "Ahmed al-Sharaa"} <= set(call["actors"])
    assert call["event_type"] == ["call"]
    meeting = results[("28 Januari", 1)]
    assert {"Mikhail Bogdanov", "Alexander Lavrentyev", "Ahmed al-Sharaa"} <= set(meeting["actors"])
    assert meeting["places"] == ["Damascus"]
    assert "Damascus" in results[("8 Desember", 1)]["places"]


_CACHE: dict = {}


def _scores():
    if "scores" not in _CACHE:
        _CACHE["scores"] = score(load_gold())
    return _CACHE["scores"]


def main() -> None:
    scores, results = score(load_gold())
    print(f"{'field':<11} {'precision':>9} {'recall':>7}   tp/predicted/gold")
    for field, s in scores.items():
        print(f"{field:<11} {s['precision']:>9.3f} {s['recall']:>7.3f}   {s['tp']}/{s['predicted']}/{s['gold']}")
    for r in results:
        p = r["predicted"]
        misses = []
        for field in FIELDS:
            gold = r[field] if field != "event_type" else ([r[field]] if r[field] else [])
            if set(gold) != set(p[field]):
                misses.append(f"{field}: gold {gold} got {p[field]}")
        if misses:
            print(f"\n{r['doc']} [{r['anchor']}#{r['anchor_occurrence']}] cue={p['cue']!r}")
            print("   ", p["sentence"][:160])
            for miss in misses:
                print("    -", miss)


if __name__ == "__main__":
    main()
