"""How good the events table is: event dates, actors, places, type, role (and headlines) against gold.

    python bench/score_events.py [--misses] [--json OUT]

Two sets:
  * frozen: tests/frozen_events/ (22 articles, 6 languages, written in our own words and never tuned
    on). Each gold happening names its date as written (`anchor`), its date, role, type, actors,
    places and a reference headline.
  * news-dev: ../shared/benchmarks/news-dev/gold.jsonl, whose `events` carry an anchor and a date.

Event-date precision is the share of rows that sit on a gold happening's anchor with its date;
recall the share of gold happenings found so. Actors and places are micro P/R/F1 over the rows
matched to a gold happening; type and role are accuracies over those rows. Rows are matched to a
gold happening when the row's date offsets overlap the anchor's occurrence in the text.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline import extract_events  # noqa: E402
from timeline.text import sentence_bounds  # noqa: E402

FROZEN = ROOT / "tests" / "frozen_events"
NEWS_DEV = ROOT.parent / "shared" / "benchmarks" / "news-dev"


def _span(text: str, anchor: str, occurrence: int) -> tuple[int, int]:
    position = -1
    for _ in range(occurrence):
        position = text.find(anchor, position + 1)
        if position < 0:
            raise ValueError(f"anchor {anchor!r} #{occurrence} not in text")
    return position, position + len(anchor)


def _split(cell) -> set[str]:
    return {part.strip() for part in str(cell or "").split(";") if part.strip()}


def _ratio(top: int, bottom: int) -> float:
    return round(top / bottom, 3) if bottom else 0.0


def _prf(tp: int, predicted: int, gold: int) -> dict:
    precision, recall = _ratio(tp, predicted), _ratio(tp, gold)
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def matching_row(text: str, rows: list[dict], event: dict, used: set[int]) -> int | None:
    """The index of the row (not in `used`) that stands for the gold happening `event` of `text`,
    or None: the row whose date overlaps the gold anchor; else a row of the anchor's sentence with
    the gold date (dates written side by side for one moment give one row, dated by one of them);
    else a row with the gold date whose evidence holds the anchor's sentence (one row stands for a
    happening the article tells more than once)."""
    start, end = _span(text, event["anchor"], event.get("anchor_occurrence", 1))
    gold_date = event["date"].split("T")[0]
    hit = next((i for i, row in enumerate(rows) if i not in used and row["char_start"] is not None
                and row["char_start"] < end and start < row["char_end"]), None)
    sentence = next(((a, b) for a, b in sentence_bounds(text) if a <= start < b), (start, end))
    if hit is None:
        hit = next((i for i, row in enumerate(rows) if i not in used and row["char_start"] is not None
                    and sentence[0] <= row["char_start"] < sentence[1] and row["date"] == gold_date), None)
    if hit is None:
        said = " ".join(text[sentence[0]:sentence[1]].split())
        hit = next((i for i, row in enumerate(rows) if i not in used and row["date"] == gold_date
                    and said and said in str(row.get("evidence") or "")), None)
    return hit


def score(folder: Path, gold_file: Path, infer_dates: bool | None = None) -> tuple[dict, list[str]]:
    """(scores, one line per miss) for the articles of `gold_file` whose texts lie in `folder`;
    `infer_dates` is extract_events's (None: its default)."""
    counts = {"rows": 0, "rows_right": 0, "gold": 0, "gold_found": 0, "matched": 0, "type_right": 0,
              "role_right": 0, "headline_ok": 0}
    names = {field: {"tp": 0, "predicted": 0, "gold": 0} for field in ("actors", "places")}
    misses: list[str] = []
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = (folder / f"{record['id']}.txt").read_text(encoding="utf-8")
        rows = extract_events(text, published=record["published"], lang=record["lang"],
                              source=record["id"], infer_dates=infer_dates).to_dict("records")
        counts["rows"] += len(rows)
        used: set[int] = set()
        for event in record["events"]:
            counts["gold"] += 1
            gold_date = event["date"].split("T")[0]
            hit = matching_row(text, rows, event, used)
            if hit is None:
                misses.append(f"{record['id']}: no row for {event['anchor']!r} ({gold_date})")
                continue
            used.add(hit)
            row = rows[hit]
            if row["date"] == gold_date:
                counts["gold_found"] += 1
                counts["rows_right"] += 1
            else:
                misses.append(f"{record['id']}: {event['anchor']!r} dated {row['date']}, gold {gold_date}")
            if "event_type" not in event:
                continue             # news-dev labels dates only
            counts["matched"] += 1
            for field in ("actors", "places"):
                gold, guess = set(event[field]), _split(row[field])
                names[field]["tp"] += len(gold & guess)
                names[field]["predicted"] += len(guess)
                names[field]["gold"] += len(gold)
                if gold != guess:
                    misses.append(f"{record['id']}: {event['anchor']!r} {field} {sorted(guess)} gold {sorted(gold)}")
            if row["event_type"] == event["event_type"]:
                counts["type_right"] += 1
            else:
                misses.append(f"{record['id']}: {event['anchor']!r} type {row['event_type']!r} gold {event['event_type']!r}")
            role = row.get("role") or "happening"
            if "role" not in event:
                counts["role_right"] += 1    # a set that labels no role (the dev set) counts none wrong
            elif role == event["role"]:
                counts["role_right"] += 1
            else:
                misses.append(f"{record['id']}: {event['anchor']!r} role {role!r} gold {event['role']!r}")
            headline = str(row.get("headline") or "")
            if headline and len(headline.split()) <= 14:
                counts["headline_ok"] += 1
        for i, row in enumerate(rows):
            if i not in used:
                misses.append(f"{record['id']}: extra row {row['date_text']!r} -> {row['date']} ({row.get('role') or ''})")
    scores = {"event_date": {"precision": _ratio(counts["rows_right"], counts["rows"]),
                             "recall": _ratio(counts["gold_found"], counts["gold"]),
                             "rows": counts["rows"], "gold": counts["gold"]}}
    if counts["matched"]:
        scores.update({field: _prf(**names[field]) for field in names})
        scores["type_accuracy"] = _ratio(counts["type_right"], counts["matched"])
        scores["role_accuracy"] = _ratio(counts["role_right"], counts["matched"])
        scores["headline_share"] = _ratio(counts["headline_ok"], counts["matched"])
        scores["matched"] = counts["matched"]
    return scores, misses


def score_frozen(infer_dates: bool | None = None) -> tuple[dict, list[str]]:
    """Scores on the frozen set of tests/frozen_events/."""
    return score(FROZEN, FROZEN / "gold.jsonl", infer_dates)


def score_news_dev(infer_dates: bool | None = None) -> tuple[dict, list[str]]:
    """Event-date scores on news-dev (only its dates are labelled)."""
    return score(NEWS_DEV, NEWS_DEV / "gold.jsonl", infer_dates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every miss")
    parser.add_argument("--json", help="write the scores to this file")
    parser.add_argument("--infer-dates", choices=("on", "off"), help="rows for undated happenings "
                        "(timeline.inferred); default: extract_events's")
    args = parser.parse_args()
    infer = None if args.infer_dates is None else args.infer_dates == "on"
    result = {}
    for name, scorer in (("frozen", score_frozen), ("news-dev", score_news_dev)):
        if name == "news-dev" and not NEWS_DEV.exists():
            continue
        scores, misses = scorer(infer)
        result[name] = scores
        print(name, json.dumps(scores))
        if args.misses:
            print("\n".join("  " + m for m in misses))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
