"""The package's public surface works end to end on the bundled demo articles."""
import pandas as pd

import timeline
from timeline.demo import demo_documents
from timeline.schema import EVENT_COLUMNS


def test_public_names_are_exported():
    assert set(timeline.__all__) == {"DateMention", "find_dates", "extract_events", "merge_events",
                                     "to_csv", "read_events_csv"}


def test_demo_articles_round_trip_through_merge_and_csv():
    frames = [timeline.extract_events(d.text, d.published, d.lang, source=d.source) for d in demo_documents()]
    events = pd.concat(frames, ignore_index=True)
    assert len(events) >= 10 and set(events["lang"]) >= {"id", "en", "fr"}
    merged = timeline.merge_events(events)
    assert len(merged) <= len(events)
    back = timeline.read_events_csv(timeline.to_csv(merged))
    assert list(back.columns) == list(EVENT_COLUMNS)
    assert list(back["event_id"]) == list(merged["event_id"])
    assert list(back["date"]) == list(merged["date"])


def test_the_same_report_twice_from_two_sources_merges_into_one_event():
    text = "Pada 28 Januari, delegasi Rusia bertemu dengan Presiden Suriah Ahmed al-Sharaa di Damaskus."
    a = timeline.extract_events(text, "2025-02-13", "id", source="kantor-a")
    b = timeline.extract_events(text, "2025-02-13", "id", source="kantor-b")
    merged = timeline.merge_events(pd.concat([a, b], ignore_index=True))
    assert len(merged) == 1
    assert merged["source_count"].iloc[0] == 2
    assert set(merged["sources"].iloc[0].split("; ")) == {"kantor-a", "kantor-b"}
