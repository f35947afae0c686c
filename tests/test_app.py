"""The dashboard run headless with streamlit's AppTest, each test on its own database in tmp_path."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from timeline import enrich
from timeline.schema import conform
from timeline.store import Store, StoreError

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
ACTORS = ROOT / "data" / "actors.csv"

EVENTS = conform(pd.DataFrame([
    {"event_id": "ev-call", "date": "2024-12-08", "precision": "day", "start": "2024-12-08", "end": "2024-12-08",
     "date_text": "8 Desember", "title": "Araghchi called Lavrov", "event_type": "diplomatic call",
     "actors": "Iran; Russia", "places": "Moscow", "source": "antara.txt", "confidence": 0.9,
     "evidence": "Pada 8 Desember, Araghchi menelepon Lavrov <script>alert(1)</script>."},
    {"event_id": "ev-month", "date": "2024-12", "precision": "month", "start": "2024-12-01", "end": "2024-12-31",
     "date_text": "bulan Desember", "title": "Ankara warned", "event_type": "statement", "actors": "Turkey",
     "places": "Ankara", "source": "kompas.txt", "confidence": 0.6},
    {"event_id": "ev-jan", "date": "2025-01-20", "precision": "day", "start": "2025-01-20", "end": "2025-01-20",
     "date_text": "20 January", "title": "Inauguration remarks", "event_type": "statement",
     "actors": "United States", "source": "reuters.txt", "confidence": 0.8},
]))


def plain(markdown: str) -> str:
    """The text a markdown body shows (the app backslash-escapes everything from users and files)."""
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "timeline.db"
    monkeypatch.setenv("TIMELINE_DB", str(path))
    return path


@pytest.fixture
def seeded(db):
    """A database whose "demo" collection already holds EVENTS (so the demo is not extracted)."""
    Store(db).add_extracted("demo", EVENTS, "seed")
    return db


@pytest.fixture
def actors_copy(tmp_path, monkeypatch):
    """TIMELINE_ACTORS set to a copy of data/actors.csv (the app edits that, never the original)."""
    path = tmp_path / "actors.csv"
    shutil.copy(ACTORS, path)
    original = ACTORS.read_bytes()
    monkeypatch.setenv("TIMELINE_ACTORS", str(path))
    yield path
    enrich.reload(ACTORS)      # the app pointed enrichment at the copy
    assert ACTORS.read_bytes() == original


def open_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def table_ids(at: AppTest) -> list[str]:
    return at.dataframe[0].value["event_id"].tolist()


def chart_ids(at: AppTest) -> list[str]:
    [chart] = at.get("plotly_chart")
    figure = json.loads(chart.proto.spec)
    return sorted({i for trace in figure["data"] for i in trace.get("customdata") or [] if i})


def figure(at: AppTest) -> dict:
    [chart] = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


def messages(elements) -> list[str]:
    return [plain(e.value) for e in elements]


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def test_opens_on_the_demo_with_events_shown(db):
    at = open_app()
    assert at.sidebar.selectbox(key="collection").value == "demo"
    assert messages(at.error) == []
    shown = at.dataframe[0].value
    assert len(shown) >= 3
    assert set(shown["source"]) >= {"aes_leaves_ecowas_fr.txt", "putin_sharaa_call_id.txt", "yoon_removed_en.txt"}
    assert chart_ids(at) == sorted(i for i, value in zip(shown["event_id"], shown["date"]) if value)
    # background rows (context, not the story) are hidden until asked for
    stored = Store(db).events("demo")
    assert len(shown) == int((stored["role"] != "background").sum())
    assert plain(at.caption[0].value).startswith(f"{len(shown)} of {len(stored)} events shown")
    # the next visit finds the demo there and does not extract it again
    changes = len(Store(db).history("demo"))
    open_app()
    assert len(Store(db).history("demo")) == changes


def test_filters_narrow_table_chart_and_exports_alike(seeded):
    at = open_app()
    assert table_ids(at) == ["ev-month", "ev-call", "ev-jan"]
    at.sidebar.text_input(key="filter_text").input("lavrov").run()
    assert table_ids(at) == chart_ids(at) == ["ev-call"]
    assert at.download_button[0].label == "CSV (1 shown)"
    assert plain(at.caption[0].value).startswith("1 of 3 events shown (filtered)")

    at.sidebar.text_input(key="filter_text").input("").run()
    at.sidebar.multiselect(key="filter_types").select("statement").run()
    assert table_ids(at) == ["ev-month", "ev-jan"]
    at.sidebar.text_input(key="filter_to").input("2024-12").run()   # to the end of December: the month overlaps, January does not
    assert table_ids(at) == chart_ids(at) == ["ev-month"]
    at.sidebar.slider(key="filter_confidence").set_value(0.7).run()
    assert table_ids(at) == []
    assert not at.exception

    button(at, "Clear filters").click().run()
    assert table_ids(at) == ["ev-month", "ev-call", "ev-jan"]


def test_bad_uploads_give_messages_and_nothing_renders_as_html(seeded):
    at = open_app()
    at.file_uploader(key="upload_files").set_value([
        ("empty.txt", b"", "text/plain"),
        ("blank.md", b"   \n\n ", "text/markdown"),
        ("report.txt", b"%PDF-1.7\n\x00\x01\x02binary", "text/plain"),
        ("huge.txt", b"a" * (20 * 1024 * 1024), "text/plain"),
        ("latin1.txt", "Le 8 décembre, à Genève".encode("latin-1"), "text/plain"),
        ("page.html", b"<html><head><title>T</title><script>alert('x')</script></head><body>"
                      b"<p>Published: 13 February 2025</p><p>On 8 December the ministers met in Doha.</p>"
                      b"<img src=x onerror=alert(1)></body></html>", "text/html"),
        ("undated.txt", b"The ministers met on Wednesday in Doha.", "text/plain"),
    ]).run()
    assert not at.exception
    errors = messages(at.error)
    assert errors[:3] == ["empty.txt: the file is empty.", "blank.md: the file is empty.",
                          "report.txt: looks like a binary file (a PDF), not text"] or all(
        name in " ".join(errors) for name in ("empty.txt", "blank.md", "report.txt"))
    assert any(e.startswith("huge.txt: the file is 20.0 MB") for e in errors)
    assert not any("latin1.txt" in e for e in errors)        # read as Windows-1252, with a note
    assert any("latin1.txt" in i and "not in UTF-8" in i and "Windows-1252" in i for i in messages(at.info))
    assert not any("page.html" in e or "undated.txt" in e for e in errors)
    assert any("page.html: the page contains scripts" in i for i in messages(at.info))
    assert any(w.startswith("No publication date found in") and "undated.txt" in w for w in messages(at.warning))
    review = at.dataframe[1].value
    assert review["file"].tolist() == ["latin1.txt", "page.html", "undated.txt"]
    assert str(review["published"][1])[:10] == "2025-02-13" and pd.isna(review["published"][2])
    # nothing from a file is ever passed to the page as HTML
    assert not [e for e in at.get("html")]
    assert all("<script" not in m.value and "<img" not in m.value for m in at.markdown)


def test_extracting_an_uploaded_article(seeded):
    at = open_app()
    at.file_uploader(key="upload_files").set_value(
        ("doha.txt", b"Published: 13 February 2025\n\nOn 8 December the foreign ministers met in Doha.", "text/plain"))
    at.run()
    button(at, "Extract events from 1 article").click().run()
    assert not at.exception and messages(at.error) == []
    assert any(s.startswith("Extracted") or " events from 1 article" in s for s in messages(at.success))
    assert "doha.txt" in set(Store(seeded).events("demo")["source"])


def test_csv_import_errors_name_row_and_column(seeded):
    at = open_app()
    at.file_uploader(key="import_file").set_value(
        ("events.csv", b"event_id,date,title\nx1,2024-12-08,fine\nx2,8 Desember,bad date\n", "text/csv")).run()
    assert not at.exception
    [error] = messages(at.error)
    assert error.startswith("Reading events.csv failed: row 2, column 'date': '8 Desember' is not a date")

    at.file_uploader(key="import_file").set_value(("events.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "text/csv")).run()
    [error] = messages(at.error)
    assert error.startswith("Reading events.csv failed:")

    at.file_uploader(key="import_file").set_value(
        ("events.csv", b"event_id,date,title\nx1,2024-12-08,Imported meeting\n", "text/csv")).run()
    assert messages(at.error) == []
    button(at, "Import 1 events into “demo”").click().run()
    assert "Imported meeting" in at.dataframe[0].value["title"].tolist()


def test_edit_is_stored_escaped_in_display_and_undoable(seeded):
    at = open_app()
    at.selectbox(key="selected_event").select("ev-call").run()
    assert [plain(m.value) for m in at.markdown if m.value.startswith(">")] == [
        "> Pada 8 Desember, Araghchi menelepon Lavrov <script>alert(1)</script>."]
    next(t for t in at.text_input if t.label == "Title").input("Lavrov <b>called</b> back")
    next(c for c in at.checkbox if c.label == "Verified").check()
    button(at, "Save changes").click().run()
    assert not at.exception and messages(at.error) == []
    stored = Store(seeded).events("demo").set_index("event_id").loc["ev-call"]
    assert stored["title"] == "Lavrov <b>called</b> back" and bool(stored["verified"])
    assert at.dataframe[0].value.set_index("event_id").loc["ev-call", "title"] == "Lavrov <b>called</b> back"

    button(at, "Undo last change").click().run()
    assert any(i.startswith("Undone: the edit of “Araghchi called Lavrov”") for i in messages(at.info))
    assert Store(seeded).events("demo").set_index("event_id").loc["ev-call", "title"] == "Araghchi called Lavrov"


def test_a_stale_edit_is_refused_with_a_message(seeded):
    at = open_app()
    at.selectbox(key="selected_event").select("ev-month").run()
    Store(seeded).update_event("demo", "ev-month", {"title": "Changed elsewhere"}, "someone")
    next(t for t in at.text_input if t.label == "Title").input("My change")
    button(at, "Save changes").click().run()
    assert not at.exception
    [error] = messages(at.error)
    assert error.startswith("Saving the edit failed: event ev-month was changed by someone else")


def test_add_and_delete_an_event(seeded):
    at = open_app()
    add = next(t for t in at.text_input if t.label == "Date *")
    add.input("2024-Q4")
    next(t for t in at.text_input if t.label == "Title *").input("Quarter summit")
    button(at, "Add event").click().run()
    assert not at.exception and messages(at.error) == []
    events = Store(seeded).events("demo")
    added = events[events["title"] == "Quarter summit"].iloc[0]
    assert (added["precision"], added["start"], added["end"], added["origin"]) == (
        "quarter", "2024-10-01", "2024-12-31", "manual")
    assert at.selectbox(key="selected_event").value == added["event_id"]

    next(c for c in at.checkbox if c.label == "Yes, delete this event").check().run()
    button(at, "Delete event").click().run()
    assert "Quarter summit" not in Store(seeded).events("demo")["title"].tolist()
    assert at.selectbox(key="selected_event").value is None


def test_bad_date_in_a_new_event_is_a_message(seeded):
    at = open_app()
    next(t for t in at.text_input if t.label == "Date *").input("early December")
    next(t for t in at.text_input if t.label == "Title *").input("Vague")
    button(at, "Add event").click().run()
    assert not at.exception
    [error] = messages(at.error)
    assert error.startswith("“early December” is not a date the timeline can place. Write it")


def test_db_flag_after_double_dash(tmp_path, monkeypatch):
    from timeline.ui.data import db_path_from_args

    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "env.db"))
    assert db_path_from_args(["--db", str(tmp_path / "flag.db")]) == str(tmp_path / "flag.db")
    assert db_path_from_args(["-q", "tests/test_app.py"]) == str(tmp_path / "env.db")
    assert db_path_from_args(["--db"]) == str(tmp_path / "env.db")


def test_new_collection_is_created_and_opened_and_a_taken_name_is_a_message(seeded):
    at = open_app()
    name_box = next(t for t in at.sidebar.text_input if t.label == "Name")
    name_box.input("Syria 2024")
    button(at, "Create").click().run()
    assert not at.exception
    assert at.sidebar.selectbox(key="collection").value == "Syria 2024"
    assert any("has no events yet" in i for i in messages(at.info))
    assert "Syria 2024" in Store(seeded).collections()

    next(t for t in at.sidebar.text_input if t.label == "Name").input("demo")
    button(at, "Create").click().run()
    [error] = messages(at.error)
    assert error.startswith("Creating the collection “demo” failed: a collection named 'demo' already exists")


def test_a_reversed_date_range_is_a_message_not_a_crash(seeded):
    at = open_app()
    at.sidebar.text_input(key="filter_from").input("2025-01-01")
    at.sidebar.text_input(key="filter_to").input("2024-01-01").run()
    assert not at.exception
    [error] = messages(at.sidebar.error)
    assert error == "Filtering failed: The start of the date range (2025-01-01) is after its end (2024-01-01)."
    assert len(table_ids(at)) == 3      # shown unfiltered rather than not at all


def test_a_file_that_is_not_a_database_is_a_message(tmp_path, monkeypatch):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not an SQLite database" * 100)
    monkeypatch.setenv("TIMELINE_DB", str(broken))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    [error] = messages(at.error)
    assert error.startswith("Opening the database failed:") and "broken.db" in error


def test_merge_a_duplicate_into_the_open_event(seeded):
    at = open_app()
    at.selectbox(key="selected_event").select("ev-call").run()
    at.selectbox(key="merge-ev-call").select("ev-month").run()
    button(at, "Merge").click().run()
    assert not at.exception and messages(at.error) == []
    events = Store(seeded).events("demo").set_index("event_id")
    assert "ev-month" not in events.index
    assert events.loc["ev-call", "actors"] == "Iran; Russia; Turkey"
    assert table_ids(at) == ["ev-call", "ev-jan"]


def open_map(at: AppTest) -> AppTest:
    at.session_state["explore_view"] = "Map"
    return at.run()


def test_map_tab_shows_the_filtered_events(seeded):
    at = open_map(open_app())
    assert not at.exception
    shown = figure(at)
    assert {trace["type"] for trace in shown["data"]} == {"scattergeo"}
    assert chart_ids(at) == ["ev-call", "ev-month"]              # ev-jan names no place
    assert [trace["name"] for trace in shown["data"]] == ["Statement", "diplomatic call"]   # as the timeline orders them
    assert any("1 event(s) name no place" in plain(c.value) for c in at.caption)
    at.sidebar.multiselect(key="filter_actors").select("Turkey").run()
    assert chart_ids(at) == table_ids(at) == ["ev-month"]
    at.session_state["explore_view"] = "Timeline"
    at.run()
    assert chart_ids(at) == ["ev-month"] and figure(at)["data"][0]["type"] == "scattergl"


def test_actor_and_place_filters_narrow_table_and_chart(seeded):
    at = open_app()
    actors = at.sidebar.multiselect(key="filter_actors")
    assert actors.options == ["Iran", "Russia", "Turkey", "United States"]
    actors.select("Russia").run()
    assert table_ids(at) == chart_ids(at) == ["ev-call"]
    assert plain(at.caption[0].value).startswith("1 of 3 events shown (filtered)")
    at.sidebar.multiselect(key="filter_actors").select("United States").run()
    assert table_ids(at) == ["ev-call", "ev-jan"]
    at.sidebar.multiselect(key="filter_places").select("Ankara").run()      # and: no event has both
    assert table_ids(at) == []
    button(at, "Clear filters").click().run()
    assert table_ids(at) == ["ev-month", "ev-call", "ev-jan"]


def test_actor_lanes_follow_the_actor_filter(seeded):
    at = open_app()
    at.sidebar.multiselect(key="filter_actors").select("Russia").run()
    at.session_state["lane"] = "actor"
    at.run()
    assert figure(at)["layout"]["meta"]["lanes"] == ["Iran", "Russia"]
    at.session_state["explore_view"] = "Map"
    at.run()
    at.session_state["explore_view"] = "Timeline"
    at.run()
    assert at.session_state["lane"] == "actor"                       # kept while the map was open


def test_event_types_show_labels_and_store_keys(seeded):
    at = open_app()
    types = at.sidebar.multiselect(key="filter_types")
    assert types.options == ["diplomatic call", "Statement"]          # by label; an analyst's own type as typed
    types.select("statement").run()
    assert table_ids(at) == ["ev-month", "ev-jan"]
    assert at.dataframe[0].value["event_type"].tolist() == ["Statement", "Statement"]

    at.selectbox(key="selected_event").select("ev-month").run()
    assert any("**Type:** Statement (statement)" in plain(m.value) for m in at.markdown)
    picker = next(s for s in at.selectbox if s.label == "Event type" and s.key.startswith("edit-ev-month"))
    assert {"Regime change", "Phone call", "Statement", "diplomatic call"} <= set(picker.options)
    picker.select("regime_change")
    button(at, "Save changes").click().run()
    assert not at.exception and messages(at.error) == []
    assert Store(seeded).events("demo").set_index("event_id").loc["ev-month", "event_type"] == "regime_change"


def test_actors_editor_saves_to_the_configured_file(seeded, actors_copy):
    at = open_app()
    assert any(plain(c.value) == f"Editing {actors_copy}" for c in at.caption)
    before = actors_copy.read_text(encoding="utf-8")
    at.session_state["actors_editor-0"] = {
        "edited_rows": {}, "deleted_rows": [],
        "added_rows": [{"name": "Ankara Office", "kind": "organisation", "country": "tr", "aliases": "Ankara"}]}
    at.run()
    button(at, "Save actors").click().run()
    assert not at.exception and messages(at.error) == []
    assert any(s.startswith("Saved ") and "actors.csv" in s for s in messages(at.success))
    after = actors_copy.read_text(encoding="utf-8")
    assert after == before + "Ankara Office,organisation,TR,Ankara,,\n"
    assert "Ankara Office" in at.data_editor[0].value["name"].tolist()    # a fresh editor on the saved file

    # enriching again applies it: "Ankara warned" now names the office as an actor (the other two
    # seeded events, nobody's edits, get what the finders see in them too)
    button(at, "Enrich “demo” again").click().run()
    assert not at.exception and messages(at.error) == []
    assert "Enriched again: 3 events changed, 0 unchanged." in messages(at.success)
    assert Store(seeded).events("demo").set_index("event_id").loc["ev-month", "actors"] == "Ankara Office"


def test_actors_editor_refuses_a_bad_row_and_keeps_the_edits(seeded, actors_copy):
    at = open_app()
    before = actors_copy.read_bytes()
    edits = {"edited_rows": {0: {"kind": "persn"}, 1: {"country": "USA"}}, "added_rows": [], "deleted_rows": []}
    at.session_state["actors_editor-0"] = edits
    at.run()
    button(at, "Save actors").click().run()
    assert not at.exception
    errors = messages(at.error)
    assert errors[0] == "Saving the actors failed: Line 15 (Russia): kind must be person, organisation or state, " \
                        "not “persn” (and 1 more)"
    assert "Line 16 (United States): country must be a two-letter ISO code such as RU or US, not “USA”" in errors[1]
    assert actors_copy.read_bytes() == before
    assert at.session_state["actors_editor-0"]["edited_rows"]          # the edits are still there
    assert button(at, "Save actors").disabled is False


# Two outlets reporting the Putin-al-Sharaa call of 12 February 2025, beside EVENTS (which merge with nothing).
def report(event_id: str, source: str, title: str, confidence: float) -> dict:
    return {"event_id": event_id, "date": "2025-02-12", "precision": "day", "start": "2025-02-12",
            "end": "2025-02-12", "date_text": "12 February", "title": title, "event_type": "call",
            "actors": "Vladimir Putin; Ahmed al-Sharaa", "source": source, "confidence": confidence,
            "evidence": f"{title}."}


SAME_CALL = conform(pd.DataFrame([
    report("ev-kabar", "kabar-id", "Putin berbicara dengan al-Sharaa melalui telepon", 0.7),
    report("ev-wire", "wire-en", "Putin held a phone call with al-Sharaa", 0.9),
]))


@pytest.fixture
def two_reports(db):
    """The demo collection holding EVENTS and two reports of one call (the wire's is kept: more confident)."""
    Store(db).add_extracted("demo", pd.concat([EVENTS, SAME_CALL], ignore_index=True), "seed")
    return db


def live(db) -> pd.DataFrame:
    """The stored events without versions, in a fixed order (undo and split re-insert rows)."""
    return Store(db).events("demo").drop(columns="version").sort_values("event_id").reset_index(drop=True)


def table_with(at: AppTest, column: str) -> pd.DataFrame | None:
    """The first table shown that has `column` ("role": the merge preview; "sources": the merged events)."""
    return next((frame.value for frame in at.dataframe if column in frame.value.columns), None)


def lines(at: AppTest) -> list[str]:
    """Every markdown line shown, as plain text."""
    return [line for m in at.markdown for line in plain(m.value).splitlines()]


def test_merge_tab_previews_with_reasons_and_merges_into_one_event(two_reports):
    before = live(two_reports)
    at = open_app()
    assert at.slider(key="merge_threshold").value == 0.6
    preview = table_with(at, "role")
    assert preview[["group", "role", "event_id", "source"]].values.tolist() == [
        [1, "keep", "ev-wire", "wire-en"], [1, "merge", "ev-kabar", "kabar-id"]]
    [reason] = preview.loc[preview["role"] == "merge", "reasons"]
    assert reason.startswith("ev-kabar (kabar-id) ~ ev-wire (wire-en), score ")
    assert "same date 2025-02-12; actors in common: Vladimir Putin, Ahmed al-Sharaa (2 of 2)" in reason
    assert "At 0.60, 2 events would become 1." in " ".join(lines(at))
    assert f"- {reason}" in lines(at)                                  # the group's reasons, line by line
    pd.testing.assert_frame_equal(live(two_reports), before)          # a preview changes nothing

    at.slider(key="merge_threshold").set_value(0.95).run()
    assert table_with(at, "role") is None
    assert "No events are alike enough to merge at threshold 0.95." in " ".join(messages(at.info))
    assert button(at, "Merge similar").disabled
    at.slider(key="merge_threshold").set_value(0.6).run()

    button(at, "Merge similar").click().run()
    assert not at.exception and messages(at.error) == []
    assert any(s.startswith("Done: automatic merge at threshold 0.60: 1 event folded into 1 kept event.")
               for s in messages(at.success))
    events = Store(two_reports).events("demo").set_index("event_id")
    assert "ev-kabar" not in events.index
    kept = events.loc["ev-wire"]
    assert (kept["source_count"], kept["sources"]) == (2, "wire-en; kabar-id")
    assert kept["merge_note"] == reason
    table = at.dataframe[0].value.set_index("event_id")
    assert (table.loc["ev-wire", "source_count"], table.loc["ev-wire", "source"]) == (2, "wire-en; kabar-id")
    assert table.loc["ev-call", "source_count"] == 1                   # a missing count shows as one source
    assert table_with(at, "sources")["event_id"].tolist() == ["ev-wire"]

    # the open event says where it comes from and why it was merged
    at.selectbox(key="selected_event").select("ev-wire").run()
    shown = lines(at)
    assert "**Sources (2):** wire-en; kabar-id" in shown and "**Why merged:**" in shown
    assert f"- {reason}" in shown


def test_split_a_merge_from_the_event_panel_restores_both_rows(two_reports):
    before = live(two_reports)
    at = open_app()
    button(at, "Merge similar").click().run()
    at.selectbox(key="selected_event").select("ev-wire").run()
    assert at.multiselect(key="split-event-ev-wire-members").value == ["ev-kabar"]
    at.button(key="split-event-ev-wire").click().run()
    assert not at.exception and messages(at.error) == []
    assert "Split ev-wire: ev-kabar is an event of its own again. Undo in the sidebar merges them back." \
        in messages(at.success)
    pd.testing.assert_frame_equal(live(two_reports), before)
    assert sorted(table_ids(at)) == ["ev-call", "ev-jan", "ev-kabar", "ev-month", "ev-wire"]
    assert at.selectbox(key="selected_event").value == "ev-wire"          # still open, now of one source
    assert not any(line.startswith("**Sources (") for line in lines(at))


def test_split_from_the_merge_tab_follows_the_store_and_refusals_are_messages(two_reports, monkeypatch):
    before = live(two_reports)
    at = open_app()
    button(at, "Merge similar").click().run()
    at.selectbox(key="merge_review").select("ev-wire").run()
    Store(two_reports).split_merged("demo", "ev-wire", "someone")        # a colleague splits it meanwhile
    at.button(key="split-review-ev-wire").click().run()                  # the page already shows it split
    assert not at.exception and messages(at.error) == []
    assert "merge_review" not in [box.key for box in at.selectbox]     # nothing merged left to review
    assert any("No event of this collection holds several reports yet." in plain(c.value) for c in at.caption)
    pd.testing.assert_frame_equal(live(two_reports), before)

    button(at, "Merge similar").click().run()
    at.selectbox(key="merge_review").select("ev-wire").run()

    def refused(*args, **kwargs):
        raise StoreError("the database could not be written: database is locked")

    monkeypatch.setattr(Store, "split_merged", refused)
    at.button(key="split-review-ev-wire").click().run()
    assert not at.exception
    assert messages(at.error) == ["Splitting the merge failed: the database could not be written: database is locked"]
    assert "ev-kabar" not in Store(two_reports).events("demo")["event_id"].tolist()


def test_undo_after_merge_similar_restores_both_rows(two_reports):
    before = live(two_reports)
    at = open_app()
    button(at, "Merge similar").click().run()
    assert len(Store(two_reports).events("demo")) == 4
    button(at, "Undo last change").click().run()
    assert not at.exception
    assert "Undone: the automatic merge at threshold 0.60: 1 event folded into 1 kept event." in messages(at.info)
    pd.testing.assert_frame_equal(live(two_reports), before)
    assert table_with(at, "role")["event_id"].tolist() == ["ev-wire", "ev-kabar"]


def test_the_merge_by_hand_says_how_alike_the_two_events_are(two_reports):
    at = open_app()
    at.selectbox(key="selected_event").select("ev-wire").run()
    at.selectbox(key="merge-ev-wire").select("ev-kabar").run()
    [why] = [plain(c.value) for c in at.caption if plain(c.value).startswith("Score ")]
    assert why.startswith("Score 0.") and "alike enough to merge at the threshold 0.60: same date 2025-02-12" in why
    at.selectbox(key="merge-ev-wire").select("ev-jan").run()
    [why] = [plain(c.value) for c in at.caption if plain(c.value).startswith("Score ")]
    assert why == ("Score 0.00, not alike enough to merge at the threshold 0.60: "
                   "dates cannot be the same moment: 2025-02-12 / 2025-01-20")


def test_a_large_collection_is_previewed_when_asked(two_reports, monkeypatch):
    monkeypatch.setattr("timeline.ui.merging.AUTO_PREVIEW_MAX", 4)      # the collection holds 5 events
    at = open_app()
    assert table_with(at, "role") is None and button(at, "Merge similar").disabled
    assert any("This collection has 5 events" in plain(c.value) for c in at.caption)
    button(at, "Find similar events").click().run()
    assert table_with(at, "role")["event_id"].tolist() == ["ev-wire", "ev-kabar"]
    at.run()                                                             # kept while the settings stay
    assert table_with(at, "role") is not None
    at.slider(key="merge_threshold").set_value(0.7).run()               # asked again for other settings
    assert table_with(at, "role") is None


def test_show_background_lists_the_background_rows_too(db):
    at = open_app()
    stored = Store(db).events("demo")
    assert (stored["role"] == "background").any()
    assert len(at.dataframe[0].value) < len(stored)
    next(c for c in at.sidebar.checkbox if c.label == "Show background").check().run()
    assert len(at.dataframe[0].value) == len(stored)


def test_an_upload_without_a_date_takes_the_one_in_its_name(seeded):
    at = open_app()
    at.file_uploader(key="upload_files").set_value([
        ("wire-20251110.txt", b"The ministers met on Wednesday in Doha.", "text/plain")]).run()
    assert not at.exception
    assert not any("No publication date found" in w for w in messages(at.warning))
    review = at.dataframe[1].value
    assert str(review["published"][0])[:10] == "2025-11-10"
    assert review["found"][0] == "from the file name"   # the one publication-date reader's last stage


def test_date_conflicts_only_keeps_merged_events_whose_sources_disagree(seeded):
    store = Store(seeded)
    store.add_extracted("demo", conform(pd.DataFrame([
        {"event_id": "ev-jan-b", "date": "2025-01-20", "precision": "day", "start": "2025-01-20",
         "end": "2025-01-20", "title": "The inauguration speech", "source": "wire.txt", "confidence": 0.7}])), "seed")
    store.merge_events("demo", "ev-call", "ev-month", "seed")    # 2024-12-08 and 2024-12: a conflict
    store.merge_events("demo", "ev-jan", "ev-jan-b", "seed")     # the same day twice: none
    at = open_app()
    assert table_ids(at) == ["ev-call", "ev-jan"]
    box = next(c for c in at.sidebar.checkbox if c.label == "Date conflicts only")
    box.check().run()
    assert not at.exception
    assert table_ids(at) == chart_ids(at) == ["ev-call"]
    assert plain(at.caption[0].value).startswith("1 of 2 events shown (filtered)")
    button(at, "Clear filters").click().run()
    assert table_ids(at) == ["ev-call", "ev-jan"]


def test_bulk_actions_change_the_chosen_events_as_one_undoable_change(seeded):
    at = open_app()
    at.multiselect(key="bulk_ids").select("ev-call").select("ev-jan").run()
    at.selectbox(key="bulk_action").select("Add a tag").run()
    at.text_input(key="bulk_tag").input("checked").run()
    button(at, "Apply to 2 events").click().run()
    assert not at.exception and messages(at.error) == []
    stored = Store(seeded).events("demo").set_index("event_id")
    assert stored.loc["ev-call", "tags"] == stored.loc["ev-jan", "tags"] == "checked"
    assert stored.loc["ev-month", "tags"] == ""

    at.multiselect(key="bulk_ids").select("ev-call").select("ev-month").run()
    at.selectbox(key="bulk_action").select("Mark verified").run()
    button(at, "Apply to 2 events").click().run()
    at.multiselect(key="bulk_ids").select("ev-month").select("ev-jan").run()
    at.selectbox(key="bulk_action").select("Set the type").run()
    at.selectbox(key="bulk_type").select("protest").run()
    button(at, "Apply to 2 events").click().run()
    stored = Store(seeded).events("demo").set_index("event_id")
    assert stored["verified"].to_dict() == {"ev-month": True, "ev-call": True, "ev-jan": False}
    assert stored.loc[["ev-month", "ev-jan"], "event_type"].tolist() == ["protest", "protest"]

    at.multiselect(key="bulk_ids").select("ev-call").select("ev-jan").run()
    at.selectbox(key="bulk_action").select("Delete").run()
    button(at, "Apply to 2 events").click().run()
    assert table_ids(at) == ["ev-month"]
    button(at, "Undo last change").click().run()     # one undo brings both back
    assert not at.exception
    assert table_ids(at) == ["ev-month", "ev-call", "ev-jan"]
    assert any("Araghchi called Lavrov" in m for m in messages(at.info))
    button(at, "Undo last change").click().run()     # and the type of both goes back at once
    assert Store(seeded).events("demo").set_index("event_id").loc[["ev-month", "ev-jan"], "event_type"].tolist() \
        == ["statement", "statement"]
