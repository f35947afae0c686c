#!/usr/bin/env python3
"""Count the tagger's misses on the shared benchmarks by category of error.

Runs `python -m timeline dates` of the checkout at --repo (default: this one) on each shared
set, scores it with ../shared/benchmarks/score_timex.py and sorts every gold expression that
did not get its value into one category, by rules on the gold and system values:

  reference   a year-less or relative expression placed in the wrong year or period
  direction   the right kind of value, one step off (a week, a year): past read as future or back
  periods     quarters, halves, fiscal years
  clock       times of day
  vague       PRESENT_REF / PAST_REF / FUTURE_REF and other values without a calendar anchor
  missed      found nowhere (no overlapping system expression)
  other       everything else (span conventions, durations, sets)

The rules are heuristics for a closing note, not a metric: compare two checkouts with them.

    python bench/error_categories.py                 # this checkout
    python bench/error_categories.py --repo /tmp/old # another checkout, same sets
"""
from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO.parent / "shared" / "benchmarks"
SETS = {"tempeval3-platinum": "en", "aquaint-en": "en", "news-dev": "", "wikiwars-el": "el"}
CATEGORIES = ("reference", "direction", "periods", "clock", "vague", "missed", "other")


def categorise(gold_text: str, gold_value: str, sys_value: str | None) -> str:
    """The category of one gold expression whose value was not found."""
    g, s = (gold_value or "").upper(), (sys_value or "").upper()
    if sys_value is None:
        return "missed"
    if re.search(r"Q[1-4X]|H[12X]|FY", g) or re.search(r"Q[1-4]|H[12]|FY", s):
        return "periods"
    if "T" in g[4:] and re.search(r"T\d", g):
        return "clock"
    if g.endswith("_REF") or s.endswith("_REF"):
        return "vague"
    if g[:1].isdigit() and s[:1].isdigit() and not re.search(r"\d{4}", gold_text):
        gy, sy = g[:4], s[:4]
        if gy != sy and gy.isdigit() and sy.isdigit() and abs(int(gy) - int(sy)) == 1 and len(g) == len(s):
            return "direction"
        if len(g) == len(s) == 10 and g[:7] == s[:7]:
            return "direction"   # the same month, another day: a weekday a week off
        if gy != sy:
            return "reference"
    return "other"


def count(repo: Path, python: str) -> dict[str, collections.Counter]:
    sys.path.insert(0, str(BENCHMARKS))
    import score_timex as st

    out = {}
    for name, lang in SETS.items():
        docs = st.load_gold(BENCHMARKS / name)
        with tempfile.TemporaryDirectory() as tmp:
            corpus, pred = Path(tmp) / "corpus.jsonl", Path(tmp) / "pred.jsonl"
            errors = Path(tmp) / "errors.csv"
            st.dump_corpus(docs, corpus, lang)
            with open(pred, "w", encoding="utf-8") as fh:
                subprocess.run([python, "-m", "timeline", "dates", "--corpus", str(corpus)], cwd=repo,
                               stdout=fh, stderr=subprocess.DEVNULL, check=True)
            subprocess.run([sys.executable, str(BENCHMARKS / "score_timex.py"), str(BENCHMARKS / name),
                            "--pred", str(pred), "--errors", str(errors)], stdout=subprocess.DEVNULL, check=True)
            import csv

            counter = collections.Counter()
            for row in csv.DictReader(open(errors, encoding="utf-8")):
                if not row["gold_text"] or row["value_ok"] == "True":
                    continue
                sys_value = row["sys_value"] if row["status"] != "missed" else None
                counter[categorise(row["gold_text"], row["gold_value"], sys_value)] += 1
            out[name] = counter
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout to run (default: this one)")
    parser.add_argument("--python", default=sys.executable, help="the Python that runs it")
    args = parser.parse_args(argv)
    counts = count(args.repo, args.python)
    print(f"{'set':20}" + "".join(f"{c:>10}" for c in CATEGORIES))
    for name, counter in counts.items():
        print(f"{name:20}" + "".join(f"{counter[c]:>10}" for c in CATEGORIES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
