"""Named holidays ("Thanksgiving Day", "Hari Raya Natal", "Noël") as dates, from the
`holidays` package.

Whose holidays a language's text means is taken from CLDR: the language's likely region
(en -> US, id -> ID, pt -> BR, through babel), and the names are that country's own, in that
language, as the `holidays` package spells them. A language whose region the package does not
know, or does not name in that language, has no holidays. Observed-on-another-day entries
("Christmas Day (observed)") are dropped: the holiday's own entry carries its day.
"""
from __future__ import annotations

import re
import warnings
from datetime import date
from functools import lru_cache

# The years whose holiday names make up the recogniser's vocabulary: names change rarely
# (a holiday added or renamed), so a wide span of years catches them all.
_NAME_YEARS = range(1990, 2036)
_PAREN = re.compile(r"\s*\([^)]*\)")


@lru_cache(maxsize=64)
def _calendar(lang: str) -> tuple[str, str] | None:
    """(region, holidays-language) for a language code, or None where none is known."""
    try:
        import holidays
        from babel.core import get_global
    except ImportError:
        return None
    region = str(get_global("likely_subtags").get(lang, "")).split("_")[-1]
    if not region or region not in holidays.list_supported_countries():
        return None
    country = getattr(holidays, region, None)
    languages = getattr(country, "supported_languages", ()) or ()
    spoken = [code for code in languages if code.split("_")[0] == lang]
    default = getattr(country, "default_language", None) or ""
    if default.split("_")[0] == lang:
        spoken = [default]
    if not spoken:
        return None
    return region, spoken[0]


@lru_cache(maxsize=256)
def holidays_of(lang: str, year: int) -> dict[str, date]:
    """The holidays of `lang`'s region in `year`: name as written -> its day (empty if unknown)."""
    calendar = _calendar(lang)
    if calendar is None:
        return {}
    import holidays

    region, language = calendar
    country = getattr(holidays, region)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # years outside a country's table give no days, not noise
        table = holidays.country_holidays(region, years=year, language=language,
                                          categories=country.supported_categories)
    out: dict[str, date] = {}
    for day, names in sorted(table.items()):
        for name in str(names).split("; "):
            if "(" in name:
                continue   # "(observed)", "(estimated)": not the holiday's own name
            out.setdefault(_PAREN.sub("", name).strip(), day)
    return out


@lru_cache(maxsize=64)
def holiday_names(lang: str) -> tuple[str, ...]:
    """Every holiday name of `lang` in the years the recogniser knows, and the other names its
    news uses for them (timeline/lang/extra.json `holiday_aliases`), longest first."""
    names: set[str] = set()
    if _calendar(lang) is not None:
        for year in _NAME_YEARS:
            names.update(holidays_of(lang, year))
    names.update(alias for alias, official in _aliases(lang).items() if official in names)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@lru_cache(maxsize=64)
def _aliases(lang: str) -> dict[str, str]:
    from timeline.lexicon import lexicon

    return dict(lexicon(lang).extra.get("holiday_aliases") or {}) if lang else {}


def holiday_day(lang: str, name: str, year: int) -> date | None:
    """The day of holiday `name` (as written, any case) in `year`, or None."""
    wanted = re.sub(r"\s+", " ", name).strip().lower()
    wanted = next((official.lower() for alias, official in _aliases(lang).items() if alias.lower() == wanted), wanted)
    for known, day in holidays_of(lang, year).items():
        if known.lower() == wanted:
            return day
    return None
