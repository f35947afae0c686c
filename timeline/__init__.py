"""timeline: dated events from news articles in any language, as one pandas table.

The public surface is small on purpose:
    find_dates(text, published=None, lang=None) -> list[DateMention]
    extract_events(text, published=None, lang=None, source=None) -> pandas.DataFrame
"""
from timeline.dates import DateMention, find_dates

__all__ = ["DateMention", "find_dates", "extract_events"]


def extract_events(text, published=None, lang=None, source=None, url=None):
    """The events table (see timeline.schema) for one article: one row per dated clause."""
    from timeline.events import extract_events as _extract

    return _extract(text, published=published, lang=lang, source=source, url=url)
