#!/usr/bin/env python3
"""Documents per second of timeline.find_dates and of dateparser's search_dates, in one process.

Both taggers get the same documents with the same publication date and language: the
TempEval-3 platinum texts (English, with their creation dates) and the multilingual news-dev
set, from ../shared/benchmarks next to the repository. Each tagger first makes one untimed
pass (language data is loaded lazily), then tags the set over and over for --seconds of this
process's CPU time.

    python bench/speed.py                 # both sets, 3 s per tagger and set
    python bench/speed.py --seconds 10 --set news-dev
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO.parent / "shared" / "benchmarks"
SETS = {"tempeval3-platinum": "en", "news-dev": ""}  # set -> language when the set names none


def load_set(benchmarks: Path, name: str) -> list[tuple[str, date | None, str]]:
    """(text, published, lang) for every document of one benchmark set."""
    sys.path.insert(0, str(benchmarks))
    import score_timex

    documents = score_timex.load_gold(benchmarks / name)
    out = []
    for document in documents.values():
        try:
            published = date.fromisoformat(document.dct_date)
        except ValueError:
            published = None
        out.append((document.text, published, getattr(document, "lang", "") or SETS[name]))
    return out


def find_dates_tagger():
    from timeline import find_dates

    def tag(text: str, published: date | None, lang: str):
        return find_dates(text, published, lang)
    return tag


def search_dates_tagger():
    from dateparser.search import search_dates

    def tag(text: str, published: date | None, lang: str):
        settings = {"RELATIVE_BASE": datetime(published.year, published.month, published.day)} if published else {}
        return search_dates(text, languages=[lang], settings=settings)
    return tag


def docs_per_second(tag, documents, seconds: float) -> tuple[float, float]:
    """(documents per CPU second of this process over at least `seconds` of it, CPU seconds the
    untimed first pass took). CPU time, not the wall clock: on a shared machine the wall clock
    counts other processes' work, and more of it for one tagger than for the other."""
    start = time.process_time()
    for text, published, lang in documents:
        tag(text, published, lang)
    first_pass = time.process_time() - start
    count, start = 0, time.process_time()
    while True:
        for text, published, lang in documents:
            tag(text, published, lang)
        count += len(documents)
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return count / elapsed, first_pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="timed CPU seconds per tagger and set (default 3)")
    parser.add_argument("--set", choices=[*SETS, "all"], default="all", help="which benchmark set (default all)")
    parser.add_argument("--benchmarks", type=Path, default=BENCHMARKS, help=f"benchmark folder (default {BENCHMARKS})")
    args = parser.parse_args(argv)
    names = list(SETS) if args.set == "all" else [args.set]
    missing = [name for name in names if not (args.benchmarks / name).is_dir()]
    if not (args.benchmarks / "score_timex.py").is_file() or missing:
        print(f"error: benchmarks not found: expected {args.benchmarks}/score_timex.py and "
              f"{', '.join(missing or names)} (run from a checkout next to ../shared/benchmarks, "
              f"or pass --benchmarks DIR)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    taggers = {"find_dates": find_dates_tagger(), "search_dates": search_dates_tagger()}

    print(f"{'set':20} {'docs':>5} {'find_dates/s':>13} {'search_dates/s':>15} {'ratio':>7}  first pass (s)")
    totals = {name: [0, 0.0] for name in taggers}  # tagger -> [documents, seconds per pass summed]
    for name in names:
        documents = load_set(args.benchmarks, name)
        rates, first = {}, {}
        for tagger_name, tag in taggers.items():
            rates[tagger_name], first[tagger_name] = docs_per_second(tag, documents, args.seconds)
            totals[tagger_name][0] += len(documents)
            totals[tagger_name][1] += len(documents) / rates[tagger_name]
        print(f"{name:20} {len(documents):>5} {rates['find_dates']:>13.1f} {rates['search_dates']:>15.1f} "
              f"{rates['find_dates'] / rates['search_dates']:>6.2f}x  "
              f"{first['find_dates']:.2f} / {first['search_dates']:.2f}")
    if len(names) > 1:
        overall = {tagger_name: count / spent for tagger_name, (count, spent) in totals.items()}
        print(f"{'all':20} {totals['find_dates'][0]:>5} {overall['find_dates']:>13.1f} "
              f"{overall['search_dates']:>15.1f} {overall['find_dates'] / overall['search_dates']:>6.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
