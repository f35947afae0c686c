"""Check that reading a month-name date from its shape gives dateparser's answer, over many dates.

    python bench/pubdate_shapes.py                     # the eight languages of corpus_gen, every shape
    python bench/pubdate_shapes.py --langs all --shapes dmy mdy

`timeline.pubdate` asks dateparser once per shape of a month-name date ("00 Februari 0000"
and the language) and reads later dates of that shape from their digits. This script writes,
for each language, every month form of dateparser's locale data (the language's and English,
the two dateparser is given) in each shape dates_in_line takes as a candidate, with days and
years chosen to catch what a shape cannot know (a day a month lacks, day 0, one-digit and
zero-padded days, years at and past the supported window), in two orders (so that the shape is
learnt from different first dates), and compares the shape reading with dateparser on each. It prints the candidates checked and every disagreement; exit 1 if any.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CORPUS_LANGS = ("en", "id", "fr", "es", "de", "pt", "tr", "ru")
SHAPES = {  # name -> format with {d} day, {m} month word, {y} year
    "dmy": "{d} {m} {y}", "d.my": "{d}. {m} {y}", "d de m de y": "{d} de {m} de {y}", "dmy,": "{d} {m}, {y}",
    "mdy": "{m} {d} {y}", "md,y": "{m} {d}, {y}", "mdth,y": "{m} {d}th, {y}", "der": "{d}er {m} {y}",
}
# Tried in this order and reversed: the first date a shape meets (a refusal only on days 1-28 of
# a supported year) writes its verdict; the rest are read from it and compared with dateparser.
DAY_YEARS = [("13", "2025"), ("1", "2025"), ("9", "2024"), ("12", "2025"), ("29", "2025"), ("30", "2023"),
             ("31", "2025"), ("0", "2025"), ("13", "1899"), ("28", "1900"), ("13", "2100"), ("13", "2101"),
             ("01", "2025"), ("07", "2031"), ("13", "1999")]


def month_forms(lang: str) -> list[str]:
    from dateparser.languages.loader import default_loader

    forms = []
    for code in dict.fromkeys((lang, "en")):
        try:
            info = default_loader.get_locale(code).info
        except Exception:  # a code dateparser does not know
            continue
        for key in ("january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december"):
            forms += info.get(key, [])
    return list(dict.fromkeys(forms))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--langs", nargs="+", default=list(CORPUS_LANGS), help="codes, or 'all' (NEWS_LANGUAGES)")
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    args = parser.parse_args(argv)
    from timeline import pubdate
    from timeline.ingest import NEWS_LANGUAGES

    langs = list(NEWS_LANGUAGES) if args.langs == ["all"] else args.langs
    ask = pubdate._dateparser_month_name_date.__wrapped__  # dateparser itself, no cache
    checked = disagreements = 0
    for lang in langs:
        for form in month_forms(lang):
            for shape, order in [(shape, order) for shape in args.shapes for order in (DAY_YEARS, DAY_YEARS[::-1])]:
                pubdate._SHAPE_MONTHS.clear()   # each order teaches the shape from its own first date
                for day, year in order:
                    text = SHAPES[shape].format(d=day, m=form, y=year)
                    # Only what dates_in_line would hand over, whole, as a candidate.
                    if not any(p.fullmatch(text) for p in (pubdate._DAY_MONTH_YEAR, pubdate._MONTH_DAY_YEAR)):
                        continue
                    got, expected = pubdate._parse_month_name_date(text, lang), ask(text, lang)
                    checked += 1
                    if got != expected:
                        disagreements += 1
                        print(f"DIFFERS {lang} {text!r}: shape reading {got}, dateparser {expected}")
        print(f"{lang}: {checked} candidates checked, {disagreements} disagreements so far", flush=True)
    print(f"{checked} candidates in {len(langs)} languages, {disagreements} disagreements")
    return 1 if disagreements else 0


if __name__ == "__main__":
    raise SystemExit(main())
