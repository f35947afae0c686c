"""Every miss of the events table on the development set, lined up by category.

    python bench/event_misses.py [--category date|actors|places|type]

The development set is news-dev (../shared/benchmarks/news-dev/gold.jsonl: each happening's date
as written and its date) with the hand labels of tests/enrich_gold.jsonl (actors, places, type of
the same happenings). The rows are those of `extract_events`, scored as bench/score_events.py
scores them. Misses are counted per category, with a sub-category for each:

  date     extra row (no gold happening), no row, wrong date
  actors   missed name, extra name
  places   missed name, extra name
  type     gold type <- row type

The frozen set (tests/frozen_events/) is a gate, not a place to read errors from: this script never
prints its misses.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score_events  # noqa: E402

ENRICH_GOLD = HERE.parent / "tests" / "enrich_gold.jsonl"


def dev_gold(folder: Path) -> list[dict]:
    """news-dev's gold articles, each happening with the enrich_gold labels of its anchor."""
    labels = {}
    for line in ENRICH_GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label = json.loads(line)
            labels[(label["doc"], label["anchor"], label["anchor_occurrence"])] = label
    articles = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        article = json.loads(line)
        for event in article["events"]:
            label = labels.get((article["id"], event["anchor"], event.get("anchor_occurrence", 1)))
            if label:
                event.update({field: label[field] for field in ("actors", "places", "event_type")})
        articles.append(article)
    return articles


def categorise(miss: str) -> tuple[str, str]:
    """(category, sub-category) of one miss line of score_events.score."""
    if ": extra row " in miss:
        return "date", "extra row"
    if ": no row for " in miss:
        return "date", "no row"
    if " dated " in miss:
        return "date", "wrong date"
    kind = re.search(r"' (actors|places|type|role) ", miss)
    if not kind:
        return "other", ""
    field = kind.group(1)
    if field == "type":
        got, gold = re.search(r"type '(\w*)' gold '(\w*)'", miss).groups()
        return "type", f"{gold} <- {got}"
    got, gold = re.search(rf"{field} (\[.*?\]) gold (\[.*?\])$", miss).groups()
    got, gold = set(eval(got)), set(eval(gold))  # noqa: S307 - our own repr of two lists of names
    sub = []
    if gold - got:
        sub.append("missed")
    if got - gold:
        sub.append("extra")
    return field, "+".join(sub)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--category", choices=("date", "actors", "places", "type"))
    args = parser.parse_args()
    folder = score_events.NEWS_DEV
    if not (folder / "gold.jsonl").exists():
        sys.exit(f"news-dev is not at {folder}")
    with tempfile.TemporaryDirectory() as tmp:
        gold_file = Path(tmp) / "gold.jsonl"
        gold_file.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in dev_gold(folder)) + "\n",
                             encoding="utf-8")
        scores, misses = score_events.score(folder, gold_file)
    print("dev (news-dev + enrich_gold labels)", json.dumps(scores))
    by_category: dict[str, dict[str, list[str]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for miss in misses:
        category, sub = categorise(miss)
        by_category[category][sub].append(miss)
    for category in ("date", "actors", "places", "type", "other"):
        if args.category and category != args.category:
            continue
        subs = by_category.get(category, {})
        print(f"\n== {category}: {sum(map(len, subs.values()))}")
        for sub, lines in sorted(subs.items(), key=lambda item: -len(item[1])):
            print(f"  -- {sub}: {len(lines)}")
            for line in lines:
                print("     ", line)


if __name__ == "__main__":
    main()
