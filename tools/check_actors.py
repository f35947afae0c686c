"""Check data/actors.csv for the faults a hand-edited gazetteer collects.

    python tools/check_actors.py [FILE] [--zipf 4.5]

Prints one line per problem and exits 1 when there is any:
  * what timeline.actors_file.check_actors finds (columns, kinds, codes, terms, same name twice);
  * a row repeated exactly;
  * an alias (or a row's name) that two rows carry, unless it is in SHARED_ON_PURPOSE;
  * a one-word alias of a person or organisation that is an ordinary word or a common first
    name in a language we read: its Zipf frequency (wordfreq) is at least --zipf in one of
    COMMON_WORD_LANGS, unless it is in FREQUENT_BECAUSE_OF_THE_ACTOR. Acronyms written in
    capitals ("NATO", "SBY") match only capitals and are not checked; states are not checked
    (their adjectives, "russe", "Russian", are meant to be ordinary words);
  * a one-word alias in a script without capitals (Arabic) that is an ordinary word there
    (Zipf at least --caseless-zipf): it must carry the ~ mark, so that it counts only after an
    office or organisation word or beside another alias of the actor (timeline/alias_rules.py),
    unless it is in NO_ORDINARY_MEANING;
  * a bare given name: a one-word alias that is the first word of a person's name ("Gibran" of
    Gibran Rakabuming Raka, "Yoon" of Yoon Suk Yeol, whose family name comes first) is a name many
    people share: it must carry the ~ mark, unless the person is known by it (KNOWN_BY_THIS_NAME);
  * an alias the case rules cannot protect: a short alias in lower case (exact-case matching
    would still read the ordinary word) or an alias written as a Roman numeral in capitals
    ("XI" would match "Louis XI").

The exception lists below were reviewed by hand from this script's own output: a name is kept
only when the word is that frequent *because of* the actor (wordfreq counts news text).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.actors_file import read_actors  # noqa: E402
from timeline.alias_rules import SHORT_ALIAS_LETTERS, is_roman_numeral, split_context_mark  # noqa: E402

# The languages whose frequencies drew up data/city_stopwords.txt (see timeline/enrich.py), and Greek.
COMMON_WORD_LANGS = ("id", "ms", "en", "fr", "es", "pt", "de", "tr", "ru", "ar", "it", "nl", "el")
DEFAULT_ZIPF = 4.5   # "Paz" is 5.3 in Portuguese, "Kim" 5.7 in Turkish, "Temer" 4.5; "Merz" 3.7

# Frequent in wordfreq's news-heavy counts because of the actor, not as a word or first name.
# Words that are also ordinary words somewhere are kept only where the capital letter keeps the
# word out ("Maduro", Spanish "ripe", is written in lower case) or where news use outweighs it
# by far ("Nato" in Italian and British spelling; Arabic has no capitals, so الأسد, "the lion",
# and حماس, "zeal", stay only because the actor is what news texts mean by them).
FREQUENT_BECAUSE_OF_THE_ACTOR = frozenset({
    "Lula", "Dilma", "Renzi", "Trump", "Τραμπ", "Ερντογάν", "Putin", "Путин", "Медведев", "Obama", "Обама", "أوباما", "Erdoğan", "Jokowi", "Macron",
    "Bolsonaro", "Sarkozy", "Merkel", "Berlusconi", "Порошенко", "السيسي", "الحوثي", "الحوثيين",
    "داعش", "Polri", "Maduro", "Modi", "Nato", "Τσίπρας",
})
# Caseless aliases as frequent as ordinary words that have no ordinary meaning (transliterated
# foreign names, surnames, a group's name), reviewed by hand from this script's output. الأسد ("the
# lion"), حماس ("zeal"), الشرع ("the law"), البرهان ("the proof") and طالبان ("two students") are words
# as well, and carry the ~ mark instead.
NO_ORDINARY_MEANING = frozenset({
    "السيسي", "الحوثي", "الحوثيين", "الحوثيون", "داعش", "الشيباني", "بلير", "بوتين", "ترامب", "بايدن",
    "أوباما", "أردوغان", "نتنياهو", "خامنئي", "مودي", "الناتو", "الأونروا", "الموساد", "ساركوزي", "ميركل",
    "اليونسكو", "بوتفليقة", "القذافي",
})
CASELESS_ZIPF = 3.5   # no capital letter keeps the word out, so a lower bar than DEFAULT_ZIPF
# People whom news name by the first word of their name (a mononym, a Thai or Ethiopian given name,
# a family name that is theirs in the news), reviewed by hand from this script's output.
KNOWN_BY_THIS_NAME = frozenset({"Xi", "Prabowo", "Dilma", "Megawati", "Sjafrie", "Anutin", "Paetongtarn",
                                "Abiy", "Thaksin", "Abhisit", "Yingluck", "Prayut", "Srettha", "Xanana"})
# Aliases two rows carry on purpose (none so far: a shared alias points to the first row only).
SHARED_ON_PURPOSE: frozenset[str] = frozenset()

# One word as timeline.enrich reads it: "al-Sisi" is two words there and matches only as both.
_ONE_WORD = re.compile(r"[^\W\d_]+")


def _zipf(word: str) -> tuple[float, str]:
    from wordfreq import zipf_frequency

    return max((zipf_frequency(word, lang), lang) for lang in COMMON_WORD_LANGS)


def _caseless(word: str) -> bool:
    return not any(c.isupper() or c.islower() for c in word)


def problems(path: Path, zipf: float = DEFAULT_ZIPF, caseless_zipf: float = CASELESS_ZIPF) -> list[str]:
    """Every problem of the actors file at `path`, one message each (empty when it is fine)."""
    actors = read_actors(path)
    found = list(actors.problems)
    rows = actors.table.fillna("").astype(str).to_dict("records")
    first = actors.first_line
    seen_rows: dict[tuple, int] = {}
    owners: dict[str, list[str]] = {}
    for offset, row in enumerate(rows):
        line = first + offset
        key = tuple(row.values())
        if key in seen_rows:
            found.append(f"Line {line} ({row['name']}): repeats line {seen_rows[key]} exactly")
            continue
        seen_rows[key] = line
        marked = [split_context_mark(a) for a in row["aliases"].split("|") if a.strip()]
        aliases = [alias for alias, needs_context in marked if not needs_context]
        for alias in {row["name"], *(alias for alias, _ in marked)}:
            owners.setdefault(alias.casefold(), []).append(row["name"])
        if row["kind"] == "state":
            continue
        first_word = row["name"].split()[0] if " " in row["name"] else ""
        for alias in aliases:
            if not _ONE_WORD.fullmatch(alias):
                continue
            where = f"Line {line} ({row['name']}): alias “{alias}”"
            if is_roman_numeral(alias):
                found.append(f"{where} is a Roman numeral in capitals (“Louis XI”); write the full name")
                continue
            if alias.islower() and len(alias) < SHORT_ALIAS_LETTERS:
                found.append(f"{where} is a short word in lower case; capitalise it or write the full name")
                continue
            if alias == first_word and alias not in KNOWN_BY_THIS_NAME:
                found.append(f"{where} is a bare given name (the first word of the name), which many "
                             f"people share; mark it ~{alias} (it then needs an office word or the full "
                             f"name in the article) or write the full name")
                continue
            if _caseless(alias) and alias not in NO_ORDINARY_MEANING:
                frequency, lang = _zipf(alias)
                if frequency >= caseless_zipf:
                    found.append(f"{where} is an ordinary word in a script without capitals (Zipf "
                                 f"{frequency:.1f} in {lang}); mark it ~{alias} so it needs a context")
                continue
            if alias.isupper() or alias in FREQUENT_BECAUSE_OF_THE_ACTOR or alias in NO_ORDINARY_MEANING:
                continue
            frequency, lang = _zipf(alias)
            if frequency >= zipf:
                found.append(f"Line {line} ({row['name']}): alias “{alias}” is a common word or name "
                             f"(Zipf {frequency:.1f} in {lang}); write the full name instead")
    for alias, names in owners.items():
        unique = sorted(set(names))
        if len(unique) > 1 and alias not in {a.casefold() for a in SHARED_ON_PURPOSE}:
            found.append(f"alias “{alias}” is carried by {', '.join(unique)}; only the first is ever found")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "data" / "actors.csv"))
    parser.add_argument("--zipf", type=float, default=DEFAULT_ZIPF)
    parser.add_argument("--caseless-zipf", type=float, default=CASELESS_ZIPF)
    args = parser.parse_args(argv)
    found = problems(Path(args.file), args.zipf, args.caseless_zipf)
    for message in found:
        print(message)
    print(f"{len(found)} problem(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
