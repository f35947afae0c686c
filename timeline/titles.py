"""A row's title: its clause cut to the core a reader scans for ("who did what"), in the article's
language.

The clause as found (timeline.events) keeps everything the sentence says around the happening. For
the title this module drops, where what is left still reads as a clause of its own:

- a sentence adverb that ties the sentence to the one before ("Meanwhile,", "Sebelumnya,");
- a frame that opens the sentence ("In a statement released on Monday, ...", "Dalam konferensi pers
  ..., ");
- an attribution after the reported words ('..., the ministry said.', '...," ujarnya.');
- a reporting frame before them ("X said on Saturday that ...", "X menyatakan bahwa ..."), unless
  the reported clause opens with a pronoun, which only the frame explains;
- relative clauses set off by commas (", who ...,", ", yang ...,") and short asides in brackets;
- the row's own date opening the title, set off by a comma ("Pada Senin malam, Iran ..."), as
  timeline.events leaves it out at a clause's edge: the date column says it;
- in a title still over TARGET_WORDS words, the adjunct after the main clause's comma: a
  subordinate clause or circumstance (", after three weeks of fighting", ", ketika ...", ", alors
  que ...") or a participle phrase (", killing twelve people"), a second statement of contrast
  (", but ...", ", tetapi ..."), and a clause of cause ("because", "karena") with or without its
  comma.

The words are closed classes of each language (data/title_rules.json, the complementizers of
timeline/lang/extra.json, the subject pronouns of data/subject_pronouns.json); a step that would
leave fewer than MIN_WORDS words, or would drop the row's own date phrase, is not taken: a frame
that holds the row's date ("Putin said in December that ...") is the happening, the saying.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from timeline.lexicon import lexicon
from timeline.settings import package_data

RULES_FILE = package_data("title_rules.json")
PRONOUNS_FILE = package_data("subject_pronouns.json")

# A title keeps at least this many words: fewer no longer says who did what.
MIN_WORDS = 4
# How far into the clause a reporting frame's verb, or a subject's end, may stand ("The foreign
# ministry of X said").
FRAME_VERB_REACH = 8
# Words between the verb of saying and its "that" (a date, a place: "said on Saturday in Delhi that").
FRAME_GAP = 6
# A short piece after an opening frame's comma still belongs to it (a weekday, a date, a place).
FRAME_TAIL_WORDS = 3
# An attribution after the reported words is short ("the ministry said", "declaró X, vocal de Y").
ATTRIBUTION_MAX_WORDS = 10
# ... and one whose verb comes late names the speaker, then at most whom it was said to
# ("the foreign ministry said", "a spokesman told reporters").
ATTRIBUTION_NAME_WORDS = 8
ATTRIBUTION_AFTER_VERB = 2
# Brackets hold an aside (an acronym, years of office, a weekday) when they are this short.
ASIDE_MAX_WORDS = 6
# Titles longer than this are cut, with "…", wherever the word falls.
MAX_WORDS = 22
# The length a title aims at (issue 10: "at most about 12 words where the clause allows"): only a
# longer title loses the adjunct after its main clause, which a shorter one can afford to keep.
TARGET_WORDS = 12
# A row's whole clause, set by timeline.events beside its title until the title is cut.
CLAUSE_KEY = "_clause"

_QUOTES = "\"“”«»„'‘’"
_WORD = re.compile(r"\w+")


def display_title(clause: str, lang: str = "", date_text: str = "") -> str:
    """`clause` cut to its core (see the module's docstring), at most MAX_WORDS words, capitalised.
    `date_text` is the row's date as written: a part holding it is never dropped."""
    title = _tidy(clause)
    # Twice, if the first round cut something: a step can bare what an earlier one looks for
    # ('..." declaró X, vocal de Y, quien ...').
    for _ in range(2):
        before = title
        for step in _STEPS:
            cut = step(title, lang)
            if cut == title:
                continue
            shorter = _tidy(cut)
            # A frame that holds the row's date is the happening itself: the saying ("Putin said
            # in December that ..."), so it stays.
            keeps_date = not date_text or date_text not in title or date_text in shorter
            if shorter != title and _words(shorter) >= MIN_WORDS and keeps_date:
                title = shorter
        if title == before:
            break
    if date_text:
        shorter = _tidy(_without_set_off_date(title, lang, date_text))
        if _words(shorter) >= MIN_WORDS:
            title = shorter
    title = capped(title)
    return title[:1].upper() + title[1:]


def capped(title: str) -> str:
    """`title` cut to MAX_WORDS words, with "…" where it was cut: the one length rule of titles."""
    words = title.split()
    return " ".join(words[:MAX_WORDS]) + " …" if len(words) > MAX_WORDS else title


def _without_set_off_date(title: str, lang: str, date_text: str) -> str:
    """'Pada Senin malam, Iran menembakkan ...' -> 'Iran menembakkan ...': the row's own date
    opening the title with its preposition, set off by a comma, is the date column's (as at a
    clause's edge). One inside the clause stays: without its commas the words around it would run
    together ("Dalam konferensi pers di Labuan Bajo, Senin, (8/5/2023), Jokowi ...").

    The date is compared as a string, not made into a pattern: a pattern per row cost a batch
    worker a third of its time, and pushed every other pattern out of re's cache."""
    wanted = date_text.lower()
    for start in _date_starts(title, lang):
        end = start + len(date_text)
        if title[start:end].lower() == wanted:
            comma = _COMMA_AFTER_DATE.match(title, end)
            if comma:
                return title[comma.end():]
    return title


def _date_starts(title: str, lang: str):
    """Where a date opening `title` may begin: after each preposition of the language the title
    opens with (the longest first), then at its start."""
    for prep in _preps(lang).get(title[:1].lower(), ()):
        if title[:len(prep)].lower() == prep:
            space = _SPACE_AT.match(title, len(prep))
            if space:
                yield space.end()
    yield 0


@lru_cache(maxsize=64)
def _preps(lang: str) -> dict[str, tuple[str, ...]]:
    """The language's prepositions (timeline/lang/extra.json), lower case, by first letter, longest first."""
    by_first: dict[str, list[str]] = {}
    for prep in sorted({w.lower() for w in lexicon(lang).words("preps") if w} if lang else (), key=len, reverse=True):
        by_first.setdefault(prep[:1], []).append(prep)
    return {first: tuple(preps) for first, preps in by_first.items()}


def _drop_sentence_adverb(title: str, lang: str) -> str:
    match = _opening(lang, "sentence_adverbs").match(title)
    return title[match.end():] if match else title


def _drop_opening_frame(title: str, lang: str) -> str:
    """'Dans une déclaration publiée le 22 décembre, les pays ont rejeté ...' -> 'Les pays ont
    rejeté ...': a frame that opens the clause (timeline.role.opens_a_frame) runs to its comma, and
    on over the short pieces after it ('Senin, (8/5/2023), Jokowi ...')."""
    from timeline.role import opens_a_frame

    if not opens_a_frame(title, lang):
        return title
    pieces = title.split(",")
    at = 1
    while at < len(pieces) - 1 and _words(pieces[at]) <= FRAME_TAIL_WORDS:
        at += 1
    return ",".join(pieces[at:]) if len(pieces) > 1 else title


def _drop_attribution(title: str, lang: str) -> str:
    """'X happened," ujarnya.' / 'X happened, the minister said.' -> 'X happened'."""
    verbs = _verbs(lang)
    if "," not in title:
        return title
    for comma in (m.start() for m in _COMMA.finditer(title)):
        tail = title[comma + 1:].strip(" " + _QUOTES)
        if _words(tail) > ATTRIBUTION_MAX_WORDS:
            continue
        bare = tail.rstrip(" .…!" + _QUOTES)
        late = None if "," in bare or _words(bare) > ATTRIBUTION_NAME_WORDS else verbs.search(bare)
        if verbs.match(bare) or (late is not None and _words(bare[late.end():]) <= ATTRIBUTION_AFTER_VERB):
            return title[:comma]
    return title


def _drop_frame(title: str, lang: str) -> str:
    """'X said on Saturday that Y did Z' -> 'Y did Z', when Y is not a pronoun."""
    verb = _verbs(lang).search(title)
    if verb is None or _words(title[:verb.start()]) > FRAME_VERB_REACH:
        return title
    that = _complementizers(lang).search(title, verb.end())
    if that is None or _words(title[verb.end():that.start()]) > FRAME_GAP:
        return title
    rest = title[that.end():].lstrip(" ,")
    first = _WORD.match(rest)
    if first is None or first.group().casefold() in _pronouns(lang):
        return title
    return rest


def _drop_relative_clauses(title: str, lang: str) -> str:
    """A relative clause set off by a comma is left out: after the subject ('Delegasi Rusia, yang
    meliputi ..., bertemu ...') up to its closing comma, the main verb following; later in the
    clause, to the end ('... in the town of X, which lies east of Y, the capital of Z'), since
    what follows its comma may belong to it."""
    pronouns = _relative(lang)
    out, at = [], 0
    if "," not in title:
        return title
    for comma in _COMMA_SPACE.finditer(title):
        if comma.start() < at or not pronouns.match(title, comma.end()):
            continue
        close = title.find(",", comma.end())
        out.append(title[at:comma.start()])
        if close < 0 or _words(title[:comma.start()]) > FRAME_VERB_REACH:
            at = len(title)
            break
        out.append(" ")
        at = close + 1
    out.append(title[at:])
    return "".join(out)


def _drop_trailing_adjunct(title: str, lang: str) -> str:
    """'Rebels seized the airport on Monday, after three weeks of fighting ...' -> 'Rebels seized
    the airport on Monday', when the title is over TARGET_WORDS words: it ends at the first comma
    (one with a space after it, so no decimal comma) that opens an adjunct, leaving MIN_WORDS words
    at least. display_title keeps the adjunct when it holds the row's date: then it is the happening."""
    if _words(title) <= TARGET_WORDS:
        return title
    opener = _adjunct_opener(lang)
    for comma in _COMMA_SPACE.finditer(title):
        if comma.start() > 0 and title[comma.start() - 1].isdigit() and title[comma.end():comma.end() + 1].isdigit():
            continue
        if opener.match(title, comma.end()) and _words(title[:comma.start()]) >= MIN_WORDS:
            return title[:comma.start()]
    # A clause of cause is an adjunct wherever it stands; the words before it are the main clause.
    for cause in _cause_opener(lang).finditer(title):
        if _words(title[:cause.start()]) >= MIN_WORDS:
            return title[:cause.start()]
    return title


def _drop_asides(title: str, lang: str) -> str:
    if "(" not in title:
        return title
    return _ASIDE.sub(lambda m: "" if _words(m.group(1)) <= ASIDE_MAX_WORDS else m.group(), title)


_STEPS = (_drop_sentence_adverb, _drop_opening_frame, _drop_attribution, _drop_frame, _drop_relative_clauses,
          _drop_asides, _drop_trailing_adjunct)
_NOTHING = re.compile(r"(?!x)x")
_COMMA = re.compile(",")
_COMMA_SPACE = re.compile(r",\s*")
_ASIDE = re.compile(r"\s*\(([^()]*)\)")
_COMMA_AFTER_DATE = re.compile(r"\s*,\s*")
_SPACE_AT = re.compile(r"\s+")
_REPEATED_COMMA = re.compile(r",(?:\s*,)+")


def _tidy(text: str) -> str:
    # str methods, not patterns: a title is tidied after every cut, and patterns that begin with
    # a space class scan in Python's regex engine at five times the cost.
    text = " ".join(text.split()).strip(" ,;:–—-")
    for mark in ",.;:!?":
        if " " + mark in text:
            text = text.replace(" " + mark, mark)
    if ",," in text or ", ," in text:
        text = _REPEATED_COMMA.sub(",", text)   # an aside dropped from between two commas
    text = _without_trailing_comma(text)
    for quote_open, quote_close in (("“", "”"), ("«", "»"), ("„", "“")):
        if text.count(quote_open) != text.count(quote_close):
            text = text.replace(quote_open, "").replace(quote_close, "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    return text.strip()


def _without_trailing_comma(text: str) -> str:
    """`text` without the commas, semicolons or colons that end it, before a final . ! ? if any."""
    end = len(text) - 1 if text[-1:] in (".", "!", "?") else len(text)
    start = end
    while start and text[start - 1] in ",;:":
        start -= 1
    return text[:start] + text[end:] if start < end else text


# Each step and each cut counts the words of the same few titles again; bounded.
@lru_cache(maxsize=256)
def _words(text: str) -> int:
    return len(_WORD.findall(text))


@lru_cache(maxsize=1)
def _rules() -> dict:
    return json.loads(RULES_FILE.read_text(encoding="utf-8"))


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


@lru_cache(maxsize=64)
def _verbs(lang: str) -> re.Pattern:
    from timeline.dates.quotes import speech_verb

    return speech_verb(lang) or _NOTHING


@lru_cache(maxsize=64)
def _relative(lang: str) -> re.Pattern:
    body = _alternatives(_rules()["relative_pronouns"].get(lang, ()))
    return re.compile(rf"(?:{body})(?!\w)" if body else r"(?!x)x", re.IGNORECASE)


@lru_cache(maxsize=64)
def _adjunct_opener(lang: str) -> re.Pattern:
    """What begins an adjunct: an opener word of the language (title_rules.json's adjunct_openers,
    its conjunctions of contrast, which open a second statement, and event_types.json's
    antecedents, the words of an earlier happening: 'after', 'setelah'), or a lower-case word with
    a participle ending ('killing', 'dejando')."""
    from timeline.enrich import antecedent_words   # the one reader of data/event_types.json

    openers = [*_rules()["adjunct_openers"].get(lang, ()), *_rules()["contrast_conjunctions"].get(lang, ()),
               *antecedent_words(lang)]
    parts = [rf"(?:{_alternatives(openers)})(?!\w)"] if openers else []
    suffixes = _alternatives(_rules()["participle_suffixes"].get(lang, ()))
    if suffixes:
        parts.append(rf"(?-i:[^\W\d_A-Z]\w+(?:{suffixes}))(?!\w)")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else _NOTHING


@lru_cache(maxsize=64)
def _cause_opener(lang: str) -> re.Pattern:
    body = _alternatives(_rules()["cause_openers"].get(lang, ()))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if body else _NOTHING


@lru_cache(maxsize=64)
def _opening(lang: str, key: str) -> re.Pattern:
    body = _alternatives(_rules()[key].get(lang, ()))
    return re.compile(rf"[{_QUOTES}]?(?:{body})\s*,\s*" if body else r"(?!x)x", re.IGNORECASE)


@lru_cache(maxsize=64)
def _complementizers(lang: str) -> re.Pattern:
    body = _alternatives(lexicon(lang).words("complementizers")) if lang else ""
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if body else r"(?!x)x", re.IGNORECASE)


@lru_cache(maxsize=64)
def _pronouns(lang: str) -> frozenset[str]:
    table = json.loads(PRONOUNS_FILE.read_text(encoding="utf-8"))["pronouns"]
    return frozenset(w.casefold() for w in table.get(lang, ()))
