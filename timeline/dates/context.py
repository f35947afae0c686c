"""What every resolver sees of the document: its text, patterns, publication date, sentences,
and the reference time in force for the mention being resolved."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from timeline.patterns import Patterns


@dataclass
class _Candidate:
    """A span a recogniser proposes, with what its pattern understood (`data`)."""

    start: int
    end: int
    kind: str
    data: dict = field(default_factory=dict)
    rank: int = 0   # tie-breaker between equally long spans: higher wins


def replace_data(cand: _Candidate, **changes) -> _Candidate:
    return _Candidate(cand.start, cand.end, cand.kind, {**cand.data, **changes}, cand.rank)


@dataclass
class _Context:
    text: str
    pats: Patterns
    reference: date | None
    sentences: list[tuple[int, int]]
    sentence_starts: list[int] = field(default_factory=list)
    last_day: date | None = None        # most recent day-precision date (anaphora: "the same day")
    last_month: tuple[int, int] | None = None   # (year, month) of the most recent day or month ("that month")
    last_week: date | None = None       # a day of the most recent day- or week-precision date ("that week")
    last_year: int | None = None
    last_value: str | None = None
    last_period: str | None = None      # value of the last quarter, half, month or year named ("the quarter")
    publication: date | None = None     # the document's publication date (deictic words resolve on it)
    narrative: bool = False             # `reference` is the story's time, not the publication
    anchor_precision: str = "day"       # precision of `reference` (a story told at year precision)
    document_narrative: bool = False    # the document as a whole tells another time
    # Spans of mentions whose "next" was read as "the following" (a past clause): their future
    # word is no verb of the clause for the mentions around them.
    story_next_spans: list[tuple[int, int]] = field(default_factory=list)
    # (start, end) of a sentence -> its tense cues (timeline.dates.tense), found once per sentence.
    sentence_cues: dict = field(default_factory=dict)


def _sentence_span(ctx: _Context, at: int) -> tuple[int, int]:
    """(start, end) of the sentence holding offset `at` (binary search: texts can be huge)."""
    index = bisect_right(ctx.sentence_starts, at) - 1
    if index >= 0:
        start, end = ctx.sentences[index]
        if start <= at < end:
            return start, end
    return max(0, at - 200), min(len(ctx.text), at + 200)


def _sentence_of(ctx: _Context, at: int) -> str:
    start, end = _sentence_span(ctx, at)
    return ctx.text[start:end]
