"""Recognition: every registered recogniser proposes spans; overlaps keep the longest."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from timeline.dates.context import _Candidate
from timeline.dates.prefilter import quick_start, required
from timeline.dates import resolve as _populate_registry  # noqa: F401  (registers the recognisers)
from timeline.dates.registry import RECOGNISERS
from timeline.patterns import Patterns, patterns


_WINDOW_MARGIN = 70


def _windows(text: str, pats: Patterns) -> dict[str, list[tuple[int, int]]]:
    """For each kind of trigger (digit, month, weekday, unit, relative, reference, pod), the
    stretches of text around its triggers.

    Every temporal expression contains a trigger of a kind its pattern declares, so each costly
    pattern only scans those stretches.
    """
    windows: dict[str, list[tuple[int, int]]] = {}
    kinds_of = pats.trigger_kinds
    for m in pats.trigger.finditer(text):
        if m.lastgroup == "digit":
            kinds = ("digit",)
        elif m.lastgroup == "quote":   # "'71": a short year, and digits for every digit pattern
            kinds = ("quote", "digit")
        else:
            word = m.group().lower()
            kinds = kinds_of.get(word)
            if kinds is None:   # the keys have their spaces folded; most words have none to fold
                kinds = kinds_of.get(re.sub(r"\s+", " ", word), ())
        start, end = max(0, m.start() - _WINDOW_MARGIN), min(len(text), m.end() + _WINDOW_MARGIN)
        for kind in kinds:
            spans = windows.setdefault(kind, [])
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
    return windows


def _merged_windows(windows: dict[str, list[tuple[int, int]]], kinds: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = sorted(span for kind in kinds for span in windows.get(kind, ()))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _recognise(text: str, pats: Patterns) -> list[_Candidate]:
    found: list[_Candidate] = []

    def add(m: re.Match, kind: str, rank: int = 0, **data) -> None:
        start, end = m.span()
        # Trim white space the flexible patterns may have swallowed.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            found.append(_Candidate(start, end, kind, {**m.groupdict(), **data}, rank))

    windows = _windows(text, pats)
    cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for rec in RECOGNISERS:
        pattern = getattr(pats, rec.pattern)
        if pattern is None:
            continue
        if rec.triggers not in cache:
            cache[rec.triggers] = _merged_windows(windows, rec.triggers)
        need = _required(pattern, rec.triggers, pats.lex.lang)
        scanner = _scanner(pattern)
        for lo, hi in cache[rec.triggers]:
            if need is not None and need.search(text, lo, hi) is None:
                continue   # the window lacks a piece every match of the pattern holds
            for m in scanner.finditer(text, lo, hi):
                if rec.guard is None or rec.guard(text, m, pats):
                    extra = rec.extra(m) if rec.extra else {}
                    if extra is not None:
                        add(m, rec.kind, rec.rank, **extra)
    return _attach_context(text, found, pats)


@lru_cache(maxsize=8192)
def _required(pattern: re.Pattern, triggers: tuple[str, ...], lang: str) -> re.Pattern | None:
    """The pattern's pre-filter (timeline.dates.prefilter) for windows cut around `triggers`,
    read once per compiled pattern; None where every trigger word holds it anyway."""
    present = frozenset() if "digit" in triggers or "quote" in triggers else frozenset(
        word for word, kinds in patterns(lang).trigger_kinds.items() if kinds & set(triggers))
    return required(pattern, present)


@lru_cache(maxsize=8192)
def _scanner(pattern: re.Pattern) -> re.Pattern:
    """`pattern` as it scans a window fastest (timeline.dates.prefilter.quick_start)."""
    return quick_start(pattern)


def _attach_context(text: str, found: list[_Candidate], pats: Patterns) -> list[_Candidate]:
    """Extend spans leftwards over words that belong to them ("early", "about", "sekitar")."""
    for cand in found:
        if cand.kind in ("month", "month_year", "year", "modified", "relative", "day_month", "decade", "year_range", "ago",
                         "unit_alone"):
            head = text[max(0, cand.start - 40):cand.start]
            hit = pats.position.search(head)
            if hit:
                cand.data.setdefault("phrase", text[cand.start:cand.end])
                cand.start -= len(head) - hit.start()
                cand.data["position"] = True
        if cand.kind == "year" and pats.year_hyphen_before is not None:
            hit = pats.year_hyphen_before.search(text, max(0, cand.start - 8), cand.start)
            if hit:
                cand.start = hit.start()
        if cand.kind == "clock" and not cand.data.get("approx"):
            head = text[max(0, cand.start - 40):cand.start]
            hit = pats.approx.search(head)
            if hit and hit.start() < len(head):
                cand.start -= len(head) - hit.start()
    return found


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates: longest span wins, then the more certain pattern."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rank, c.start))
    starts: list[int] = []   # taken spans, kept sorted and disjoint
    ends: list[int] = []
    taken: list[_Candidate] = []
    for cand in ordered:
        i = bisect_left(starts, cand.start)
        if (i > 0 and ends[i - 1] > cand.start) or (i < len(starts) and starts[i] < cand.end):
            continue
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
        taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


# ---------------------------------------------------------------------------------------------
# Normalisation: each candidate -> value against the reference date and the sentence's tense
