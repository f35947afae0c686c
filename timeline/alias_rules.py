"""When a bare alias of the actors file may stand for its actor: the rules that keep ordinary words out.

    exact_case_shape("Xi", "person")      -> "=Xi"   (matches "Xi" only, never "XI" or "xi")
    is_roman_numeral("XI")                -> True    ("Louis XI", "Pope Benedict XI" name no one we know)
    split_context_mark("~حماس")           -> ("حماس", True)
    context_before("حركة") / ("الرئيس")    -> True    (a movement's or an office's word just before)

Three categories of false match, one rule each:
  * a short Latin alias ("Xi") read in another case is another word or a numeral: an alias of a
    person or organisation with fewer than SHORT_ALIAS_LETTERS letters matches only as written;
  * a word in capitals that reads as a Roman numeral is a regnal or ordinal number, never a name
    written in lower or title case;
  * a script without capitals (Arabic) cannot tell the name from the word: الأسد is "the lion",
    حماس "zeal". Such an alias is written with a leading CONTEXT_MARK in data/actors.csv and counts
    only with a context: an office or organisation word just before it (data/context_words.json,
    and every role word of data/role_words.json), or another, unmarked alias of the same actor in
    the same text. tools/check_actors.py demands the mark for every caseless alias that is common.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from timeline.settings import package_data
from timeline.titled_names import is_role_word

CONTEXT_MARK = "~"
# "Of", "Bar", "Ada" are never city aliases for the same reason (timeline.enrich.MIN_ALIAS_LETTERS).
SHORT_ALIAS_LETTERS = 4
CONTEXT_WORDS_FILE = package_data("context_words.json")

# I..MMMCMXCIX; the empty string also fits the pattern and is excluded by the length check.
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+")


def is_roman_numeral(surface: str) -> bool:
    """Is `surface` a Roman numeral of two letters or more written in capitals ("XI", "XIV", "MMX")?"""
    return len(surface) >= 2 and surface.isupper() and _ROMAN.fullmatch(surface) is not None


def exact_case_shape(word: str, kind: str) -> str | None:
    """The shape "=word" (match only as written) for a one-word alias of a person or organisation
    that is a short Latin word; None when the ordinary capitalisation rules suffice (acronyms in
    capitals, longer words, other scripts, states whose short forms are meant to be read freely)."""
    if kind not in ("person", "organisation") or word.isupper() or not _LATIN_WORD.fullmatch(word):
        return None
    return "=" + word if len(word) < SHORT_ALIAS_LETTERS else None


def split_context_mark(alias: str) -> tuple[str, bool]:
    """(alias without the mark, whether it needs a context)."""
    alias = alias.strip()
    if alias.startswith(CONTEXT_MARK):
        return alias[len(CONTEXT_MARK):].strip(), True
    return alias, False


@lru_cache(maxsize=1)
def _context_words() -> frozenset[str]:
    table = json.loads(CONTEXT_WORDS_FILE.read_text(encoding="utf-8"))["words"]
    return frozenset(word.casefold() for words in table.values() for word in words)


def context_before(word: str, folded: tuple[str, ...] = ()) -> bool:
    """Does `word`, written just before a marked alias, show that the name is meant: an office word
    ("الرئيس", "President") or a word for an organisation ("حركة", movement; "نظام", regime)?
    `folded` are the word's forms as the gazetteer folds them (hamza and ta marbuta unified, a glued
    particle dropped: لحركة -> حركه), tried as well."""
    return is_role_word(word) or word.casefold() in _context_words() \
        or any(form in _folded_words() or is_role_word(form) for form in folded)


@lru_cache(maxsize=1)
def _folded_words() -> frozenset[str]:
    from timeline.enrich import _key   # the gazetteer's own folding, so both sides agree

    return frozenset(_key(word) for word in _context_words())
