"""Sentence boundaries with character offsets (no tokenizer model needed)."""
from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends at . ! ? (or their CJK/Arabic forms) followed by space and a capital, quote or
# digit, or at a line break, except a single one inside a sentence of hard-wrapped text. Abbreviations ("Feb.", "Mr.") and decimals ("06.00") do not end one.
# Capitals: Latin, Greek (with tonos: "Ένα"), Cyrillic (Ukrainian "Є", "І", "Ї", "Ґ" included).
# The break is written to begin with the class of characters every break begins with (a closing
# quote or a space after the sentence's mark, or a line break), so that the regex engine skips
# the other characters in C; the look-behinds then ask for the mark. Same breaks as
# (?<=[.!?。！？؟])[\"”’)]*\s+(?=NEXT)|\n\s*  (tests/test_text.py).
_NEXT = r"(?=[\"“‘«(\[]?[A-ZÀ-ÖØ-ÞĀ-ſ\u0386\u0388-\u038F\u0391-\u03A9\u0400-\u042F\u0490\u0600-\u06FF\d])"
_END = re.compile(rf"[\"”’)\s](?:(?<=[.!?。！？؟][\"”’)])[\"”’)]*\s+{_NEXT}|(?<=[.!?。！？؟]\s)\s*{_NEXT}|(?<=\n)\s*)")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|St|Jr|Sr|No|Vol|U\.S|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|e\.g|i\.e)|\b[A-Z])\.$")
# A dotted lower-case abbreviation ("a.m.", "p.m.") before an upper-case code ("4 a.m. EDT") is
# one clock time: the code is its time zone, not a new sentence.
_DOTTED_LOWER = re.compile(r"\b[a-z]\.[a-z]\.$")
_CODE = re.compile(r"[A-Z]{2,5}\b")
# A sentence's mark (and closing quotes) at the end of a line: the line break ends that sentence.
_MARK_BEFORE = re.compile(r"[.!?。！？؟][\"”’)]*[ \t]*\Z")


# The date engine and the events table both cut the article they are given: the last few texts'
# cuts are kept so that the second asks for nothing new (a tuple, so no caller can change it).
@lru_cache(maxsize=4)
def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of each sentence of `text`, white space trimmed, in order."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        before = text[max(start, m.start() - 8):m.start()]
        if _ABBREVIATION.search(before) or (_DOTTED_LOWER.search(before) and _CODE.match(text, m.end())):
            continue
        if text[m.end():m.end() + 1].islower() and text.count("\n", m.start(), m.end()) == 1 \
                and not _MARK_BEFORE.search(text, max(start, m.start() - 4), m.start()):
            continue                 # hard-wrapped text: a single line break, and the line goes on in lower case
        _append(text, start, m.start(), bounds)
        start = m.end()
    _append(text, start, len(text), bounds)
    return tuple(bounds)


def _append(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        bounds.append((start, end))
