"""Rows for happenings whose sentence carries no date: the article's lead, and a sentence that
continues a dated story.

    inferred_rows(text, rows, published_iso, lang, document_key, source, url) -> [row, ...]

* The lead: the article's first sentence (after a headline line and a dateline) names its main
  happening, usually without a date; when no row comes from it and the article's date is known,
  it is dated by that date (dateline or publication), at day precision.
* A continuation: a sentence without a date that opens with a word continuing the story just told
  ("Then", "Afterwards", "There", "Kemudian", "Di sana", data/continuation_words.json) inherits the
  date of the row of the sentence just before it.

An inferred row has an empty `date_text`, a lower confidence (INFERRED_CONFIDENCE), the tag
INFERRED_TAG and, as offsets, its clause's. Rows are plain dicts in the events schema, like
timeline.events makes them; the caller enriches them with the others.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from timeline.role import row_role
from timeline.schema import stable_event_id
from timeline.settings import package_data
from timeline.text import sentence_bounds
from timeline.titles import capped

CONTINUATION_FILE = package_data("continuation_words.json")
INFERRED_TAG = "inferred date"
INFERRED_CONFIDENCE = {"lead": 0.5, "continuation": 0.45}
# A sentence of fewer words names no happening ("Read more.", a byline).
MIN_WORDS = 5


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(CONTINUATION_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=64)
def _continuation(lang: str) -> re.Pattern:
    """A sentence opening with a continuation word of `lang` (every language's when unknown)."""
    table, ands = _data()["words"], _data()["and"]
    words = table.get(lang) if lang in table else [w for ws in table.values() for w in ws]
    conj = ands.get(lang) if lang in ands else [w for ws in ands.values() for w in ws]
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    lead = "|".join(re.escape(w) for w in sorted(conj, key=len, reverse=True))
    return re.compile(rf"[\"“'(]*(?:(?:{lead})\s+)?(?:{body})(?!\w)", re.IGNORECASE)


def _is_headline_line(text: str, start: int, end: int) -> bool:
    """A line without a sentence's final stop, followed by a line break: a title, not the lead."""
    chunk = text[start:end].rstrip()
    return not chunk.endswith((".", "!", "?", "…", "\"", "”", "»")) and ("\n" in text[end:end + 2] or end >= len(text.rstrip()))


def _clean(snippet: str) -> str:
    return re.sub(r"\s+", " ", snippet).strip()


def _title(clause: str) -> str:
    title = capped(_clean(clause))
    return title[:1].upper() + title[1:]


def inferred_rows(text: str, rows: list[dict], published_iso: str, lang: str, document_key: str,
                  source: str | None, url: str | None, datelines=()) -> list[dict]:
    """The rows inferred for `text`, given the `rows` found from its dates (in text order) and the
    date mentions that `datelines` found dating the article ("NAIROBI, 4 June 2025 –")."""
    sentences = sentence_bounds(text)
    if not sentences:
        return []
    dated = {}
    for i, (a, b) in enumerate(sentences):
        inside = [row for row in rows if row.get("char_start") is not None and a <= row["char_start"] < b]
        if inside:
            dated[i] = inside[-1]
    found = []
    lead = next((i for i, (a, b) in enumerate(sentences) if not _is_headline_line(text, a, b)), None)
    if lead is not None and lead not in dated:
        a, b = sentences[lead]
        # The lead's own dateline dates it; else the publication date.
        day = next((m.value for m in datelines if a <= m.start < b and m.precision == "day"), published_iso)
        row = _row(text, sentences[lead], day, "day", day, day, "lead", published_iso, lang,
                   document_key, source, url) if day else None
        if row:
            found.append(row)
    pattern = _continuation(lang or "")
    for i in range(1, len(sentences)):
        before = dated.get(i - 1)
        if i in dated or before is None or not pattern.match(text, sentences[i][0]):
            continue
        row = _row(text, sentences[i], before["date"], before["precision"], before["start"], before["end"],
                   "continuation", published_iso, lang, document_key, source, url)
        if row:
            found.append(row)
    return found


def _row(text: str, sentence: tuple[int, int], value: str, precision: str, first: str, last: str, how: str,
         published_iso: str, lang: str, document_key: str, source: str | None, url: str | None) -> dict | None:
    start, end = sentence
    clause = text[start:end]
    if len(clause.split()) < MIN_WORDS:
        return None
    return {
        "event_id": stable_event_id(document_key, start, end, value, how),
        "date": value,
        "precision": precision,
        "start": first,
        "end": last,
        "date_text": "",
        "title": _title(clause),
        "evidence": _clean(clause),
        "role": row_role(clause, first, last, published_iso, lang),
        "source": source or "",
        "url": url or "",
        "published": published_iso,
        "lang": lang,
        "char_start": start,
        "char_end": end,
        "confidence": INFERRED_CONFIDENCE[how],
        "origin": "extracted",
        "verified": False,
        "tags": INFERRED_TAG,
    }
