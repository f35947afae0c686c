"""Several processes editing one event at once, on a real database (SQLite, or PostgreSQL with
TIMELINE_TEST_DB): nothing is lost and every conflict is detected, and only real ones."""
import json
import multiprocessing

import pandas as pd

from store_target import db_target  # noqa: F401 - a fixture
from timeline.store import ConflictError, Store

C = "default"
PROCESSES = 4
EDITS = 30
FIELD_OF = {0: "title", 1: "title", 2: "notes", 3: "notes"}   # two writers per field


def _analyst(target, number, barrier, results):
    """One analyst: reads the event, edits its field with the version it saw, again and again."""
    store, field, outcomes = Store(target), FIELD_OF[number], []
    barrier.wait()
    try:
        for edit in range(EDITS):
            seen = store.events(C).set_index("event_id").loc["ev-x", "version"]
            value = f"{field} {number}.{edit}"
            try:
                new = store.update_event(C, "ev-x", {field: value}, f"analyst-{number}", expected_version=int(seen))
                outcomes.append({"seen": int(seen), "new": new, "value": value, "ok": True})
            except ConflictError:
                outcomes.append({"seen": int(seen), "value": value, "ok": False})
        results.put((number, outcomes, None))
    except Exception as error:  # reported by the test
        results.put((number, outcomes, repr(error)))


def test_many_processes_editing_at_once_lose_nothing_and_every_conflict_is_caught(db_target):
    store = Store(db_target)
    store.add_extracted(C, pd.DataFrame([{"event_id": "ev-x", "date": "2025-02-12", "title": "start",
                                          "source": "wire"}]), user="pipeline")
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(PROCESSES), context.Queue()
    workers = [context.Process(target=_analyst, args=(db_target, number, barrier, results))
               for number in range(PROCESSES)]
    for worker in workers:
        worker.start()
    outcomes = {}
    for _ in workers:
        number, done, error = results.get(timeout=600)
        assert error is None, f"analyst {number}: {error}"
        outcomes[number] = done
    for worker in workers:
        worker.join()

    history = store.history(C)
    edits = history[history["action"] == "edit"].sort_values("change_id")
    rows = [{"who": who, "fields": set(json.loads(fields)) - {"edited"}, "version": json.loads(after)["version"],
             "after": json.loads(after), "before": json.loads(before)}
            for who, fields, before, after in edits[["who", "fields", "before", "after"]].itertuples(index=False)]

    # Nothing lost: every accepted edit is in the history once, under its analyst, and nothing else is.
    for number, done in outcomes.items():
        field = FIELD_OF[number]
        accepted = [outcome["value"] for outcome in done if outcome["ok"]]
        recorded = [row["after"][field] for row in rows if row["who"] == f"analyst-{number}"]
        assert recorded == accepted
        assert all(row["fields"] == {field} for row in rows if row["who"] == f"analyst-{number}")
    assert len(rows) == sum(outcome["ok"] for done in outcomes.values() for outcome in done)
    # ...and each edit started from the value the previous edit of its field left.
    for field in ("title", "notes"):
        chain = [row for row in rows if field in row["fields"]]
        for previous, following in zip(chain, chain[1:]):
            assert following["before"][field] == previous["after"][field]
    final = store.events(C).set_index("event_id").loc["ev-x"]
    assert final["version"] == 1 + len(rows)
    for field in ("title", "notes"):
        assert final[field] == [row for row in rows if field in row["fields"]][-1]["after"][field]

    # Every conflict detected: no edit went through over another edit of its field made after it read...
    version_of = {row["version"]: row for row in rows}
    for number, done in outcomes.items():
        field = FIELD_OF[number]
        for outcome in done:
            until = outcome.get("new", max(version_of) + 1)
            same_field_since = [version for version in range(outcome["seen"] + 1, until)
                                if version in version_of and field in version_of[version]["fields"]]
            if outcome["ok"]:
                assert same_field_since == [], outcome
            else:  # ...and each refusal was a real one: the field had been changed since
                assert same_field_since, outcome
    conflicts = sum(not outcome["ok"] for done in outcomes.values() for outcome in done)
    assert conflicts > 0 and len(rows) > PROCESSES  # the processes did run into each other
