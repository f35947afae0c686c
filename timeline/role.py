"""The role of a dated row: a happening of the story, a plan, or background.

    row_role(clause, first_day, last_day, published, lang) -> "happening" | "plan" | "background"

* plan: the date lies after publication, or the clause speaks of the future (the date engine's
  `future_cues`: "will", "akan", "doit", "soll"; data/roles.json `plan`: "is expected",
  "espera-se") and the date is not yet past. A cue after a complementizer that follows the date
  ("said on Monday that the border would reopen") belongs to what was said, not to
  the dated saying.
* background: a past fact given as context. Either the date ended more than half a year before
  publication (data/roles.json `background_days`), or a background word of its language stands
  shortly before the date in the same phrase ("since", "the last time", "who was", "sejak",
  "pernah", "depuis", "seit") and the date is wider than a day ("since April", "sejak 1987";
  "depuis mercredi" is the story's own news).
* happening: everything else, and every row whose publication date is unknown and whose clause
  has no cue.
The words are data (data/roles.json, timeline/lang/extra.json); this module only applies them.
"""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from functools import lru_cache

from timeline.lexicon import lexicon
from timeline.settings import package_data

ROLES = ("happening", "plan", "background")
ROLES_FILE = package_data("roles.json")


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(ROLES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=64)
def _words(kind: str, lang: str) -> re.Pattern:
    """Any word of `kind` for `lang` (English too, which news quotes everywhere) as a whole word."""
    if kind == "future":
        words = set(lexicon(lang).words("future_cues")) if lang else set()
        words |= set(lexicon("en").words("future_cues")) if lang in ("", "en") else set()
        plan = _data().get("plan", {})
        words |= set(plan.get(lang, ())) | (set(plan.get("en", ())) if lang in ("", "en") else set())
    else:
        table = _data()["background"]
        words = set(table.get(lang, ())) if lang in table else {w for ws in table.values() for w in ws}
    words = {w for w in words if w.strip("'")}
    if not words:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def opens_a_frame(clause: str, lang: str = "") -> bool:
    """Does `clause` open with a reporting frame ("Dans une déclaration", "Dalam pernyataan tertulis",
    "In a statement") rather than with its own subject (data/roles.json `frame_openers`)?"""
    words = _data().get("frame_openers", {})
    openers = words.get(lang, []) if lang in words else [w for ws in words.values() for w in ws]
    head = clause.lstrip(" \n\"“'(").casefold()
    return any(head.startswith(opener + " ") for opener in openers)


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


# A background word governs the date only from close before it, in the same phrase: "since 1987",
# "the last time martial law was declared, in 1979", not "X, who once used the name Y, was
# appointed last month".
BACKGROUND_WORD_REACH = 8


def _background_word_before(clause: str, date_at: int | None, lang: str) -> bool:
    before = clause if date_at is None else clause[:date_at]
    for m in _words("background", lang).finditer(before):
        between = before[m.end():]
        if not re.search(r"[,;:()]", between) and len(re.findall(r"\w+", between)) <= BACKGROUND_WORD_REACH:
            return True
    return False


@lru_cache(maxsize=64)
def _complementizers(lang: str) -> re.Pattern | None:
    words = [w for w in lexicon(lang).words("complementizers") if w.strip("'")] if lang else []
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _governing(clause: str, date_at: int | None, lang: str) -> str:
    """The part of `clause` whose tense governs the date at `date_at`: all of it, except what follows
    a complementizer after the date ("said on Monday that the border would reopen": the
    saying is dated, the "would" belongs to what was said)."""
    pattern = _complementizers(lang)
    if date_at is None or pattern is None:
        return clause
    found = pattern.search(clause, date_at)
    return clause[:found.start()] if found else clause


def row_role(clause: str, first_day, last_day, published, lang: str = "", date_at: int | None = None) -> str:
    """"happening", "plan" or "background" for a row dated first_day..last_day (ISO or date) whose
    own clause is `clause`, in an article of `published` (ISO, date or empty when unknown);
    `date_at` is where the date stands in the clause (None: at its end)."""
    clause = clause or ""
    first, last, today = _day(first_day), _day(last_day) or _day(first_day), _day(published)
    future = bool(_words("future", lang or "").search(_governing(clause, date_at, lang or "")))
    background_word = _background_word_before(clause, date_at, lang or "")
    if today is not None and first is not None:
        if first > today:
            return "plan"
        if future and last is not None and last >= today:
            return "plan"
        if last is not None and last < today - timedelta(days=int(_data()["background_days"])):
            return "background"
        # "depuis mercredi", "since Tuesday": a recent day after "since" starts the story's own
        # state of affairs; context is dated coarser ("since April", "sejak 1987").
        if last is not None and last < today and background_word and last > first:
            return "background"
        return "happening"
    if background_word:
        return "background"
    return "plan" if future else "happening"
