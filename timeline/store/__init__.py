"""The events store: one interface, two backends (SQLite by default, PostgreSQL for a team).

    from timeline.store import Store
    store = Store()                                          # TIMELINE_DB, else the user data folder
    store = Store("postgresql://rina@db.example/timeline")   # one database for the whole desk

See timeline.store.core for the behaviour (history, undo, versions, re-extraction) and
timeline.store.backends for what differs between the two databases.
"""
from timeline.store.backends import is_database_url
from timeline.store.core import (
    DEFAULT_COLLECTION, ENV_VAR, ConflictError, Store, StoreError, default_db_path,
)

__all__ = ["DEFAULT_COLLECTION", "ENV_VAR", "ConflictError", "Store", "StoreError", "default_db_path",
           "is_database_url"]
