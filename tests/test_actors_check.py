"""tools/check_actors.py: the shipped actors file passes, and each kind of fault is caught."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_actors", ROOT / "tools" / "check_actors.py")
check_actors = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_actors)

HEADER = "name,kind,country,aliases,titles,term\n"


def _file(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "actors.csv"
    path.write_text("# test file\n" + HEADER + rows, encoding="utf-8")
    return path


def test_shipped_actors_file_has_no_problems():
    assert check_actors.problems(ROOT / "data" / "actors.csv") == []


def test_a_common_word_as_a_bare_alias_is_caught(tmp_path):
    # "Paz" is "peace" in Spanish and Portuguese; "Kim" is "who" in Turkish and a first name.
    path = _file(tmp_path, "Ana Paz Example,person,BO,Paz|Ana Paz,,\nKim Example,person,KP,Kim,,\n")
    found = check_actors.problems(path)
    assert any("“Paz”" in message for message in found)
    assert any("“Kim”" in message for message in found)
    assert not any("“Ana Paz”" in message for message in found)


def test_a_distinctive_surname_and_a_capitals_acronym_pass(tmp_path):
    path = _file(tmp_path, "Mikhail Mishustin,person,RU,Mishustin,,\nNATO,organisation,,OTAN,,\n")
    assert check_actors.problems(path) == []


def test_an_alias_two_rows_carry_is_caught(tmp_path):
    path = _file(tmp_path, "Rafic Hariri,person,LB,Hariri,,\nSaad Hariri,person,LB,Hariri,,\n")
    found = check_actors.problems(path)
    assert found == ["alias “hariri” is carried by Rafic Hariri, Saad Hariri; only the first is ever found"]


def test_a_row_repeated_exactly_is_caught(tmp_path):
    path = _file(tmp_path, "Ehud Olmert,person,IL,Olmert,,\nEhud Olmert,person,IL,Olmert,,\n")
    found = check_actors.problems(path)
    assert any("repeats line 3 exactly" in message for message in found)


def test_a_job_title_names_whoever_held_the_office_on_the_article_date():
    # The shipped file gives each office its holders since 2000 with their terms.
    from timeline.enrich import find_actors

    sentence = "Le président français a reçu le chancelier allemand."
    assert find_actors(sentence, "fr", "2010-03-02") == ["Nicolas Sarkozy", "Angela Merkel"]
    assert find_actors(sentence, "fr", "2003-03-02") == ["Jacques Chirac", "Gerhard Schröder"]
    assert find_actors("Presiden RI membuka sidang tahunan.", "id", "2008-08-16") == ["Susilo Bambang Yudhoyono"]
    assert find_actors("The Japanese prime minister met the Chinese premier.", "en", "2015-06-01") \
        == ["Shinzo Abe", "Li Keqiang"]


def test_a_caseless_ordinary_word_needs_the_context_mark(tmp_path):
    # حماس is "zeal" as well as the movement: without ~ it is caught, with ~ it passes.
    found = check_actors.problems(_file(tmp_path, "Hamas,organisation,PS,حماس,,\n"))
    assert any("“حماس”" in message and "~حماس" in message for message in found)
    assert check_actors.problems(_file(tmp_path, "Hamas,organisation,PS,~حماس|حركة حماس,,\n")) == []


def test_a_bare_given_name_is_caught(tmp_path):
    # The first word of a name is a name many people share (a Korean family name comes first).
    path = _file(tmp_path, "Yoon Example Person,person,KR,Yoon,,\nAmira Example,person,ID,Amira,,\n")
    found = check_actors.problems(path)
    assert any("“Yoon”" in message and "given name" in message for message in found)
    assert any("“Amira”" in message for message in found)


def test_aliases_the_case_rules_cannot_protect_are_caught(tmp_path):
    path = _file(tmp_path, "Example Numeral,person,FR,XI,,\nExample Lower,person,FR,xo,,\n")
    found = check_actors.problems(path)
    assert any("“XI”" in message and "Roman numeral" in message for message in found)
    assert any("“xo”" in message and "lower case" in message for message in found)


def test_the_context_mark_only_begins_an_alias(tmp_path):
    found = check_actors.problems(_file(tmp_path, "Example Group,organisation,PS,حر~كة,,\n"))
    assert any("~ can only begin an alias" in message for message in found)
