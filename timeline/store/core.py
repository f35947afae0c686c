"""Events tables kept in SQLite or PostgreSQL: named collections, analyst edits, a history of every change, undo.

    store = Store()                                    # TIMELINE_DB, else the user data folder (settings)
    store = Store("postgresql://rina@db.example/timeline")   # a database shared by a team
    store.add_extracted("default", frame)              # re-running never overwrites an analyst's work
    version = store.update_event("default", "ev-1", {"title": "..."}, user="rina", expected_version=3)
    store.merge_similar("default", threshold=0.6, user="rina")   # reports of one happening -> one event
    store.split_merged("default", "ev-1", user="rina")            # ... and a wrong merge taken apart
    store.undo("default", user="rina")                           # rina's own last change
    store.undo_change("default", 42, user="budi")                 # one change, by its id, explicitly
    store.save_articles("default", [("wire.txt", text)])          # article texts, for the source view

Every mutation is one transaction that also writes its history rows, so the history never misses a
change and a failed change leaves nothing behind; the change names its analyst. Each call opens its
own connection, so one Store serves many threads and Streamlit sessions, and several Store objects
(in several processes, on several machines for PostgreSQL) may share one database. The SQL is written
once, here; timeline.store.backends holds what differs between SQLite and PostgreSQL.

What an analyst touched is kept apart from what extraction may refresh: a row is refreshed by
`add_extracted` only while it is an extracted row that nobody edited, deleted or merged. Deleted and
merged rows stay in the table (status "deleted" / "merged"), so undo can bring them back and
re-extraction cannot. Rows carry a version, bumped on every change; a caller that passes the
version it saw gets a ConflictError only when someone else changed one of the same fields since;
it shows both values. Re-extraction finds an article's earlier rows by content as well as by id
(see _with_earlier_ids), so edits and deletions survive an edited text or a corrected date.
"""
from __future__ import annotations

import functools
import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from timeline.export import FieldError, date_fields, event_records, parse_field, validate_event
from timeline.merge import (
    DEFAULT_THRESHOLD, KEPT_FROM_KEEP, NOTE_SEPARATOR, cluster_records, combined_fields, link_notes,
)
from timeline.periods import at_precision
from timeline.schema import EVENT_COLUMNS, conform, stable_event_id
from timeline.settings import database_target
from timeline.store.backends import BackendError, is_database_url, open_backend

Connection = Any  # an sqlite3.Connection, or the PostgreSQL connection of timeline.store.backends

ENV_VAR = "TIMELINE_DB"  # read by timeline.settings.database_target
DEFAULT_COLLECTION = "default"
SCHEMA_VERSION = 1

COLUMNS = tuple(EVENT_COLUMNS)
STATE_COLUMNS = ("status", "merged_into", "edited", "version")  # kept beside the schema's columns
NOT_EDITABLE = ("event_id", "origin")
MAX_COLLECTION_NAME = 200
LEGACY_ARTICLES = "article_texts"   # where article texts were kept before the store kept them

class StoreError(Exception):
    """A change the store refuses: unknown collection, event or column, or a bad value (`column`)."""

    def __init__(self, message: str, column: str | None = None):
        super().__init__(message)
        self.column = column


class ConflictError(StoreError):
    """The event changed since the caller read it, in a field the caller is changing too.

    `fields` says, for each such field, {"theirs": the stored value, "yours": the caller's,
    "by": the analyst who changed it}; the message shows both values.
    """

    def __init__(self, message: str, fields: dict | None = None):
        super().__init__(message, next(iter(fields), None) if fields else None)
        self.fields = fields or {}


def default_db_path() -> str | Path:
    """The database: $TIMELINE_DB when set (a file path, or a postgresql:// URL), else timeline.db
    in the user data folder (timeline.settings)."""
    return database_target()


class Store:
    """The events of every collection in one database (see the module docstring).

    `target` is an SQLite file path or a postgresql:// URL; None means default_db_path(). `path`
    is the SQLite file (None for PostgreSQL) and `location` the database named without password.
    """

    def __init__(self, target: str | os.PathLike | None = None):
        if target is None:
            target = default_db_path()
        if not is_database_url(target):
            target = Path(target)
        self.path = None if is_database_url(target) else target
        try:
            self._backend = open_backend(target)
        except ImportError as error:
            raise StoreError(f"a PostgreSQL database needs the psycopg package ({error})") from None
        self.location = self._backend.label
        try:
            self._backend.prepare()
            with self._backend.writing() as conn:
                _create_tables(conn, self._backend)
                if conn.execute("SELECT COUNT(*) FROM collections").fetchone()[0] == 0:
                    conn.execute("INSERT INTO collections (name, created) VALUES (?, ?)", (DEFAULT_COLLECTION, _now()))
        except (*self._backend.errors, BackendError, StoreError, OSError) as error:
            raise StoreError(f"{self.location} cannot be used as a timeline database: {error}") from None

    @property
    def backend(self) -> str:
        """"sqlite" or "postgresql"."""
        return self._backend.name

    def revision(self) -> int:
        """A number that grows with every write to the database (for caches that must notice one)."""
        with self._read() as conn:
            return int(conn.execute("SELECT revision FROM store_state").fetchone()[0])

    # --- collections ---------------------------------------------------------------------------

    def collections(self) -> list[str]:
        """The collection names, oldest first."""
        with self._read() as conn:
            return [row[0] for row in conn.execute("SELECT name FROM collections ORDER BY id")]

    def create_collection(self, name: str) -> None:
        """A new empty collection; StoreError when the name is taken or blank."""
        name = _collection_name(name)
        with self._write() as conn:
            if _find_collection(conn, name) is not None:
                raise StoreError(f"a collection named {name!r} already exists")
            conn.execute("INSERT INTO collections (name, created) VALUES (?, ?)", (name, _now()))

    def rename_collection(self, old: str, new: str) -> None:
        """Renames a collection, keeping its events and history."""
        new = _collection_name(new)
        with self._write() as conn:
            collection_id = _collection_id(conn, old)
            if new == old:
                return
            if _find_collection(conn, new) is not None:
                raise StoreError(f"a collection named {new!r} already exists")
            conn.execute("UPDATE collections SET name = ? WHERE id = ?", (new, collection_id))

    def delete_collection(self, name: str) -> None:
        """Deletes a collection with its events and history (this cannot be undone)."""
        with self._write() as conn:
            conn.execute("DELETE FROM collections WHERE id = ?", (_collection_id(conn, name),))

    # --- reading -------------------------------------------------------------------------------

    def events(self, collection: str) -> pd.DataFrame:
        """The collection's live events (schema columns, then an int `version`), by start day."""
        columns = ", ".join(_quote(column) for column in COLUMNS)
        with self._read() as conn:
            collection_id = _collection_id(conn, collection)
            rows = conn.execute(
                f"SELECT {columns}, version FROM events WHERE collection_id = ? AND status = 'active' "
                'ORDER BY "start", "end", rowid', (collection_id,)).fetchall()
        frame = pd.DataFrame.from_records(rows, columns=[*COLUMNS, "version"])
        table = conform(frame)
        table["version"] = frame["version"].astype("int64").to_numpy()
        return table

    def history(self, collection: str) -> pd.DataFrame:
        """Every change to the collection's events, newest first: who, when (UTC ISO), what, before/after JSON."""
        with self._read() as conn:
            collection_id = _collection_id(conn, collection)
            rows = conn.execute(
                "SELECT c.id, c.at, c.who, c.action, c.description, h.event_id, h.fields, h.before, h.after, "
                "c.undone_by IS NOT NULL FROM history h JOIN changes c ON c.id = h.change_id "
                "WHERE c.collection_id = ? ORDER BY c.id DESC, h.id", (collection_id,)).fetchall()
        frame = pd.DataFrame.from_records(rows, columns=[
            "change_id", "when", "who", "action", "description", "event_id", "fields", "before", "after", "undone"])
        return frame.astype({"change_id": "int64", "undone": "bool"})

    # --- extraction and import -----------------------------------------------------------------

    def add_extracted(self, collection: str, frame: pd.DataFrame, user: str = "analyst") -> dict:
        """Upserts extracted events; counts {added, updated, kept_edited, unchanged, rejected}.

        A row is the earlier row with its event_id or, when the text or publication date changed
        since (so offsets and ids moved), the earlier row of the same article that says the same
        (see _with_earlier_ids); it then keeps the earlier id.

        Rows an analyst edited, deleted or merged (and manual or imported rows) are left as they are.
        Rows with a bad value are left out and described in "problems"; the others are stored.
        The collection is created when missing.
        """
        counts = {"added": 0, "updated": 0, "kept_edited": 0, "unchanged": 0, "rejected": 0}
        problems: list[str] = []
        records = []
        for row, fields in enumerate(event_records(frame), start=1):
            try:
                records.append(validate_event(fields, origin="extracted"))
            except FieldError as error:
                counts["rejected"] += 1
                problems.append(f"row {row}, column {error.column!r}: {error.message}")
        with self._write() as conn:
            collection_id = _collection_id(conn, collection, create=True)
            log = _ChangeLog(conn, collection_id, user, "extract")
            for record in _with_earlier_ids(conn, collection_id, records):
                current = _snapshot(conn, collection_id, record["event_id"])
                if current is None:
                    log.record(record["event_id"], None, _insert(conn, collection_id, record))
                    counts["added"] += 1
                elif current["status"] != "active" or current["edited"] or current["origin"] != "extracted":
                    counts["kept_edited"] += 1
                else:
                    changes = _differences(current, record, exclude=("event_id", "origin"))
                    if changes:
                        log.record(record["event_id"], current, _update(conn, collection_id, current, changes))
                        counts["updated"] += 1
                    else:
                        counts["unchanged"] += 1
            log.finish(f"extraction: {counts['added']} added, {counts['updated']} updated")
        return {**counts, "problems": problems}

    def import_events(self, collection: str, frame: pd.DataFrame, user: str) -> dict:
        """Merges an imported table (see export.read_events_csv) by event_id, all or nothing.

        New ids are added; known ids get the file's values for the columns the file has (from
        `frame.attrs["columns"]`, else all), deleted or merged ones come back. Imported rows count as
        the analyst's: re-extraction leaves them alone. Counts {added, updated, restored, unchanged}.
        """
        present = set(frame.attrs.get("columns") or COLUMNS)
        if "date" in present:
            present |= {"precision", "start", "end"}
        applied = [column for column in COLUMNS if column in present and column not in NOT_EDITABLE]
        records = []
        for row, fields in enumerate(event_records(frame), start=1):
            try:
                records.append(validate_event(fields, origin="imported"))
            except FieldError as error:
                raise StoreError(f"row {row}, column {error.column!r}: {error.message}", error.column) from None
        counts = {"added": 0, "updated": 0, "restored": 0, "unchanged": 0}
        with self._write() as conn:
            collection_id = _collection_id(conn, collection, create=True)
            log = _ChangeLog(conn, collection_id, user, "import")
            for record in records:
                current = _snapshot(conn, collection_id, record["event_id"])
                if current is None:
                    log.record(record["event_id"], None, _insert(conn, collection_id, record, edited=True))
                    counts["added"] += 1
                    continue
                changes = _differences(current, {column: record[column] for column in applied})
                if current["status"] != "active":
                    changes.update(status="active", merged_into="")
                if current["status"] == "active" and not changes:
                    counts["unchanged"] += 1
                    continue
                changes["edited"] = 1
                log.record(record["event_id"], current, _update(conn, collection_id, current, changes))
                counts["restored" if current["status"] != "active" else "updated"] += 1
            log.finish(f"import of {len(records)} events: {counts['added']} added, {counts['updated']} updated, "
                       f"{counts['restored']} restored")
        return counts

    # --- an analyst's changes ------------------------------------------------------------------

    def update_event(self, collection: str, event_id: str, changes: dict, user: str,
                     expected_version: int | None = None) -> int:
        """Applies `changes` ({column: value}) to one event and returns its new version.

        A new date sets precision, start and end from it (unless given); a coarser precision alone
        restates the date ("2024-12-08" -> "2024-12"). Values equal to the stored ones are no change.
        With `expected_version`, ConflictError when another change since then touched one of the same
        fields (edits to other fields of the same event go through).
        """
        parsed = _parse_changes(changes)
        with self._write() as conn:
            collection_id = _collection_id(conn, collection)
            current = _live_snapshot(conn, collection_id, event_id)
            changed = _date_consistent(current, _differences(current, parsed))
            if not changed:
                return current["version"]
            if expected_version is not None and expected_version != current["version"]:
                touched = _fields_changed_since(conn, collection_id, event_id, expected_version)
                if expected_version > current["version"] or touched & (set(changed) | {"status"}):
                    clashes = _clashes(conn, collection_id, current, changed, touched, expected_version)
                    shown = "; ".join(f"{field}: {clash['by']} wrote {_shown(clash['theirs'])}, you wrote "
                                      f"{_shown(clash['yours'])}" for field, clash in clashes.items())
                    raise ConflictError(
                        f"event {event_id} was changed by someone else since you opened it (now version "
                        f"{current['version']}, you had {expected_version}; changed: {', '.join(sorted(touched))})"
                        f"{': ' + shown if shown else ''}; reload it and try again", clashes)
            log = _ChangeLog(conn, collection_id, user, "edit")
            after = _update(conn, collection_id, current, {**changed, "edited": 1})
            log.record(event_id, current, after)
            log.finish(f"edit of {event_id}: {', '.join(changed)}")
            return after["version"]

    def add_manual(self, collection: str, fields: dict, user: str) -> str:
        """Adds an analyst's own event (origin "manual") and returns its new event_id."""
        unknown = sorted(set(fields) - set(COLUMNS))
        if unknown:
            raise StoreError(f"unknown column(s): {', '.join(unknown)}", unknown[0])
        try:
            record = validate_event({**fields, "origin": "manual"}, origin="manual")
        except FieldError as error:
            raise StoreError(f"{error.column}: {error.message}", error.column) from None
        given_id = str(fields.get("event_id") or "").strip()
        record["event_id"] = given_id or stable_event_id("manual", collection, uuid.uuid4().hex)
        with self._write() as conn:
            collection_id = _collection_id(conn, collection, create=True)
            if _snapshot(conn, collection_id, record["event_id"]) is not None:
                raise StoreError(f"event {record['event_id']} already exists in {collection!r}", "event_id")
            log = _ChangeLog(conn, collection_id, user, "add")
            log.record(record["event_id"], None, _insert(conn, collection_id, record))
            log.finish(f"manual event {record['event_id']}: {record['title'] or record['date_text']}")
        return record["event_id"]

    def delete_event(self, collection: str, event_id: str, user: str) -> None:
        """Marks an event deleted: it leaves events(), undo brings it back, re-extraction does not."""
        with self._write() as conn:
            collection_id = _collection_id(conn, collection)
            current = _live_snapshot(conn, collection_id, event_id)
            log = _ChangeLog(conn, collection_id, user, "delete")
            log.record(event_id, current, _update(conn, collection_id, current, {"status": "deleted"}))
            log.finish(f"deletion of {event_id}: {current['title'] or current['date_text']}")

    def change_events(self, collection: str, changes: dict[str, dict | None], user: str, what: str) -> int:
        """Several events changed as ONE change, which one undo takes back: {event_id: {column: value}}
        edits that event as update_event does, {event_id: None} deletes it as delete_event does.
        `what` names the change in the history ("tag added"). The number of events changed;
        StoreError (nothing written) for an unknown event or a bad value."""
        parsed = {event_id: None if fields is None else _parse_changes(fields) for event_id, fields in changes.items()}
        with self._write() as conn:
            collection_id = _collection_id(conn, collection)
            log = _ChangeLog(conn, collection_id, user, "edit")
            changed = []
            for event_id, fields in parsed.items():
                current = _live_snapshot(conn, collection_id, event_id)
                if fields is None:
                    log.record(event_id, current, _update(conn, collection_id, current, {"status": "deleted"}))
                    changed.append(event_id)
                    continue
                differences = _date_consistent(current, _differences(current, fields))
                if differences:
                    log.record(event_id, current, _update(conn, collection_id, current, {**differences, "edited": 1}))
                    changed.append(event_id)
            log.finish(f"{what} on {_count(len(changed), 'event')}: {', '.join(changed)}")
            return len(changed)

    def merge_events(self, collection: str, keep_id: str, other_id: str, user: str) -> None:
        """Merges `other_id` into `keep_id`: names, notes, evidence and sources joined with "; ".

        The kept event keeps its date and title; its empty fields are filled from the other, its
        confidence is the higher one, it is verified when either was, `sources`/`source_count` count
        both and `merge_note` says who merged them (timeline.merge.combined_fields is the rule). The
        other is marked merged into keep_id; `split_merged` takes it out again.
        """
        if keep_id == other_id:
            raise StoreError("an event cannot be merged with itself")
        with self._write() as conn:
            collection_id = _collection_id(conn, collection)
            keep = _live_snapshot(conn, collection_id, keep_id)
            other = _live_snapshot(conn, collection_id, other_id)
            log = _ChangeLog(conn, collection_id, user, "merge")
            _merge_into(conn, collection_id, log, keep, other,
                        f"{_named(other)} merged into {_named(keep)} by hand ({log.who})")
            log.finish(f"merge of {other_id} into {keep_id}")

    def similar_groups(self, collection: str, threshold: float = DEFAULT_THRESHOLD,
                       within_source: bool = False) -> pd.DataFrame:
        """What `merge_similar` would do, without doing it: one row per event in a group.

        Columns: group (1, 2, ...), role ("keep" for the row the others would be merged into, else
        "merge"), event_id, date, title, source, score (the weakest link of the group) and reasons
        (why each row joined: "ev-2 (wire) ~ ev-1 (kompas), score 0.82: same date ...", one line
        per link, on the row that joined). Empty when nothing would merge.
        """
        _check_threshold(threshold)
        with self._read() as conn:
            collection_id = _collection_id(conn, collection)
            records = _live_records(conn, collection_id)
        clusters = cluster_records(records, threshold, within_source)
        rows = []
        for number, cluster in enumerate(clusters, start=1):
            notes = link_notes(records, cluster)
            for position, member in enumerate(cluster.members):
                record = records[member]
                rows.append({"group": number, "role": "keep" if position == 0 else "merge",
                             "event_id": record["event_id"], "date": record["date"], "title": record["title"],
                             "source": record["source"], "score": cluster.score,
                             "reasons": "\n".join(notes.get(member, []))})
        return pd.DataFrame(rows, columns=["group", "role", "event_id", "date", "title", "source", "score", "reasons"])

    def merge_similar(self, collection: str, threshold: float = DEFAULT_THRESHOLD, user: str = "analyst",
                      within_source: bool = False, groups=None) -> dict:
        """Merges the collection's reports of one happening (timeline.merge) as one change: one undo
        takes it all back. {groups, merged, kept: [event_id], description}.

        Each group's most precise date is kept and the others are merged into it as `merge_events`
        does; its `merge_note` tells which rows joined and why. Rows of one source are not merged
        with each other unless `within_source`. With `groups` (the event ids of each group an
        analyst accepted in the `similar_groups` preview), only the groups found again with exactly
        those events are merged: a rejected group, or one that changed since the preview, is left
        apart (the description counts them).
        """
        _check_threshold(threshold)
        accepted = None if groups is None else {frozenset(str(event_id) for event_id in group) for group in groups}
        with self._write() as conn:
            collection_id = _collection_id(conn, collection)
            records = _live_records(conn, collection_id)
            proposed = cluster_records(records, threshold, within_source)
            clusters = [cluster for cluster in proposed if accepted is None
                        or frozenset(records[member]["event_id"] for member in cluster.members) in accepted]
            log = _ChangeLog(conn, collection_id, user, "merge")
            merged = 0
            for cluster in clusters:
                keep_id = records[cluster.keep]["event_id"]
                notes = link_notes(records, cluster)
                for member in cluster.members[1:]:
                    keep = _snapshot(conn, collection_id, keep_id)
                    other = _snapshot(conn, collection_id, records[member]["event_id"])
                    _merge_into(conn, collection_id, log, keep, other, NOTE_SEPARATOR.join(notes.get(member, [])))
                    merged += 1
            left = len(proposed) - len(clusters)
            description = (f"automatic merge at threshold {threshold:.2f}: {_count(merged, 'event')} folded into "
                           f"{_count(len(clusters), 'kept event')}"
                           + (f"; {_count(left, 'proposed group')} left apart" if left else ""))
            log.finish(description)
        return {"groups": len(clusters), "merged": merged,
                "kept": [records[cluster.keep]["event_id"] for cluster in clusters], "description": description}

    def merged_members(self, collection: str, event_id: str) -> pd.DataFrame:
        """The rows merged into `event_id` (as they were before the merge), oldest merge first; the
        events() columns. Empty when nothing was merged into it."""
        columns = ", ".join(_quote(column) for column in COLUMNS)
        with self._read() as conn:
            collection_id = _collection_id(conn, collection)
            rows = conn.execute(
                f"SELECT {columns}, version FROM events WHERE collection_id = ? AND status = 'merged' "
                "AND merged_into = ? ORDER BY rowid", (collection_id, event_id)).fetchall()
            order = _merge_order(conn, collection_id, event_id, [row["event_id"] for row in rows])
        rows = sorted(rows, key=lambda row: order.get(row["event_id"], (0, 0)))
        frame = pd.DataFrame.from_records(rows, columns=[*COLUMNS, "version"])
        table = conform(frame)
        table["version"] = frame["version"].astype("int64").to_numpy()
        return table

    def report_before_merges(self, collection: str, event_id: str) -> dict | None:
        """The kept event's own report, as it was before anything was merged into it (its own
        source, link, evidence and date phrase, not the joined ones): the schema's columns as plain
        values. None when nothing was merged into it in this collection (e.g. an imported event
        that came with several sources)."""
        with self._read() as conn:
            collection_id = _collection_id(conn, collection)
            members = [row[0] for row in conn.execute(
                "SELECT event_id FROM events WHERE collection_id = ? AND status = 'merged' AND merged_into = ?",
                (collection_id, event_id))]
            before = _before_merges(conn, event_id, _merge_order(conn, collection_id, event_id, members))
        return None if before is None else {column: before.get(column) for column in COLUMNS}

    def split_merged(self, collection: str, event_id: str, user: str, member_ids: list[str] | None = None) -> dict:
        """Takes a merge apart as one change: the rows merged into `event_id` (all, or `member_ids`)
        become events again, and the kept event loses what they brought. {restored, kept_edits}.

        The kept event's joined fields (actors, evidence, sources, ...) are rebuilt from what it was
        before the merges, with the rows that stay merged joined in again; a field an analyst edited
        since the merge keeps the analyst's value and is listed in "kept_edits". StoreError when
        nothing was merged into `event_id`, or a member id was not merged into it.
        """
        with self._write() as conn:
            collection_id = _collection_id(conn, collection)
            keep = _live_snapshot(conn, collection_id, event_id)
            members = [_snapshot(conn, collection_id, row[0]) for row in conn.execute(
                "SELECT event_id FROM events WHERE collection_id = ? AND status = 'merged' AND merged_into = ? "
                "ORDER BY rowid", (collection_id, event_id))]
            if not members:
                raise StoreError(f"nothing was merged into event {event_id}", "event_id")
            order = _merge_order(conn, collection_id, event_id, [member["event_id"] for member in members])
            members.sort(key=lambda member: order.get(member["event_id"], (0, 0)))
            known = [member["event_id"] for member in members]
            wanted = known if member_ids is None else list(dict.fromkeys(member_ids))
            strangers = sorted(set(wanted) - set(known))
            if strangers:
                raise StoreError(f"{', '.join(strangers)} {'was' if len(strangers) == 1 else 'were'} not merged "
                                 f"into {event_id}", "event_id")
            staying = [member for member in members if member["event_id"] not in wanted]
            changes, kept_edits = _unmerged_keep(conn, collection_id, keep, staying, order, set(wanted))
            log = _ChangeLog(conn, collection_id, user, "split")
            if changes:
                log.record(event_id, keep, _update(conn, collection_id, keep, {**changes, "edited": 1}))
            for member in members:
                if member["event_id"] in wanted:
                    log.record(member["event_id"], member,
                               _update(conn, collection_id, member, {"status": "active", "merged_into": ""}))
            log.finish(f"split of {event_id}: {len(wanted)} event{'s' if len(wanted) != 1 else ''} restored")
        return {"restored": wanted, "kept_edits": kept_edits}

    def undo(self, collection: str, user: str | None = None) -> str | None:
        """Reverts `user`'s own last change to the collection not yet undone (with user None: the
        collection's last change, whoever made it); its description, or None when none is left.

        Colleagues' changes made since stay: a field they changed after yours keeps their value,
        and ConflictError (nothing changed) when your change would undo over theirs.
        """
        with self._write() as conn:
            collection_id = _collection_id(conn, collection)
            mine = "" if user is None else " AND who = ?"
            change = conn.execute(
                "SELECT id, description FROM changes WHERE collection_id = ? AND undone_by IS NULL "
                f"AND action != 'undo'{mine} ORDER BY id DESC LIMIT 1",
                (collection_id, *(() if user is None else (_analyst(user),)))).fetchone()
            if change is None:
                return None
            return _undo(conn, collection_id, change, user)

    def undo_change(self, collection: str, change_id: int, user: str) -> str:
        """Reverts one change by its change_id (history()), whoever made it; its description.

        StoreError when there is no such change or it was undone already; ConflictError as undo().
        """
        with self._write() as conn:
            collection_id = _collection_id(conn, collection)
            change = conn.execute(
                "SELECT id, description, undone_by, action FROM changes WHERE collection_id = ? AND id = ?",
                (collection_id, int(change_id))).fetchone()
            if change is None:
                raise StoreError(f"there is no change {change_id} in this collection")
            if change["undone_by"] is not None:
                raise StoreError(f"change {change_id} was already undone")
            if change["action"] == "undo":
                raise StoreError(f"change {change_id} is an undo; make the change again instead")
            return _undo(conn, collection_id, change, user)

    # --- article texts -------------------------------------------------------------------------

    def save_articles(self, collection: str, texts) -> int:
        """Keeps each (source, text) of `texts` beside the collection's events, for the source view;
        a source saved again replaces its text. How many were kept (a blank source is skipped)."""
        rows = [(str(source), str(text)) for source, text in texts if source and str(source).strip()]
        if not rows:
            return 0
        with self._write() as conn:
            collection_id = _collection_id(conn, collection, create=True)
            for source, text in rows:
                conn.execute("INSERT INTO articles (collection_id, source, text) VALUES (?, ?, ?) "
                             "ON CONFLICT (collection_id, source) DO UPDATE SET text = excluded.text",
                             (collection_id, source, text))
        return len(rows)

    def article_text(self, collection: str, source: str) -> str | None:
        """The text kept for `source` in `collection`, or None when none was kept (an imported or
        hand-added event, an unknown collection)."""
        with self._read() as conn:
            collection_id = _find_collection(conn, collection) if isinstance(collection, str) else None
            if collection_id is None:
                return None
            found = conn.execute("SELECT text FROM articles WHERE collection_id = ? AND source = ?",
                                 (collection_id, str(source))).fetchone()
        return found[0] if found else None

    # --- connections ---------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator:
        try:
            with self._backend.reading() as conn:
                yield conn
        except BackendError as error:
            raise StoreError(str(error)) from None

    @contextmanager
    def _write(self) -> Iterator:
        """One transaction that no other writer interleaves with (see timeline.store.backends)."""
        try:
            with self._backend.writing() as conn:
                conn.execute("UPDATE store_state SET revision = revision + 1")
                yield conn
        except BackendError as error:
            raise StoreError(str(error)) from None
        except self._backend.errors as error:
            raise StoreError(f"the database refused the change: {' '.join(str(error).split())}") from None


class _ChangeLog:
    """One change (a row of `changes`) and its history rows, created when the first row is recorded."""

    def __init__(self, conn: Connection, collection_id: int, who: str, action: str):
        self.conn, self.collection_id, self.who, self.action = conn, collection_id, _analyst(who), action
        self.change_id: int | None = None

    def record(self, event_id: str, before: dict | None, after: dict | None) -> None:
        if self.change_id is None:
            self._open()
        fields = sorted(key for key in {*(before or {}), *(after or {})} - {"version"}
                        if (before or {}).get(key) != (after or {}).get(key))
        version = after["version"] if after else before["version"] + 1
        self.conn.execute(
            "INSERT INTO history (change_id, event_id, version, fields, before, after) VALUES (?, ?, ?, ?, ?, ?)",
            (self.change_id, event_id, version, json.dumps(fields), _json(before), _json(after)))

    def finish(self, description: str, always: bool = False) -> int | None:
        if self.change_id is None and always:
            self._open()
        if self.change_id is not None:
            self.conn.execute("UPDATE changes SET description = ? WHERE id = ?", (description, self.change_id))
        return self.change_id

    def _open(self) -> None:
        self.change_id = self.conn.execute(
            "INSERT INTO changes (collection_id, at, who, action, description) VALUES (?, ?, ?, ?, '') RETURNING id",
            (self.collection_id, _now(), self.who, self.action)).fetchone()[0]


# --- rows ----------------------------------------------------------------------------------------

def _create_tables(conn: Connection, backend) -> None:
    """The store's tables, in the backend's column types; columns added to the schema since are added."""
    types = backend.types
    event_columns = ", ".join(f"{_quote(column)} {types[dtype]}" for column, dtype in EVENT_COLUMNS.items())
    text = types["string"]
    rowid = f"{backend.rowid_column}, " if backend.rowid_column else ""
    active = text.replace("''", "'active'")
    # One execute() per statement: executescript() would commit the caller's transaction first.
    for statement in (
        f"CREATE TABLE IF NOT EXISTS collections (id {backend.id_column}, name {text} UNIQUE, created {text})",
        "CREATE TABLE IF NOT EXISTS events ("
        "collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE, "
        f"{event_columns}, "
        f"status {active} CHECK (status IN ('active', 'deleted', 'merged')), "
        f"merged_into {text}, edited INTEGER NOT NULL DEFAULT 0, "
        f"version INTEGER NOT NULL DEFAULT 1, {rowid}PRIMARY KEY (collection_id, event_id))",
        f"CREATE TABLE IF NOT EXISTS changes (id {backend.id_column}, "
        "collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE, "
        f"at {text}, who {text}, action {text}, description {text}, undone_by INTEGER)",
        f"CREATE TABLE IF NOT EXISTS history (id {backend.id_column}, "
        "change_id INTEGER NOT NULL REFERENCES changes(id) ON DELETE CASCADE, "
        f"event_id {text}, version INTEGER NOT NULL, fields {text}, before TEXT, after TEXT)",
        "CREATE TABLE IF NOT EXISTS store_state (revision INTEGER NOT NULL)",
        # The articles' texts, for the source view; they go with their collection.
        "CREATE TABLE IF NOT EXISTS articles ("
        "collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE, "
        f"source {text}, text {text}, PRIMARY KEY (collection_id, source))",
        "CREATE INDEX IF NOT EXISTS changes_by_collection ON changes (collection_id, id)",
        "CREATE INDEX IF NOT EXISTS history_by_change ON history (change_id)",
        "CREATE INDEX IF NOT EXISTS history_by_event ON history (event_id, version)",
    ):
        conn.execute(statement)
    if conn.execute("SELECT COUNT(*) FROM store_state").fetchone()[0] == 0:
        conn.execute("INSERT INTO store_state (revision) VALUES (0)")
    if backend.columns(conn, LEGACY_ARTICLES):
        _adopt_legacy_articles(conn)
    existing = backend.columns(conn, "events")
    for column, dtype in EVENT_COLUMNS.items():
        if column not in existing:
            conn.execute(f"ALTER TABLE events ADD COLUMN {_quote(column)} {types[dtype]}")
    backend.mark_schema(conn, SCHEMA_VERSION)


def _adopt_legacy_articles(conn: Connection) -> None:
    """Moves the texts an earlier version kept in its own SQLite table (keyed by collection name)
    into `articles`, then drops that table; texts of collections that no longer exist go with it."""
    conn.execute("INSERT INTO articles (collection_id, source, text) "
                 f"SELECT c.id, a.source, a.text FROM {LEGACY_ARTICLES} a JOIN collections c ON c.name = a.collection "
                 "WHERE true ON CONFLICT (collection_id, source) DO NOTHING")
    conn.execute(f"DROP TABLE {LEGACY_ARTICLES}")


def _snapshot(conn: Connection, collection_id: int, event_id: str) -> dict | None:
    """The stored row as plain values (schema columns and state), or None."""
    columns = ", ".join(_quote(column) for column in (*COLUMNS, *STATE_COLUMNS))
    row = conn.execute(f"SELECT {columns} FROM events WHERE collection_id = ? AND event_id = ?",
                       (collection_id, event_id)).fetchone()
    if row is None:
        return None
    snapshot = dict(row)
    snapshot["verified"] = bool(snapshot["verified"])
    return snapshot


def _live_snapshot(conn: Connection, collection_id: int, event_id: str) -> dict:
    current = _snapshot(conn, collection_id, event_id)
    if current is None:
        raise StoreError(f"there is no event {event_id!r} in this collection", "event_id")
    if current["status"] == "merged":
        raise StoreError(f"event {event_id} was merged into {current['merged_into']}", "event_id")
    if current["status"] != "active":
        raise StoreError(f"event {event_id} was deleted", "event_id")
    return current


def _insert(conn: Connection, collection_id: int, record: dict, edited: bool = False) -> dict:
    # Versions continue from the event's history, so an id that comes back never reuses a version.
    last = conn.execute("SELECT MAX(h.version) FROM history h JOIN changes c ON c.id = h.change_id "
                        "WHERE c.collection_id = ? AND h.event_id = ?", (collection_id, record["event_id"])).fetchone()[0]
    row = {**{column: record[column] for column in COLUMNS},
           "status": "active", "merged_into": "", "edited": int(edited), "version": (last or 0) + 1}
    _write_row(conn, collection_id, row)
    return _snapshot(conn, collection_id, record["event_id"])


def _update(conn: Connection, collection_id: int, current: dict, changes: dict) -> dict:
    """Writes only the changed columns (so concurrent edits of other fields survive) and bumps the version."""
    assignments = ", ".join(f"{_quote(column)} = ?" for column in changes)
    conn.execute(f"UPDATE events SET {assignments}{', ' if changes else ''}version = version + 1 "
                 "WHERE collection_id = ? AND event_id = ?",
                 (*(_sql_value(value) for value in changes.values()), collection_id, current["event_id"]))
    return _snapshot(conn, collection_id, current["event_id"])


def _restore(conn: Connection, collection_id: int, event_id: str, current: dict | None,
             before: dict | None) -> dict | None:
    if before is None:
        conn.execute("DELETE FROM events WHERE collection_id = ? AND event_id = ?", (collection_id, event_id))
        return None
    row = {**before, "version": (current or before)["version"] + 1}
    conn.execute("DELETE FROM events WHERE collection_id = ? AND event_id = ?", (collection_id, event_id))
    _write_row(conn, collection_id, row)
    return _snapshot(conn, collection_id, event_id)


def _write_row(conn: Connection, collection_id: int, row: dict) -> None:
    columns = [*COLUMNS, *STATE_COLUMNS]
    conn.execute(f"INSERT INTO events (collection_id, {', '.join(_quote(column) for column in columns)}) "
                 f"VALUES (?{', ?' * len(columns)})",
                 (collection_id, *(_sql_value(row.get(column)) for column in columns)))


def _differences(current: dict, values: dict, exclude: tuple[str, ...] = ()) -> dict:
    return {column: value for column, value in values.items()
            if column not in exclude and current.get(column) != value}


def _parse_changes(changes: dict) -> dict:
    if not isinstance(changes, dict):
        raise StoreError(f"changes must be a dict of column: value, got {type(changes).__name__}")
    unknown = sorted(set(changes) - set(COLUMNS))
    if unknown:
        raise StoreError(f"unknown column(s): {', '.join(map(str, unknown))}", str(unknown[0]))
    fixed = [column for column in NOT_EDITABLE if column in changes]
    if fixed:
        raise StoreError(f"{', '.join(fixed)} cannot be edited", fixed[0])
    parsed = {}
    for column, value in changes.items():
        try:
            parsed[column] = parse_field(column, value)
        except FieldError as error:
            raise StoreError(f"{column}: {error.message}", column) from None
    return parsed


def _date_consistent(current: dict, changed: dict) -> dict:
    """`changed` with date, precision, start and end made to agree (see Store.update_event)."""
    explicit = {column: changed[column] for column in ("precision", "start", "end") if column in changed}
    if "date" in changed and not changed["date"]:
        raise StoreError("the date cannot be empty", "date")
    try:
        if "date" not in changed and explicit.get("precision"):
            try:
                changed["date"] = at_precision(current["date"], explicit["precision"])
            except ValueError as error:
                raise FieldError(str(error), "precision") from None
        if "date" in changed:
            derived = date_fields(changed["date"], explicit.get("precision", ""), explicit.get("start", ""),
                                  explicit.get("end", ""))
        elif explicit:
            derived = date_fields(current["date"], "", explicit.get("start", current["start"]),
                                  explicit.get("end", current["end"]))
        else:
            return changed
    except FieldError as error:
        raise StoreError(f"{error.column}: {error.message}", error.column) from None
    changed.update(zip(("precision", "start", "end"), derived))
    return _differences(current, changed)


# How a re-extracted row finds its earlier self when its id moved, surest first: the same sentence
# and date; the same sentence and date expression (the publication date was corrected); the same
# date expression and date, when only one earlier row of the article has them (the sentence was
# reworded). Each pass runs over all rows before the next, so a sure match is never taken by a
# looser one.
_CONTENT_KEYS = (("evidence", "date_text", "date"), ("evidence", "date_text"), ("date_text", "date"))


def _with_earlier_ids(conn: Connection, collection_id: int, records: list[dict]) -> list[dict]:
    """`records` with the ids of the earlier extracted rows they match by content (see _CONTENT_KEYS)."""
    incoming = {record["event_id"] for record in records}
    articles = {(record["source"], record["url"]) for record in records}
    earlier = [dict(row) for row in conn.execute(
        "SELECT event_id, source, url, evidence, date_text, date FROM events "
        "WHERE collection_id = ? AND origin = 'extracted' ORDER BY rowid", (collection_id,))]
    candidates = [row for row in earlier if (row["source"], row["url"]) in articles
                  and row["event_id"] not in incoming]
    if not candidates:
        return records
    known = {row["event_id"] for row in earlier}
    unmatched = [index for index, record in enumerate(records) if record["event_id"] not in known]
    matched: dict[int, str] = {}
    for key in _CONTENT_KEYS:
        content = functools.partial(_content, key=key)
        claimed = set(matched.values())
        table: dict[tuple, list[str]] = {}
        for row in candidates:
            if row["event_id"] not in claimed and content(row):
                table.setdefault(content(row), []).append(row["event_id"])
        waiting: dict[tuple, list[int]] = {}
        for index in unmatched:
            if index not in matched and content(records[index]):
                waiting.setdefault(content(records[index]), []).append(index)
        loose = key == _CONTENT_KEYS[-1]
        for found_key, indexes in waiting.items():
            found = table.get(found_key, [])
            if loose and (len(found) != 1 or len(indexes) != 1):
                continue  # which reworded sentence is which earlier one cannot be told
            for index, event_id in zip(indexes, found, strict=False):  # surplus rows stay new
                matched[index] = event_id
    return [{**record, "event_id": matched[index]} if index in matched else record
            for index, record in enumerate(records)]


def _content(row: dict, key: tuple[str, ...]) -> tuple | None:
    """The row's article and `key` values, or None when one of them is empty (nothing to match on)."""
    values = tuple(row[column] for column in key)
    return (row["source"], row["url"], *values) if all(values) else None


def _analyst(who: object) -> str:
    """The name a change is recorded under: the analyst's, or "analyst" when none was given."""
    return " ".join(str(who or "").split()) or "analyst"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _clashes(conn: Connection, collection_id: int, current: dict, changed: dict, touched: set[str],
             version: int) -> dict:
    """For each field both the caller and a colleague changed since `version`: both values and who."""
    clashes = {}
    for field in sorted(set(changed) & touched):
        clashes[field] = {"theirs": current.get(field), "yours": changed[field],
                          "by": _last_changed_by(conn, collection_id, current["event_id"], field, version)}
    return clashes


def _last_changed_by(conn: Connection, collection_id: int, event_id: str, field: str, version: int) -> str:
    rows = conn.execute("SELECT c.who, h.fields FROM history h JOIN changes c ON c.id = h.change_id "
                        "WHERE c.collection_id = ? AND h.event_id = ? AND h.version > ? ORDER BY h.id DESC",
                        (collection_id, event_id, version)).fetchall()
    return next((row["who"] for row in rows if field in json.loads(row["fields"])), "someone")


def _undo(conn: Connection, collection_id: int, change, user: str | None) -> str:
    """Reverts one change (a `changes` row) and records the undo; its description.

    An event nobody touched since gets back exactly what it was. One changed since by a later change
    gets back only this change's fields, and only where they still hold what this change wrote;
    anything else is a ConflictError, raised before anything is written.
    """
    steps = conn.execute("SELECT event_id, before, after FROM history WHERE change_id = ? ORDER BY id",
                         (change["id"],)).fetchall()
    first_before, last_after = {}, {}
    for step in steps:
        first_before.setdefault(step["event_id"], json.loads(step["before"]) if step["before"] else None)
        last_after[step["event_id"]] = json.loads(step["after"]) if step["after"] else None
    plans = []
    for event_id in reversed(list(first_before)):
        before, after = first_before[event_id], last_after[event_id]
        current = _snapshot(conn, collection_id, event_id)
        # Untouched since: holding just what this change left (later changes undone count as none).
        untouched = (current is None and after is None) or (
            current is not None and after is not None and _same_row(current, after))
        if untouched:
            plans.append((event_id, current, before, None))
            continue
        fields = sorted(key for key in {*(before or {}), *(after or {})} - {"version", "edited"}
                        if (before or {}).get(key) != (after or {}).get(key))
        moved = [field for field in fields if before is None or after is None or current is None
                 or current.get(field) != after.get(field)]
        if moved:
            who = _later_analyst(conn, collection_id, event_id, change["id"])
            now = "; ".join(f"{field}: now {_shown((current or {}).get(field))}, this change set "
                            f"{_shown((after or {}).get(field))}" for field in moved[:3])
            raise ConflictError(
                f"cannot undo {change['description']}: {who} changed it since ({event_id}: {now}); "
                "undo their change first, or edit the event by hand",
                {field: {"theirs": (current or {}).get(field), "yours": (before or {}).get(field), "by": who}
                 for field in moved})
        plans.append((event_id, current, None, {field: before[field] for field in fields}))
    log = _ChangeLog(conn, collection_id, user, "undo")
    for event_id, current, before, fields in plans:
        if fields is None:
            log.record(event_id, current, _restore(conn, collection_id, event_id, current, before))
        else:
            log.record(event_id, current, _update(conn, collection_id, current, fields))
    description = f"undid {change['description']}"
    undo_id = log.finish(description, always=True)
    conn.execute("UPDATE changes SET undone_by = ? WHERE id = ?", (undo_id, change["id"]))
    return description


def _same_row(current: dict, other: dict) -> bool:
    return all(current.get(key) == other.get(key) for key in {*current, *other} - {"version"})


def _later_analyst(conn: Connection, collection_id: int, event_id: str, change_id: int) -> str:
    row = conn.execute("SELECT c.who FROM history h JOIN changes c ON c.id = h.change_id WHERE c.collection_id = ? "
                       "AND h.event_id = ? AND c.id > ? ORDER BY h.id DESC LIMIT 1",
                       (collection_id, event_id, change_id)).fetchone()
    return row["who"] if row else "someone"


def _fields_changed_since(conn: Connection, collection_id: int, event_id: str, version: int) -> set[str]:
    rows = conn.execute("SELECT h.fields FROM history h JOIN changes c ON c.id = h.change_id "
                        "WHERE c.collection_id = ? AND h.event_id = ? AND h.version > ?",
                        (collection_id, event_id, version)).fetchall()
    return {field for row in rows for field in json.loads(row["fields"])} - {"edited"}


def _merge_into(conn: Connection, collection_id: int, log: _ChangeLog, keep: dict, other: dict,
                note: str) -> None:
    """`other` merged into `keep` (timeline.merge.combined_fields), both recorded in `log`."""
    changes = _differences(keep, _merged(keep, other, note))
    log.record(keep["event_id"], keep, _update(conn, collection_id, keep, {**changes, "edited": 1}))
    log.record(other["event_id"], other,
               _update(conn, collection_id, other, {"status": "merged", "merged_into": keep["event_id"]}))


def _merged(keep: dict, other: dict, note: str = "") -> dict:
    """The kept row's new values: everything but its id, origin and date (see combined_fields)."""
    combined = combined_fields(keep, other, note)
    return {column: combined[column] for column in COLUMNS if column not in KEPT_FROM_KEEP}


def _named(record: dict) -> str:
    return f"{record['event_id']} ({record['source']})" if record.get("source") else record["event_id"]


def _live_records(conn: Connection, collection_id: int) -> list[dict]:
    """The collection's live events as plain values, in the order events() gives them."""
    columns = ", ".join(_quote(column) for column in COLUMNS)
    rows = conn.execute(f"SELECT {columns} FROM events WHERE collection_id = ? AND status = 'active' "
                        'ORDER BY "start", "end", rowid', (collection_id,)).fetchall()
    records = [dict(row) for row in rows]
    for record in records:
        record["verified"] = bool(record["verified"])
    return records


def _merge_order(conn: Connection, collection_id: int, keep_id: str,
                 member_ids: list[str]) -> dict[str, tuple[int, int]]:
    """For each member, (change id, history id) of the step that last merged it into `keep_id`."""
    if not member_ids:
        return {}
    marks = ", ".join("?" * len(member_ids))
    rows = conn.execute(
        f"SELECT h.id, h.change_id, h.event_id, h.after FROM history h JOIN changes c ON c.id = h.change_id "
        f"WHERE c.collection_id = ? AND h.event_id IN ({marks}) ORDER BY h.id", (collection_id, *member_ids)).fetchall()
    order = {}
    for row in rows:
        after = json.loads(row["after"]) if row["after"] else None
        if after and after.get("status") == "merged" and after.get("merged_into") == keep_id:
            order[row["event_id"]] = (row["change_id"], row["id"])
    return order


def _unmerged_keep(conn: Connection, collection_id: int, keep: dict, staying: list[dict],
                   order: dict[str, tuple[int, int]], leaving: set[str]) -> tuple[dict, list[str]]:
    """The kept row's changes when the `leaving` members are split off, and the fields left alone
    because an analyst edited them after the merges.

    The joined fields are rebuilt from the kept row as it was just before the first of its
    members' merges (from history), with the `staying` members joined in again.
    """
    rebuilt = _before_merges(conn, keep["event_id"], order)
    if rebuilt is None:
        return {}, []
    first_change = min(order.values())[0]
    for member in staying:
        rebuilt.update(_merged(rebuilt, member))
    # Notes about the rows that stay are kept; those about the rows that leave go.
    rebuilt["merge_note"] = NOTE_SEPARATOR.join(
        note for note in keep["merge_note"].split(NOTE_SEPARATOR)
        if note and not any(_mentions(note, member_id) for member_id in leaving))
    edited = {field for row in conn.execute(
        "SELECT h.fields FROM history h JOIN changes c ON c.id = h.change_id WHERE c.collection_id = ? "
        "AND h.event_id = ? AND c.id > ? AND c.action IN ('edit', 'import') AND c.undone_by IS NULL",
        (collection_id, keep["event_id"], first_change)) for field in json.loads(row["fields"])}
    changes, kept_edits = {}, []
    for column in COLUMNS:
        if column in KEPT_FROM_KEEP or keep.get(column) == rebuilt.get(column):
            continue
        if column in edited:
            kept_edits.append(column)
        else:
            changes[column] = rebuilt.get(column)
    return changes, kept_edits


def _before_merges(conn: Connection, keep_id: str, order: dict[str, tuple[int, int]]) -> dict | None:
    """The kept row as it was just before the first of its members' merges (from history), or
    None when no merge of `order` (see _merge_order) recorded it."""
    if not order:
        return None
    first_change = min(order.values())[0]
    row = conn.execute("SELECT before FROM history WHERE change_id = ? AND event_id = ? ORDER BY id LIMIT 1",
                       (first_change, keep_id)).fetchone()
    return json.loads(row["before"]) if row is not None and row["before"] else None


def _mentions(note: str, event_id: str) -> bool:
    return any(word.strip("(),:") == event_id for word in note.split())


def _check_threshold(threshold: object) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1:
        raise StoreError(f"the merge threshold is a number from 0 to 1, not {threshold!r}")


def _collection_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise StoreError("a collection needs a name")
    if len(name.strip()) > MAX_COLLECTION_NAME:
        raise StoreError(f"a collection name is at most {MAX_COLLECTION_NAME} characters")
    return name.strip()


def _find_collection(conn: Connection, name: str) -> int | None:
    row = conn.execute("SELECT id FROM collections WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def _collection_id(conn: Connection, name: str, create: bool = False) -> int:
    found = _find_collection(conn, name) if isinstance(name, str) else None
    if found is not None:
        return found
    if not create:
        raise StoreError(f"there is no collection named {name!r}")
    name = _collection_name(name)
    found = _find_collection(conn, name)
    if found is not None:
        return found
    return conn.execute("INSERT INTO collections (name, created) VALUES (?, ?) RETURNING id",
                        (name, _now())).fetchone()[0]


def _sql_value(value: object) -> object:
    return int(value) if isinstance(value, bool) else value


def _json(snapshot: dict | None) -> str | None:
    return None if snapshot is None else json.dumps(snapshot, ensure_ascii=False, sort_keys=False)


def _quote(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _count(number: int, noun: str) -> str:
    """"1 event", "3 events" ("1 kept event", "2 kept events") for history descriptions."""
    return f"{number} {noun}" + ("" if number == 1 else "s")
