"""The text of each article a collection's events came from, kept beside the events so an
analyst can read an event's evidence in its place (the dashboard's source view).

Its own table in the events database file (SQLite), written when articles are extracted;
events imported or added by hand have no article here, and the source view then shows their
evidence sentence alone.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

_TABLE = ("CREATE TABLE IF NOT EXISTS article_texts (collection TEXT NOT NULL, source TEXT NOT NULL, "
          "text TEXT NOT NULL, PRIMARY KEY (collection, source))")


def save_texts(db_path: str | Path, collection: str, texts: Iterable[tuple[str, str]]) -> None:
    """Keep each (source, text); a source extracted again replaces its text."""
    with closing(sqlite3.connect(str(db_path), timeout=30)) as conn, conn:
        conn.execute(_TABLE)
        conn.executemany("INSERT OR REPLACE INTO article_texts (collection, source, text) VALUES (?, ?, ?)",
                         [(collection, source, text) for source, text in texts if source])


def text_of(db_path: str | Path, collection: str, source: str) -> str | None:
    """The article text of `source` in `collection`, or None when it was never kept."""
    try:
        with closing(sqlite3.connect(f"file:{Path(db_path)}?mode=ro", uri=True, timeout=30)) as conn:
            row = conn.execute("SELECT text FROM article_texts WHERE collection = ? AND source = ?",
                               (collection, source)).fetchone()
    except sqlite3.Error:   # no such table yet, or no database file
        return None
    return row[0] if row else None


def marked_passage(text: str, evidence: str, date_start: int | None, date_end: int | None,
                   date_text: str = "", context: int = 400) -> tuple[str, str, str, str, str] | None:
    """The passage around an event's evidence, cut into five pieces for display: (before, evidence
    before the date, the date phrase, evidence after it, after). The date is found by its offsets
    when they point at `date_text` (or at anything, when no date_text is known), else by
    searching the evidence; None when neither the evidence nor the date is in `text`."""
    at = None
    if date_start is not None and date_end is not None and 0 <= date_start < date_end <= len(text):
        if not date_text or text[date_start:date_end] == date_text:
            at = (date_start, date_end)
    sentence = (-1, -1)
    if evidence:
        found = text.find(evidence)
        if found >= 0:
            sentence = (found, found + len(evidence))
    if at is None and date_text:
        base = sentence[0] if sentence[0] >= 0 else 0
        found = text.find(date_text, base)
        if found >= 0:
            at = (found, found + len(date_text))
    if at is None:
        return None
    if not (sentence[0] <= at[0] and at[1] <= sentence[1]):
        sentence = at
    low, high = max(0, sentence[0] - context), min(len(text), sentence[1] + context)
    before = ("…" if low else "") + text[low:sentence[0]]
    after = text[sentence[1]:high] + ("…" if high < len(text) else "")
    return before, text[sentence[0]:at[0]], text[at[0]:at[1]], text[at[1]:sentence[1]], after
