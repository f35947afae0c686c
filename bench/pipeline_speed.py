#!/usr/bin/env python3
"""Documents per second of find_dates and of extract_events on the same documents, in CPU time.

The documents: the TempEval-3 platinum texts and the news-dev set from ../shared/benchmarks
(with their creation dates and languages) and the demo articles in data/demo. Each stage
first makes one untimed pass (gazetteers and language data load lazily); then the stages take
turns, one pass over the set each, until each has spent --seconds of this process's CPU time
(time.process_time, not wall time: on a shared machine other processes' load would count).
Taking turns makes a change of the machine's load weigh on both rates alike. Caches keyed by a
text are emptied before each pass, so a pass costs what new documents would.

    python bench/pipeline_speed.py                 # both rates, ratio, and a cProfile top 15
    python bench/pipeline_speed.py --seconds 10 --top 25
    python bench/pipeline_speed.py --top 40 --sort tottime
    python bench/pipeline_speed.py --dump out.csv  # every extract_events row, for comparing outputs
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO.parent / "shared" / "benchmarks"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def load_documents(benchmarks: Path) -> list[tuple[str, str, date | None, str]]:
    """(name, text, published, lang) for the two shared sets and the demo articles."""
    from speed import SETS, load_set

    out = []
    for name in SETS:
        for number, (text, published, lang) in enumerate(load_set(benchmarks, name)):
            out.append((f"{name}/{number}", text, published, lang))
    demo = REPO / "data" / "demo"
    for entry in json.loads((demo / "index.json").read_text(encoding="utf-8"))["documents"]:
        out.append((f"demo/{entry['file']}", (demo / entry["file"]).read_text(encoding="utf-8"),
                    date.fromisoformat(entry["published"]), entry["lang"]))
    return out


def forget_texts() -> None:
    """Empty the caches keyed by a text (the gazetteer scan, the cue words of a clause, the role
    words of a sentence, the actors an article names plainly, the sentences of the last texts),
    so that a repeated pass costs what a pass over new documents would, not a cache hit. Caches
    keyed by a word or a character stay, as they would over a corpus."""
    from timeline import enrich, text, titled_names

    for module, name in [(enrich, name) for name in ("_scan", "_scan_undated", "_scan_dated", "_cue_hits", "_tokens",
                                                     "_nominative_tokens", "_named_plainly")] \
            + [(titled_names, "_role_tokens"), (text, "sentence_bounds")]:
        cached = getattr(module, name, None)
        if hasattr(cached, "cache_clear"):    # the names differ from version to version
            cached.cache_clear()


def docs_per_cpu_second(runs: dict, documents, seconds: float) -> dict[str, float]:
    """Documents per CPU second of each `run(text, published, lang)` in `runs`, over at least
    `seconds` each.

    The stages take turns, one pass each, so that a change in the machine's load during the
    measurement weighs on every stage alike and leaves their ratio standing.
    """
    for run in runs.values():
        for _, text, published, lang in documents:
            run(text, published, lang)
    spent = dict.fromkeys(runs, 0.0)
    passes = 0
    while min(spent.values()) < seconds:
        for name, run in runs.items():
            forget_texts()
            start = time.process_time()
            for _, text, published, lang in documents:
                run(text, published, lang)
            spent[name] += time.process_time() - start
        passes += 1
    return {name: passes * len(documents) / spent[name] for name in runs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="CPU seconds per stage (default 5)")
    parser.add_argument("--top", type=int, default=15, help="profile lines to print (0: no profile)")
    parser.add_argument("--sort", default="cumulative", choices=("cumulative", "tottime"),
                        help="order of the profile lines (default cumulative)")
    parser.add_argument("--benchmarks", type=Path, default=BENCHMARKS)
    parser.add_argument("--dump", type=Path, help="write every extract_events row to this CSV and stop")
    args = parser.parse_args(argv)
    if not (args.benchmarks / "score_timex.py").is_file():
        print(f"error: benchmarks not found in {args.benchmarks} (pass --benchmarks DIR)", file=sys.stderr)
        return 2
    from timeline import extract_events, find_dates

    documents = load_documents(args.benchmarks)

    def events(text, published, lang):
        return extract_events(text, published=published, lang=lang, source=None)

    if args.dump:
        import pandas as pd

        frames = [extract_events(text, published=published, lang=lang, source=name)
                  for name, text, published, lang in documents]
        pd.concat(frames, ignore_index=True).to_csv(args.dump, index=False)
        print(f"{sum(map(len, frames))} rows from {len(documents)} documents -> {args.dump}")
        return 0

    rates = docs_per_cpu_second({"find_dates": find_dates, "extract_events": events}, documents, args.seconds)
    dates_rate, events_rate = rates["find_dates"], rates["extract_events"]
    print(f"{len(documents)} documents (tempeval3-platinum, news-dev, data/demo), CPU time")
    print(f"find_dates      {dates_rate:8.1f} docs/s")
    print(f"extract_events  {events_rate:8.1f} docs/s   ratio {events_rate / dates_rate:.2f}")
    if args.top:
        def passes() -> None:
            for _ in range(3):
                forget_texts()
                for _, text, published, lang in documents:
                    events(text, published, lang)
        print_profile(passes, args.top, args.sort)
    return 0


def print_profile(run, top: int, sort: str = "cumulative") -> None:
    """Run `run()` under cProfile and print its `top` lines by `sort` (cumulative or tottime)."""
    profile = cProfile.Profile()
    profile.enable()
    run()
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(sort).print_stats(top)
    print(out.getvalue())


if __name__ == "__main__":
    raise SystemExit(main())
