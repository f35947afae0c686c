"""Per-language temporal vocabulary: dateparser's locale data plus timeline/lang/extra.json.

`lexicon(lang)` gives the caller a `Lexicon` with lower-cased word -> meaning maps for months,
weekdays, units, relative phrases and the rest, built once per language and cached. Any of
dateparser's ~200 locales works: months, weekdays, units and relative phrases come from its
data; extra.json adds what it lacks (number words, tense cues, reference words, ...).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.settings import package_file

_EXTRA_PATH = package_file("lang", "extra.json")
_FORMS_PATH = package_file("lang", "forms.json")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATEPARSER_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H",
                     "minute": "MIN", "decade": "DE", "century": "CE", "fortnight": "W"}
_RELATIVE_KEY = re.compile(r"^(in )?(\d+) (second|minute|hour|day|week|month|year|decade|century)( ago)?$")
_NUMBER_GROUP = re.compile(r"\(\\d\+\+\[\.,\]\?\\d\*\+\)")


@dataclass
class Lexicon:
    """Lower-cased vocabulary of one language (and its fallbacks)."""

    lang: str
    months: dict[str, int] = field(default_factory=dict)          # full forms and declensions
    month_abbrevs: dict[str, int] = field(default_factory=dict)   # short forms, used only beside a day or year
    weekdays: dict[str, int] = field(default_factory=dict)        # 0 = Monday
    weekday_abbrevs: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)           # word -> Y, M, W, D, H, MIN, DE, CE, WE, Q
    relative: dict[str, tuple[int, str]] = field(default_factory=dict)  # "bulan lalu" -> (-1, "M")
    ago_patterns: list[tuple[str, str, int]] = field(default_factory=list)  # (regex with {N}, unit, sign)
    fused: dict[str, tuple[int, str]] = field(default_factory=dict)  # "setahun" -> (1, "Y")
    numbers: dict[str, object] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    date_order: str = "DMY"

    _cache: dict = field(default_factory=dict, repr=False)

    def words(self, key: str) -> list[str]:
        """A list-valued entry of extra.json (empty when the language has none). Do not mutate."""
        if ("w", key) not in self._cache:
            value = self.extra.get(key, [])
            self._cache[("w", key)] = list(value.keys()) if isinstance(value, dict) else list(value)
        return self._cache[("w", key)]

    def word_set(self, key: str) -> frozenset[str]:
        """A list-valued entry of extra.json as a set of lower-cased words, for membership tests."""
        if ("s", key) not in self._cache:
            self._cache[("s", key)] = frozenset(w.lower() for w in self.words(key))
        return self._cache[("s", key)]

    def mapping(self, key: str) -> dict:
        """A dict-valued entry of extra.json, with lower-cased keys. Do not mutate."""
        if ("m", key) not in self._cache:
            value = self.extra.get(key, {})
            self._cache[("m", key)] = {k.lower(): v for k, v in value.items()} if isinstance(value, dict) else {}
        return self._cache[("m", key)]


def _load_extra() -> dict:
    return json.loads(_EXTRA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _load_forms() -> dict:
    return json.loads(_FORMS_PATH.read_text(encoding="utf-8"))


def declension_rules(lang: str) -> dict:
    """The language's rules from timeline/lang/forms.json (empty when it has none)."""
    return _load_forms().get(lang, {})


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _drop_acute(word: str) -> str:
    # Only the stress mark goes: the diaeresis of "μαΐου" is a letter's identity, not stress.
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).replace("\u0301", ""))


# A word without a vowel is an abbreviation ("вск", "pzt"), not a word to decline.
_VOWELS = set("aeiouyàáâäåæèéêëìíîïòóôöøùúûüýąęěůаеёиоуыэюяієїαεηιουωάέήίόύώϊϋΐΰ")


def _has_vowel(text: str) -> bool:
    return any(ch in _VOWELS for ch in text.lower())


def inflect(word: str, rules: dict[str, list[str]]) -> list[str]:
    """The other forms of `word` given by the rule of the longest ending it has (or none).

    A replacement starting with "~" first drops the stem's stress mark ("ημέρα" + "~ών" ->
    "ημερών"). A word without a vowel is an abbreviation ("вск") and takes no rule.
    """
    word = word.lower()
    if not _has_vowel(word):
        return []
    for ending in sorted(rules, key=len, reverse=True):
        if word.endswith(ending) and len(word) > len(ending):
            stem = word[:len(word) - len(ending)]
            return [(_drop_acute(stem) + r[1:]) if r.startswith("~") else stem + r for r in rules[ending]]
    return []


def _variants(form: str, options: dict) -> set[str]:
    out = {form}
    if options.get("accentless"):
        out.add(_without_accents(form))
    marks = options.get("apostrophes", [])
    for mark in marks:
        if mark in form:
            out |= {form.replace(mark, other) for other in marks}
    return out


def _add_word_forms(lex: Lexicon, rules: dict) -> None:
    """Every case and number form of the months, weekdays and units the lexicon has."""
    homographs = {w.lower() for w in rules.get("homographs", [])}
    options = rules.get("variants", {})
    tables = (("months", lex.months, lex.month_abbrevs), ("weekdays", lex.weekdays, lex.weekday_abbrevs),
              ("units", lex.units, {}))
    for kind, table, abbrevs in tables:
        generated: dict[str, object] = {}
        for form, meaning in table.items():
            for new in inflect(form, rules.get(kind, {})):
                generated.setdefault(new, meaning)
        for form, meaning in list(table.items()) + list(generated.items()):
            for new in _variants(form, options) - homographs:
                if form in generated:
                    # A form the grammar gives is a word of its own, even where it is also the
                    # start of a longer form and so was filed as a short form ("tammikuu").
                    abbrevs.pop(new, None)
                table.setdefault(new, meaning)


def supported_extra_languages() -> list[str]:
    """Languages with hand-written supplements (others run on dateparser's data alone)."""
    return sorted(k for k in _load_extra() if not k.startswith("_"))


def _locale_info(lang: str) -> dict:
    try:
        from dateparser.languages.loader import default_loader

        return default_loader.get_locale(lang).info
    except Exception:  # unknown language code: no locale data, extras only
        return {}


@lru_cache(maxsize=64)
def lexicon(lang: str) -> Lexicon:
    """The vocabulary for `lang` (ISO 639-1), built once."""
    extras = _load_extra()
    extra = extras.get(lang, {})
    if "_same_as" in extra:
        extra = extras.get(extra["_same_as"], {})
    info = _locale_info(lang)
    lex = Lexicon(lang=lang, extra=extra, date_order=info.get("date_order", "DMY"))

    for number, key in enumerate(_MONTHS, 1):
        for form in info.get(key, []):
            form = form.lower()
            # Short forms ("mar", "des", "jan": a prefix of a longer form) are common words
            # on their own: keep them apart, for use beside a day or a year only.
            longer = [f.lower() for f in info.get(key, []) if len(f) > len(form)]
            is_abbrev = form.endswith(".") or any(f.startswith(form) for f in longer) or len(form) <= 2
            (lex.month_abbrevs if is_abbrev else lex.months)[form] = number
    for number, key in enumerate(_WEEKDAYS):
        for form in info.get(key, []):
            form = form.lower()
            longer = [f.lower() for f in info.get(key, []) if len(f) > len(form)]
            is_abbrev = form.endswith(".") or any(f.startswith(form) for f in longer) or len(form) <= 2
            (lex.weekday_abbrevs if is_abbrev else lex.weekdays)[form] = number
    for key, unit in _DATEPARSER_UNITS.items():
        for form in info.get(key, []):
            if len(form) > 2 or form.lower() in {"an", "ay", "ay"}:
                lex.units.setdefault(form.lower(), unit)
    for form, number in extra.get("months_extra", {}).items():
        lex.months[form.lower()] = number
    for form, number in extra.get("weekdays_extra", {}).items():
        lex.weekdays[form.lower()] = number
    for unit, forms in extra.get("units", {}).items():
        for form in forms:
            lex.units[form.lower()] = unit

    _add_word_forms(lex, declension_rules(lang))

    for key, phrases in info.get("relative-type", {}).items():
        m = _RELATIVE_KEY.match(key)
        if not m:
            continue
        amount = int(m.group(2))
        unit = _DATEPARSER_UNITS.get(m.group(3))
        if unit is None:
            continue
        if not (m.group(1) or m.group(4)):
            # "1 year": ["setahun"] is an amount of time, not a date: a fused duration.
            for phrase in phrases:
                lex.fused[phrase.lower()] = (amount, unit)
            continue
        sign = 1 if m.group(1) else -1
        # dateparser files "this decade" and "this century" under "1 decade ago"; a phrase that
        # opens (or ends) with the language's own word for the current one is that one.
        this_words = {w.lower() for w, v in {**extra.get("prefix_mods", {}), **extra.get("suffix_mods", {})}.items() if v == 0}
        for phrase in phrases:
            words = phrase.lower().split()
            current = bool(words) and (words[0] in this_words or words[-1] in this_words)
            lex.relative[phrase.lower()] = (0 if current else sign * amount, unit)
    skip = {w.lower() for w in info.get("skip", []) + info.get("ago", []) + info.get("in", [])}
    for key, patterns in info.get("relative-type-regex", {}).items():
        m = re.match(r"^(in )?\\1 (second|minute|hour|day|week|month|year|decade|century)( ago)?$", key)
        if not m:
            continue
        unit = _DATEPARSER_UNITS.get(m.group(2))
        if unit is None or unit in ("H", "MIN"):
            continue
        sign = 1 if m.group(1) else -1
        for pattern in patterns:
            # "in 5 years" is a duration in TimeML ("5 years"); only "ago" forms are dates.
            if not _NUMBER_GROUP.search(pattern) or sign > 0:
                continue
            # Learn plural/inflected unit words from the word right after the number
            # ("(\d+) days ago" -> "days", "vor (\d+) tagen" -> "tagen").
            after = re.match(r"\s*([^\W\d_]{3,})", _NUMBER_GROUP.split(pattern, 1)[1])
            if after and after.group(1).lower() not in skip:
                lex.units.setdefault(after.group(1).lower(), unit)
            lex.ago_patterns.append((_NUMBER_GROUP.sub("{N}", pattern), unit, sign))

    for word, (amount, unit) in extra.get("fused", {}).items():
        lex.fused[word.lower()] = (amount, unit)
    for word, value in extra.get("numbers", {}).items():
        lex.numbers[word.lower()] = value
    for simplification in info.get("simplifications", []):
        for word, value in simplification.items():
            if re.fullmatch(r"[^\W\d_]+", word) and re.fullmatch(r"\d+", str(value)):
                lex.numbers.setdefault(word.lower(), int(value))
    return lex
