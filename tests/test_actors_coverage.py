"""data/actors.csv covers every UN member state's heads since 2000 (tools/officeholders.py merges them
from data/officeholders.txt), and a job title never names two people on the same day."""
from __future__ import annotations

import csv
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ROOT / "data" / "actors.csv"
_spec = importlib.util.spec_from_file_location("officeholders", ROOT / "tools" / "officeholders.py")
officeholders = importlib.util.module_from_spec(_spec)
sys.modules["officeholders"] = officeholders    # dataclasses look their module up there
_spec.loader.exec_module(officeholders)


def _rows() -> list[dict]:
    with ACTORS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _un_members() -> set[str]:
    import pycountry

    codes = {line.split()[0] for line in (ROOT / "data" / "un_members.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    assert codes <= {country.alpha_2 for country in pycountry.countries}
    return codes


def test_the_un_member_list_has_193_states():
    assert len(_un_members()) == 193


def test_every_un_member_has_a_head_of_state_or_government_with_a_term():
    headed = {holder.country for holder in officeholders.read_holders() if holder.heads and holder.term}
    # The rows curated by hand before the merge carry their head titles themselves.
    head_title = re.compile(r"\b(president|prime minister|premier|chancellor|leader|presiden|perdana menteri)\b", re.I)
    headed |= {row["country"] for row in _rows() if row["kind"] == "person" and row["term"]
               and any(head_title.search(title) for title in row["titles"].split("|"))}
    missing = sorted(_un_members() - headed)
    assert missing == []


def test_actors_file_is_up_to_date_with_the_officeholders_file():
    current = ACTORS.read_text(encoding="utf-8")
    assert officeholders.merged(current, officeholders.read_holders()) == current


def _periods(term: str) -> list[tuple[str, str]]:
    return [tuple(period.strip().partition("/")[::2]) for period in (term or "/").split(";")]


def test_no_title_names_two_people_on_the_same_day():
    holders: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
    for row in _rows():
        for title in filter(None, row["titles"].split("|")):
            holders.setdefault(title.casefold(), []).append((row["name"], _periods(row["term"])))
    clashes = []
    for title, people in holders.items():
        for k, (name, periods) in enumerate(people):
            for other, other_periods in people[k + 1:]:
                if name != other and any((not a_until or b_start < a_until) and (not b_until or a_start < b_until)
                                         for a_start, a_until in periods for b_start, b_until in other_periods):
                    clashes.append(f"{title}: {name} / {other}")
    assert clashes == []


@pytest.mark.parametrize("sentence, lang, published, expected", [
    ("Kenya's President opened the new railway line.", "en", "2010-06-01", ["Mwai Kibaki"]),
    ("Kenya's President opened the new railway line.", "en", "2016-06-01", ["Uhuru Kenyatta"]),
    ("The Prime Minister of France spoke to the assembly.", "en", "2006-02-01", ["Dominique de Villepin"]),
    ("Perdana Menteri Australia tiba di Jakarta.", "id", "2015-11-01", ["Malcolm Turnbull"]),
    ("The Foreign Minister of India met reporters.", "en", "2016-01-10", ["Sushma Swaraj"]),
    ("Presiden Chili membuka konferensi itu.", "id", "2019-04-02", ["Sebastián Piñera"]),
])
def test_a_merged_title_names_whoever_held_the_office_that_day(sentence, lang, published, expected):
    from timeline.enrich import find_actors

    assert find_actors(sentence, lang, published) == expected
