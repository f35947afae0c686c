"""timeline: dated events from news articles in any language, as one pandas table.

The public surface is small on purpose:
    find_dates(text, published=None, lang=None, anchor="auto", ranges="auto") -> list[DateMention]
    extract_events(text, published=None, lang=None, source=None, url=None, anchor="auto",
                   infer_dates=None) -> pandas.DataFrame
    merge_events(frame, threshold=0.6) -> pandas.DataFrame   (one row per happening across sources)
    to_csv(frame) -> str, read_events_csv(data) -> pandas.DataFrame   (the one export path)
    __version__
"""
from timeline.dates import DateMention, find_dates

__version__ = "0.1.0"

__all__ = ["DateMention", "find_dates", "extract_events", "merge_events", "to_csv", "read_events_csv"]


def extract_events(text, published=None, lang=None, source=None, url=None, anchor="auto", infer_dates=None):
    """The events table (see timeline.schema) for one article: one row per dated clause (and, with
    `infer_dates`, per happening dated by context: timeline.inferred)."""
    from timeline.events import extract_events as _extract

    return _extract(text, published=published, lang=lang, source=source, url=url, anchor=anchor,
                    infer_dates=infer_dates)


def merge_events(frame, threshold=None, **options):
    """The events table with reports of the same happening from several sources merged."""
    from timeline.merge import DEFAULT_THRESHOLD, merge_events as _merge

    return _merge(frame, threshold=DEFAULT_THRESHOLD if threshold is None else threshold, **options)


def to_csv(frame):
    """The events table as CSV text, spreadsheet formulas neutralised (timeline.export)."""
    from timeline.export import to_csv as _to_csv

    return _to_csv(frame)


def read_events_csv(data):
    """An events table read back from CSV text or bytes, validated (timeline.export)."""
    from timeline.export import read_events_csv as _read

    return _read(data)
