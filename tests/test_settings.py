"""Where user data goes: the per-user data folder (or TIMELINE_HOME), never the shipped package."""
import hashlib

import pytest

from timeline import enrich, settings
from timeline.actors_file import actors_path, read_actors, save_actors

SHIPPED = settings.package_data("actors.csv")


@pytest.fixture
def home(monkeypatch, tmp_path):
    monkeypatch.delenv("TIMELINE_ACTORS", raising=False)
    monkeypatch.delenv("TIMELINE_DB", raising=False)
    monkeypatch.setenv("TIMELINE_HOME", str(tmp_path / "home"))
    reading = enrich.ACTORS_FILE
    yield tmp_path / "home"
    enrich.reload(reading)


def test_the_user_data_folder_holds_the_database(home):
    assert settings.user_data_dir() == home
    assert settings.database_target() == home / "timeline.db"
    assert not home.exists()   # nothing is made until something is saved


def test_an_edited_actors_file_is_saved_in_the_user_folder_not_over_the_shipped_one(home):
    shipped_digest = hashlib.sha256(SHIPPED.read_bytes()).hexdigest()
    assert actors_path() == SHIPPED
    current = read_actors()
    edited = current.table.copy()
    edited.loc[0, "aliases"] = edited.loc[0, "aliases"] + "; Testname Alias"
    saved = save_actors(edited, expected_digest=current.digest)
    assert saved.path == home / "actors.csv" and actors_path() == home / "actors.csv"
    assert hashlib.sha256(SHIPPED.read_bytes()).hexdigest() == shipped_digest
    assert saved.comments == current.comments                     # the shipped file's header kept
    assert enrich.ACTORS_FILE == home / "actors.csv"              # enrichment reads the edited copy
    assert "Testname Alias" in read_actors().table.loc[0, "aliases"]
