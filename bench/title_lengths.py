#!/usr/bin/env python3
"""How long the events table's titles are: words per title on the development articles.

    python bench/title_lengths.py             # median, mean, share over 12 words, per language
    python bench/title_lengths.py --long      # and every title over 12 words, to read

The articles: the news-dev set and the seed from ../shared (with their publication dates and
languages) and the demo articles in data/demo. Issue 10 asks for titles of "at most about 12
words where the clause allows" (timeline.titles.TARGET_WORDS); this counts words as the title
column shows them, split at white space.
"""
from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))


def documents() -> list[tuple[str, str, date, str]]:
    """(name, text, published, lang) of the news-dev articles, the seed and the demo articles."""
    out = []
    news_dev = SHARED / "benchmarks" / "news-dev"
    if (news_dev / "gold.jsonl").is_file():
        for line in (news_dev / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out.append((f"news-dev/{record['id']}", (news_dev / f"{record['id']}.txt").read_text(encoding="utf-8"),
                        date.fromisoformat(record["published"]), record["lang"]))
    seed = SHARED / "seeds" / "000_d7403727daf98fa3.txt"
    if seed.is_file():
        out.append(("seed", seed.read_text(encoding="utf-8"), date(2025, 2, 13), "id"))
    demo = REPO / "data" / "demo"
    for entry in json.loads((demo / "index.json").read_text(encoding="utf-8"))["documents"]:
        out.append((f"demo/{entry['file']}", (demo / entry["file"]).read_text(encoding="utf-8"),
                    date.fromisoformat(entry["published"]), entry["lang"]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--long", action="store_true", help="print every title over TARGET_WORDS words")
    args = parser.parse_args(argv)
    from timeline import extract_events, titles

    TARGET_WORDS = getattr(titles, "TARGET_WORDS", 12)   # 12 in versions before the constant, to compare

    lengths: dict[str, list[int]] = collections.defaultdict(list)
    for name, text, published, lang in documents():
        for title in extract_events(text, published, lang).title:
            words = len(title.split())
            lengths[lang].append(words)
            if args.long and words > TARGET_WORDS:
                print(f"{words:3} {name}: {title}")
    every = [n for values in lengths.values() for n in values]
    if not every:
        print("no titles: no articles found", file=sys.stderr)
        return 2
    print(f"{'lang':6} {'titles':>6} {'median':>7} {'mean':>6} {'over ' + str(TARGET_WORDS):>8}")
    for lang, values in sorted(lengths.items()) + [("all", every)]:
        over = sum(n > TARGET_WORDS for n in values)
        print(f"{lang:6} {len(values):>6} {statistics.median(values):>7} {statistics.mean(values):>6.1f} "
              f"{over:>4} ({over / len(values):.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
