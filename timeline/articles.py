"""An event's evidence in its article, cut into pieces for the dashboard's source view.

The article texts themselves are kept by the store, beside the collection's events, on either
backend (`Store.save_articles` when articles are extracted, `Store.article_text` to read one);
events imported or added by hand have no article there, and the source view then shows their
evidence sentence alone.
"""
from __future__ import annotations


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
