"""timeline.actors_file: reading, checking and saving the actors file; enriching a collection again.

Every test works on a copy of data/actors.csv in tmp_path; the `enriching_copy` fixture points
timeline.enrich at that copy and back to data/actors.csv afterwards.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from timeline import enrich
from timeline.actors_file import (ENV_VAR, ActorsFileError, actors_path, check_actors, normalised,
                                  read_actors, refresh_collection, save_actors, use_for_enrichment)
from timeline.schema import conform
from timeline.store import Store

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ROOT / "data" / "actors.csv"


@pytest.fixture
def copy(tmp_path) -> Path:
    path = tmp_path / "actors.csv"
    shutil.copy(ACTORS, path)
    return path


@pytest.fixture
def enriching_copy(copy):
    use_for_enrichment(copy)
    yield copy
    enrich.reload(ACTORS)


def row(**cells) -> dict:
    return {"name": "Someone New", "kind": "person", "country": "", "aliases": "", "titles": "", "term": "", **cells}


def test_actors_path_is_the_env_var_else_data(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert actors_path() == ACTORS
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "mine.csv"))
    assert actors_path() == tmp_path / "mine.csv"


def test_the_shipped_file_reads_clean_and_saves_byte_for_byte(copy):
    current = read_actors(copy)
    assert current.problems == []
    assert list(current.table.columns) == ["name", "kind", "country", "aliases", "titles", "term"]
    assert current.comments.startswith("# Curated actors") and current.first_line == current.comments.count("\n") + 2
    save_actors(current.table, copy, expected_digest=current.digest)
    assert copy.read_bytes() == ACTORS.read_bytes()
    assert [p.name for p in copy.parent.iterdir()] == ["actors.csv"]       # no temporary file left


@pytest.mark.parametrize("cells, message", [
    ({"name": ""}, "Line 9 (no name): the name is empty"),
    ({"name": "#hash"}, "Line 9 (#hash): a name cannot start with # (the line would be read as a comment)"),
    ({"name": "Vladimir Putin"}, "Line 9 (Vladimir Putin): the same name as line 7; merge the two rows"),
    ({"name": "vladimir putin"}, "Line 9 (vladimir putin): the same name as line 7; merge the two rows"),
    ({"kind": "persn"}, "Line 9 (Someone New): kind must be person, organisation or state, not “persn”"),
    ({"kind": ""}, "Line 9 (Someone New): kind is empty (person, organisation or state)"),
    ({"country": "USA"}, "Line 9 (Someone New): country must be a two-letter ISO code such as RU or US, not “USA”"),
    ({"kind": "state"}, "Line 9 (Someone New): a state needs its two-letter country code"),
    ({"aliases": "Some*one"}, "Line 9 (Someone New): aliases: “Some*one”: * can only end an alias "
                              "(a word stem such as russisch*)"),
    ({"aliases": "So*"}, "Line 9 (Someone New): aliases: “So*”: a word stem needs at least 3 letters"),
    ({"titles": "Chief|*"}, "Line 9 (Someone New): titles: “*”: a word stem needs at least 3 letters"),
    ({"titles": "Chief", "term": "2024"}, "Line 9 (Someone New): term “2024” is not FROM/UNTIL with ISO dates "
                                          "(2012-05-07/ or 2000-05-07/2008-05-07; several periods ;-separated)"),
    ({"titles": "Chief", "term": "2024-02-30/"}, "Line 9 (Someone New): term “2024-02-30/”: day is out of range "
                                                 "for month"),
    ({"titles": "Chief", "term": "2024-05-01/2020-01-01"}, "Line 9 (Someone New): term “2024-05-01/2020-01-01” "
                                                           "ends before it starts"),
    ({"term": "2024-05-01/"}, "Line 9 (Someone New): a term says when the titles apply, but there are no titles"),
    ({"aliases": "one\ntwo"}, "Line 9 (Someone New): aliases holds a line break; keep each actor on one line"),
])
def test_check_actors_names_the_line_and_the_problem(cells, message):
    table = pd.DataFrame([row(name="Vladimir Putin", kind="person", country="RU"), row(name="Russia", kind="state",
                                                                                        country="RU"), row(**cells)])
    assert check_actors(table, first_line=7) == [message]


@pytest.mark.parametrize("cells", [
    {}, {"country": "ru"}, {"kind": "State", "country": "xk"}, {"aliases": "Some|russisch*| |Sōmeone"},
    {"titles": "Chief of Staff", "term": "2000-05-07/2008-05-07; 2012-05-07/"}, {"titles": "Chief", "term": "/"},
])
def test_check_actors_accepts(cells):
    assert check_actors(pd.DataFrame([row(**cells)])) == []


def test_normalised_trims_cells_and_pieces_and_drops_empty_rows():
    table = pd.DataFrame([
        row(name=" Someone ", kind=" Person", country="ru ", aliases="a | |b|", term=" /2020-01-01; "),
        {"name": None, "kind": "", "country": float("nan"), "aliases": " ", "titles": "", "term": ""}])
    assert normalised(table).to_dict("records") == [
        {"name": "Someone", "kind": "person", "country": "RU", "aliases": "a|b", "titles": "", "term": "/2020-01-01"}]


def test_a_table_with_problems_is_not_saved(copy):
    before = copy.read_bytes()
    current = read_actors(copy)
    table = pd.concat([current.table, pd.DataFrame([row(kind="persn"), row(name="Russia")])], ignore_index=True)
    with pytest.raises(ActorsFileError) as caught:
        save_actors(table, copy, expected_digest=current.digest)
    last = current.first_line + len(current.table)
    assert caught.value.problems == [
        f"Line {last} (Someone New): kind must be person, organisation or state, not “persn”",
        f"Line {last + 1} (Russia): the same name as line {current.first_line}; merge the two rows"]
    assert str(caught.value).endswith("(and 1 more)")
    assert copy.read_bytes() == before and [p.name for p in copy.parent.iterdir()] == ["actors.csv"]


def test_a_save_over_someone_elses_is_refused(copy):
    mine = read_actors(copy)
    theirs = read_actors(copy)
    save_actors(pd.concat([theirs.table, pd.DataFrame([row(name="Their Actor")])]), copy,
                expected_digest=theirs.digest)
    with pytest.raises(ActorsFileError, match="was changed by someone else since you opened it"):
        save_actors(pd.concat([mine.table, pd.DataFrame([row(name="My Actor")])]), copy, expected_digest=mine.digest)
    assert "Their Actor" in read_actors(copy).table["name"].tolist()


@pytest.mark.parametrize("content, message", [
    ("name,kind\nX,person\n", "Line 1: the column names must include country, aliases, titles, term"),
    ("# only a comment\n", "actors.csv: no column names"),
    ("# c\nname,kind,country,aliases,titles,term\nA,person,,,,\nB,person,,x,y,z,extra\n",
     "Line 4: 7 cells where the column names give 6; a comma inside a cell needs the cell in double quotes"),
])
def test_a_broken_file_is_a_message_naming_the_line(copy, content, message):
    copy.write_text(content, encoding="utf-8")
    with pytest.raises(ActorsFileError) as caught:
        read_actors(copy)
    assert caught.value.problems[0].startswith(message)


def test_a_file_that_is_not_utf8_names_the_line(copy):
    copy.write_bytes(b"name,kind,country,aliases,titles,term\nA,person,,,,\nCaf\xe9,person,,,,\n")
    with pytest.raises(ActorsFileError, match="Line 3: not UTF-8 text"):
        read_actors(copy)


def test_enrichment_uses_the_saved_file(enriching_copy):
    assert enrich.find_actors("Vova spoke to reporters.", "en") == []
    current = read_actors(enriching_copy)
    table = current.table.copy()
    putin = table.index[table["name"] == "Vladimir Putin"][0]
    table.loc[putin, "aliases"] += "|Vova"
    save_actors(table, enriching_copy, expected_digest=current.digest)
    assert enrich.find_actors("Vova spoke to reporters.", "en") == ["Vladimir Putin"]


def test_saving_another_file_leaves_enrichment_alone(copy):
    assert Path(enrich.ACTORS_FILE) == ACTORS
    current = read_actors(copy)
    save_actors(pd.concat([current.table, pd.DataFrame([row(name="Vova Test", aliases="Vovatest")])]), copy)
    assert Path(enrich.ACTORS_FILE) == ACTORS
    assert enrich.find_actors("Vovatest spoke.", "en") == []


def test_refresh_collection_keeps_what_analysts_chose(tmp_path):
    store = Store(tmp_path / "t.db")
    store.add_extracted("c", conform(pd.DataFrame([
        {"event_id": "untouched", "date": "2024-12-08", "title": "Putin met Sharaa in Moscow", "lang": "en",
         "actors": "Stale Name", "places": "Nowhere", "event_type": "statement"},
        {"event_id": "edited", "date": "2024-12-09", "title": "Erdogan met Putin in Ankara", "lang": "en"},
        {"event_id": "emptied", "date": "2024-12-10", "title": "Lavrov met Araghchi in Tehran", "lang": "en",
         "places": "Tehran"},
    ])), "extractor")
    store.update_event("c", "edited", {"actors": "My Choice"}, "analyst")
    store.update_event("c", "emptied", {"places": ""}, "analyst")         # emptied on purpose
    manual = store.add_manual("c", {"date": "2024", "title": "Biden visited Kyiv"}, "analyst")

    counts = refresh_collection(store, "c", "rina")
    assert counts == {"refreshed": 1, "unchanged": 0, "filled": 3, "analysts": 3}
    table = store.events("c").set_index("event_id")[["actors", "places", "event_type"]]
    assert table.loc["untouched"].tolist() == ["Vladimir Putin; Ahmed al-Sharaa", "Moscow", "meeting"]
    assert table.loc["edited"].tolist() == ["My Choice", "Ankara", "meeting"]
    assert table.loc["emptied"].tolist() == ["Sergey Lavrov; Abbas Araghchi", "", "meeting"]
    assert table.loc[manual].tolist() == ["Joe Biden", "Kyiv", "meeting"]
    # the untouched events are refreshed in one change that stays the extractor's kind (so
    # re-extraction may still refresh them, and one undo reverts them all)
    history = store.history("c")
    assert history[history["action"] == "extract"]["change_id"].nunique() == 2
    assert refresh_collection(store, "c", "rina") == {"refreshed": 0, "unchanged": 1, "filled": 0, "analysts": 3}
