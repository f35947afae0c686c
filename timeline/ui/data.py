"""Where the dashboard's data comes from: the database path, the shared Store, cached event tables.

The Store is one object per database file for the whole server (st.cache_resource); event
tables are cached per (database, collection, database file state) with st.cache_data, so a
write by any session, which changes the file, is seen by every session on its next run.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd
import streamlit as st

from timeline.schema import empty_events

DEMO_COLLECTION = "demo"


def db_path_from_args(argv: list[str] | None = None) -> str:
    """The database path: `--db PATH` after `streamlit run app.py --`, else TIMELINE_DB, else data/timeline.db."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--db")
    try:
        args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    except SystemExit:  # "--db" without a value: fall back rather than stop the page
        args = argparse.Namespace(db=None)
    if args.db:
        from timeline.store import is_database_url

        return args.db.strip() if is_database_url(args.db) else str(Path(args.db).expanduser())
    from timeline.store import default_db_path

    return str(default_db_path())


@st.cache_resource(show_spinner=False)
def get_store(db_path: str):
    """The one Store for `db_path`, shared by every session of this server."""
    from timeline.store import Store

    return Store(db_path)  # an SQLite file's folder is made by the store


def db_state(db_path: str) -> tuple:
    """Changes whenever the database file (or its WAL/journal) is written."""
    from timeline.store import is_database_url

    if is_database_url(db_path):  # a server: no file to watch, the store counts its writes
        return ("revision", get_store(db_path).revision())
    state = []
    for suffix in ("", "-wal", "-journal"):
        try:
            stat = os.stat(db_path + suffix)
            state.append((suffix, stat.st_mtime_ns, stat.st_size))
        except OSError:
            pass
    return tuple(state)


def events(db_path: str, collection: str) -> pd.DataFrame:
    """The collection's events (schema columns and `version`), fresh after any write."""
    if not collection:
        return empty_events()
    revision = st.session_state.get("_revision", 0)
    return _cached_events(db_path, collection, db_state(db_path), revision)


@st.cache_data(show_spinner=False, max_entries=16)
def _cached_events(db_path: str, collection: str, state: tuple, revision: int) -> pd.DataFrame:
    # `state` and `revision` are unused in the body: they are there to be part of the cache
    # key (so no leading underscore, which would leave them out of it).
    return get_store(db_path).events(collection)


def similar_groups(db_path: str, collection: str, threshold: float, within_source: bool) -> pd.DataFrame:
    """What "Merge similar" would merge at `threshold` (Store.similar_groups), fresh after any write."""
    revision = st.session_state.get("_revision", 0)
    return _cached_similar_groups(db_path, collection, round(float(threshold), 4), bool(within_source),
                                  db_state(db_path), revision)


@st.cache_data(show_spinner="Looking for reports of the same happening…", max_entries=8)
def _cached_similar_groups(db_path: str, collection: str, threshold: float, within_source: bool, state: tuple,
                           revision: int) -> pd.DataFrame:
    # `state` and `revision` only key the cache, as in _cached_events.
    return get_store(db_path).similar_groups(collection, threshold, within_source=within_source)


def is_merged(row) -> bool:
    """Whether other reports were merged into this event row (a merge note or more than one source)."""
    count = row.get("source_count")
    return bool(str(row.get("merge_note") or "")) or (count is not None and not pd.isna(count) and int(count) > 1)


def report_dates(reports) -> list[str]:
    """The different dates a merged event's reports give, sorted; more than one is a date conflict."""
    return sorted({str(report.get("date") or "") for report in reports} - {""})


def date_conflicts(db_path: str, collection: str, events: pd.DataFrame) -> set[str]:
    """The ids of `events` whose merged reports give different dates, fresh after any write."""
    merged = tuple(row["event_id"] for _, row in events.iterrows() if is_merged(row))
    if not merged:
        return set()
    revision = st.session_state.get("_revision", 0)
    return _cached_conflicts(db_path, collection, merged, db_state(db_path), revision)


@st.cache_data(show_spinner=False, max_entries=16)
def _cached_conflicts(db_path: str, collection: str, merged: tuple, state: tuple, revision: int) -> set[str]:
    # `state` and `revision` only key the cache, as in _cached_events.
    store = get_store(db_path)
    kept = store.events(collection).set_index("event_id")
    conflicts = set()
    for event_id in merged:
        if event_id not in kept.index:
            continue
        members = store.merged_members(collection, event_id)
        reports = [kept.loc[event_id]] + [member for _, member in members.iterrows()]
        if len(report_dates(reports)) > 1:
            conflicts.add(event_id)
    return conflicts


def written() -> None:
    """Note that this session just wrote, so the next read skips the cache even on coarse clocks."""
    st.session_state["_revision"] = st.session_state.get("_revision", 0) + 1


def collection_names(store) -> list[str]:
    """The store's collection names, whatever shape `collections()` answers in."""
    names = store.collections()
    if isinstance(names, pd.DataFrame):
        column = "name" if "name" in names.columns else names.columns[0]
        names = names[column].tolist()
    return [str(n) for n in names]


@st.cache_resource(show_spinner="Extracting the demo articles…")
def ensure_demo(db_path: str) -> str | None:
    """On a fresh database, the demo articles extracted into the "demo" collection, once per server.

    Returns a line saying what was done, or None when nothing was needed: the demo collection
    has events or a history (the analyst may have emptied it on purpose), or the database
    already holds other work.
    """
    store = get_store(db_path)
    names = collection_names(store)
    if DEMO_COLLECTION in names:
        if len(store.events(DEMO_COLLECTION)) or len(store.history(DEMO_COLLECTION)):
            return None
    else:
        # a fresh database has only the store's empty default collection
        if any(len(store.events(name)) or len(store.history(name)) for name in names):
            return None
        store.create_collection(DEMO_COLLECTION)
    from timeline import extract_events
    from timeline.demo import demo_documents

    frames = []
    for document in demo_documents():
        frames.append(extract_events(document.text, published=document.published, lang=document.lang or None,
                                     source=document.source, url=document.url or None))
    frame = pd.concat(frames, ignore_index=True) if frames else empty_events()
    store.add_extracted(DEMO_COLLECTION, frame, "demo")
    store.save_articles(DEMO_COLLECTION, [(document.source, document.text) for document in demo_documents()])
    return f"Loaded {len(frame)} events from {len(frames)} demo articles into the “{DEMO_COLLECTION}” collection."
