"""Recognition: every registered recogniser proposes spans; overlaps keep the longest."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.dates.context import _Candidate
from timeline.dates.prefilter import (begins_outside_ascii, forget_parse_trees, in_alphabet, lowered, lowered_form,
                                      quick_start, required_pair, starts_form)
from timeline.dates import resolve as _populate_registry  # noqa: F401  (registers the recognisers)
from timeline.dates.registry import RECOGNISERS, Recogniser
from timeline.patterns import Patterns, patterns


_WINDOW_MARGIN = 70


def _windows(text: str, pats: Patterns, trigger: re.Pattern | None = None) -> dict[str, list[tuple[int, int]]]:
    """For each kind of trigger (digit, month, weekday, unit, relative, reference, pod), the
    stretches of text around its triggers (found with `trigger`, by default the trigger pattern).

    Every temporal expression contains a trigger of a kind its pattern declares, so each costly
    pattern only scans those stretches.
    """
    windows: dict[str, list[tuple[int, int]]] = {}
    kinds_of = pats.trigger_kinds
    for m in (trigger or pats.trigger).finditer(text):
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


@dataclass(frozen=True)
class _Quick:
    """A regex's literal-led form (timeline.dates.prefilter.literal_led), which finds what the
    regex finds in a text where no character begins a match but ASCII and `covered`; `begins`
    matches the characters that can begin one (None: not known)."""
    regex: re.Pattern
    covered: frozenset[str]
    begins: re.Pattern | None

    def holds_for(self, ch: str) -> bool:
        """Whether a text holding `ch` (outside ASCII) leaves the literal-led form exact."""
        return ch in self.covered or (self.begins is not None and self.begins.match(ch) is None)


def _quick(led: tuple[re.Pattern, frozenset[str]] | None, pattern: re.Pattern) -> _Quick | None:
    return None if led is None else _Quick(led[0], led[1], begins_outside_ascii(pattern))


@dataclass(frozen=True)
class _Step:
    """One recogniser as it runs on one language's patterns: what it scans with, the piece a
    window must hold for it to be worth scanning, and that filter's literal-led form."""
    rec: Recogniser
    scanner: re.Pattern
    need: re.Pattern | None
    quick_need: _Quick | None


@dataclass(frozen=True)
class _Plan:
    """The recognisers as they run on one language's patterns."""
    pats: Patterns
    steps: tuple[_Step, ...]
    _unfit: dict = field(default_factory=dict, compare=False)   # character -> indices it makes inexact
    _lowered: list = field(default_factory=list, compare=False)   # [lowered forms], once built

    def lowered_forms(self) -> tuple[re.Pattern | None, tuple[re.Pattern | None, ...]]:
        """(the trigger pattern's lowered form with its groups, each step's scanner in lowered
        form), None where there is none (timeline.dates.prefilter.lowered_form). Built at the
        first text that asks: a language whose texts are seldom in the alphabet seldom needs them."""
        if not self._lowered:
            scanners = []
            for step in self.steps:
                small = lowered_form(getattr(self.pats, step.rec.pattern))
                starts = small and starts_form(small)
                scanners.append(None if small is None else (starts, None if starts else _scanner(small)))
            self._lowered.append((lowered_form(self.pats.trigger, keep_groups=True), tuple(scanners)))
            forget_parse_trees()
        return self._lowered[0]

    def inexact(self, text: str) -> frozenset[int]:
        """Indices of the steps whose literal-led filter `text` leaves inexact (a character of it
        outside ASCII could begin a match the filter's literal-led form misses)."""
        if text.isascii():
            return frozenset()
        out: set[int] = set()
        for ch in set(text):
            if ch > "\x7f":
                unfit = self._unfit.get(ch)
                if unfit is None:
                    if len(self._unfit) > 4096:   # bounded: a corpus may hold any character
                        self._unfit.clear()
                    unfit = self._unfit[ch] = self._unfit_for(ch)
                out |= unfit
        return frozenset(out)

    def _unfit_for(self, ch: str) -> frozenset[int]:
        return frozenset(i for i, step in enumerate(self.steps)
                         if step.quick_need is not None and not step.quick_need.holds_for(ch))


def _recognise(text: str, pats: Patterns) -> list[_Candidate]:
    found: list[_Candidate] = []
    plan = _plan(pats)
    inexact = plan.inexact(text)
    # A text in the lowered forms' alphabet is scanned lowered (same matches, quicker); each
    # match found is then matched again on the text itself, for its groups as written.
    small = lowered(text) if in_alphabet(text) else None
    lowered_trigger, lowered_scanners = plan.lowered_forms() if small is not None else (None, ())
    if lowered_trigger is not None:
        windows = _windows(small, pats, lowered_trigger)
    else:
        windows = _windows(text, pats)
    merged: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for index, step in enumerate(plan.steps):
        rec = step.rec
        spans = merged.get(rec.triggers)
        if spans is None:
            spans = merged[rec.triggers] = _merged_windows(windows, rec.triggers)
        if not spans:
            continue
        need = step.quick_need.regex if step.quick_need is not None and index not in inexact else step.need
        guard, extra, scanner = rec.guard, rec.extra, step.scanner
        small_scanner = lowered_scanners[index] if small is not None else None
        for lo, hi in spans:
            if need is not None and need.search(text, lo, hi) is None:
                continue   # the window lacks a piece every match of the pattern holds
            if small_scanner is None:
                matches = scanner.finditer(text, lo, hi)
            else:
                matches = _lowered_matches(scanner, small_scanner, text, small, lo, hi)
            for m in matches:
                if guard is not None and not guard(text, m, pats):
                    continue
                data = extra(m) if extra is not None else None
                if extra is not None and data is None:
                    continue
                _add(text, m, rec, data, found)
    return _attach_context(text, found, pats)


def _lowered_matches(scanner: re.Pattern, small_scanners: tuple, text: str, small: str, lo: int, hi: int) -> list[re.Match]:
    """What `scanner.finditer(text, lo, hi)` finds, found in `small` (the text lowered) with the
    scanner's lowered forms (starts, whole): each match matched again on the text itself, for
    its groups as written."""
    starts, whole = small_scanners
    if starts is None:
        return [scanner.match(text, m.start(), hi) for m in whole.finditer(small, lo, hi)]
    out, free = [], lo
    for start in starts.finditer(small, lo, hi):
        at = start.start()
        if at >= free:   # not inside the last match kept: finditer goes on from its end
            m = scanner.match(text, at, hi)
            out.append(m)
            free = m.end()
    return out


def _add(text: str, m: re.Match, rec: Recogniser, data: dict | None, found: list[_Candidate]) -> None:
    """Append `m` as a candidate of `rec`'s kind, its span trimmed of the white space the
    flexible patterns may have swallowed, its groups and `data` as its data."""
    start, end = m.span()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        found.append(_Candidate(start, end, rec.kind, {**m.groupdict(), **data} if data else m.groupdict(), rec.rank))


def _plan(pats: Patterns) -> _Plan:
    """The recognisers as they run on `pats`, worked out once per language (the pre-filters and
    quick starts are read off each pattern's parse tree, too costly to repeat per document)."""
    plan = _language_plan(pats.lex.lang)
    if plan.pats is not pats:   # timeline.patterns built the language's patterns anew
        _language_plan.cache_clear()
        plan = _language_plan(pats.lex.lang)
    return plan if plan.pats is pats else _build_plan(pats)


@lru_cache(maxsize=64)
def _language_plan(lang: str) -> _Plan:
    return _build_plan(patterns(lang))


def _build_plan(pats: Patterns) -> _Plan:
    steps = []
    for rec in RECOGNISERS:
        pattern = getattr(pats, rec.pattern)
        if pattern is not None:
            need, led = _required(pattern, rec.triggers, pats)
            steps.append(_Step(rec, _scanner(pattern), need, _quick(led, need) if need is not None else None))
    forget_parse_trees()
    return _Plan(pats, tuple(steps))


def _required(pattern: re.Pattern, triggers: tuple[str, ...], pats: Patterns) -> tuple[re.Pattern | None, tuple | None]:
    """The pattern's pre-filter (timeline.dates.prefilter) for windows cut around `triggers`,
    and its literal-led form; None where every trigger word holds it anyway."""
    kinds = set(triggers)
    present = frozenset() if "digit" in kinds or "quote" in kinds else frozenset(
        word for word, word_kinds in pats.trigger_kinds.items() if word_kinds & kinds)
    return required_pair(pattern, present)


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
