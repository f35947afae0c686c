"""Dated mentions + clauses -> event rows in the one events schema.

A happening is a clause with a date that can place it on a timeline (not a duration, a
frequency or a vague "now"). A sentence with two dates about two happenings gives two rows,
each titled from its own stretch of the sentence; dates written side by side for one moment
("pukul 01.00 dini hari pada Rabu (04/12) atau pukul 23.00 WIB Selasa (03/12)") give one row.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import lru_cache

import pandas as pd

from timeline.dates import DateMention, find_dates
from timeline.lexicon import lexicon
from timeline.pubdate import dateline_head
from timeline.role import opens_a_frame, row_role
from timeline.same_happening import CLOCK_KEY, QUOTED_KEY, one_row_per_happening
from timeline.titles import CLAUSE_KEY, capped, display_title
from timeline.schema import empty_events, events_frame, stable_event_id
from timeline.text import sentence_bounds

# Rows for happenings without a written date (timeline.inferred): off by default, since on the
# labelled sets (bench/score_events.py) they cost precision and bring no dated happening back.
INFER_DATES = False
# Between two dates of one moment there is only a connector: "pada", "atau", "on", ",", "(".
_SAME_MOMENT_GAP = 30
# Where one happening of a sentence ends and the next begins: a semicolon, colon or dash first,
# else a comma or a conjunction of the language (timeline/lang/extra.json).
_STRONG_BREAK = re.compile(r"[;:]|\s[–—-]\s")
_PUNCTUATION_BREAK = re.compile(r",")
# Patterns compiled once: through re's module functions each call pays a cache look-up.
_WORDS_2 = re.compile(r"\w{2,}")
_SENTENCE_STOP = re.compile(r"[;:.]")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?)])")
_PUNCTUATION_BEFORE_STOP = re.compile(r"[,;:]+([.!?])")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_PRECISION_RANK = {"time": 0, "part_of_day": 1, "day": 2, "week": 3, "weekend": 3, "month": 4, "quarter": 5,
                   "season": 5, "year": 6, "decade": 7, "century": 8}


def extract_events(text: str, published: date | str | None = None, lang: str | None = None,
                   source: str | None = None, url: str | None = None, anchor: str = "auto",
                   infer_dates: bool | None = None) -> pd.DataFrame:
    """The events table (timeline.schema) for one article: one row per dated clause.

    Without `published`, year-less and relative dates stay unresolved and rows carry a low
    confidence; nothing is silently dated against today. `anchor` is find_dates's: what
    year-less and context-relative dates resolve against ("auto", "publication", "narrative").
    `infer_dates` (default INFER_DATES) adds rows for happenings without a written date: the
    lead, dated by the article's date, and sentences continuing a dated story (timeline.inferred).
    """
    records = event_records(text, published, lang, source, url, anchor, infer_dates)
    return events_frame(records) if records else empty_events()


def event_records(text: str, published: date | str | None = None, lang: str | None = None,
                  source: str | None = None, url: str | None = None, anchor: str = "auto",
                  infer_dates: bool | None = None) -> list[dict]:
    """extract_events's rows as plain dicts keyed by column (timeline.schema.events_frame makes
    the table of them): for callers that gather many documents' rows into one frame."""
    if not text or not text.strip():
        return []
    if lang is None:
        from timeline.ingest import detect_language

        lang = detect_language(text) or "en"
    # A range is one happening's span: one row with its start and end, whatever the tagger's convention.
    mentions = [m for m in find_dates(text, published, lang, anchor=anchor, ranges="joined") if m.is_event_date]
    infer = INFER_DATES if infer_dates is None else infer_dates
    published_iso = published.isoformat() if isinstance(published, date) else (str(published)[:10] if published else "")
    if not mentions and not (infer and published_iso):
        # Without a date of any kind, not even the lead can be dated.
        return []
    document_key = source or url or stable_event_id(text[:2000])
    rows = []
    datelines: list[DateMention] = []    # dates that date the article: the lead's, when inferred
    starts = [m.start for m in mentions]
    for sentence_start, sentence_end in sentence_bounds(text):
        if bisect_left(starts, sentence_start) == bisect_left(starts, sentence_end):
            continue                 # no date in it: no row, and no dateline to read
        body_start = _after_dateline(text, sentence_start, sentence_end, mentions, starts)
        datelines.extend(mentions[bisect_left(starts, sentence_start):bisect_left(starts, body_start)])
        sentence_start = body_start
        in_sentence = mentions[bisect_left(starts, sentence_start):bisect_left(starts, sentence_end)]
        if not in_sentence:
            continue
        groups = _same_moment_groups(text, in_sentence, lang)
        segments = _segments(text, sentence_start, sentence_end, groups, lang)
        evidence = _clean(text[sentence_start:sentence_end])
        for group, (seg_start, seg_end) in zip(groups, segments):
            seg_start, seg_end = _own_clause(text, seg_start, seg_end, group, lang)
            if _is_dateline(text, group, seg_start, seg_end):
                datelines.extend(group)
                continue
            primary = min(group, key=lambda m: (_PRECISION_RANK.get(m.precision, 9) == 0, _PRECISION_RANK.get(m.precision, 9)))
            rows.append(_row(text, primary, group, seg_start, seg_end, evidence, published_iso, lang,
                             source, url, document_key))
    _mark_quoted(text, rows)
    if infer:
        from timeline.inferred import inferred_rows

        rows = sorted(rows + inferred_rows(text, rows, published_iso, lang, document_key, source, url, datelines),
                      key=lambda row: row["char_start"])
    # Rows stay plain dicts through enrichment; the caller builds one frame of them.
    rows = _continued(one_row_per_happening(_enrich(rows, text)), text)
    # The title is cut to its core last: enrichment and the same-happening test read the clause.
    for row in rows:
        row["title"] = display_title(row.pop(CLAUSE_KEY, row["title"]), lang, row["date_text"])
    return rows


def _mark_quoted(text: str, rows: list[dict]) -> None:
    """Mark the rows whose date lies inside a quote (timeline.same_happening reads the mark)."""
    from timeline.dates.quotes import enclosing, quote_spans

    spans = quote_spans(text) if any(ch in text for ch in '"“«„') else []
    starts = [start for start, _ in spans]
    for row in rows:
        row[QUOTED_KEY] = bool(spans) and enclosing(spans, starts, row["char_start"]) is not None


def _own_clause(text: str, start: int, end: int, group: list[DateMention], lang: str = "") -> tuple[int, int]:
    """The piece of a segment, between semicolons or dashes, that holds the group's dates."""
    for brk in _STRONG_BREAK.finditer(text, start, end):
        if brk.end() <= group[0].start:
            start = brk.end()
        elif brk.start() >= group[-1].end:
            end = brk.start()
            break
    # "After HTS entered Damascus on 8 December, the Kremlin gave Assad asylum": the date
    # closes its own clause, so the clause ends at the comma after it.
    # A reporting frame ("Dans une déclaration publiée le 22 décembre, les pays ont rejeté ...") is
    # no happening of its own: its clause runs on into the main one.
    comma = text.find(",", group[-1].end, end)
    if comma >= 0 and not text[group[-1].end:comma].strip() and not opens_a_frame(text[start:group[0].start], lang):
        own_words = _WORDS_2.findall(text[start:group[0].start])
        if len(own_words) >= 5:
            end = comma
    return start, end


def _after_dateline(text: str, start: int, end: int, mentions: list[DateMention], starts: list[int]) -> int:
    """Where a sentence's own words begin: after "Jakarta, 13 Februari 2025 —" when it opens
    with a dateline, so that neither its date nor its city ends up on a happening."""
    head_end = dateline_head(text, start, end)  # the one definition of a dateline's head
    if head_end == start:
        return start
    head = text[start:head_end]
    dated = mentions[bisect_left(starts, start):bisect_left(starts, head_end)]
    if dated and len(_WORDS_2.findall(head)) <= 7 and \
            len(_WORDS_2.findall(head.replace(dated[0].text, ""))) <= 3:
        return head_end
    return start


_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright|hak cipta|droits réservés|derechos reservados)", re.IGNORECASE)


def _is_dateline(text: str, group: list[DateMention], seg_start: int, seg_end: int) -> bool:
    """A date with at most two words around it and nothing else ("Niamey, 30 janvier 2025 —",
    "Senin (13/10/2025)") dates the article, not a happening; so does a copyright line."""
    before = text[seg_start:group[0].start]
    if _COPYRIGHT.search(before[-40:]):
        return True
    rest = before + " " + text[group[-1].end:seg_end]
    return len(_WORDS_2.findall(rest)) <= 2


def _same_moment_groups(text: str, mentions: list[DateMention], lang: str) -> list[list[DateMention]]:
    # "8 and 9 December" are two days, "01.00 on Wednesday or 23.00 WIB on Tuesday" one moment.
    and_words = _words_of(lang, "range_and")
    groups: list[list[DateMention]] = []
    for mention in mentions:
        if groups:
            previous = groups[-1][-1]
            gap = text[previous.end:mention.start]
            if len(gap) <= _SAME_MOMENT_GAP and not _SENTENCE_STOP.search(gap) and not and_words.search(gap) \
                    and _close_days(previous, mention):
                groups[-1].append(mention)
                continue
        groups.append([mention])
    return groups


def _close_days(a: DateMention, b: DateMention) -> bool:
    """Two dates can be one moment only if they are at most a day apart (time zones)."""
    return abs((a.first_day - b.first_day).days) <= 1


@lru_cache(maxsize=256)
def _words_of(lang: str, key: str) -> re.Pattern:
    """_word_regex of the language's `key` words (timeline/lang/extra.json), made once per language:
    rebuilding the tuple of words to look the pattern up cost more than using it."""
    return _word_regex(tuple(lexicon(lang).words(key)))


@lru_cache(maxsize=64)
def _prepositions(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon(lang).words("preps"))


@lru_cache(maxsize=256)
def _word_regex(words: tuple[str, ...]) -> re.Pattern:
    """Any of `words` as a whole word (a pattern that matches nothing when there are none)."""
    if not words:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _segments(text: str, start: int, end: int, groups: list[list[DateMention]], lang: str) -> list[tuple[int, int]]:
    """Cut a sentence between consecutive date groups at the best break (; , and ...)."""
    cuts = [start]
    for left, right in zip(groups, groups[1:]):
        lo, hi = left[-1].end, right[0].start
        # A dash or semicolon between the dates separates two happenings best; else the last
        # comma or conjunction before the second date ("X on 8 December, and Y in January").
        conjunctions = _words_of(lang, "clause_conjunctions")
        breaks = (list(_STRONG_BREAK.finditer(text, lo, hi))
                  or sorted(list(_PUNCTUATION_BREAK.finditer(text, lo, hi)) + list(conjunctions.finditer(text, lo, hi)),
                            key=lambda brk: brk.start()))
        if breaks:
            cut = breaks[-1].start()
        else:
            space = text.rfind(" ", lo, hi)
            cut = space if space > lo else (lo + hi) // 2
        cuts.append(cut)
    cuts.append(end)
    return list(zip(cuts, cuts[1:]))


_GLUED_AFTER = re.compile(r"['’]?\w|-\w")
_GLUED_BEFORE = re.compile(r"[\w-]\Z")


def _clean(snippet: str) -> str:
    return " ".join(snippet.split())   # what re.sub(r"\s+", " ", ...).strip() gives, in C


def _title(text: str, seg_start: int, seg_end: int, group: list[DateMention], lang: str) -> str:
    """The segment, cut to a readable length; a date that opens or closes it (with the
    preposition before it) is left out, since the row's date column says it. A date inside the
    clause stays: cutting it out would break the sentence ("In der Nacht zum ... hatte")."""
    preps = _prepositions(lang)
    before = text[seg_start:group[0].start]
    words = before.rstrip().split(" ")
    # "dès le 29 janvier": a two-word preposition of the language goes with the date as a whole
    if len(words) >= 2 and " ".join(words[-2:]).lower().strip("(") in preps:
        before = before.rstrip()[: -len(" ".join(words[-2:]))]
    elif words and words[-1].lower().strip("(") in preps:
        before = before.rstrip()[: -len(words[-1])]
    after = text[group[-1].end:seg_end]
    # A date glued to a word ("last week's bombing", "mid-2024") belongs to its noun phrase:
    # cut out, it would leave "'s bombing".
    glued = _GLUED_AFTER.match(after) or _GLUED_BEFORE.search(text, seg_start, group[0].start)
    at_edge = not glued and (not before.strip(" ,;:(\"“'\n") or not after.strip(" .,;:!?)\"”'\n"))
    # At an edge the connectors between a group's dates ("atau") go with them.
    title = _clean(" ".join([before, after]) if at_edge else text[seg_start:seg_end])
    title = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", title)
    title = _PUNCTUATION_BEFORE_STOP.sub(r"\1", title)
    title = _EMPTY_BRACKETS.sub("", title)
    title = title.strip(" ,;:–—-\"“”'")
    # A second happening's clause may open with "and": the title starts after it.
    opening = _words_of(lang, "range_and").match(title)
    if opening:
        title = title[opening.end():].lstrip(" ,")
    if not title:
        title = _clean(text[seg_start:seg_end])
    return title[:1].upper() + title[1:]


def _row(text: str, primary: DateMention, group: list[DateMention], seg_start: int, seg_end: int, evidence: str,
         published_iso: str, lang: str, source: str | None, url: str | None, document_key: str) -> dict:
    # The table's precisions are calendar units: a clock time dates a day, a weekend a week.
    precision = {"time": "day", "part_of_day": "day", "weekend": "week"}.get(primary.precision, primary.precision)
    value = primary.value.split("T")[0] if primary.type == "TIME" else primary.value
    confidence = primary.confidence if published_iso else min(primary.confidence, 0.4)
    clause = _title(text, seg_start, seg_end, group, lang)
    return {
        "event_id": stable_event_id(document_key, primary.start, primary.end, value),
        "date": value,
        "precision": precision,
        "start": primary.first_day.isoformat(),
        "end": (primary.last_day or primary.first_day).isoformat(),
        "date_text": primary.text,
        "title": capped(clause),
        "evidence": evidence,
        "role": row_role(text[seg_start:seg_end], primary.first_day, primary.last_day or primary.first_day,
                         published_iso, lang, date_at=group[0].start - seg_start),
        "source": source or "",
        "url": url or "",
        "published": published_iso,
        "lang": lang,
        "char_start": primary.start,
        "char_end": primary.end,
        "confidence": round(confidence, 2),
        "origin": "extracted",
        "verified": False,
        # The clock time of the moment, if written: two times of one day are two moments
        # (timeline.same_happening reads it and drops it; the schema has no such column).
        CLAUSE_KEY: clause,
        CLOCK_KEY: next((m.value.split("T")[1] for m in group if m.precision == "time" and "T" in m.value), ""),
    }


def _enrich(rows: list[dict], text: str) -> list[dict]:
    """Actors, places and event types where the enrichment stage is available; `text`, the whole
    article, lets a short name count where the article names the actor in full."""
    try:
        from timeline.enrich import enrich_records
    except ImportError:
        return rows
    return enrich_records(rows, text, continued=False)


def _continued(rows: list[dict], text: str) -> list[dict]:
    """The rows with the fallback type (no cue of their own) typed by the sentence before them,
    once the tellings of one happening are joined: joining compares the rows' own types."""
    try:
        from timeline.enrich import continue_types
    except ImportError:
        return rows
    return continue_types(rows, text)
