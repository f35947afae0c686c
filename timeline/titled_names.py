"""People the gazetteer lacks, found by the office before their name: "Innenminister Marcin Kierwiński",
"Menteri Luar Negeri Malaysia Mohamad Hasan", "le ministre Abderaman Koulamallah".

    titled_names(text, lang, known) -> [(start, end, name)]

A role word of the language (data/role_words.json) may be followed by a country or a nationality
the gazetteer knows ("Malaysia", "ukrainien") and then by one to four capitalised words (with name
particles such as "da", "bin", "von" inside): that run is a person's name, kept as written. `known`
lists the gazetteer's matches as (start, end, kind); a run that starts on a known person or
organisation is left to the gazetteer, and a state right after the role word is skipped.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from timeline.settings import package_data

ROLE_WORDS_FILE = package_data("role_words.json")
MAX_NAME_WORDS = 4
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(ROLE_WORDS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=64)
def _roles(lang: str) -> frozenset[tuple[str, ...]]:
    """Role phrases of `lang` and English as tuples of folded words; every language's when unknown."""
    table = _data()["roles"]
    langs = {lang, "en"} if lang in table else set(table)
    return frozenset(tuple(w.casefold() for w in _WORD.findall(phrase)) for code in langs for phrase in table[code])


@lru_cache(maxsize=64)
def _role_lengths(lang: str) -> dict[str, tuple[int, ...]]:
    """First word of a role phrase -> the lengths of the phrases it begins, longest first."""
    lengths: dict[str, set[int]] = {}
    for phrase in _roles(lang):
        lengths.setdefault(phrase[0], set()).add(len(phrase))
    return {word: tuple(sorted(sizes, reverse=True)) for word, sizes in lengths.items()}


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(_data()["particles"])


@lru_cache(maxsize=1)
def _first_role_words() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in _roles(""))


def is_role_word(word: str) -> bool:
    """Does an office word of any language begin with `word` ("President", "Menteri", "ministre")?"""
    return word.casefold() in _first_role_words()


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 3 and word.isupper())


@lru_cache(maxsize=64)
def _role_word_pattern(lang: str) -> re.Pattern:
    """Any first word of a role phrase of `lang`, anywhere in a casefolded text (inside words too).

    Casefolding maps each character on its own, so a token whose casefold is such a word leaves
    that word in the casefolded text: a text where this finds nothing has no role word.
    """
    words = sorted(_role_lengths(lang), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else re.compile(r"(?!)")


# The rows of one sentence read it again and again (title, then evidence, one row after another);
# bounded, so memory stays flat over a corpus.
@lru_cache(maxsize=1024)
def _role_tokens(text: str, lang: str):
    """(tokens, their casefolds, indexes of the tokens that begin a role phrase) of `text`, or
    None when it holds no role word (most sentences)."""
    if not _role_word_pattern(lang).search(text.casefold()):
        return None
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    folded = [t[2].casefold() for t in tokens]
    lengths = _role_lengths(lang)
    heads = [i for i, word in enumerate(folded) if word in lengths]
    return (tokens, folded, heads) if heads else None


def titled_names(text: str, lang: str, known: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, name as written) for each person named after a role word in `text`."""
    read = _role_tokens(text or "", lang or "")
    if read is None:
        return []
    tokens, folded, heads = read
    roles = _roles(lang or "")
    lengths = _role_lengths(lang or "")

    def kind_at(position: int) -> str:
        return next((kind for start, end, kind in known if start <= position < end), "")

    found: list[tuple[int, int, str]] = []
    resume = 0                       # the first token not yet read as part of a name
    for i in heads:
        if i < resume:
            continue
        size = next((k for k in lengths[folded[i]] if k <= len(tokens) - i
                     and tuple(folded[i:i + k]) in roles
                     and all(b[0] - a[1] <= 1 for a, b in zip(tokens[i:i + k], tokens[i + 1:i + k]))), 0)
        if not size:
            continue
        j = i + size
        # "Menteri Luar Negeri Malaysia X", "le président ukrainien X": a state or city may stand between.
        while j < len(tokens) and kind_at(tokens[j][0]) == "state" and j - i - size < 3:
            j += 1
        words: list[tuple[int, int, str]] = []
        while j < len(tokens) and len(words) < MAX_NAME_WORDS:
            start, end, word = tokens[j]
            gap = text[(words[-1][1] if words else tokens[j - 1][1]):start]
            # A city's name is often a person's too ("Hassan"); a known person, body or state is not new.
            if gap not in (" ", "\u00a0") or kind_at(start) not in ("", "city"):
                break
            if _capitalised(word):
                words.append(tokens[j])
            elif word in _particles() and words and j + 1 < len(tokens) and _capitalised(tokens[j + 1][2]) \
                    and not kind_at(tokens[j + 1][0]):
                words.append(tokens[j])
            else:
                break
            j += 1
        if words:
            found.append((words[0][0], words[-1][1], text[words[0][0]:words[-1][1]]))
        resume = max(j, i + 1)
    return found
