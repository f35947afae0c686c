"""The reference-time model: for each mention, the time it resolves against.

Deictic words of reporting text ("yesterday", "last week", "kemarin", "3 days ago") always
resolve against the publication date. Underspecified expressions whose value depends on the
story (a year-less "3 September", a bare "Sunday", "two days later", "the following month")
resolve against the narrative's reference time, the last dated mention before them at its
precision, when the text around them is about another time: the last mention whose year was
written lies far from the publication (`far_years`), and recently enough (`max_sentences`).
HeidelTime chooses news or narrative once per document; this chooses per mention.

A document as a whole is narrative when most of its written years lie far from publication
(`narrative_share`); there "today" is the present of the narrator (PRESENT_REF), not a day.

The constants are fitted on the shared benchmarks by `bench/fit_reference.py`, which writes
`timeline/lang/fitted.json`; nothing here is set by hand.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable

from timeline.settings import package_file


MODES = ("auto", "publication", "narrative")
_FITTED = package_file("lang", "fitted.json")

# Kinds whose value depends on the story's time when it is not the publication's.
STORY_KINDS = frozenset({"day_month", "month_day", "numeric", "ordinal_date", "month", "month_range", "day_alone",
                         "weekday", "day_weekday", "later", "holiday", "season"})
# Kinds counted from publication in news, from the story in a narrative document.
NARRATIVE_KINDS = frozenset({"modified", "relative", "unit_alone"})
# Kinds that write their year: they set the story's time and say how far it is from publication.
EXPLICIT_YEAR_KINDS = frozenset({"ymd", "year", "month_year", "cjk", "year_range", "decade", "quarter", "short_year"})


@dataclass(frozen=True)
class ReferenceFit:
    """Constants of the model; the values in force are fitted by bench/fit_reference.py
    (timeline/lang/fitted.json), these defaults are its last fit."""

    far_years: int = 5            # a written year this far from publication starts a story of its own
    max_sentences: int = 0        # in a news document, the story's time holds this many sentences after its year (-1: never)
    narrative_share: float = 0.6  # share of written years far from publication that makes a document narrative
    min_years: int = 3            # written years needed before a document can be called narrative
    # A year-less date in a story takes the story's year (HeidelTime's rule), unless it would
    # then lie more than this many months before the story's time: a story told forward has
    # moved into the next year ("8 December 2024 ... on 9 January").
    story_back_months: int = 6
    # Direction of a year-less date against publication: the cost, per day of distance, of a
    # future date in a past clause, of a future date in a clause with no tense, and of a past
    # date in a future clause (a past date in a past clause costs its distance).
    past_future_cost: float = 20.0
    neutral_future_cost: float = 1.6
    future_past_cost: float = 20.0


_override: list[ReferenceFit] = []


def set_fit(fit: ReferenceFit | None) -> None:
    """Use `fit` instead of the fitted file (the fitting script tries settings this way)."""
    _override[:] = [fit] if fit is not None else []


def fitted() -> ReferenceFit:
    """The constants in force: the fitted file's (defaults where it is absent)."""
    return _override[0] if _override else _fitted_file()


@lru_cache(maxsize=1)
def _fitted_file() -> ReferenceFit:
    try:
        data = json.loads(_FITTED.read_text(encoding="utf-8")).get("reference", {})
    except (OSError, ValueError):
        data = {}
    known = ReferenceFit.__dataclass_fields__
    return ReferenceFit(**{k: v for k, v in data.items() if k in known})


@dataclass
class Anchor:
    """The time one mention resolves against."""

    day: date | None
    precision: str          # precision of the anchor: day, month, year, ... ("day" for publication)
    narrative: bool         # True when it is the story's time, not the publication


@dataclass
class StoryTime:
    """What the document has said so far about the time it is telling."""

    publication: date | None
    mode: str = "auto"
    fit: ReferenceFit = ReferenceFit()
    day: date | None = None           # first day of the last dated mention
    precision: str = ""
    written_year: int | None = None   # year of the last mention that wrote its year
    written_sentence: int = -1        # sentence index of that mention
    document_narrative: bool = False

    def is_far(self, year: int) -> bool:
        return self.publication is not None and abs(year - self.publication.year) >= self.fit.far_years

    def anchor_for(self, kind: str, data: dict, sentence: int, tense: Callable[[], str] = lambda: "") -> Anchor:
        """The anchor of a mention of `kind` in sentence number `sentence`; `tense` gives its
        clause's tense when asked (a future clause speaks from the writer's present)."""
        publication = Anchor(self.publication, "day", False)
        if (kind in NARRATIVE_KINDS and self.document_narrative and self.day is not None and self.mode != "publication"
                and (kind != "modified" or data.get("unit") or data.get("unit2"))):
            # In a history told from afar, "the next month" and "tomorrow" are the story's; a
            # named month with a modifier ("last June") still counts from the writer's now.
            return Anchor(self.day, self.precision, True)
        if kind not in STORY_KINDS or (kind == "numeric" and data.get("y")) or self.day is None:
            return publication
        if kind in ("weekday", "day_weekday") and (self.precision != "day" or data.get("post") or data.get("weekmod")):
            # "Wednesday" names a day of a week: only a story told day by day has one, and
            # "Kamis lalu" (last Thursday) counts from publication.
            return publication
        story = Anchor(self.day, self.precision, True)
        if self.mode == "publication" and self.publication is not None:
            return publication
        if self.mode == "narrative" or kind == "later":
            return story
        if self.publication is None:
            # Without a publication date nothing says the text is about another time: a
            # year-less date stays unknown (XXXX-12-08) rather than borrowing a year.
            return publication
        if self.written_year is None or not self.is_far(self.written_year):
            return publication
        if not (self.document_narrative or sentence - self.written_sentence <= self.fit.max_sentences):
            return publication
        return publication if tense() == "future" else story

    def told(self, kind: str, data: dict, value_day: date | None, precision: str, sentence: int,
             on_story: bool = False) -> None:
        """Record a resolved mention (`on_story`: it was resolved against the story's time): it
        moves the story's time. In a narrative document a mention counted from publication
        (the narrator's "the coming weeks") does not: the story stays where it was told."""
        if value_day is None or precision not in ("day", "part_of_day", "week", "month", "quarter", "half",
                                                  "season", "year", "weekend"):
            return
        if kind == "season" and not data.get("y"):
            # "the winter" says which part of the story's year, not a new time to count from:
            # a winter's December would push the next "25 January" a year on.
            return
        written = kind in EXPLICIT_YEAR_KINDS or bool(data.get("y"))
        if self.document_narrative and not (written or on_story):
            return
        self.day, self.precision = value_day, "day" if precision == "part_of_day" else precision
        if written or (on_story and self.written_year is not None and (kind not in STORY_KINDS or kind == "later")):
            # "the next year" counted from a written year carries the story on, as a written
            # year would: "The next year, in January, ..." is that year's January.
            self.written_year, self.written_sentence = value_day.year, sentence


def document_is_narrative(years: list[int], publication: date | None, fit: ReferenceFit) -> bool:
    """True when most years written in the document lie far from its publication."""
    if publication is None or len(years) < fit.min_years:
        return False
    far = sum(abs(y - publication.year) >= fit.far_years for y in years)
    return far / len(years) >= fit.narrative_share


def sentence_index(starts: list[int], at: int) -> int:
    """Number of the sentence holding offset `at` (sentence start offsets, sorted)."""
    return bisect_right(starts, at) - 1
