"""timeline.merge (one happening reported by several articles -> one event) and the store's
merge_similar / split_merged / similar_groups / merged_members."""
import math

import pandas as pd
import pytest

from timeline.merge import (
    DEFAULT_THRESHOLD, _prepare, candidate_pairs, combined_fields, find_clusters, merge_events, similarity, split_event,
)
from timeline.schema import EVENT_COLUMNS, conform
from timeline.store import Store, StoreError

C = "default"


def report(event_id, source, date, title, actors="", places="", event_type="", evidence="", lang="", **more):
    """One extracted row: the date's precision, start and end as the schema derives them."""
    from timeline.export import date_fields

    precision, start, end = date_fields(date)
    return {"event_id": event_id, "source": source, "date": date, "precision": precision, "start": start, "end": end,
            "title": title, "actors": actors, "places": places, "event_type": event_type,
            "evidence": evidence or title + ".", "lang": lang, **more}


# The Putin-Sharaa call of 12 February 2025 as three outlets told it, and another call that day.
CALL_ID = report("ev-id", "kabar-id", "2025-02-12", "Putin berbicara dengan al-Sharaa melalui telepon",
                 "Vladimir Putin; Ahmed al-Sharaa", event_type="call", lang="id", confidence=0.8)
CALL_EN = report("ev-en", "wire-en", "2025-02", "Putin held a phone call with al-Sharaa",
                 "Vladimir Putin; Ahmed al-Sharaa", event_type="call", lang="en", confidence=0.7)
CALL_FR = report("ev-fr", "journal-fr", "2025-02-12", "Poutine s'est entretenu au téléphone avec al-Charaa",
                 "Vladimir Putin; Ahmed al-Sharaa", event_type="call", lang="fr", confidence=0.9)
OTHER_CALL = report("ev-other", "daily-en", "2025-02-12", "Trump and Putin spoke by phone about the war in Ukraine",
                    "Donald Trump; Vladimir Putin", "Ukraine", event_type="call", lang="en")

# --- one pair ------------------------------------------------------------------------------------

PAIRS = [
    # same happening, in Indonesian, English and French, a day and the month it lies in
    (CALL_ID, CALL_EN, True),
    (CALL_ID, CALL_FR, True),
    (CALL_EN, CALL_FR, True),
    (report("a", "harian-id", "2024-12-08", "Pasukan HTS masuk ke Damaskus", "Hayat Tahrir al-Sham", "Damascus"),
     report("b", "journal-fr", "2024-12", "Les combattants de HTS sont entrés dans Damas", "Hayat Tahrir al-Sham",
            "Damascus"), True),
    (report("a", "asia-en", "2025-05-07", "India launched missile strikes on nine sites in Pakistan", "India",
            "Pakistan", "military_action"),
     report("b", "harian-id", "2025-05-07", "India melancarkan serangan ke sembilan sasaran di Pakistan", "India",
            "Pakistan", "military_action"), True),
    # different happenings on the same day
    (CALL_ID, OTHER_CALL, False),
    (report("a", "harian-id", "2024-12-08", "Pasukan HTS masuk ke Damaskus", "Hayat Tahrir al-Sham", "Damascus"),
     report("b", "wire-en", "2024-12-08", "Israel sent troops into the buffer zone on the Golan Heights", "Israel",
            "Golan Heights"), False),
    (report("a", "wire-en", "2025-10-13", "Leaders gathered in Sharm el-Sheikh for a Gaza peace summit", "",
            "Sharm el-Sheikh; Gaza", "meeting"),
     report("b", "manana-es", "2025-10-13", "Hamás liberó a los últimos rehenes israelíes vivos", "Hamas", "",
            "release"), False),
]


@pytest.mark.parametrize("a, b, same", PAIRS)
def test_pairs_table(a, b, same):
    score, reasons = similarity(a, b)
    assert (score >= DEFAULT_THRESHOLD) == same, reasons
    assert similarity(b, a)[0] == score


@pytest.mark.parametrize("a_date, b_date", [
    ("2024-12-08", "2024-12-09"),    # next day
    ("2024-12-08", "2024-11"),       # a month it is not in
    ("2025-02-27", "2026-02-27"),    # the anniversary
    ("2024-12-08", "2024"),          # a year is wider than a month: only the same year matches it
    ("2024-Q4", "2024-12"),
])
def test_incompatible_dates_never_merge(a_date, b_date):
    a = {**CALL_ID, **dict(zip(("date", "precision", "start", "end"), _date(a_date)))}
    b = {**CALL_ID, "event_id": "ev-copy", "source": "copy", **dict(zip(("date", "precision", "start", "end"),
                                                                        _date(b_date)))}
    assert similarity(a, b) == (0.0, [f"dates cannot be the same moment: {a_date} / {b_date}"])
    assert merge_events(pd.DataFrame([a, b]), threshold=0.0)["merged_from"].tolist() == ["", ""]


def _date(value):
    from timeline.export import date_fields

    return (value, *date_fields(value))


def test_same_wide_dates_may_merge():
    a = {**CALL_ID, **dict(zip(("date", "precision", "start", "end"), _date("2024")))}
    b = {**CALL_EN, **dict(zip(("date", "precision", "start", "end"), _date("2024")))}
    assert similarity(a, b)[1][0] == "same date 2024"


def test_similarity_explains_itself():
    assert similarity(CALL_ID, CALL_EN) == (0.793, [
        "2025-02-12 lies in 2025-02",
        "actors in common: Vladimir Putin, Ahmed al-Sharaa (2 of 2)",
        "titles 63% alike",
        "same event type call",
    ])
    assert similarity(CALL_ID, OTHER_CALL) == (0.574, [
        "same date 2025-02-12",
        "actors in common: Vladimir Putin (1 of 3)",
        "titles 39% alike",
        "same event type call",
    ])


def test_a_part_one_row_cannot_speak_to_is_left_out():
    bare = {**CALL_EN, "actors": "", "event_type": ""}
    assert similarity(CALL_ID, bare)[1] == ["2025-02-12 lies in 2025-02", "titles 63% alike"]
    assert similarity({**CALL_ID, "event_type": "meeting"}, CALL_FR)[1][-1] == "event types differ: meeting / call"


# --- merging a table -------------------------------------------------------------------------------

def test_merge_events_one_row_per_happening():
    merged = merge_events(pd.DataFrame([CALL_ID, CALL_EN, CALL_FR, OTHER_CALL]))
    assert list(merged.columns) == [*EVENT_COLUMNS, "merge_score", "merged_from"]
    assert merged["event_id"].tolist() == ["ev-fr", "ev-other"]
    kept = merged.iloc[0]
    # the most precise date (the days, not the month), and of those the higher confidence
    assert (kept["date"], kept["precision"], kept["title"], kept["confidence"]) == (
        "2025-02-12", "day", CALL_FR["title"], 0.9)
    assert kept["merged_from"] == "ev-fr; ev-id; ev-en"
    assert (kept["sources"], kept["source_count"]) == ("journal-fr; kabar-id; wire-en", 3)
    assert kept["evidence"] == "; ".join(row["evidence"] for row in (CALL_FR, CALL_ID, CALL_EN))
    assert kept["actors"] == "Vladimir Putin; Ahmed al-Sharaa"
    assert kept["merge_score"] == 0.793
    assert kept["merge_note"] == (
        "ev-id (kabar-id) ~ ev-fr (journal-fr), score 0.87: same date 2025-02-12; actors in common: Vladimir Putin, "
        "Ahmed al-Sharaa (2 of 2); titles 61% alike; same event type call | "
        "ev-en (wire-en) ~ ev-id (kabar-id), score 0.79: 2025-02-12 lies in 2025-02; actors in common: "
        "Vladimir Putin, Ahmed al-Sharaa (2 of 2); titles 63% alike; same event type call")
    alone = merged.iloc[1]
    assert (alone["merged_from"], alone["sources"], alone["source_count"], math.isnan(alone["merge_score"])) == (
        "", "daily-en", 1, True)


def test_threshold_changes_the_outcome():
    frame = pd.DataFrame([CALL_ID, OTHER_CALL])
    score = similarity(CALL_ID, OTHER_CALL)[0]
    assert 0.5 < score < DEFAULT_THRESHOLD
    assert merge_events(frame)["event_id"].tolist() == ["ev-id", "ev-other"]
    assert merge_events(frame, threshold=0.5)["merged_from"].tolist() == ["ev-id; ev-other"]
    assert len(merge_events(pd.DataFrame([CALL_ID, CALL_FR]), threshold=0.9)) == 2
    with pytest.raises(ValueError, match="from 0 to 1"):
        merge_events(frame, threshold=1.5)


def test_one_source_is_not_merged_with_itself_unless_asked():
    twice = pd.DataFrame([CALL_ID, {**CALL_FR, "source": "kabar-id"}])
    assert len(merge_events(twice)) == 2
    assert merge_events(twice, within_source=True)["merged_from"].tolist() == ["ev-fr; ev-id"]


def test_a_group_never_holds_dates_without_a_common_day():
    # Both days lie in the month, but not in each other: the month joins one of them, not both.
    day_before = {**CALL_FR, "event_id": "ev-day-before", "source": "other",
                  **dict(zip(("date", "precision", "start", "end"), _date("2025-02-11")))}
    clusters = find_clusters(pd.DataFrame([CALL_ID, CALL_EN, day_before]))
    assert len(clusters) == 1 and sorted(clusters[0].members) in ([0, 1], [1, 2])


def test_an_empty_table():
    merged = merge_events(pd.DataFrame())
    assert merged.empty and list(merged.columns) == [*EVENT_COLUMNS, "merge_score", "merged_from"]


def test_candidates_need_a_shared_name_and_overlapping_dates():
    rows = [_prepare(row) for row in (
        CALL_ID,                                                                     # 0
        CALL_EN,                                                                     # 1: shares names, month
        {**CALL_FR, **dict(zip(("date", "precision", "start", "end"), _date("2025-03-01")))},   # 2: later
        report("x", "s", "2025-02-12", "Gempa mengguncang Myanmar", "Myanmar"),         # 3: nothing shared
    )]
    assert sorted(candidate_pairs(rows)) == [(0, 1)]


def test_combined_fields_rule():
    keep = conform(pd.DataFrame([{**CALL_FR, "tags": "call", "url": "https://a.example"}])).iloc[0].to_dict()
    other = conform(pd.DataFrame([{**CALL_EN, "tags": "Call; syria", "notes": "check", "verified": True,
                                   "date_text": "February", "published": "2025-03-01"}])).iloc[0].to_dict()
    merged = combined_fields(keep, other, note="why")
    assert {column: merged[column] for column in (
        "event_id", "date", "title", "tags", "notes", "url", "source", "sources", "source_count", "merge_note",
        "verified", "confidence", "date_text", "published")} == {
        "event_id": "ev-fr", "date": "2025-02-12", "title": CALL_FR["title"], "tags": "call; syria",
        "notes": "check", "url": "https://a.example", "source": "journal-fr; wire-en",
        "sources": "journal-fr; wire-en", "source_count": 2, "merge_note": "why", "verified": True,
        "confidence": 0.9, "date_text": "February", "published": "2025-03-01"}


# --- splitting a merged table ----------------------------------------------------------------------

def test_split_restores_every_row():
    originals = pd.DataFrame([CALL_ID, CALL_EN, CALL_FR, OTHER_CALL])
    merged = merge_events(originals)
    split = split_event(merged, originals, "ev-fr")
    assert split["event_id"].tolist() == ["ev-fr", "ev-id", "ev-en", "ev-other"]
    restored = split.set_index("event_id").loc[["ev-id", "ev-en", "ev-fr"]]
    expected = conform(originals).set_index("event_id").loc[["ev-id", "ev-en", "ev-fr"]]
    for column in ("date", "title", "evidence", "actors", "source", "merge_note"):
        assert restored[column].tolist() == expected[column].tolist()
    assert split["merged_from"].tolist() == ["", "", "", ""]


def test_split_one_row_out_keeps_the_rest_merged():
    originals = pd.DataFrame([CALL_ID, CALL_EN, CALL_FR])
    split = split_event(merge_events(originals), originals, "ev-fr", ["ev-en"])
    assert split["event_id"].tolist() == ["ev-fr", "ev-en"]
    assert split["merged_from"].tolist() == ["ev-fr; ev-id", ""]
    assert split.loc[0, "sources"] == "journal-fr; kabar-id"
    assert "ev-en" not in split.loc[0, "merge_note"]


def test_split_refuses_what_was_not_merged():
    originals = pd.DataFrame([CALL_ID, CALL_FR, OTHER_CALL])
    merged = merge_events(originals)
    with pytest.raises(ValueError, match="not a merged event"):
        split_event(merged, originals, "ev-other")
    with pytest.raises(ValueError, match="ev-other not merged into 'ev-fr'"):
        split_event(merged, originals, "ev-fr", ["ev-other"])


# --- the store -----------------------------------------------------------------------------------

@pytest.fixture
def store(tmp_path):
    db = Store(tmp_path / "timeline.db")
    db.add_extracted(C, pd.DataFrame([CALL_ID, CALL_EN, CALL_FR, OTHER_CALL]), user="pipeline")
    return db


def table(db):
    """The live events without versions, in a fixed order (undo re-inserts rows)."""
    return db.events(C).drop(columns="version").sort_values("event_id").reset_index(drop=True)


def test_similar_groups_previews_without_merging(store):
    before = table(store)
    preview = store.similar_groups(C)
    assert preview[["group", "role", "event_id", "date", "score"]].values.tolist() == [
        [1, "keep", "ev-fr", "2025-02-12", 0.793],
        [1, "merge", "ev-id", "2025-02-12", 0.793],
        [1, "merge", "ev-en", "2025-02", 0.793],
    ]
    assert preview.loc[1, "reasons"].startswith("ev-id (kabar-id) ~ ev-fr (journal-fr), score 0.87: same date")
    pd.testing.assert_frame_equal(table(store), before)
    assert store.similar_groups(C, threshold=0.95).empty


def test_merge_similar_is_one_change_and_undo_restores(store):
    before = table(store)
    outcome = store.merge_similar(C, threshold=0.6, user="rina")
    assert outcome == {"groups": 1, "merged": 2, "kept": ["ev-fr"],
                       "description": "automatic merge at threshold 0.60: 2 events folded into 1 kept event"}
    events = store.events(C)
    assert events["event_id"].tolist() == ["ev-fr", "ev-other"]
    kept = events.iloc[0]
    assert (kept["sources"], kept["source_count"], kept["date"]) == ("journal-fr; kabar-id; wire-en", 3, "2025-02-12")
    # the same note as merge_events writes, though the store reads the rows in another order
    assert kept["merge_note"] == merge_events(pd.DataFrame([CALL_ID, CALL_EN, CALL_FR])).loc[0, "merge_note"]
    history = store.history(C)
    assert history.loc[history["change_id"] == history["change_id"].max(), "action"].unique().tolist() == ["merge"]
    assert store.merged_members(C, "ev-fr")["event_id"].tolist() == ["ev-id", "ev-en"]
    assert store.undo(C, user="rina") == f"undid {outcome['description']}"
    pd.testing.assert_frame_equal(table(store), before)


def test_merge_similar_with_nothing_to_merge_records_nothing(store):
    changes = store.history(C)["change_id"].nunique()
    assert store.merge_similar(C, threshold=0.99, user="rina")["merged"] == 0
    assert store.history(C)["change_id"].nunique() == changes


def test_split_merged_restores_the_rows(store):
    before = table(store)
    store.merge_similar(C, user="rina")
    assert store.split_merged(C, "ev-fr", user="budi") == {"restored": ["ev-id", "ev-en"], "kept_edits": []}
    pd.testing.assert_frame_equal(table(store), before)
    assert store.history(C)["action"].iloc[0] == "split"
    store.undo(C)                                  # undoing the split merges them again
    assert sorted(store.events(C)["event_id"]) == ["ev-fr", "ev-other"]
    store.split_merged(C, "ev-fr", user="budi")    # and they can be split again
    pd.testing.assert_frame_equal(table(store), before)


def test_split_one_member_rebuilds_the_kept_event(store):
    store.merge_similar(C, user="rina")
    assert store.split_merged(C, "ev-fr", user="budi", member_ids=["ev-en"])["restored"] == ["ev-en"]
    kept = store.events(C).set_index("event_id").loc["ev-fr"]
    assert (kept["sources"], kept["source_count"]) == ("journal-fr; kabar-id", 2)
    assert kept["evidence"] == f"{CALL_FR['evidence']}; {CALL_ID['evidence']}"
    assert "ev-en" not in kept["merge_note"] and "ev-id (kabar-id) ~ ev-fr" in kept["merge_note"]
    assert store.merged_members(C, "ev-fr")["event_id"].tolist() == ["ev-id"]


def test_split_keeps_an_analysts_later_edit(store):
    store.merge_similar(C, user="rina")
    store.update_event(C, "ev-fr", {"notes": "two sources agree", "actors": "Vladimir Putin"}, user="rina")
    assert store.split_merged(C, "ev-fr", user="budi") == {"restored": ["ev-id", "ev-en"],
                                                           "kept_edits": ["actors", "notes"]}
    kept = store.events(C).set_index("event_id").loc["ev-fr"]
    assert (kept["actors"], kept["notes"], kept["evidence"]) == ("Vladimir Putin", "two sources agree",
                                                                 CALL_FR["evidence"])


def test_split_merged_refuses(store):
    with pytest.raises(StoreError, match="nothing was merged into event ev-other"):
        store.split_merged(C, "ev-other", user="budi")
    store.merge_similar(C, user="rina")
    with pytest.raises(StoreError, match="ev-other was not merged into ev-fr"):
        store.split_merged(C, "ev-fr", user="budi", member_ids=["ev-other"])
    with pytest.raises(StoreError, match="was merged into ev-fr"):
        store.split_merged(C, "ev-id", user="budi")
    with pytest.raises(StoreError, match="from 0 to 1"):
        store.merge_similar(C, threshold=-1, user="budi")


def test_a_merge_by_hand_is_noted_and_split_like_any_other(store):
    before = table(store)
    store.merge_events(C, "ev-id", "ev-other", user="rina")
    kept = store.events(C).set_index("event_id").loc["ev-id"]
    assert kept["merge_note"] == "ev-other (daily-en) merged into ev-id (kabar-id) by hand (rina)"
    assert (kept["sources"], kept["source_count"]) == ("kabar-id; daily-en", 2)
    store.split_merged(C, "ev-id", user="rina")
    pd.testing.assert_frame_equal(table(store), before)
