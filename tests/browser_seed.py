"""The events the browser tests open the dashboard on, written for them (our own words)."""
from __future__ import annotations

import pandas as pd

from timeline.schema import conform
from timeline.store import Store

GENEVA_TEXT = ("Geneva, 12 November 2025\n\nDiplomats gathered early. On 10 November the foreign ministers "
               "met in Geneva to discuss a ceasefire. Talks continue next week.")
ARABIC_TITLE = "اجتمع وزراء الخارجية في القاهرة لمناقشة خطة إعادة الإعمار الشاملة للمنطقة بأكملها"


def _day(event_id, day, title, event_type, source, **more):
    return {"event_id": event_id, "date": day, "precision": "day", "start": day, "end": day, "title": title,
            "event_type": event_type, "source": source, "confidence": 0.9, "origin": "extracted", **more}


def events() -> pd.DataFrame:
    geneva_at = GENEVA_TEXT.index("10 November")
    rows = [
        _day("ev-geneva", "2025-11-10", "Foreign ministers met in Geneva", "meeting", "wire-geneva.txt",
             date_text="10 November", evidence="On 10 November the foreign ministers met in Geneva to discuss a "
             "ceasefire.", char_start=geneva_at, char_end=geneva_at + len("10 November"), actors="France; Egypt",
             places="Geneva", published="2025-11-12", lang="en"),
        {"event_id": "ev-weekend", "date": "2025-W25-WE", "precision": "week", "start": "2025-06-21",
         "end": "2025-06-22", "date_text": "last weekend", "title": "Crowds marched over the weekend",
         "event_type": "protest", "source": "daily-news.txt", "confidence": 0.7, "origin": "extracted"},
        _day("ev-budget", "2026-02-01", "Parliament passed the budget", "decision", "daily-news.txt"),
        _day("ev-fall", "1979-02-11", "The monarchy fell", "regime_change", "history-notes.txt",
             date_text="11 February 1979", evidence="The monarchy fell on 11 February 1979."),
        _day("ev-cairo", "2025-03-04", ARABIC_TITLE, "meeting", "cairo-daily.txt", lang="ar", actors="Egypt",
             places="Cairo"),
        _day("ev-aid", "2024-12-08", "A convoy brought aid to the border", "aid", "relief-report.txt",
             actors="Red Crescent", places="Rafah"),
        {"event_id": "ev-talks", "date": "2025-05", "precision": "month", "start": "2025-05-01",
         "end": "2025-05-31", "title": "Envoys held talks during May", "event_type": "meeting",
         "source": "wire-geneva.txt", "confidence": 0.6, "origin": "extracted"},
        _day("ev-call", "2025-09-17", "The two presidents spoke by phone", "call", "daily-news.txt",
             actors="France; Egypt"),
    ]
    return conform(pd.DataFrame(rows))


def seed(db_path, collections=("demo",)) -> None:
    """Each of `collections` holding the same events."""
    store = Store(db_path)
    for name in collections:
        store.add_extracted(name, events(), "seed")
        store.save_articles(name, [("wire-geneva.txt", GENEVA_TEXT)])
    if "conflict" in collections:   # two reports of one call, a day apart, merged by hand
        store.add_extracted("conflict", conform(pd.DataFrame([
            _day("ev-call-b", "2025-09-18", "The presidents spoke by phone again", "call", "evening-post.txt",
                 date_text="Thursday", evidence="On Thursday the two presidents spoke by phone.",
                 url="https://evening-post.example/2025/09/19/call")])), "seed")
        store.merge_events("conflict", "ev-call", "ev-call-b", "seed")
    if "review" in collections:   # second reports of two happenings: two groups for "Merge similar"
        store.add_extracted("review", conform(pd.DataFrame([
            _day("ev-geneva-b", "2025-11-10", "The foreign ministers met in Geneva", "meeting", "evening-post.txt",
                 actors="France; Egypt", places="Geneva"),
            _day("ev-call-c", "2025-09-17", "The presidents of both states spoke by phone", "call", "evening-post.txt",
                 actors="France; Egypt")])), "seed")

