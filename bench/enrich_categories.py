"""Counts of the events table's actor, place and type errors by category, for the frozen set or dev.

    python bench/enrich_categories.py [--set frozen|dev] [--lines]

Rows are matched to gold happenings as bench/score_events.py matches them. Each missed or extra
name is put in one category by rules on the rows alone, so the frozen set can be read as counts
without reading its names (`--lines` prints the names, and is refused for the frozen set):

  places  missed: the country of a city the row names / the article's most named country (row has
          no place) / the article's most named country (row has places) / other; extra
  actors  missed: named in the row before / the state of a place the row names / named elsewhere
          in the article / other; extra: by kind in the gazetteer (state, person, organisation, not
          in the gazetteer)
  type    gold <- row
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import event_misses  # noqa: E402
import score_events  # noqa: E402
from timeline import extract_events  # noqa: E402
from timeline.enrich import _gazetteer, _scan, find_places, place_lookup  # noqa: E402
from timeline.text import sentence_bounds  # noqa: E402


def _kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for bucket in _gazetteer().aliases.values():
        for alias in bucket:
            kinds.setdefault(alias.entry.name, alias.entry.kind)
    return kinds


def _country(name: str) -> str:
    place = place_lookup(name)
    return place.country_code if place else ""


def _names_in(text, record) -> set[str]:
    return {m.entry.name for m in _scan(str(text or ""), record["lang"], record["published"])}


def _sentence_before(folder: Path, record: dict, row: dict) -> str:
    text = (folder / f"{record['id']}.txt").read_text(encoding="utf-8")
    bounds = sentence_bounds(text)
    k = next((k for k, (a, b) in enumerate(bounds) if a <= (row["char_start"] or 0) < b), 0)
    return text[bounds[k - 1][0]:bounds[k - 1][1]] if k else ""


def matched(folder: Path, gold_file: Path):
    """(article record, gold happening, row, the article's rows, row index) per matched happening."""
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = (folder / f"{record['id']}.txt").read_text(encoding="utf-8")
        rows = extract_events(text, published=record["published"], lang=record["lang"],
                              source=record["id"]).to_dict("records")
        used: set[int] = set()
        for event in record["events"]:
            hit = score_events.matching_row(text, rows, event, used)
            if hit is None or "event_type" not in event:
                continue
            used.add(hit)
            yield record, event, rows[hit], rows, hit


def categorise(folder: Path, gold_file: Path) -> dict[str, collections.Counter]:
    kinds = _kinds()
    counts = {"places": collections.Counter(), "actors": collections.Counter(), "type": collections.Counter()}
    lines: list[str] = []
    texts: dict[str, set[str]] = {}
    for record, event, row, rows, index in matched(folder, gold_file):
        split = score_events._split
        if record["id"] not in texts:
            text = (folder / f"{record['id']}.txt").read_text(encoding="utf-8")
            texts[record["id"]] = {m.entry.name for m in _scan(text, record["lang"], record["published"])} \
                | {p.name for p in find_places(text, record["lang"])}
        article_names = texts[record["id"]]
        places, actors = split(row["places"]), split(row["actors"])
        named = collections.Counter(code for r in rows for name in (*split(r["places"]), *split(r["actors"]))
                                    if kinds.get(name) == "state" and (code := _country(name)))
        dominant = named.most_common(1)[0][0] if named else ""
        for name in set(event["places"]) - places:
            if kinds.get(name) == "state" and any(_country(p) == _country(name) for p in places):
                kind = "missed: country of a city named"
            elif _country(name) == dominant and kinds.get(name) == "state":
                kind = "missed: dominant country, row has " + ("places" if places else "no place")
            elif name in actors:
                kind = "missed: the row has it as actor"
            elif any(name in split(r["places"]) for r in rows[max(0, index - 1):index]):
                kind = "missed: in the row before"
            elif any(name in split(r["places"]) for r in rows):
                kind = "missed: elsewhere in the article"
            elif name in article_names:
                kind = "missed: found in the article's text"
            elif _country(name) and any(_country(n) == _country(name) for n in article_names):
                kind = "missed: the country of a place the article names"
            else:
                kind = "missed: not found in the article"
            kind += f" ({kinds.get(name, 'unknown')})"
            counts["places"][kind] += 1
            lines.append(f"places {kind}: {name} ({record['id']} {event['anchor']})")
        for name in places - set(event["places"]):
            counts["places"]["extra"] += 1
            lines.append(f"places extra: {name} ({record['id']} {event['anchor']})")
        before = split(rows[index - 1]["actors"]) if index else set()
        elsewhere = {n for r in rows for n in split(r["actors"])}
        for name in set(event["actors"]) - actors:
            if name in before:
                kind = "missed: in the row before"
            elif kinds.get(name) == "state" and any(_country(p) == _country(name) for p in places):
                kind = "missed: state of a place named"
            elif name in elsewhere:
                kind = "missed: elsewhere in the article"
            elif name in _names_in(row["evidence"], record):
                kind = "missed: in the row's sentence, not as actor"
            elif name in _names_in(_sentence_before(folder, record, row), record):
                kind = "missed: in the sentence before"
            elif name in article_names:
                kind = "missed: found in the article's text"
            elif _country(name) and any(_country(n) == _country(name) for n in article_names):
                kind = "missed: the state of a place the article names"
            else:
                kind = "missed: not found in the article"
            kind += f" ({kinds.get(name, 'unknown')})"
            counts["actors"][kind + (" (row has none)" if not actors else "")] += 1
            lines.append(f"actors {kind}: {name} ({record['id']} {event['anchor']})")
        for name in actors - set(event["actors"]):
            kind = f"extra: {kinds.get(name, 'unknown')}"
            if kinds.get(name) == "state" and name in set(event["places"]):
                kind += " (gold has it as place)"
            counts["actors"][kind] += 1
            lines.append(f"actors {kind}: {name} ({record['id']} {event['anchor']})")
        if row["event_type"] != event["event_type"]:
            counts["type"][f"{event['event_type']} <- {row['event_type']}"] += 1
    return counts, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("frozen", "dev"), default="frozen")
    parser.add_argument("--lines", action="store_true", help="print each error (dev only)")
    args = parser.parse_args()
    if args.lines and args.set == "frozen":
        sys.exit("the frozen set is read as counts only")
    if args.set == "frozen":
        counts, lines = categorise(score_events.FROZEN, score_events.FROZEN / "gold.jsonl")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            gold_file = Path(tmp) / "gold.jsonl"
            gold_file.write_text("\n".join(json.dumps(a, ensure_ascii=False)
                                           for a in event_misses.dev_gold(score_events.NEWS_DEV)) + "\n",
                                 encoding="utf-8")
            counts, lines = categorise(score_events.NEWS_DEV, gold_file)
    for field, counter in counts.items():
        print(f"{field}: {sum(counter.values())}")
        for kind, n in counter.most_common():
            print(f"  {n:3d}  {kind}")
    if args.lines:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
