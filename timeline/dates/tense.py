"""Clause tense: whether the words governing a mention point to the past or the future."""
from __future__ import annotations

from timeline.dates.context import _Candidate, _Context, _sentence_of, _sentence_span


def _tense_at(ctx: _Context, at: int) -> str:
    return _tense(ctx, _Candidate(at, at, "", {}))

def _tense(ctx: _Context, cand: _Candidate) -> str:
    """'future', 'past' or '' for the clause around a mention, from the language's cue words."""
    sentence = _sentence_of(ctx, cand.start)
    future = ctx.pats.future_cue.search(sentence)
    past = ctx.pats.past_cue.search(sentence)
    if future and not past:
        return "future"
    if past and not future:
        return "past"
    if future and past:
        # The cue closer to the mention decides.
        offset = cand.start - _sentence_span(ctx, cand.start)[0]
        return "future" if abs(future.start() - offset) < abs(past.start() - offset) else "past"
    return ""
