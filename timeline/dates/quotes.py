"""Quoted speech: a quote's "yesterday" counts from the day it was said.

News quotes what people said at a press conference or in a statement, and the text dates the
saying ("Dalam konferensi pers ..., Senin (8/5/2023), Jokowi menekankan ... "Kemarin, ..."",
'"We met yesterday," the minister said on Monday, 8 May 2023.'). Inside the quote, the day
words ("kemarin", "hari ini", "yesterday", "tonight") are the speaker's, so they count from that
day, not from the publication. The saying's day is a day-precision date outside any quote, in
the sentence that closes the quote (its attribution, after it) or in one of the QUOTE_LEAD
sentences before the quote opens, where that sentence holds a verb of saying (`speech_verbs` of
timeline/lang/extra.json). Without one, the quote's day words count from publication as before.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from functools import lru_cache

from timeline.lexicon import lexicon

# How many sentences, counting the one that opens the quote, may hold the saying that dates it:
# a press conference is dated once, then told for a sentence or two before the quote begins
# ("At a press conference on Monday, X stressed ... He also condemned ... "Yesterday, ..."").
QUOTE_LEAD = 3
_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` inside quotation marks, in order; a straight quote pairs with the
    next one in the same paragraph, a curly one with its closing mark."""
    return [m.span() for m in _QUOTE.finditer(text)]


# An opening mark, then anything but its closing mark or a paragraph break, then the closing mark.
_QUOTE = re.compile("|".join(f"{re.escape(o)}(?:[^{re.escape(c)}\n]|\n(?!\n))*{re.escape(c)}"
                             for o, c in [('"', '"'), *_PAIRS.items()]))


def enclosing(spans: list[tuple[int, int]], starts: list[int], at: int) -> tuple[int, int] | None:
    """The quote span (from quote_spans, `starts` their starts) that holds position `at`."""
    k = bisect_right(starts, at) - 1
    return spans[k] if k >= 0 and spans[k][0] < at < spans[k][1] else None


@lru_cache(maxsize=64)
def speech_verb(lang: str) -> re.Pattern | None:
    """Any verb of saying of `lang` (`speech_verbs`) as a whole word, None where it has none;
    made once per language (timeline.titles reads the same pattern)."""
    words = lexicon(lang).words("speech_verbs") if lang else []
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def said_on(quote: tuple[int, int], sentences: list[tuple[int, int]], days: list[tuple[int, date]],
            text: str, verb: re.Pattern, inside) -> date | None:
    """The day the quote spanning `quote` was said, from `days` ((position, day) of the
    document's day-precision dates, in order): the first after the quote in the sentence that
    closes it, else the last before it in the QUOTE_LEAD sentences that open it, each in a
    sentence with a verb of saying; `inside(position)` tells a position inside a quote."""
    starts = [s for s, _ in sentences]
    closing = bisect_right(starts, quote[1] - 1) - 1
    opening = bisect_right(starts, quote[0]) - 1
    if closing >= 0:
        lo, hi = quote[1], sentences[closing][1]
        after = [d for at, d in days if lo <= at < hi and not inside(at)]
        if after and verb.search(text, lo, hi):
            return after[0]
    for k in range(opening, max(-1, opening - QUOTE_LEAD), -1):
        lo, hi = sentences[k][0], min(sentences[k][1], quote[0])
        before = [d for at, d in days if lo <= at < hi and not inside(at)]
        if before and verb.search(text, lo, hi):
            return before[-1]
    return None
