"""Merge data/officeholders.txt (heads of state and government, G20 foreign and defence ministers,
with their terms) into data/actors.csv.

    python tools/officeholders.py            # write data/actors.csv
    python tools/officeholders.py --check    # exit 1 when data/actors.csv is not up to date

A person already in the actors file gets the office's titles and term when the row has no titles
yet (a row that has titles was curated by hand and is left as it is) and any alias it lacks; anyone
else becomes a new row at the end. Other lines of the file are not touched, so the merge can be run
again after an edit of either file and changes nothing when both agree.

The titles of an office are composed here, one rule for every state: "President of Kenya",
"Kenya's President" and the Indonesian "Presiden Kenya" (country names from the actors file's
state rows, else pycountry and its Indonesian translation), plus any extra titles the line gives.
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "officeholders.txt"
ACTORS = ROOT / "data" / "actors.csv"

# office code -> (English title word, Indonesian title word or "")
OFFICES = {
    "P": ("President", "Presiden"),
    "PM": ("Prime Minister", "Perdana Menteri"),
    "K": ("King", "Raja"),
    "Q": ("Queen", "Ratu"),
    "E": ("Emir", "Emir"),
    "S": ("Sultan", "Sultan"),
    "C": ("Chancellor", "Kanselir"),
    "SL": ("Supreme Leader", "Pemimpin Tertinggi"),
    "FM": ("Foreign Minister", "Menteri Luar Negeri"),
    "DM": ("Defence Minister", "Menteri Pertahanan"),
    "FS": ("Foreign Secretary", "Menteri Luar Negeri"),
    "DS": ("Defence Secretary", "Menteri Pertahanan"),
    "SS": ("Secretary of State", "Menteri Luar Negeri"),
    "SD": ("Secretary of Defense", "Menteri Pertahanan"),
}
# The offices that head a state or its government (tests/test_actors_coverage.py counts these).
HEAD_OFFICES = frozenset({"P", "PM", "K", "Q", "E", "S", "C", "SL"}) | {
    "Prince", "Grand Duke", "Leader", "Chief Adviser", "State Counsellor", "President of the Swiss Confederation",
    "Chair of the Council of Ministers", "Chairman of the Presidential Council",
    "Chairman of the Sovereignty Council", "Chairman of the Presidential Leadership Council",
    "Secretary of State for Foreign Affairs",
}
# English names that read with "the" after "of": "President of the Philippines".
WITH_THE = frozenset({"BS", "CF", "DO", "GM", "MV", "MH", "NL", "PH", "SB", "KM", "SC", "AE", "CZ", "US", "GB",
                      "CD", "CG"})
# Short English names where pycountry's is a long form or carries a comma.
SHORT_NAMES = {"BO": "Bolivia", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
               "FM": "Micronesia", "LA": "Laos", "MD": "Moldova", "TZ": "Tanzania", "VE": "Venezuela",
               "IR": "Iran", "SY": "Syria", "KR": "South Korea", "KP": "North Korea", "RU": "Russia",
               "VN": "Vietnam", "BN": "Brunei", "CZ": "Czech Republic", "TR": "Turkey", "CV": "Cape Verde",
               "SZ": "Eswatini", "TL": "Timor-Leste", "MK": "North Macedonia", "CI": "Côte d'Ivoire"}


@dataclass(frozen=True)
class Holder:
    country: str
    office: str
    name: str
    term: str
    aliases: tuple[str, ...]
    extra_titles: tuple[str, ...]

    @property
    def heads(self) -> bool:
        return self.office in HEAD_OFFICES


def read_holders(path: Path = SOURCE) -> list[Holder]:
    """The lines of the officeholders file (comments and blank lines skipped)."""
    holders = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("::")]
        if len(fields) < 4:
            raise ValueError(f"{path.name} line {number}: needs CC :: office :: name :: term")
        fields += [""] * (6 - len(fields))
        country, office, name, term, aliases, extra = fields[:6]
        holders.append(Holder(country, office, name, term, _split(aliases), _split(extra)))
    return holders


def _split(value: str) -> tuple[str, ...]:
    return tuple(piece.strip() for piece in value.split("|") if piece.strip())


def _country_names(code: str, states: dict[str, str]) -> tuple[str, str]:
    """(English name as a title reads it, Indonesian name) of a state."""
    import gettext

    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    english = SHORT_NAMES.get(code) or states.get(code) or getattr(country, "common_name", None) or country.name
    indonesian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"],
                                     fallback=True).gettext(country.name)
    if "," in indonesian:
        indonesian = ""
    return english, indonesian


def titles(holder: Holder, states: dict[str, str]) -> list[str]:
    """The titles that name `holder` while in office."""
    english, indonesian = _country_names(holder.country, states)
    word, word_id = OFFICES.get(holder.office, (holder.office, ""))
    of = f"the {english}" if holder.country in WITH_THE else english
    found = [f"{word} of {of}", f"{english}'s {word}"]
    if holder.office == "DM":
        found += [f"Defense Minister of {of}", f"{english}'s Defense Minister"]
    if word_id and indonesian:
        found.append(f"{word_id} {indonesian}")
    return list(dict.fromkeys([*found, *holder.extra_titles]))


def merged(actors_text: str, holders: list[Holder]) -> str:
    """The actors file's text with the holders merged in (see the module docstring)."""
    lines = actors_text.splitlines()
    header_at = next(i for i, line in enumerate(lines) if line.startswith("name,"))
    rows = {i: next(csv.reader([line])) for i, line in enumerate(lines) if i > header_at and line.strip()
            and not line.startswith("#")}
    by_name = {row[0]: i for i, row in rows.items()}
    states = {row[2]: row[0] for row in rows.values() if len(row) > 2 and row[1] == "state"}
    seen: set[str] = set()
    added: list[list[str]] = []
    for holder in holders:
        if holder.name in seen:
            raise ValueError(f"{holder.name} is listed twice in {SOURCE.name}")
        seen.add(holder.name)
        title_text = "|".join(titles(holder, states))
        if holder.name in by_name:
            i = by_name[holder.name]
            row = rows[i] + [""] * (6 - len(rows[i]))
            aliases = [a for a in row[3].split("|") if a]
            new = [a for a in holder.aliases if a not in aliases and a.lstrip("~") not in aliases]
            changed = False
            if new:
                row[3] = "|".join(aliases + new)
                changed = True
            if not row[4]:
                row[4], row[5] = title_text, holder.term
                changed = True
            if changed:
                lines[i] = _line(row)
        else:
            added.append([holder.name, "person", holder.country, "|".join(holder.aliases), title_text, holder.term])
    lines += [_line(row) for row in added]
    return "\n".join(lines) + "\n"


def _line(row: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(row)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether actors.csv is up to date")
    args = parser.parse_args(argv)
    current = ACTORS.read_text(encoding="utf-8")
    text = merged(current, read_holders())
    if args.check:
        if text != current:
            print("data/actors.csv is not up to date with data/officeholders.txt; run tools/officeholders.py")
            return 1
        return 0
    if text != current:
        ACTORS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
