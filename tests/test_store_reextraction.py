"""Re-extracting an article after its text or its publication date changed: the new rows are
matched to the earlier ones by what they say (evidence, date text, date), not by character
offsets, so an analyst's edits and deletions survive and no duplicates appear."""
from datetime import date

import pytest

from store_target import db_target  # noqa: F401 - a fixture
from timeline import extract_events
from timeline.store import Store

C = "default"
ARTICLE = ("The foreign minister met her Malaysian counterpart in Jakarta yesterday to discuss fishing rights. "
           "Both sides agreed to hold a summit on 8 March. Talks on a border treaty began in December.")
PUBLISHED = date(2025, 2, 13)


def extracted(text=ARTICLE, published=PUBLISHED):
    return extract_events(text, published=published, lang="en", source="desk-note")


def by_date_text(store):
    return store.events(C).set_index("date_text")


@pytest.fixture
def store(db_target):
    """The article stored, its 'yesterday' event retitled and its 'December' event deleted by an analyst."""
    db = Store(db_target)
    db.add_extracted(C, extracted(), user="pipeline")
    events = by_date_text(db)
    db.update_event(C, events.loc["yesterday", "event_id"], {"title": "Jakarta fishing talks"}, "rina")
    db.delete_event(C, events.loc["December", "event_id"], "rina")
    return db


def test_an_edited_text_keeps_the_edit_and_the_deletion(store):
    before = by_date_text(store)
    shifted = extracted("Officials spoke to reporters after the meeting. " + ARTICLE)
    assert set(shifted["event_id"]).isdisjoint(before["event_id"])   # the offsets moved: new ids
    counts = store.add_extracted(C, shifted)
    assert (counts["added"], counts["kept_edited"], counts["updated"]) == (0, 2, 1)
    after = by_date_text(store)
    assert sorted(after.index) == ["8 March", "yesterday"]                # no copy, nothing resurrected
    assert after.loc["yesterday", "title"] == "Jakarta fishing talks"
    assert after.loc["8 March", "event_id"] == before.loc["8 March", "event_id"]   # the same happening keeps its id
    assert after.loc["8 March", "char_start"] == before.loc["8 March", "char_start"] + 48  # ...and is refreshed


def test_a_corrected_publication_date_keeps_the_edit(store):
    counts = store.add_extracted(C, extracted(published=date(2025, 2, 14)))
    assert (counts["added"], counts["kept_edited"]) == (0, 2)
    after = by_date_text(store)
    assert sorted(after.index) == ["8 March", "yesterday"]
    assert (after.loc["yesterday", "title"], after.loc["yesterday", "date"]) == ("Jakarta fishing talks", "2025-02-12")


def test_a_reworded_sentence_with_the_same_date_is_the_same_event(store):
    reworded = ARTICLE.replace("to discuss fishing rights", "to discuss fishing rights and piracy")
    assert store.add_extracted(C, extracted(reworded))["added"] == 0
    assert by_date_text(store).loc["yesterday", "title"] == "Jakarta fishing talks"


def test_a_new_sentence_with_the_same_date_is_a_new_event(store):
    longer = ARTICLE + " The navy escorted a fishing fleet out of Natuna yesterday."
    counts = store.add_extracted(C, extracted(longer))
    assert counts["added"] == 1
    titles = store.events(C).query("date_text == 'yesterday'")["title"].tolist()
    assert "Jakarta fishing talks" in titles and len(titles) == 2
