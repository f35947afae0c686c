"""Clause tense: whether the words governing a mention point to the past or the future.

The governing words are the clause's: the cue nearest before the mention inside its clause
(the verb group that usually governs a time adverbial: "was announced Wednesday", "planned to
leave on Thursday"), else the nearest after it inside the clause, else the nearest in the
sentence that no complementizer divides from it. A word that is a future cue ("scheduled", "planned") is never read as a past form,
however it ends; so a plan reported in the past ("said talks are scheduled for 9 March")
points forward.
"""
from __future__ import annotations

import re

from timeline.dates.context import _Candidate, _Context, _sentence_span

# A past participle this close after a future cue belongs to the same verb group.
_VERB_GROUP_GAP = 12
_CLAUSE_EDGE = re.compile(r"[,;:()\u2014\u2013\"“”«»]|\s-\s")


def _tense_at(ctx: _Context, at: int) -> str:
    return _tense(ctx, _Candidate(at, at, "", {}))


def _tense(ctx: _Context, cand: _Candidate) -> str:
    """'future', 'past' or '' for the clause governing a mention, from the language's cue words."""
    start, end = _sentence_span(ctx, cand.start)
    sentence = ctx.text[start:end]
    if cand.end > cand.start and ctx.pats.plan_prep is not None and ctx.pats.plan_prep.search(ctx.text, max(start, cand.start - 12), cand.start):
        # "called elections for 18 May", "marcou eleições para 18 de maio": the day set for a plan
        return "future"
    futures, presents, pasts = _sentence_cues(ctx, start, end)
    if pasts is None:   # no future or present cue: any past one decides
        return presents
    at, at_end = cand.start - start, cand.end - start
    # The mention's own words are not the verb that governs it: "наступного" (next) is a future
    # cue, but "наступного року почалася" is past.
    taken = [(at, at_end)] + [(s - start, e - start) for s, e in ctx.story_next_spans if start <= s < end]
    cues = _verb_groups(ctx, sorted(c for c in futures + pasts + presents
                                    if not any(c[0] < hi_ and lo_ < c[1] for lo_, hi_ in taken)))
    lo = max((m.end() for m in _CLAUSE_EDGE.finditer(sentence, 0, max(at, 0))), default=0)
    edge = _CLAUSE_EDGE.search(sentence, max(at_end, 0))
    hi = edge.start() if edge else len(sentence)
    # A complementizer also closes the clause: "said in December that ... will" is two clauses.
    complement_lo, complement_hi = _complement_bounds(ctx, sentence, at, at_end)
    lo, hi = max(lo, complement_lo), min(hi, complement_hi)
    before = [c for c in cues if lo <= c[0] and c[1] <= at]
    if before:
        return before[-1][2]
    after = [c for c in cues if at_end <= c[0] and c[1] <= hi]
    if after:
        return _looking_back(ctx, sentence, after[0])
    if 0 < lo <= at and sentence[lo - 1] == "(" and hi < len(sentence) and sentence[hi] == ")":
        # A parenthesis with no verb of its own belongs to the clause around it: "will leave
        # at dawn (4 a.m. Thursday), he said" is the leaving's future, not the saying's past.
        return _tense(ctx, _Candidate(start + lo - 1, start + hi + 1, cand.kind, cand.data))
    # Else the nearest cue of the sentence, but not across a complementizer: in "said in
    # December that the bases will depend on...", "will" governs the reported clause only.
    lo, hi = _complement_bounds(ctx, sentence, at, at_end)
    near = [c for c in cues if lo <= c[0] and c[1] <= hi]
    if not near:
        return ""
    nearest = min(near, key=lambda c: min(abs(c[0] - at), abs(c[1] - at)))
    return _looking_back(ctx, sentence, nearest) if nearest[0] >= at_end else nearest[2]


def _sentence_cues(ctx: _Context, start: int, end: int) -> tuple[list, list | str, list | None]:
    """(future cues, present cues, past cues) of the sentence text[start:end], as (start, end,
    tense) within it, each past or present one outside the cues of the tenses before it; where
    the sentence has no future or present cue, (futures, "past" or "", None): whether it has a
    past one. Worked out once per sentence (every mention of it asks)."""
    found = ctx.sentence_cues.get((start, end))
    if found is None:
        found = ctx.sentence_cues[start, end] = _cues_of(ctx, ctx.text[start:end])
    return found


def _cues_of(ctx: _Context, sentence: str) -> tuple[list, list | str, list | None]:
    futures = [(m.start(), m.end(), "future") for m in ctx.pats.future_cue.finditer(sentence)]
    if ctx.document_narrative and futures:
        # In a history told from afar "next" is "the following" of the story, no future of the
        # writer's: "την επόμενη, στις 4 Ιουλίου, ... παραδίδεται" is the next day of the story.
        following = ctx.pats.lex.word_set("following_in_past")
        futures = [f for f in futures if sentence[f[0]:f[1]].lower() not in following]
    # A present-tense verb governs too, and points neither way: "when the case is heard in May".
    presents = [(m.start(), m.end(), "") for m in ctx.pats.present_cue.finditer(sentence)
                if not any(fs < m.end() and m.start() < fe for fs, fe, _ in futures)] if ctx.pats.present_cue else []
    if not futures and not presents:
        return futures, "past" if ctx.pats.past_cue.search(sentence) else "", None
    pasts = [(m.start(), m.end(), "past") for m in ctx.pats.past_cue.finditer(sentence)
             if not any(cs < m.end() and m.start() < ce for cs, ce, _ in futures + presents)]
    return futures, presents, pasts


def _verb_groups(ctx: _Context, cues: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cues with each verb group's tense: a cue this close after a future cue belongs to its
    group. A past participle after it makes an English future ("is due to be published", "will
    be signed"), but a past form after the future word is a conditional or a future in the past
    where the language says so (Greek "θα βρισκόταν"); an infinitive keeps the future ("is
    scheduled to spend")."""
    conditional = bool(ctx.pats.lex.extra.get("future_then_past_is_past"))
    out = list(cues)
    for i in range(1, len(out)):
        (ps, pe, prev), (cs, ce, kind) = out[i - 1], out[i]
        if prev != "future" or kind == "future" or cs - pe > _VERB_GROUP_GAP:
            continue
        if kind == "past" and conditional:
            out[i - 1], out[i] = (ps, pe, "past"), (cs, ce, "past")
        else:
            out[i] = (cs, ce, "future")
    return out


def _looking_back(ctx: _Context, sentence: str, cue: tuple[int, int, str]) -> str:
    """The tense a cue AFTER a mention gives it. A future cue written in a past form ("planned
    to", "postponed until") points forward only for what follows it; a mention before it dates
    the planning: "On Friday, the government planned to pay"."""
    start, end, kind = cue
    if kind == "future" and ctx.pats.past_cue.search(sentence, start, end):
        return "past"
    return kind


def _complement_bounds(ctx: _Context, sentence: str, at: int, at_end: int) -> tuple[int, int]:
    """The stretch of `sentence` around a mention that no complementizer ("that", "bahwa",
    "que", "dass", "ότι") divides."""
    pattern = ctx.pats.complementizer
    if pattern is None:
        return 0, len(sentence)
    lo = max((m.end() for m in pattern.finditer(sentence, 0, max(at, 0))), default=0)
    edge = pattern.search(sentence, max(at_end, 0))
    return lo, edge.start() if edge else len(sentence)
