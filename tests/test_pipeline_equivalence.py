"""extract_events gives the same table, cell for cell, as before its speed-up (issue 12).

tests/pipeline_equivalence/expected_events.csv was written by the extraction code as it stood
before events became plain records (one frame per document, enrichment without per-cell
pandas writes). The inputs are the demo articles (data/demo) and one undated text of our own
(tests/pipeline_equivalence/undated_en.txt), which takes the no-publication-date path.

It pins the date engine's and the gazetteer's output on those texts too: after a deliberate
change of either, write the fixture again from the new code, at a commit whose speed work is
done, with pd.concat(_frames(), ignore_index=True).to_csv(HERE / "expected_events.csv", index=False).
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from timeline import extract_events
from timeline.enrich import enrich_events
from timeline.schema import EVENT_COLUMNS, conform

HERE = Path(__file__).parent / "pipeline_equivalence"
DEMO = Path(__file__).parent.parent / "data" / "demo"


def _frames() -> list[pd.DataFrame]:
    frames = []
    for entry in json.loads((DEMO / "index.json").read_text(encoding="utf-8"))["documents"]:
        frames.append(extract_events((DEMO / entry["file"]).read_text(encoding="utf-8"), published=entry["published"],
                                     lang=entry["lang"], source=entry["file"], url=entry["url"]))
    frames.append(extract_events((HERE / "undated_en.txt").read_text(encoding="utf-8"), lang="en",
                                 source="undated_en.txt"))
    return frames


def test_extract_events_output_is_unchanged_cell_for_cell():
    frame = pd.concat(_frames(), ignore_index=True)
    expected = (HERE / "expected_events.csv").read_text(encoding="utf-8")
    got = frame.to_csv(index=False)
    assert got.splitlines() == expected.splitlines()


def test_every_frame_has_the_schema_dtypes_and_a_range_index():
    for frame in _frames():
        assert list(frame.columns) == list(EVENT_COLUMNS)
        assert {c: str(t) for c, t in frame.dtypes.items()} == EVENT_COLUMNS
        assert frame.index.equals(pd.RangeIndex(len(frame)))
        assert not frame[[c for c, t in EVENT_COLUMNS.items() if t == "string"]].isna().any().any()


def test_enrich_events_on_a_bare_frame_matches_the_pipeline():
    # The public stage, given only what extraction writes, fills the same cells the pipeline does,
    # except the type a cue-less row took from the article's sentence before it (the cue is not in
    # the row's own text): without the article the table cannot know it, and falls back.
    frame = pd.concat(_frames(), ignore_index=True)
    bare = frame.copy()
    for column in ("actors", "places", "event_type", "event_type_cue", "headline"):
        bare[column] = ""
    again = conform(enrich_events(bare))
    carried = [bool(cue) and cue.casefold() not in evidence.casefold()
               for cue, evidence in zip(frame["event_type_cue"], frame["evidence"])]
    assert sum(carried) == 1          # the demo's "ne sont plus membres ... depuis mercredi"
    own = [not c for c in carried]
    pd.testing.assert_frame_equal(again[own], frame[own])
    assert set(again[carried]["event_type"]) == {"statement"}


def test_enrich_events_keeps_an_analysts_values_and_a_foreign_index():
    frame = pd.concat(_frames(), ignore_index=True).head(3)
    frame.index = [10, 20, 30]
    frame["actors"] = ["Someone Else", "", pd.NA]
    frame["event_type"] = ["protest", "", ""]
    out = enrich_events(frame)
    assert list(out.index) == [10, 20, 30]
    assert out.loc[10, "actors"] == "Someone Else" and out.loc[10, "event_type"] == "protest"
    assert out.loc[20, "actors"] != "" or out.loc[30, "actors"] != ""
    assert set(out.columns) >= set(frame.columns)


def test_events_frame_of_records_is_what_conform_makes_of_them():
    from timeline.schema import events_frame

    records = [{"event_id": "ev-1", "char_start": 3, "char_end": 9, "confidence": 0.75, "verified": True,
                "title": "Talks resumed", "unknown_column": "dropped"},
               {"event_id": "ev-2", "source_count": 2, "verified": False, "confidence": 1.0},
               {}]
    for chosen in (records, records[:1], []):
        pd.testing.assert_frame_equal(events_frame(chosen), conform(pd.DataFrame(chosen)))
